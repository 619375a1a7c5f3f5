import {
  coversSameScope,
  fingerprintText,
  organizationScope,
  parseFingerprint,
} from './integrity-fingerprint';

const DIGEST = 'c37a46'.padEnd(64, '0');

describe('the text of an integrity fingerprint', () => {
  it('should name the scope it was taken on and read it back', () => {
    const text = fingerprintText({
      scope: organizationScope(['harbour-cafe-bistro']),
      headPosition: 230,
      eventCount: 228,
      streamHeadsDigest: DIGEST,
    });
    expect(text).toBe(`v2:org=harbour-cafe-bistro:230:228:${DIGEST}`);
    expect(parseFingerprint(`${text} (checked 2026-11-29T15:20:00.000Z)`)).toEqual({
      scope: { organizationIds: ['harbour-cafe-bistro'] },
      headPosition: 230,
      eventCount: 228,
      streamHeadsDigest: DIGEST,
    });
    expect(
      fingerprintText({ scope: 'store', headPosition: 1, eventCount: 1, streamHeadsDigest: DIGEST }),
    ).toBe(`v2:store:1:1:${DIGEST}`);
  });

  it('should compare only within the same scope, with organisations in any order', () => {
    const kept = parseFingerprint(`v2:org=b,a:9:9:${DIGEST}`);
    expect(coversSameScope(kept, organizationScope(['a', 'b']))).toBe(true);
    expect(coversSameScope(kept, organizationScope(['a']))).toBe(false);
    expect(coversSameScope(kept, 'store')).toBe(false);
    expect(coversSameScope(parseFingerprint(`v2:store:9:9:${DIGEST}`), 'store')).toBe(true);
  });

  it('should read a v1 fingerprint as one of unknown scope, comparable with any check', () => {
    const kept = parseFingerprint(`v1:230:228:${DIGEST}`);
    expect(kept.scope).toBeNull();
    expect(coversSameScope(kept, 'store')).toBe(true);
  });

  it('should refuse a malformed or unknown scope naming since', () => {
    for (const text of [`v2:org=Not_A_Slug:1:1:${DIGEST}`, `v3:store:1:1:${DIGEST}`]) {
      const refusal = (() => {
        try {
          parseFingerprint(text);
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toMatchObject({ field: 'since' });
    }
  });
});
