// A fingerprint an auditor writes down after a check: the store's head position, how many of the
// checked streams' events sit at or before it, and a digest over each stream's last event there.
// A later check recomputes the same three as of that head position, so an event changed or
// removed since (even the last of a stream, or of the whole store) no longer matches.
// The text names what was checked (v2): a fingerprint of one organisation's streams compared
// with a check of the whole store would differ in count without anything having been tampered
// with, so a check of another scope refuses it instead of reporting it broken.
import { createHash } from 'node:crypto';
import { invalidInput } from '@app/domain';

export interface IntegrityFingerprint {
  /** The store's head position when checked: the fingerprint covers events up to it. */
  headPosition: number;
  /** The checked streams' events at positions up to headPosition. */
  eventCount: number;
  /** SHA-256 (hex) over each checked stream's last event up to headPosition: stream, revision, hash. */
  streamHeadsDigest: string;
  /** When the check ran (ISO-8601). */
  checkedAt: string;
  /** The three above as one copyable line, to pass back as `since`. */
  text: string;
}

/** What a check covered: the whole store, or the streams of these organisations (sorted). */
export type FingerprintScope = 'store' | { readonly organizationIds: readonly string[] };

/** The streams a fingerprint counted; counts and digests only compare within one scope. */
export type FingerprintCounts = Pick<
  IntegrityFingerprint,
  'headPosition' | 'eventCount' | 'streamHeadsDigest'
>;

/** The part of a fingerprint a later check compares (what was kept, without the time). */
export interface KeptFingerprint extends FingerprintCounts {
  /** What the kept check covered; null for a v1 fingerprint, which does not say. */
  scope: FingerprintScope | null;
}

const VERSION = 'v2';
const SLUG = '[a-z0-9][a-z0-9-]{0,63}';
const V1_PATTERN = /^v1:(\d{1,15}):(\d{1,15}):([0-9a-f]{64})$/;
const V2_PATTERN = new RegExp(`^v2:(store|org=${SLUG}(?:,${SLUG})*):(\\d{1,15}):(\\d{1,15}):([0-9a-f]{64})$`);

export function organizationScope(organizationIds: readonly string[]): FingerprintScope {
  return { organizationIds: [...new Set(organizationIds)].sort() };
}

function scopeText(scope: FingerprintScope): string {
  return scope === 'store' ? 'store' : `org=${scope.organizationIds.join(',')}`;
}

function scopeOfText(text: string): FingerprintScope {
  return text === 'store' ? 'store' : organizationScope(text.slice('org='.length).split(','));
}

/** "the whole store", "organisation "hotel"" or "organisations "a", "b"". */
export function describeScope(scope: FingerprintScope): string {
  if (scope === 'store') return 'the whole store';
  const names = scope.organizationIds.map((id) => `"${id}"`).join(', ');
  return `${scope.organizationIds.length === 1 ? 'organisation' : 'organisations'} ${names}`;
}

/** Whether a kept fingerprint can be compared with a check of this scope (a v1 one always is). */
export function coversSameScope(kept: KeptFingerprint, checked: FingerprintScope): boolean {
  return kept.scope === null || scopeText(kept.scope) === scopeText(checked);
}

interface ChainedEvent {
  stream: string;
  revision: number;
  position: number;
  hash: string;
}

/** Collects the events of the checked streams, in any order, as of one head position. */
export class FingerprintAccumulator {
  private eventCount = 0;
  private readonly heads = new Map<string, { revision: number; hash: string }>();

  constructor(readonly headPosition: number) {}

  add(event: ChainedEvent): void {
    if (event.position > this.headPosition) return;
    this.eventCount += 1;
    const head = this.heads.get(event.stream);
    if (head === undefined || event.revision > head.revision)
      this.heads.set(event.stream, { revision: event.revision, hash: event.hash });
  }

  kept(): FingerprintCounts {
    const digest = createHash('sha256');
    for (const stream of [...this.heads.keys()].sort()) {
      const head = this.heads.get(stream);
      if (head !== undefined) digest.update(`${stream}\n${head.revision}\n${head.hash}\n`);
    }
    return {
      headPosition: this.headPosition,
      eventCount: this.eventCount,
      streamHeadsDigest: digest.digest('hex'),
    };
  }

  fingerprint(checkedAt: Date, scope: FingerprintScope): IntegrityFingerprint {
    const kept = this.kept();
    return { ...kept, checkedAt: checkedAt.toISOString(), text: fingerprintText({ ...kept, scope }) };
  }
}

export function fingerprintText(kept: FingerprintCounts & { scope: FingerprintScope }): string {
  return `${VERSION}:${scopeText(kept.scope)}:${kept.headPosition}:${kept.eventCount}:${kept.streamHeadsDigest}`;
}

/**
 * Reads a fingerprint's text as printed by a check (what follows it on the line, such as the time
 * copied with it, is ignored); a malformed one is refused naming `since`.
 */
export function parseFingerprint(text: string): KeptFingerprint {
  const word = text.trim().split(/\s+/)[0] ?? '';
  const v2 = V2_PATTERN.exec(word);
  if (v2 !== null)
    return {
      scope: scopeOfText(v2[1] as string),
      headPosition: Number(v2[2]),
      eventCount: Number(v2[3]),
      streamHeadsDigest: v2[4] as string,
    };
  // Printed before fingerprints named their scope: compared with whatever is checked.
  const v1 = V1_PATTERN.exec(word);
  if (v1 !== null)
    return {
      scope: null,
      headPosition: Number(v1[1]),
      eventCount: Number(v1[2]),
      streamHeadsDigest: v1[3] as string,
    };
  throw invalidInput(
    'since',
    `since: "${text.slice(0, 80)}" is not a fingerprint; copy the whole line a check printed, e.g. v2:org=interlodge:703:412:<64 hex digits>`,
  );
}

/** Why the events up to a kept fingerprint no longer match it, or null when they do. */
export function differenceFromKept(
  kept: KeptFingerprint,
  currentHead: number,
  now: FingerprintCounts,
): string | null {
  if (currentHead < kept.headPosition)
    return `the store's head is now position ${currentHead}, before the kept fingerprint's ${kept.headPosition}: events up to it were deleted`;
  if (now.eventCount !== kept.eventCount)
    return (
      `${now.eventCount} event(s) up to position ${kept.headPosition} now, ${kept.eventCount} when the fingerprint was kept: events were ${now.eventCount < kept.eventCount ? 'deleted' : 'added'} before it` +
      unknownScopeHint(kept)
    );
  if (now.streamHeadsDigest !== kept.streamHeadsDigest)
    return (
      `the streams' last events up to position ${kept.headPosition} differ from the kept fingerprint: an event was changed or replaced` +
      unknownScopeHint(kept)
    );
  return null;
}

// A v1 fingerprint kept from one organisation's check differs from the whole store's too.
function unknownScopeHint(kept: KeptFingerprint): string {
  return kept.scope === null
    ? ". A v1 fingerprint does not say what it covered: if it was kept from another scope's check (one organisation's, as on the Audit page), check that scope (verify --org <id>, or verifyIntegrity's organizationId) before concluding anything"
    : '';
}
