import { CAMPAIGN_EVENT_SCHEMA_VERSIONS, type CampaignEvent } from '../campaign/campaign.events';
import type { RatingSource } from '../maturity-model';
import type { DomainEvent } from '../shared';

export type AssessmentOpenedData = {
  assessmentId: string;
  organizationId: string;
  title: string;
  /** ISO-8601 (UTC): the date the ratings describe. */
  periodEnd: string;
  /** The model version the levels and capabilities refer to. */
  modelId: string;
  modelVersion: number;
  /** ISO-8601, from the command context. */
  openedAt: string;
};

export type RatingRecordedData = {
  assessmentId: string;
  organizationId: string;
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  /** The rating function for PEER, null otherwise. */
  raterFunctionId: string | null;
  evidence: string | null;
  /** The person rating within the rater group; null: the group speaks as one (schema version 1 had none). */
  respondentId: string | null;
  /**
   * Never stored: set on read when the evidence was erased (its key destroyed), evidence then null
   * (docs/reference/personal-data.md).
   */
  evidenceErased?: boolean;
};

export type AssessmentClosedData = {
  assessmentId: string;
  organizationId: string;
  /** ISO-8601, from the command context. */
  closedAt: string;
};

export type RatingCorrectedData = {
  assessmentId: string;
  organizationId: string;
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
  reason: string;
  /** The level this correction replaces, null when the cell had no rating from this source and rater. */
  previousLevel: number | null;
  /** ISO-8601, from the command context. */
  correctedAt: string;
  /** The respondent whose rating is corrected; null: the group's (schema version 1 had none). */
  respondentId: string | null;
};

export type AssessmentWithdrawnData = {
  assessmentId: string;
  organizationId: string;
  reason: string;
  /** The status it was withdrawn from. */
  previousStatus: 'OPEN' | 'CLOSED';
  /** ISO-8601, from the command context. */
  withdrawnAt: string;
};

export type AssessmentOpened = DomainEvent<'AssessmentOpened', AssessmentOpenedData>;
export type RatingRecorded = DomainEvent<'RatingRecorded', RatingRecordedData>;
export type AssessmentClosed = DomainEvent<'AssessmentClosed', AssessmentClosedData>;
export type RatingCorrected = DomainEvent<'RatingCorrected', RatingCorrectedData>;
export type AssessmentWithdrawn = DomainEvent<'AssessmentWithdrawn', AssessmentWithdrawnData>;

/** Everything an assessment's stream holds: the assessment itself, its ratings and its campaign's invitations. */
export type AssessmentEvent =
  | AssessmentOpened
  | RatingRecorded
  | AssessmentClosed
  | RatingCorrected
  | AssessmentWithdrawn
  | CampaignEvent;
export type AssessmentEventType = AssessmentEvent['type'];

type RatingEventType = 'RatingRecorded' | 'RatingCorrected';
type RatingEventField<Type extends RatingEventType> = Exclude<
  keyof Extract<AssessmentEvent, { type: Type }>['data'],
  // evidenceErased is set on read, never stored.
  'assessmentId' | 'organizationId' | 'evidenceErased'
>;

/** The list given, checked to name every one of `Field` (a missing one fails to compile, named). */
const everyField =
  <Field extends string>() =>
  <const List extends readonly Field[]>(
    list: List &
      ([Exclude<Field, List[number]>] extends [never] ? unknown : { missing: Exclude<Field, List[number]> }),
  ): List =>
    list;

/**
 * Every field a rating event carries besides its assessment and organisation, in a fixed order:
 * compact encodings (the organisation index) store them as tuples in this order, so a new field
 * goes at the end.
 */
export const RATING_EVENT_FIELDS = {
  RatingRecorded: everyField<RatingEventField<'RatingRecorded'>>()([
    'functionId',
    'capabilityId',
    'level',
    'source',
    'raterFunctionId',
    'evidence',
    'respondentId',
  ]),
  RatingCorrected: everyField<RatingEventField<'RatingCorrected'>>()([
    'functionId',
    'capabilityId',
    'level',
    'source',
    'raterFunctionId',
    'reason',
    'previousLevel',
    'correctedAt',
    'respondentId',
  ]),
};

export const ASSESSMENT_EVENT_SCHEMA_VERSIONS: Record<AssessmentEventType, number> = {
  AssessmentOpened: 1,
  RatingRecorded: 2,
  AssessmentClosed: 1,
  RatingCorrected: 2,
  AssessmentWithdrawn: 1,
  ...CAMPAIGN_EVENT_SCHEMA_VERSIONS,
};

/**
 * Older schemas of the assessment's events, upcast on read (stored events are never rewritten):
 * version 1 rating events had no respondent, which reads as null (the group speaking as one).
 */
export const ASSESSMENT_EVENT_UPCASTS = [
  { eventType: 'RatingRecorded', fromSchemaVersion: 1, upcast: withNoRespondent },
  { eventType: 'RatingCorrected', fromSchemaVersion: 1, upcast: withNoRespondent },
] as const;

function withNoRespondent<Data extends object>(data: Data): Data & { respondentId: null } {
  return { ...data, respondentId: null };
}
