// The set-up mutations the page sends. Each answers with the organisation as it now stands.
import { graphql } from '../api/graphql';
import { organizationFields } from '../api/queries';

export const registerOrganizationMutation = graphql(
  `
    mutation RegisterOrganization($input: RegisterOrganizationInput!) {
      registerOrganization(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const loadDemoMutation = graphql(`
  mutation LoadDemo {
    loadDemo {
      organizationId
      recordedEvents
    }
  }
`);

export const addFunctionMutation = graphql(
  `
    mutation AddFunction($input: AddFunctionInput!) {
      addFunction(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const updateFunctionMutation = graphql(
  `
    mutation UpdateFunction($input: UpdateFunctionInput!) {
      updateFunction(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const linkFunctionsMutation = graphql(
  `
    mutation LinkFunctions($input: LinkFunctionsInput!) {
      linkFunctions(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const unlinkFunctionsMutation = graphql(
  `
    mutation UnlinkFunctions($input: UnlinkFunctionsInput!) {
      unlinkFunctions(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const setTargetMutation = graphql(
  `
    mutation SetTarget($input: SetTargetInput!) {
      setTarget(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const setTargetsMutation = graphql(
  `
    mutation SetTargets($input: SetTargetsInput!) {
      setTargets(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const clearTargetMutation = graphql(
  `
    mutation ClearTarget($input: ClearTargetInput!) {
      clearTarget(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);

export const retireFunctionMutation = graphql(
  `
    mutation RetireFunction($input: RetireFunctionInput!) {
      retireFunction(input: $input) {
        ...OrganizationFields
      }
    }
  `,
  [organizationFields],
);
