// The maturity model as data: levels, capabilities and rating source weights. Organisations and
// assessments are pinned to one model version; scoring reads it.
import { notFound, requireInteger, requireSlug } from '../shared';
import { MATURITY_MODEL_ERROR_CODES } from './maturity-model.errors';

export const RATING_SOURCES = ['SELF', 'PEER', 'CUSTOMER', 'AUDIT'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export type MaturityLevel = {
  /** 1..L, consecutive. */
  value: number;
  name: string;
  description: string | null;
};

export type MaturityCapability = {
  /** A slug, unique within the model. */
  id: string;
  name: string;
  dimension: string;
  /** w_c > 0. */
  weight: number;
  /** One per level (index 0 describes level 1), or empty when the model gives none. */
  descriptors: string[];
};

/** Weights of the rating sources in the effective level (docs/reference/scores.md). */
export type SourceWeights = {
  SELF: number;
  /** A peer rating from a function that is not customer-facing. */
  PEER: number;
  /** A peer rating from a customer-facing function: listen to those who listen to customers. */
  PEER_CUSTOMER_FACING: number;
  CUSTOMER: number;
  AUDIT: number;
};

export type MaturityModel = {
  id: string;
  /** From 1; each publication of the same id adds one. */
  version: number;
  name: string;
  levels: MaturityLevel[];
  capabilities: MaturityCapability[];
  /** Absent means DEFAULT_SOURCE_WEIGHTS. Published models always carry them. */
  sourceWeights?: SourceWeights;
};

export const DEFAULT_SOURCE_WEIGHTS: SourceWeights = {
  SELF: 1,
  PEER: 1,
  PEER_CUSTOMER_FACING: 2,
  CUSTOMER: 2,
  AUDIT: 2,
};

/** L, the top level of the model. */
export const topLevel = (model: MaturityModel): number => model.levels.length;

export const findCapability = (model: MaturityModel, capabilityId: string): MaturityCapability | undefined =>
  model.capabilities.find((capability) => capability.id === capabilityId);

export const sourceWeightsOf = (model: MaturityModel): SourceWeights =>
  model.sourceWeights ?? DEFAULT_SOURCE_WEIGHTS;

/** The weight of one rating in a cell's effective level under the model's source weights. */
export function sourceWeight(
  weights: SourceWeights,
  source: RatingSource,
  raterIsCustomerFacing: boolean,
): number {
  switch (source) {
    case 'SELF':
      return weights.SELF;
    case 'PEER':
      return raterIsCustomerFacing ? weights.PEER_CUSTOMER_FACING : weights.PEER;
    case 'CUSTOMER':
      return weights.CUSTOMER;
    case 'AUDIT':
      return weights.AUDIT;
  }
}

/** A capability of the model, or NOT_FOUND on `field`. */
export function requireCapability(
  model: MaturityModel,
  field: string,
  capabilityId: unknown,
): MaturityCapability {
  const id = requireSlug(field, capabilityId);
  const found = findCapability(model, id);
  if (!found) {
    throw notFound(
      field,
      `${field}: maturity model "${model.id}" version ${model.version} has no capability "${id}"`,
      MATURITY_MODEL_ERROR_CODES.capabilityNotFound,
    );
  }
  return found;
}

/** An integer level of the model, 1..L. */
export const requireLevel = (model: MaturityModel, field: string, level: unknown): number =>
  requireInteger(field, level, 1, topLevel(model));

/**
 * The model a decision needs, which the handler loads into the context: NOT_FOUND on `modelId`
 * unless it is exactly the pinned id and version (levels and capabilities differ between versions).
 */
export function requireModelVersion(
  model: MaturityModel | undefined,
  modelId: string,
  modelVersion: number,
): MaturityModel {
  if (model?.id !== modelId || model.version !== modelVersion) {
    throw notFound(
      'modelId',
      `modelId: maturity model "${modelId}" version ${modelVersion} is not available`,
      MATURITY_MODEL_ERROR_CODES.notFound,
    );
  }
  return model;
}
