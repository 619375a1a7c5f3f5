import {
  type MaturityModel,
  type Organization,
  type ScoringModel,
  type ScoringOrganization,
  topLevel,
} from '@app/domain';

/** The model as the scoring maths reads it. */
export const toScoringModel = (model: MaturityModel): ScoringModel => ({
  levelCount: topLevel(model),
  capabilities: model.capabilities.map(({ id, weight, name }) => ({ id, weight, name })),
});

/** The organisation as the scoring maths reads it. */
export const toScoringOrganization = (organization: Organization): ScoringOrganization => ({
  functions: organization.functions.map(({ id, customerFacing, name }) => ({ id, customerFacing, name })),
  interactions: organization.interactions,
  targets: organization.targets,
});
