// The domain's events in one place: the union the store and projections handle, and the current
// schema version of each type (metadata.schemaVersion; older versions are upcast on read).
import { API_TOKEN_EVENT_SCHEMA_VERSIONS, type ApiTokenEvent } from '../api-token';
import {
  ASSESSMENT_EVENT_SCHEMA_VERSIONS,
  ASSESSMENT_EVENT_UPCASTS,
  type AssessmentEvent,
} from '../assessment';
import { INVESTMENT_EVENT_SCHEMA_VERSIONS, type InvestmentEvent } from '../investment';
import { SCENARIO_EVENT_SCHEMA_VERSIONS, type ScenarioEvent } from '../scenario';
import { MATURITY_MODEL_EVENT_SCHEMA_VERSIONS, type MaturityModelEvent } from '../maturity-model';
import { ORGANIZATION_EVENT_SCHEMA_VERSIONS, type OrganizationEvent } from '../organization';
import { PERSONAL_DATA_EVENT_SCHEMA_VERSIONS, type PersonalDataEvent } from '../personal-data';
import type { StreamCategory } from '../shared';

export type DomainEventUnion =
  | MaturityModelEvent
  | OrganizationEvent
  | PersonalDataEvent
  | AssessmentEvent
  | InvestmentEvent
  | ScenarioEvent
  | ApiTokenEvent;
export type DomainEventType = DomainEventUnion['type'];

export const EVENT_SCHEMA_VERSIONS: Record<DomainEventType, number> = {
  ...MATURITY_MODEL_EVENT_SCHEMA_VERSIONS,
  ...ORGANIZATION_EVENT_SCHEMA_VERSIONS,
  ...PERSONAL_DATA_EVENT_SCHEMA_VERSIONS,
  ...ASSESSMENT_EVENT_SCHEMA_VERSIONS,
  ...INVESTMENT_EVENT_SCHEMA_VERSIONS,
  ...SCENARIO_EVENT_SCHEMA_VERSIONS,
  ...API_TOKEN_EVENT_SCHEMA_VERSIONS,
};

/** One step from an older schema of an event's data to the next, applied on read. */
export interface EventUpcast {
  eventType: DomainEventType;
  fromSchemaVersion: number;
  upcast: <Data extends object>(data: Data) => Data;
}

/** Every upcast step of every module: each version below a type's current one has its step. */
export const EVENT_UPCASTS: readonly EventUpcast[] = [...ASSESSMENT_EVENT_UPCASTS];

/** The category of the stream each event type is written to. */
export const EVENT_STREAM_CATEGORIES: Record<DomainEventType, StreamCategory> = {
  MaturityModelPublished: 'maturity-model',
  OrganizationRegistered: 'organization',
  FunctionAdded: 'organization',
  FunctionUpdated: 'organization',
  FunctionRetired: 'organization',
  FunctionsLinked: 'organization',
  FunctionsUnlinked: 'organization',
  TargetSet: 'organization',
  TargetCleared: 'organization',
  RespondentForgotten: 'organization',
  EvidenceRedacted: 'organization',
  AssessmentOpened: 'assessment',
  RatingRecorded: 'assessment',
  AssessmentClosed: 'assessment',
  RatingCorrected: 'assessment',
  AssessmentWithdrawn: 'assessment',
  RaterInvited: 'assessment',
  InvitationRevoked: 'assessment',
  QuestionSetAside: 'assessment',
  InvestmentPlanned: 'investment',
  InvestmentRevised: 'investment',
  InvestmentApproved: 'investment',
  InvestmentDeployed: 'investment',
  InvestmentCancelled: 'investment',
  ScenarioSaved: 'scenarios',
  ScenarioDeleted: 'scenarios',
  ScenarioChosenForBoard: 'scenarios',
  ApiTokenIssued: 'api-token',
  ApiTokenRevoked: 'api-token',
};

export const DOMAIN_EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS) as DomainEventType[];

export const isDomainEventType = (type: string): type is DomainEventType =>
  Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, type);
