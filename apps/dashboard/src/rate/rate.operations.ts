// What the rater's page reads and sends: its own questionnaire, and one answer (or Not sure) at a time.
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
    notSure
    expected
    questions {
      functionId
      functionName
      capabilityId
      capabilityName
      answer
      notSure
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

export const setQuestionAsideMutation = graphql(
  `
    mutation SetQuestionAside($input: SetQuestionAsideInput!) {
      setQuestionAside(input: $input) {
        ...QuestionnaireFields
      }
    }
  `,
  [questionnaireFields],
);
