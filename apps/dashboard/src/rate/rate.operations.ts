// What the rater's page reads and sends: its own questionnaire, and one answer at a time.
import { graphql } from '../api/graphql';

const questionnaireFields = graphql(`
  fragment QuestionnaireFields on Questionnaire {
    invitationId
    organizationName
    title
    periodEnd
    source
    raterFunctionName
    status
    open
    answered
    expected
    questions {
      functionId
      functionName
      capabilityId
      capabilityName
      answer
      evidence
      evidenceErased
      levels {
        value
        name
        description
      }
    }
  }
`);

export const questionnaireQuery = graphql(
  `
    query Questionnaire {
      questionnaire {
        ...QuestionnaireFields
      }
    }
  `,
  [questionnaireFields],
);

export const answerQuestionMutation = graphql(
  `
    mutation AnswerQuestion($input: AnswerInput!) {
      answerQuestion(input: $input) {
        ...QuestionnaireFields
      }
    }
  `,
  [questionnaireFields],
);
