import type { SourceWeights } from './maturity-model';

export type LevelInput = {
  value: number;
  name: string;
  description?: string | null;
};

export type CapabilityInput = {
  id: string;
  name: string;
  dimension: string;
  /** Defaults to 1. */
  weight?: number | null;
  /** One per level when given. */
  descriptors?: string[] | null;
};

export type PublishMaturityModel = {
  type: 'PublishMaturityModel';
  data: {
    id: string;
    name: string;
    levels: LevelInput[];
    capabilities: CapabilityInput[];
    /** Missing weights take DEFAULT_SOURCE_WEIGHTS. */
    sourceWeights?: Partial<SourceWeights> | null;
  };
};

export type MaturityModelCommand = PublishMaturityModel;

/** Decisions need only the time. */
export type MaturityModelContext = {
  now: Date;
};
