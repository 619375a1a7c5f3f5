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
import type { KnownAtStartingPointData } from './audit.operations';

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

type StartingPointAssessment = KnownAtStartingPointData['assessments'][number];

export interface StartingPointInput {
  firstRecordedAt: string | null;
  /** The assessments with their effective ratings; a rating's correction says when it was recorded. */
  assessments: readonly StartingPointAssessment[];
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  today: Date;
}

const DAY = 86_400_000;

const isoDay = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
const dayAfter = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY));

interface LastCorrection {
  assessment: StartingPointAssessment;
  rating: StartingPointAssessment['ratings'][number];
  correctedAt: string;
}

/** The correction recorded last, among the ratings it put in force. */
function lastCorrection(assessments: readonly StartingPointAssessment[]): LastCorrection | null {
  let last: LastCorrection | null = null;
  for (const assessment of assessments)
    for (const rating of assessment.ratings) {
      const correctedAt = rating.correction?.correctedAt;
      if (
        correctedAt !== undefined &&
        (last === null || Date.parse(correctedAt) >= Date.parse(last.correctedAt))
      )
        last = { assessment, rating, correctedAt };
    }
  return last;
}

export function knownAtStartingPoint(input: StartingPointInput): KnownAtDates {
  const today = isoDay(input.today);
  const last = lastCorrection(input.assessments);
  if (last !== null) {
    const { assessment, rating } = last;
    const day = isoDay(last.correctedAt);
    const names = cellNames({ functions: input.functions }, { capabilities: input.capabilities });
    const functionName = names.functionName(rating.functionId);
    const capabilityName = names.capabilityName(rating.capabilityId);
    const levels = `, ${rating.source.toLowerCase()} rating from ${rating.correction?.previousLevel ?? 'none'} to ${rating.level}`;
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
