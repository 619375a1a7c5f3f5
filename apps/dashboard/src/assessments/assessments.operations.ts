// What the assessments screen reads and sends.
import { operation } from '../api/client';
import type { Assessment, RatingSource } from '../api/types';

const assessmentFields = `
  id title periodEnd status
  ratings { functionId capabilityId level source raterFunctionId evidence }
`;

export const assessmentsQuery = operation<{ assessments: Assessment[] }, { organizationId: string }>(`
  query Assessments($organizationId: ID!) {
    assessments(organizationId: $organizationId) { ${assessmentFields} }
  }
`);

export const openAssessmentMutation = operation<
  { openAssessment: Assessment },
  { input: { organizationId: string; title: string; periodEnd: string } }
>(`
  mutation OpenAssessment($input: OpenAssessmentInput!) {
    openAssessment(input: $input) { ${assessmentFields} }
  }
`);

export const closeAssessmentMutation = operation<{ closeAssessment: Assessment }, { assessmentId: string }>(`
  mutation CloseAssessment($assessmentId: ID!) {
    closeAssessment(assessmentId: $assessmentId) { ${assessmentFields} }
  }
`);

export type RatingCell = {
  assessmentId: string;
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
};

export const recordRatingMutation = operation<
  { recordRating: Assessment },
  { input: RatingCell & { evidence: string | null } }
>(`
  mutation RecordRating($input: RecordRatingInput!) {
    recordRating(input: $input) { ${assessmentFields} }
  }
`);

export const correctRatingMutation = operation<
  { correctRating: Assessment },
  { input: RatingCell & { reason: string } }
>(`
  mutation CorrectRating($input: CorrectRatingInput!) {
    correctRating(input: $input) { ${assessmentFields} }
  }
`);
