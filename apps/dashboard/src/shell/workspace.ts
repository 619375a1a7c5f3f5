// What every screen works on: the organisations the token reaches, the published models, the
// chosen organisation and its model. `reload` fetches them again after a change.
import type { MaturityModel, Organization } from '../api/types';

export interface Workspace {
  organizations: readonly Organization[];
  models: readonly MaturityModel[];
  organization: Organization | null;
  /** The version of the maturity model the chosen organisation is assessed against. */
  model: MaturityModel | null;
  reload: () => void;
  /** Shows an organisation as a mutation answered it, without waiting for a reload. */
  update: (organization: Organization) => void;
  /** Shows another organisation (and reloads, e.g. right after creating it). */
  select: (organizationId: string) => void;
}

/** A workspace with a chosen organisation whose model is published: what most screens need. */
export interface OrganizationWorkspace extends Workspace {
  organization: Organization;
  model: MaturityModel;
}

export function pickOrganization(
  organizations: readonly Organization[],
  chosenId: string | null,
): Organization | null {
  return (
    organizations.find((organization) => organization.id === chosenId) ??
    organizations.find((organization) => organization.id === 'interlodge') ??
    organizations[0] ??
    null
  );
}

/** The model version the organisation is assessed against (the latest when the api does not say). */
export function modelOf(models: readonly MaturityModel[], organization: Organization): MaturityModel | null {
  let latest: MaturityModel | null = null;
  for (const model of models) {
    if (model.id !== organization.modelId) continue;
    if (model.version === organization.modelVersion) return model;
    if (latest === null || model.version > latest.version) latest = model;
  }
  return latest;
}
