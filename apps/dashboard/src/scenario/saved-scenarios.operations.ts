// What the saved scenarios read and send: recorded as events by the api, so every device sees them.
import { graphql, type ResultOf } from '../api/graphql';

const savedScenarioFields = graphql(`
  fragment SavedScenarioFields on SavedScenario {
    id
    name
    investmentIds
    horizonMonths
    budget
    alpha
    savedAt
    chosenForBoard
  }
`);

export const scenariosQuery = graphql(
  `
    query SavedScenarios($organizationId: ID!) {
      scenarios(organizationId: $organizationId) {
        ...SavedScenarioFields
      }
    }
  `,
  [savedScenarioFields],
);

export const saveScenarioMutation = graphql(
  `
    mutation SaveScenario($input: SaveScenarioInput!) {
      saveScenario(input: $input) {
        ...SavedScenarioFields
      }
    }
  `,
  [savedScenarioFields],
);

export const deleteScenarioMutation = graphql(
  `
    mutation DeleteScenario($organizationId: ID!, $scenarioId: ID!) {
      deleteScenario(organizationId: $organizationId, scenarioId: $scenarioId) {
        ...SavedScenarioFields
      }
    }
  `,
  [savedScenarioFields],
);

export const chooseScenarioForBoardMutation = graphql(
  `
    mutation ChooseScenarioForBoard($organizationId: ID!, $scenarioId: ID) {
      chooseScenarioForBoard(organizationId: $organizationId, scenarioId: $scenarioId) {
        ...SavedScenarioFields
      }
    }
  `,
  [savedScenarioFields],
);

export type SavedScenario = ResultOf<typeof scenariosQuery>['scenarios'][number];
