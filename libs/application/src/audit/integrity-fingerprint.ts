// A fingerprint an auditor writes down after a check: the store's head position, how many of the
// checked streams' events sit at or before it, and a digest over each stream's last event there.
// A later check recomputes the same three as of that head position, so an event changed or
// removed since (even the last of a stream, or of the whole store) no longer matches.
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

/** The part of a fingerprint a later check compares (what was kept, without the time). */
export type KeptFingerprint = Pick<IntegrityFingerprint, 'headPosition' | 'eventCount' | 'streamHeadsDigest'>;

const VERSION = 'v1';
const TEXT_PATTERN = /^v1:(\d{1,15}):(\d{1,15}):([0-9a-f]{64})$/;

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

  kept(): KeptFingerprint {
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

  fingerprint(checkedAt: Date): IntegrityFingerprint {
    const kept = this.kept();
    return { ...kept, checkedAt: checkedAt.toISOString(), text: fingerprintText(kept) };
  }
}

export function fingerprintText(kept: KeptFingerprint): string {
  return `${VERSION}:${kept.headPosition}:${kept.eventCount}:${kept.streamHeadsDigest}`;
}

/**
 * Reads a fingerprint's text as printed by a check (what follows it on the line, such as the time
 * copied with it, is ignored); a malformed one is refused naming `since`.
 */
export function parseFingerprint(text: string): KeptFingerprint {
  const match = TEXT_PATTERN.exec(text.trim().split(/\s+/)[0] ?? '');
  if (match === null)
    throw invalidInput(
      'since',
      `since: "${text.slice(0, 80)}" is not a fingerprint; copy the whole line a check printed, e.g. v1:703:412:<64 hex digits>`,
    );
  return {
    headPosition: Number(match[1]),
    eventCount: Number(match[2]),
    streamHeadsDigest: match[3] as string,
  };
}

/** Why the events up to a kept fingerprint no longer match it, or null when they do. */
export function differenceFromKept(
  kept: KeptFingerprint,
  currentHead: number,
  now: KeptFingerprint,
): string | null {
  if (currentHead < kept.headPosition)
    return `the store's head is now position ${currentHead}, before the kept fingerprint's ${kept.headPosition}: events up to it were deleted`;
  if (now.eventCount !== kept.eventCount)
    return `${now.eventCount} event(s) up to position ${kept.headPosition} now, ${kept.eventCount} when the fingerprint was kept: events were ${now.eventCount < kept.eventCount ? 'deleted' : 'added'} before it`;
  if (now.streamHeadsDigest !== kept.streamHeadsDigest)
    return `the streams' last events up to position ${kept.headPosition} differ from the kept fingerprint: an event was changed or replaced`;
  return null;
}
