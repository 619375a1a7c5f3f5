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

/**
 * canonicalJson as it was before sorted key orders were kept per shape (Object.keys, then sort, for
 * every object): the oracle the faster version must match byte for byte.
 */
function canonicalJsonBySortingEveryObject(value: unknown, key = ''): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('BigInt is not JSON');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value))
    return `[${value.map((item, index) => canonicalJsonBySortingEveryObject(item, String(index)) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const member of Object.keys(record).sort()) {
    const serialized = canonicalJsonBySortingEveryObject(record[member], member);
    if (serialized !== undefined) members.push(`${JSON.stringify(member)}:${serialized}`);
  }
  return `{${members.join(',')}}`;
}

describe('canonicalJson against sorting every object', () => {
  // Few keys, so that objects often share a first key with other key lists and orders.
  const key = fc.oneof(
    fc.constantFrom('a', 'b', 'c', 'id', 'Z', '10', '9', '0', 'é', 'ß', '😀', '__proto__', 'toJSON', ''),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
  );
  const leaf = fc.oneof(
    fc.double(), // NaN, infinities and -0 included
    fc.integer(),
    fc.string({ unit: 'binary', maxLength: 8 }), // lone surrogates included
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.constant({ toJSON: (memberKey: string): string => `key:${memberKey}` }),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('node'), { maxLength: 5 }),
    object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
  })).node;

  it('should give byte-identical text for any value, objects of shared and differing shapes alike', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), (values) => {
        // Each inside an object, as event data is (a bare undefined has no JSON text at all).
        for (const item of values)
          expect(canonicalJson({ item })).toBe(canonicalJsonBySortingEveryObject({ item }));
      }),
      { numRuns: 500 },
    );
  });

  it('should sort again when an object has the first key of a known shape but other keys or another order', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ b: 1, c: 3, a: 2 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ b: 1, z: 2 })).toBe('{"b":1,"z":2}');
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ b: 1, y: 2, x: 3 })).toBe('{"b":1,"x":3,"y":2}');
    expect(canonicalJson({ b: 1, a: 2, c: 3, d: 4 })).toBe('{"a":2,"b":1,"c":3,"d":4}');
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });
});
