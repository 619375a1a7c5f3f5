// Where the "as known at two dates" comparison starts, read from the organisation's own recorded
// history, so that an auditor's first look shows what changed in what was known:
// - around its last correction: the start of the day it was recorded against the start of the
//   next day, for the period of the corrected assessment (a correction of an older period is
//   hidden by the later assessments in the view of every period);
// - without corrections: the start of its first day of recording against the start of tomorrow
//   (everything recorded since).
// Known at a day is the start of that day (shared/known-at).
import type { BusinessFunction, Capability } from '../api/types';
import { cellNames } from '../shared/cell-names';
import { formatDate } from '../shared/format';

export interface KnownAtDates {
  /** Transaction time of the first view, a day (yyyy-mm-dd). */
  first: string;
  /** Transaction time of the second view, a day. */
  second: string;
  /** Valid time of both views, a day; empty for every assessment period. */
  asOf: string;
  /** Why these dates, in a sentence for the auditor. */
  reason: string;
}

/** The correction recorded last, as its RatingCorrected event and its assessment tell it. */
export interface LastCorrection {
  assessment: { title: string; periodEnd: string };
  functionId: string;
  capabilityId: string;
  source: string;
  level: number;
  previousLevel: number | null;
  correctedAt: string;
}

export interface StartingPointInput {
  firstRecordedAt: string | null;
  lastCorrection: LastCorrection | null;
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  today: Date;
}

/** A recorded correction's cell and levels, from its event data as recorded; null when they are not there. */
export function correctionOf(event: {
  recordedAt: string;
  data: unknown;
}): (Omit<LastCorrection, 'assessment'> & { assessmentId: string }) | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof data[name] === 'string' ? data[name] : null);
  const assessmentId = text('assessmentId');
  const functionId = text('functionId');
  const capabilityId = text('capabilityId');
  const source = text('source');
  if (assessmentId === null || functionId === null || capabilityId === null || source === null) return null;
  if (typeof data.level !== 'number') return null;
  return {
    assessmentId,
    functionId,
    capabilityId,
    source,
    level: data.level,
    previousLevel: typeof data.previousLevel === 'number' ? data.previousLevel : null,
    correctedAt: text('correctedAt') ?? event.recordedAt,
  };
}

const DAY = 86_400_000;

const isoDay = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
const dayAfter = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY));

export function knownAtStartingPoint(input: StartingPointInput): KnownAtDates {
  const today = isoDay(input.today);
  const last = input.lastCorrection;
  if (last !== null) {
    const { assessment } = last;
    const day = isoDay(last.correctedAt);
    const names = cellNames({ functions: input.functions }, { capabilities: input.capabilities });
    const functionName = names.functionName(last.functionId);
    const capabilityName = names.capabilityName(last.capabilityId);
    const levels = `, ${last.source.toLowerCase()} rating from ${last.previousLevel ?? 'none'} to ${last.level}`;
    // Known at a day is its start (shared/known-at): the day it was recorded knows it not yet, the
    // day after does.
    return {
      first: day,
      second: dayAfter(day),
      asOf: isoDay(assessment.periodEnd),
      reason: `Set around the last correction, recorded on ${formatDate(day)}: ${functionName} · ${capabilityName}${levels} in ${assessment.title}.`,
    };
  }
  if (input.firstRecordedAt !== null) {
    const day = isoDay(input.firstRecordedAt);
    // At the start of the first day nothing was known yet; at the start of tomorrow, everything
    // recorded until now.
    return {
      first: day,
      second: dayAfter(today),
      asOf: '',
      reason: `No rating was ever corrected: set from the start of the first day of recording, ${formatDate(day)}, to the end of today.`,
    };
  }
  return { first: today, second: dayAfter(today), asOf: '', reason: 'Nothing has been recorded yet.' };
}
