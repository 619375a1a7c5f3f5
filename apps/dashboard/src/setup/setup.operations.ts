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

type FunctionInput = {
  organizationId: string;
  functionId: string;
  name: string;
  customerFacing: boolean;
  partner: boolean;
};

export const addFunctionMutation = operation<{ addFunction: Organization }, { input: FunctionInput }>(`
  mutation AddFunction($input: AddFunctionInput!) {
    addFunction(input: $input) { ${organizationFields} }
  }
`);

export const updateFunctionMutation = operation<{ updateFunction: Organization }, { input: FunctionInput }>(`
  mutation UpdateFunction($input: UpdateFunctionInput!) {
    updateFunction(input: $input) { ${organizationFields} }
  }
`);

export const linkFunctionsMutation = operation<
  { linkFunctions: Organization },
  { input: { organizationId: string; from: string; to: string; weight: number | null } }
>(`
  mutation LinkFunctions($input: LinkFunctionsInput!) {
    linkFunctions(input: $input) { ${organizationFields} }
  }
`);

export const unlinkFunctionsMutation = operation<
  { unlinkFunctions: Organization },
  { input: { organizationId: string; from: string; to: string } }
>(`
  mutation UnlinkFunctions($input: UnlinkFunctionsInput!) {
    unlinkFunctions(input: $input) { ${organizationFields} }
  }
`);

type TargetInput = { organizationId: string; capabilityId: string; functionId: string | null };

export const setTargetMutation = operation<
  { setTarget: Organization },
  { input: TargetInput & { level: number } }
>(`
  mutation SetTarget($input: SetTargetInput!) {
    setTarget(input: $input) { ${organizationFields} }
  }
`);

export const clearTargetMutation = operation<{ clearTarget: Organization }, { input: TargetInput }>(`
  mutation ClearTarget($input: ClearTargetInput!) {
    clearTarget(input: $input) { ${organizationFields} }
  }
`);
