import type { DomainEvent } from '../shared';
import type { MaturityCapability, MaturityLevel, SourceWeights } from './maturity-model';

export type MaturityModelPublishedData = {
  id: string;
  /** 1 for the first publication of this id, then one more per republication. */
  version: number;
  name: string;
  levels: MaturityLevel[];
  capabilities: MaturityCapability[];
  /** Always resolved: defaults are written out so a later change of defaults cannot alter history. */
  sourceWeights: SourceWeights;
  /** ISO-8601, from the command context. */
  publishedAt: string;
};

export type MaturityModelPublished = DomainEvent<'MaturityModelPublished', MaturityModelPublishedData>;

export type MaturityModelEvent = MaturityModelPublished;
export type MaturityModelEventType = MaturityModelEvent['type'];

export const MATURITY_MODEL_EVENT_SCHEMA_VERSIONS: Record<MaturityModelEventType, number> = {
  MaturityModelPublished: 1,
};
