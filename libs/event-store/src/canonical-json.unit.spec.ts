import fc from 'fast-check';
import { canonicalMetadataJson } from './append-rules';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('should sort keys at every depth and add no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('should follow JSON.stringify for undefined, non-finite numbers, dates and strings', () => {
    expect(
      canonicalJson({
        gone: undefined,
        list: [undefined, Number.NaN, Number.POSITIVE_INFINITY],
        date: new Date(0),
        text: 'é\n"',
      }),
    ).toBe('{"date":"1970-01-01T00:00:00.000Z","list":[null,null,null],"text":"é\\n\\""}');
  });

  it('should give the same text for a value and its JSON round trip, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const roundTripped: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(roundTripped)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(roundTripped);
      }),
    );
  });
});

describe(canonicalMetadataJson.name, () => {
  it('should equal canonicalJson of the metadata', () => {
    fc.assert(
      fc.property(
        fc.record({
          actor: fc.string(),
          role: fc.string(),
          commandId: fc.option(fc.string()),
          correlationId: fc.string(),
          causationId: fc.option(fc.string()),
          recordedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          schemaVersion: fc.integer({ min: 1, max: 1000 }),
          prevHash: fc.option(fc.string()),
        }),
        (metadata) => {
          expect(canonicalMetadataJson(metadata)).toBe(canonicalJson(metadata));
        },
      ),
    );
  });
});
