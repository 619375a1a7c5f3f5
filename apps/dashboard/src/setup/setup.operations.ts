// The set-up mutations the page sends. Each answers with the organisation as it now stands.
import { operation } from '../api/client';
import type { Organization } from '../api/types';

const organizationFields = `
  id name purpose valueProposition modelId modelVersion
  functions { id name customerFacing partner }
  interactions { from to weight }
  targets { capabilityId functionId level }
`;

export const registerOrganizationMutation = operation<
  { registerOrganization: Organization },
  {
    input: {
      id: string;
      name: string;
      purpose: string | null;
      valueProposition: string | null;
      modelId: string;
    };
  }
>(`
  mutation RegisterOrganization($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) { ${organizationFields} }
  }
`);

export const loadDemoMutation = operation<{
  loadDemo: { organizationId: string; recordedEvents: number };
}>(`
  mutation LoadDemo {
    loadDemo { organizationId recordedEvents }
  }
`);
