import {
  type AssessmentRatings,
  type MaturityModel,
  type StillOpenAssessment,
  type Organization,
  type ScoringModel,
  type ScoringOrganization,
  topLevel,
} from '@app/domain';

/** What the scoring maths needs of an organisation, as known at some instant. */
export interface ScoringInputs {
  model: ScoringModel;
  organization: ScoringOrganization;
  /** Every assessment with its effective ratings (no asOf filter). */
  assessments: AssessmentRatings[];
  /** The assessments still open as known then (no asOf filter): their ratings count provisionally. */
  openAssessments: readonly StillOpenAssessment[];
}

/** The model as the scoring maths reads it. */
export const toScoringModel = (model: MaturityModel): ScoringModel => ({
  levelCount: topLevel(model),
  capabilities: model.capabilities.map(({ id, weight, name }) => ({ id, weight, name })),
});

/** The organisation as the scoring maths reads it. */
export const toScoringOrganization = (organization: Organization): ScoringOrganization => ({
  functions: organization.functions.map(({ id, customerFacing, name, retirement }) => ({
    id,
    customerFacing,
    name,
    retiredFrom: retirement?.effectiveFrom ?? null,
  })),
  interactions: organization.interactions,
  targets: organization.targets,
});
