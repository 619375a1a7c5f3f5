// Integrity verification over raw events (never upcast: upcast data no longer matches its hash).
// Plain functions over the port, so the api, the cli and backup/restore checks run the same code.
import { countEventsUpTo, type EventStore, hasGapFreePositions, verifyStreamChain } from '@app/event-store';
import { yieldToOtherWork } from '@app/projections';
import {
  differenceFromKept,
  FingerprintAccumulator,
  type FingerprintScope,
  type IntegrityFingerprint,
  type KeptFingerprint,
} from './integrity-fingerprint';

export interface IntegrityReport {
  ok: boolean;
  checkedEvents: number;
  firstBrokenStream: string | null;
  firstBrokenRevision: number | null;
  message: string | null;
  /** What this check cannot prove on this store (a deleted last event of a stream), or null. */
  limit: string | null;
  /** What to write down and pass back later as `since`: null when the check failed. */
  fingerprint: IntegrityFingerprint | null;
  /** Whether the events up to the kept fingerprint are as they were: null when none was given. */
  matchesFingerprint: boolean | null;
}

export interface IntegrityOptions {
  /** A fingerprint kept from an earlier check: anything changed or removed up to its head fails. */
  since?: KeptFingerprint | null;
  /** The time the fingerprint says it was checked. */
  checkedAt?: Date;
  /** What the check covers, named in its fingerprint: the whole store when left out. */
  scope?: FingerprintScope;
}

/** Said wherever positions may have gaps (EventStoreDB): then only a kept fingerprint can tell. */
export const NO_GAP_PROOF_LIMIT =
  "This store's positions may have gaps, so a deleted last event of a stream cannot be detected from the store alone: compare with a fingerprint kept from an earlier check.";

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
  options: IntegrityOptions = {},
): Promise<IntegrityReport> {
  const total = await store.headPosition();
  const gapFree = hasGapFreePositions(store);
  const fingerprints = new Fingerprints(total, options);
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
      fingerprints.add(event);
      const tip = tips.get(event.stream);
      const verification = verifyStreamChain([event], {
        startRevision: tip?.nextRevision ?? 0,
        previousHash: tip?.lastHash ?? null,
      });
      if (!verification.valid)
        return fingerprints.broken(checked, verification.stream, verification.revision, verification.message);
      tips.set(event.stream, { nextRevision: event.revision + 1, lastHash: event.hash });
    }
    onProgress(checked, total);
    if (page.length < PAGE_SIZE) break;
    await yieldToOtherWork();
  }
  // A chain break names a stream and revision, so it is preferred above; a gap alone cannot.
  if (firstMissingPosition !== null)
    return fingerprints.broken(
      checked,
      null,
      null,
      `position ${firstMissingPosition} is missing: an event was deleted (the last event of its stream, so no chain names it)`,
    );
  if (gapFree && total !== previousPosition)
    return fingerprints.broken(
      checked,
      null,
      null,
      `the head position is ${total} but the last event read is at ${previousPosition}`,
    );
  return fingerprints.passed(checked, total, gapFree ? null : NO_GAP_PROOF_LIMIT);
}

/**
 * The given streams, each read raw and checked in global (position) order, so swapped positions
 * break the chain too. The first break by position is reported. A deleted last event of a stream
 * breaks no link: where positions are gap-free the store counts its events up to the head (without
 * reading them, so no other organisation's event is read) and a shortfall reveals the deletion.
 */
export async function verifyStreams(
  store: EventStore,
  streams: readonly string[],
  onProgress: IntegrityProgress = () => undefined,
  options: IntegrityOptions = {},
): Promise<IntegrityReport> {
  // Read first: events appended while the streams are read lie after it, outside the fingerprint.
  const head = await store.headPosition();
  const fingerprints = new Fingerprints(head, options);
  let checked = 0;
  let firstBreak: { position: number; stream: string; revision: number; message: string } | null = null;
  const perStream = await Promise.all(streams.map((stream) => store.readStream(stream, { raw: true })));
  const total = perStream.reduce((sum, events) => sum + events.length, 0);
  for (const events of perStream) {
    await yieldToOtherWork();
    const ordered = [...events].sort((left, right) => left.position - right.position);
    for (const event of ordered) fingerprints.add(event);
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
  if (firstBreak !== null)
    return fingerprints.broken(checked, firstBreak.stream, firstBreak.revision, firstBreak.message);
  const counted = await countEventsUpTo(store, head);
  if (counted !== null && counted < head)
    return fingerprints.broken(
      checked,
      null,
      null,
      `${head - counted} of the store's positions 1 to ${head} hold no event: an event was deleted (the last of its stream, so no chain names it; the store counts positions without reading other organisations' events, so it cannot say whose)`,
    );
  return fingerprints.passed(checked, head, counted === null ? NO_GAP_PROOF_LIMIT : null);
}

/** The fingerprint of this check, and the one recomputed as of a kept fingerprint's head. */
class Fingerprints {
  private readonly current: FingerprintAccumulator;
  private readonly asOfKept: FingerprintAccumulator | null;

  constructor(
    private readonly head: number,
    private readonly options: IntegrityOptions,
  ) {
    this.current = new FingerprintAccumulator(head);
    const since = options.since ?? null;
    this.asOfKept = since === null ? null : new FingerprintAccumulator(since.headPosition);
  }

  add(event: { stream: string; revision: number; position: number; hash: string }): void {
    this.current.add(event);
    this.asOfKept?.add(event);
  }

  broken(
    checkedEvents: number,
    stream: string | null,
    revision: number | null,
    message: string,
  ): IntegrityReport {
    return {
      ok: false,
      checkedEvents,
      firstBrokenStream: stream,
      firstBrokenRevision: revision,
      message,
      limit: null,
      // A broken history gives nothing worth keeping.
      fingerprint: null,
      matchesFingerprint: this.asOfKept === null ? null : false,
    };
  }

  passed(checkedEvents: number, head: number, limit: string | null): IntegrityReport {
    const since = this.options.since ?? null;
    const difference =
      since === null || this.asOfKept === null ? null : differenceFromKept(since, head, this.asOfKept.kept());
    if (difference !== null) return this.broken(checkedEvents, null, null, difference);
    return {
      ok: true,
      checkedEvents,
      firstBrokenStream: null,
      firstBrokenRevision: null,
      message:
        `all ${checkedEvents} event(s) verify: every hash recomputes and every chain link holds` +
        (limit === null ? `; positions 1 to ${this.head} all hold an event` : '') +
        (since === null
          ? ''
          : `; nothing up to the kept fingerprint's position ${since.headPosition} changed`),
      limit,
      fingerprint: this.current.fingerprint(
        this.options.checkedAt ?? new Date(),
        this.options.scope ?? 'store',
      ),
      matchesFingerprint: since === null ? null : true,
    };
  }
}
