import {
  type AssessmentRatings,
  type MaturityModel,
  type Organization,
  type ScoringModel,
  type ScoringOrganization,
  effectiveRatings,
  topLevel,
} from '@app/domain';
import type { OpenedAssessmentState } from '../assessments/assessment.command';

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

/**
 * Each assessment's effective ratings. `assessments` come by periodEnd then opening time (as
 * AssessmentReader.listFor gives them), so the position is the recording order that breaks ties.
 */
export const toAssessmentRatings = (assessments: readonly OpenedAssessmentState[]): AssessmentRatings[] =>
  assessments.map((assessment, position) => ({
    assessmentId: assessment.id,
    periodEnd: assessment.periodEnd,
    sequence: position,
    ratings: effectiveRatings(assessment).map(({ functionId, capabilityId, level, source, raterFunctionId, evidence }) => ({
      functionId,
      capabilityId,
      level,
      source,
      raterFunctionId,
      evidence,
    })),
  }));
