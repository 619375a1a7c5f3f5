// Where the "as known at two dates" comparison starts, read from the organisation's own recorded
// history, so that an auditor's first look shows what changed in what was known:
// - around its last correction: the day before it was recorded against the day it was, for the
//   period of the corrected assessment (a correction of an older period is hidden by the later
//   assessments in the view of every period);
// - without corrections: its first day of recording against today (everything recorded since;
//   from yesterday when everything was recorded today).
import type { BusinessFunction, Capability } from '../api/types';
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

type Correction = KnownAtStartingPointData['corrections']['edges'][number]['node'];

export interface StartingPointInput {
  corrections: readonly Correction[];
  firstRecordedAt: string | null;
  assessments: KnownAtStartingPointData['assessments'];
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  today: Date;
}

const DAY = 86_400_000;

const isoDay = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
const dayBefore = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - DAY));

/** The correction's cell and levels, read defensively: `data` is the event as recorded (JSON). */
function correctionOf(data: unknown) {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : null);
  const number = (key: string) => (typeof fields[key] === 'number' ? fields[key] : null);
  return {
    assessmentId: text('assessmentId'),
    functionId: text('functionId'),
    capabilityId: text('capabilityId'),
    source: text('source'),
    level: number('level'),
    previousLevel: number('previousLevel'),
  };
}

export function knownAtStartingPoint(input: StartingPointInput): KnownAtDates {
  const today = isoDay(input.today);
  const last = input.corrections.reduce<Correction | null>(
    (latest, correction) =>
      latest === null || Date.parse(correction.recordedAt) >= Date.parse(latest.recordedAt)
        ? correction
        : latest,
    null,
  );
  if (last !== null) {
    const correction = correctionOf(last.data);
    const assessment = input.assessments.find((candidate) => candidate.id === correction.assessmentId);
    const day = isoDay(last.recordedAt);
    const functionName =
      input.functions.find((candidate) => candidate.id === correction.functionId)?.name ??
      correction.functionId;
    const capabilityName =
      input.capabilities.find((candidate) => candidate.id === correction.capabilityId)?.name ??
      correction.capabilityId;
    const source = correction.source === null ? 'rating' : `${correction.source.toLowerCase()} rating`;
    const levels =
      correction.level === null
        ? ''
        : `, ${source} from ${correction.previousLevel ?? 'none'} to ${correction.level}`;
    return {
      first: dayBefore(day),
      second: day,
      asOf: assessment ? isoDay(assessment.periodEnd) : '',
      reason: `Set around the last correction, recorded on ${formatDate(day)}: ${functionName} · ${capabilityName}${levels}${assessment ? ` in ${assessment.title}` : ''}.`,
    };
  }
  if (input.firstRecordedAt !== null) {
    const day = isoDay(input.firstRecordedAt);
    // Everything recorded today: from the day before, when nothing was known yet.
    const first = day < today ? day : dayBefore(today);
    return {
      first,
      second: today,
      asOf: '',
      reason:
        first === day
          ? `No rating was ever corrected: set from the first day of recording, ${formatDate(day)}, to today.`
          : 'No rating was ever corrected and everything was recorded today: set from yesterday to today.',
    };
  }
  return { first: today, second: today, asOf: '', reason: 'Nothing has been recorded yet.' };
}
