import fc from 'fast-check';
import { PersistentMap } from './persistent-map';

describe(PersistentMap.name, () => {
  it('should keep every version reading as it was, whichever version is read or extended later', () => {
    const step = fc.record({
      // Which earlier version to extend (the newest one most of the time, as a fold does).
      from: fc.nat(),
      entries: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer()), { maxLength: 4 }),
      read: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const versions = [new PersistentMap<string, number>()];
        const expected = [new Map<string, number>()];
        for (const { from, entries, read } of steps) {
          const base = from % versions.length;
          versions.push((versions[base] as PersistentMap<string, number>).withEntries(entries));
          expected.push(new Map([...(expected[base] as Map<string, number>), ...entries]));
          const reread = read % versions.length;
          expect([...(versions[reread] as PersistentMap<string, number>)]).toEqual([
            ...(expected[reread] as Map<string, number>),
          ]);
        }
        versions.forEach((version, index) => {
          const map = expected[index] as Map<string, number>;
          expect([...version.entries()]).toEqual([...map.entries()]);
          expect(version.size).toBe(map.size);
          for (const key of ['a', 'b', 'c', 'd', 'e']) expect(version.get(key)).toBe(map.get(key));
        });
      }),
    );
  });

  it('should extend the newest version without copying the entries it already holds', () => {
    let version = new PersistentMap<number, number>();
    for (let key = 0; key < 20_000; key += 1) version = version.withEntries([[key, key]]);
    const set = jest.spyOn(Map.prototype, 'set');
    version.withEntries([[20_000, 20_000]]);
    // One entry set, where copying the map would have set 20,001.
    expect(set).toHaveBeenCalledTimes(1);
    set.mockRestore();
  });
});
