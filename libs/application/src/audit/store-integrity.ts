// Integrity verification over raw events (never upcast: upcast data no longer matches its hash).
// Plain functions over the port, so the api, the cli and backup/restore checks run the same code.
import { type EventStore, hasGapFreePositions, verifyStreamChain } from '@app/event-store';
import { yieldToOtherWork } from '@app/projections';

export interface IntegrityReport {
  ok: boolean;
  checkedEvents: number;
  firstBrokenStream: string | null;
  firstBrokenRevision: number | null;
  message: string | null;
}

export type IntegrityProgress = (checkedEvents: number, totalEvents: number) => void;

const PAGE_SIZE = 1000;

// The scan yields to other requests between pages (yieldToOtherWork): hashing a page is a few
// milliseconds of CPU, and an embedded store answers reads synchronously, so a scan of the whole
// store would otherwise hold the event loop (and /health) for seconds.

interface StreamTip {
  nextRevision: number;
  lastHash: string | null;
}

/**
 * Every event of the store in global order: each stream's chain (revisions consecutive from 0,
 * prevHash linked, hashes recomputing), so a modified, deleted or reordered event is reported at
 * its stream and revision. On the embedded adapters a missing position also reveals a deleted
 * event that no later event of its stream points past (the tail of a stream).
 */
export async function verifyWholeStore(
  store: EventStore,
  onProgress: IntegrityProgress = () => undefined,
): Promise<IntegrityReport> {
  const total = await store.headPosition();
  const gapFree = hasGapFreePositions(store);
  const tips = new Map<string, StreamTip>();
  let checked = 0;
  let previousPosition = 0;
  let firstMissingPosition: number | null = null;
  for (;;) {
    const page = await store.readAll({ after: previousPosition, maxCount: PAGE_SIZE, raw: true });
    for (const event of page) {
      if (gapFree && firstMissingPosition === null && event.position !== previousPosition + 1)
        firstMissingPosition = previousPosition + 1;
      previousPosition = event.position;
      checked += 1;
      const tip = tips.get(event.stream);
      const verification = verifyStreamChain([event], {
        startRevision: tip?.nextRevision ?? 0,
        previousHash: tip?.lastHash ?? null,
      });
      if (!verification.valid)
        return broken(checked, verification.stream, verification.revision, verification.message);
      tips.set(event.stream, { nextRevision: event.revision + 1, lastHash: event.hash });
    }
    onProgress(checked, total);
    if (page.length < PAGE_SIZE) break;
    await yieldToOtherWork();
  }
  // A chain break names a stream and revision, so it is preferred above; a gap alone cannot.
  if (firstMissingPosition !== null)
    return broken(
      checked,
      null,
      null,
      `position ${firstMissingPosition} is missing: an event was deleted (the last event of its stream, so no chain names it)`,
    );
  if (gapFree && total !== previousPosition)
    return broken(
      checked,
      null,
      null,
      `the head position is ${total} but the last event read is at ${previousPosition}`,
    );
  return passed(checked);
}

/**
 * The given streams, each read raw and checked in global (position) order, so swapped positions
 * break the chain too. The first break by position is reported.
 */
export async function verifyStreams(
  store: EventStore,
  streams: readonly string[],
  onProgress: IntegrityProgress = () => undefined,
): Promise<IntegrityReport> {
  let checked = 0;
  let firstBreak: { position: number; stream: string; revision: number; message: string } | null = null;
  const perStream = await Promise.all(streams.map((stream) => store.readStream(stream, { raw: true })));
  const total = perStream.reduce((sum, events) => sum + events.length, 0);
  for (const events of perStream) {
    await yieldToOtherWork();
    const ordered = [...events].sort((left, right) => left.position - right.position);
    const verification = verifyStreamChain(ordered);
    if (verification.valid) {
      checked += ordered.length;
    } else {
      checked += verification.revision + 1;
      const position = ordered[verification.revision]?.position ?? Infinity;
      if (firstBreak === null || position < firstBreak.position)
        firstBreak = {
          position,
          stream: verification.stream,
          revision: verification.revision,
          message: verification.message,
        };
    }
    onProgress(checked, total);
  }
  if (firstBreak !== null) return broken(checked, firstBreak.stream, firstBreak.revision, firstBreak.message);
  return passed(checked);
}

function broken(
  checkedEvents: number,
  stream: string | null,
  revision: number | null,
  message: string,
): IntegrityReport {
  return { ok: false, checkedEvents, firstBrokenStream: stream, firstBrokenRevision: revision, message };
}

function passed(checkedEvents: number): IntegrityReport {
  return {
    ok: true,
    checkedEvents,
    firstBrokenStream: null,
    firstBrokenRevision: null,
    message: `all ${checkedEvents} event(s) verify: every hash recomputes and every chain link holds`,
  };
}
