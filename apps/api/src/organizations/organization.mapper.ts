import type { Organization as OrganizationState } from '@app/domain';
import type { Organization } from './organization.model';

export const toOrganization = (state: OrganizationState): Organization => ({
  id: state.id,
  name: state.name,
  purpose: state.purpose,
  valueProposition: state.valueProposition,
  modelId: state.modelId,
  modelVersion: state.modelVersion,
  functions: state.functions.map((business) => ({ ...business, retirement: business.retirement ?? null })),
  interactions: state.interactions,
  targets: state.targets,
});
