// The contract every key store adapter passes (docs/reference/personal-data.md). Each adapter's
// spec calls describeKeyStoreContract with a factory of fresh, empty stores.
import { randomUUID } from 'node:crypto';
import { DataKeyDestroyedError, KeyImportRefusedError, KeyStoreClosedError } from '../errors';
import type { DataKeyRequest, KeyStore, ValueReference } from '../key-store.port';
import { openText, sealText } from '../sealing';

export interface KeyStoreContractOptions {
  /** A new empty store; closed by the suite. */
  create: () => Promise<KeyStore>;
  /** The same storage opened again (a restart, or another process). */
  reopen?: (first: KeyStore) => Promise<KeyStore>;
}

export const DESTROYED_AT = '2026-01-15T10:00:00.000Z';

export function subject(organizationId = `org-${randomUUID().slice(0, 8)}`, name = 'r-1'): DataKeyRequest {
  return { keyId: `${organizationId}/respondent/${name}`, organizationId };
}

export function describeKeyStoreContract(name: string, options: KeyStoreContractOptions): void {
  describe(`${name} (key store contract)`, () => {
    const opened: KeyStore[] = [];
    const create = async (): Promise<KeyStore> => {
      const store = await options.create();
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it('should create a data key on first use and reuse it, with a new value secret every time', async () => {
      const store = await create();
      const alice = subject();
      const [first, second] = await store.issue([alice, alice]);
      const [third] = await store.issue([alice]);
      expect(first?.dataKey).toHaveLength(32);
      expect(second?.dataKey.equals(first?.dataKey as Buffer)).toBe(true);
      expect(third?.dataKey.equals(first?.dataKey as Buffer)).toBe(true);
      const secrets = new Set([first, second, third].map((issued) => issued?.valueSecret.toString('hex')));
      expect(secrets.size).toBe(3);
      expect(new Set([first, second, third].map((issued) => issued?.valueId)).size).toBe(3);
    });

    it('should find the keys it issued, and seal and open text with them', async () => {
      const store = await create();
      const [issued] = await store.issue([subject()]);
      if (issued === undefined) throw new Error('nothing issued');
      const [found] = await store.find([issued]);
      if (found?.state !== 'available') throw new Error(`expected available, got ${found?.state}`);
      const sealed = sealText('Carol at the front desk complained', issued);
      expect(JSON.stringify(sealed)).not.toContain('Carol');
      expect(openText(sealed, found.dataKey, found.valueSecret)).toBe('Carol at the front desk complained');
    });

    it('should answer missing for a value it never issued', async () => {
      const store = await create();
      expect(await store.find([{ keyId: subject().keyId, valueId: randomUUID() }])).toEqual([
        { state: 'missing' },
      ]);
    });

    it('should destroy a data key: every value of it reads destroyed and no key is issued for it again', async () => {
      const store = await create();
      const alice = subject();
      const bob = { ...alice, keyId: `${alice.organizationId}/respondent/bob` };
      const issued = await store.issue([alice, alice, bob]);
      expect(await store.destroyDataKey(alice, DESTROYED_AT)).toEqual({ dataKeys: 1, valueSecrets: 2 });
      const found = await store.find(issued);
      expect(found.map((lookup) => lookup.state)).toEqual(['destroyed', 'destroyed', 'available']);
      expect(found[0]).toEqual({ state: 'destroyed', destroyedAt: DESTROYED_AT });
      await expect(store.issue([bob, alice])).rejects.toBeInstanceOf(DataKeyDestroyedError);
      // All or nothing: the refused batch issued no secret for bob either.
      const bobSecrets = (await store.records(alice.organizationId)).filter(
        (record) => record.kind === 'value-secret' && record.keyId === bob.keyId,
      );
      expect(bobSecrets).toHaveLength(1);
      expect(await store.destroyDataKey(alice, DESTROYED_AT)).toEqual({ dataKeys: 0, valueSecrets: 0 });
    });

    it('should keep a tombstone for a data key destroyed before it was ever made', async () => {
      const store = await create();
      const carol = subject();
      await store.destroyDataKey(carol, DESTROYED_AT);
      await expect(store.issue([carol])).rejects.toThrow(`The data key ${carol.keyId} was destroyed`);
    });

    it('should destroy one value secret and leave the other values of the same key readable', async () => {
      const store = await create();
      const alice = subject();
      const [wrongPaste, kept] = await store.issue([alice, alice]);
      if (wrongPaste === undefined || kept === undefined) throw new Error('nothing issued');
      expect(await store.destroyValueSecrets([wrongPaste], DESTROYED_AT)).toEqual({
        dataKeys: 0,
        valueSecrets: 1,
      });
      expect((await store.find([wrongPaste, kept])).map((lookup) => lookup.state)).toEqual([
        'destroyed',
        'available',
      ]);
      expect(await store.destroyValueSecrets([wrongPaste], DESTROYED_AT)).toEqual({
        dataKeys: 0,
        valueSecrets: 0,
      });
      const [more] = await store.issue([alice]);
      expect(more?.dataKey.equals(kept.dataKey)).toBe(true);
    });

    it('should discard secrets issued for values never stored', async () => {
      const store = await create();
      const [unused] = await store.issue([subject()]);
      if (unused === undefined) throw new Error('nothing issued');
      await store.discard([unused.valueId]);
      expect(await store.find([unused])).toEqual([{ state: 'missing' }]);
    });

    it("should list one organisation's records, with no material once destroyed", async () => {
      const store = await create();
      const alice = subject('org-a');
      const group = { keyId: 'org-a/rater-group/SELF/', organizationId: 'org-a' };
      const other = subject('org-b');
      const [aliceValue] = await store.issue([alice, group, other]);
      await store.destroyDataKey(alice, DESTROYED_AT);
      const records = await store.records('org-a');
      expect(
        records
          .filter((record) => record.kind === 'data-key')
          .map((record) => record.keyId)
          .sort(),
      ).toEqual([alice.keyId, group.keyId].sort());
      const aliceKey = records.find((record) => record.kind === 'data-key' && record.keyId === alice.keyId);
      expect(aliceKey).toMatchObject({ material: null, destroyedAt: DESTROYED_AT });
      expect(
        records.some((record) => record.kind === 'value-secret' && record.valueId === aliceValue?.valueId),
      ).toBe(false);
      expect(records.filter((record) => record.kind === 'value-secret')).toHaveLength(1);
      expect(await store.records()).toHaveLength(records.length + 2);
    });

    it('should import records into another store that then opens the same values', async () => {
      const source = await create();
      const alice = subject();
      const [forgotten] = await source.issue([alice]);
      const bob = { ...alice, keyId: `${alice.organizationId}/respondent/bob` };
      const [kept] = await source.issue([bob]);
      if (forgotten === undefined || kept === undefined) throw new Error('nothing issued');
      await source.destroyDataKey(alice, DESTROYED_AT);
      const sealed = sealText('kept evidence', kept);
      const target = await create();
      await target.importRecords(await source.records());
      const [forgottenThere, keptThere] = await target.find([forgotten, kept]);
      expect(forgottenThere?.state).toBe('destroyed');
      if (keptThere?.state !== 'available') throw new Error('the kept value is not available after import');
      expect(openText(sealed, keptThere.dataKey, keptThere.valueSecret)).toBe('kept evidence');
      await expect(target.issue([alice])).rejects.toBeInstanceOf(DataKeyDestroyedError);
    });

    it('should refuse an import that would overwrite a key it holds, writing nothing', async () => {
      const store = await create();
      const alice = subject();
      const [issued] = await store.issue([alice]);
      const before = await store.records();
      const fresh: ValueReference = {
        keyId: `${alice.organizationId}/respondent/new`,
        valueId: randomUUID(),
      };
      await expect(
        store.importRecords([
          {
            kind: 'data-key',
            keyId: fresh.keyId,
            organizationId: alice.organizationId,
            material: Buffer.alloc(32, 7).toString('base64'),
            createdAt: DESTROYED_AT,
            destroyedAt: null,
          },
          ...before,
        ]),
      ).rejects.toBeInstanceOf(KeyImportRefusedError);
      expect(await store.records()).toEqual(before);
      expect((await store.find([issued as ValueReference]))[0]?.state).toBe('available');
    });

    if (options.reopen !== undefined) {
      const reopen = options.reopen;
      it('should keep issued keys and tombstones across a restart', async () => {
        const store = await create();
        const alice = subject();
        const bob = { ...alice, keyId: `${alice.organizationId}/respondent/bob` };
        const [aliceValue, bobValue] = await store.issue([alice, bob]);
        await store.destroyDataKey(bob, DESTROYED_AT);
        const again = await reopen(store);
        opened.push(again);
        const found = await again.find([aliceValue as ValueReference, bobValue as ValueReference]);
        expect(found.map((lookup) => lookup.state)).toEqual(['available', 'destroyed']);
        if (found[0]?.state === 'available')
          expect(found[0].dataKey.equals(aliceValue?.dataKey as Buffer)).toBe(true);
      });
    }

    it('should refuse every operation once closed', async () => {
      const store = await create();
      await store.close();
      await expect(store.issue([subject()])).rejects.toBeInstanceOf(KeyStoreClosedError);
    });
  });
}
