import {
  type Decider,
  invalidInput,
  optionalText,
  requireWeight,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import {
  DEFAULT_SOURCE_WEIGHTS,
  type MaturityCapability,
  type MaturityLevel,
  type SourceWeights,
} from './maturity-model';
import type {
  CapabilityInput,
  LevelInput,
  MaturityModelCommand,
  MaturityModelContext,
  PublishMaturityModel,
} from './maturity-model.commands';
import { MATURITY_MODEL_ERROR_CODES } from './maturity-model.errors';
import type { MaturityModelEvent } from './maturity-model.events';
import {
  evolveMaturityModel,
  initialMaturityModelState,
  type MaturityModelState,
} from './maturity-model.state';

/** Bounds that keep a model readable on a dashboard and cheap to score. */
export const MATURITY_MODEL_LIMITS = { minLevels: 2, maxLevels: 20, maxCapabilities: 200 } as const;

export function decideMaturityModel(
  command: MaturityModelCommand,
  state: MaturityModelState,
  context: MaturityModelContext,
): MaturityModelEvent[] {
  // One command so far; typing the parameter as PublishMaturityModel makes a second one a compile error here.
  return publish(command, state, context);
}

function publish(
  command: PublishMaturityModel,
  state: MaturityModelState,
  context: MaturityModelContext,
): MaturityModelEvent[] {
  const { data } = command;
  const id = requireSlug('id', data.id);
  const name = requireText('name', data.name, TEXT_FIELDS.name);
  const levels = validateLevels(data.levels);
  const capabilities = validateCapabilities(data.capabilities, levels.length);
  const sourceWeights = validateSourceWeights(data.sourceWeights);
  // Republishing an id is how a model evolves; earlier versions stay readable in the stream.
  const version = state.status === 'PUBLISHED' ? state.latest.version + 1 : 1;
  return [
    {
      type: 'MaturityModelPublished',
      data: {
        id,
        version,
        name,
        levels,
        capabilities,
        sourceWeights,
        publishedAt: context.now.toISOString(),
      },
    },
  ];
}

function validateLevels(input: LevelInput[]): MaturityLevel[] {
  if (!Array.isArray(input) || input.length < MATURITY_MODEL_LIMITS.minLevels) {
    throw invalidInput(
      'levels',
      `levels must hold at least ${MATURITY_MODEL_LIMITS.minLevels} levels`,
      MATURITY_MODEL_ERROR_CODES.tooFewLevels,
    );
  }
  if (input.length > MATURITY_MODEL_LIMITS.maxLevels) {
    throw invalidInput(
      'levels',
      `levels must hold at most ${MATURITY_MODEL_LIMITS.maxLevels} levels`,
      MATURITY_MODEL_ERROR_CODES.tooManyLevels,
    );
  }
  const levels = input.map((level, index) => ({
    index,
    value: level.value,
    name: requireText(`levels[${index}].name`, level.name, TEXT_FIELDS.name),
    description: optionalText(`levels[${index}].description`, level.description, TEXT_FIELDS.description),
  }));
  // Levels may arrive in any order; once sorted they must read 1, 2, ..., L.
  const sorted = [...levels].sort((left, right) => left.value - right.value);
  sorted.forEach((level, position) => {
    if (level.value !== position + 1) {
      throw invalidInput(
        `levels[${level.index}].value`,
        `levels[${level.index}].value must make the levels 1..${levels.length} consecutive without gaps or repeats (expected ${position + 1}, got ${level.value})`,
        MATURITY_MODEL_ERROR_CODES.levelsNotConsecutive,
      );
    }
  });
  return sorted.map(({ value, name, description }) => ({ value, name, description }));
}

function validateCapabilities(input: CapabilityInput[], levelCount: number): MaturityCapability[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw invalidInput(
      'capabilities',
      'capabilities must hold at least one capability',
      MATURITY_MODEL_ERROR_CODES.noCapabilities,
    );
  }
  if (input.length > MATURITY_MODEL_LIMITS.maxCapabilities) {
    throw invalidInput(
      'capabilities',
      `capabilities must hold at most ${MATURITY_MODEL_LIMITS.maxCapabilities} capabilities`,
      MATURITY_MODEL_ERROR_CODES.tooManyCapabilities,
    );
  }
  const seen = new Set<string>();
  return input.map((capability, index) => {
    const field = `capabilities[${index}]`;
    const id = requireSlug(`${field}.id`, capability.id);
    if (seen.has(id)) {
      throw invalidInput(
        `${field}.id`,
        `${field}.id "${id}" is used by another capability; capability ids must be unique`,
        MATURITY_MODEL_ERROR_CODES.duplicateCapability,
      );
    }
    seen.add(id);
    const weight =
      capability.weight === undefined || capability.weight === null
        ? 1
        : requireWeight(`${field}.weight`, capability.weight);
    return {
      id,
      name: requireText(`${field}.name`, capability.name, TEXT_FIELDS.name),
      dimension: requireText(`${field}.dimension`, capability.dimension, TEXT_FIELDS.name),
      weight,
      descriptors: validateDescriptors(field, capability.descriptors, levelCount),
    };
  });
}

function validateDescriptors(
  field: string,
  descriptors: string[] | null | undefined,
  levelCount: number,
): string[] {
  if (descriptors === undefined || descriptors === null) return [];
  if (!Array.isArray(descriptors) || descriptors.length !== levelCount) {
    throw invalidInput(
      `${field}.descriptors`,
      `${field}.descriptors must hold one descriptor per level (${levelCount}), or be left out`,
      MATURITY_MODEL_ERROR_CODES.descriptorCount,
    );
  }
  return descriptors.map((descriptor, index) =>
    requireText(`${field}.descriptors[${index}]`, descriptor, TEXT_FIELDS.description),
  );
}

function validateSourceWeights(input: Partial<SourceWeights> | null | undefined): SourceWeights {
  const weights = { ...DEFAULT_SOURCE_WEIGHTS };
  if (input === undefined || input === null) return weights;
  for (const source of Object.keys(weights) as (keyof SourceWeights)[]) {
    const weight = input[source];
    if (weight !== undefined) weights[source] = requireWeight(`sourceWeights.${source}`, weight);
  }
  return weights;
}

export const maturityModelDecider: Decider<
  MaturityModelCommand,
  MaturityModelEvent,
  MaturityModelState,
  MaturityModelContext
> = {
  initialState: initialMaturityModelState,
  decide: decideMaturityModel,
  evolve: evolveMaturityModel,
};
