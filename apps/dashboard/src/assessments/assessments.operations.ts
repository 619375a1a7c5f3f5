// What the assessments screen reads and sends.
import { graphql, type ResultOf, type VariablesOf } from '../api/graphql';
import { ratingFields, withheldRatingsFields } from '../api/queries';

const assessmentSummaryFields = graphql(`
  fragment AssessmentSummaryFields on Assessment {
    id
    title
    periodEnd
    status
    withdrawnAt
    withdrawalReason
    ratingCount
  }
`);

const assessmentFields = graphql(
  `
    fragment AssessmentFields on Assessment {
      ...AssessmentSummaryFields
      ratings {
        ...RatingFields
        correction {
          previousLevel
          reason
          correctedAt
        }
      }
      ratingsWithheld {
        ...WithheldRatingsFields
      }
    }
  `,
  [assessmentSummaryFields, ratingFields, withheldRatingsFields],
);

/** The list: each cycle without its ratings (a survey cycle holds thousands), only how many. */
export const assessmentsQuery = graphql(
  `
    query Assessments($organizationId: ID!) {
      assessments(organizationId: $organizationId) {
        ...AssessmentSummaryFields
      }
    }
  `,
  [assessmentSummaryFields],
);

/** The cycle being looked at, with its ratings: read when it is chosen. */
export const assessmentQuery = graphql(
  `
    query Assessment($id: ID!) {
      assessment(id: $id) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

export const openAssessmentMutation = graphql(
  `
    mutation OpenAssessment($input: OpenAssessmentInput!) {
      openAssessment(input: $input) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

export const closeAssessmentMutation = graphql(
  `
    mutation CloseAssessment($assessmentId: ID!) {
      closeAssessment(assessmentId: $assessmentId) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

export const withdrawAssessmentMutation = graphql(
  `
    mutation WithdrawAssessment($assessmentId: ID!, $reason: String!) {
      withdrawAssessment(assessmentId: $assessmentId, reason: $reason) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

export const recordRatingMutation = graphql(
  `
    mutation RecordRating($input: RecordRatingInput!) {
      recordRating(input: $input) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

export const correctRatingMutation = graphql(
  `
    mutation CorrectRating($input: CorrectRatingInput!) {
      correctRating(input: $input) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

/** The cell and rater a rating or a correction is about: what the two inputs share. */
export type RatingCell = Pick<
  VariablesOf<typeof recordRatingMutation>['input'],
  'assessmentId' | 'functionId' | 'capabilityId' | 'level' | 'source' | 'raterFunctionId' | 'respondentId'
>;

/** An assessment as the list shows it: how many ratings, not the ratings. */
export type AssessmentSummary = ResultOf<typeof assessmentsQuery>['assessments'][number];
/** An assessment as its screens read it: each rating with its latest correction. */
export type AssessmentRecord = NonNullable<ResultOf<typeof assessmentQuery>['assessment']>;
export type RatingRecord = AssessmentRecord['ratings'][number];

export const recordRatingsMutation = graphql(
  `
    mutation RecordRatings($input: RecordRatingsInput!) {
      recordRatings(input: $input) {
        ...AssessmentFields
      }
    }
  `,
  [assessmentFields],
);

export const checkRatingsQuery = graphql(`
  query CheckRatings($input: CheckRatingsInput!) {
    checkRatings(input: $input) {
      index
      field
      message
    }
  }
`);
