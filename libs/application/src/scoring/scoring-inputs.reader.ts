// The one way an organisation's scoring inputs are read: from the organisation index, as known at
// a transaction time, so maturity views, simulations and realisations all see the same facts.
import { Injectable } from '@nestjs/common';
import { requireIsoDate, requireOrganization, requireSlug, type ScoringModel } from '@app/domain';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { PersonalData } from '../personal-data/personal-data';
import { ReadModels } from '../projections/read-models';
import { assessmentRatingsOf, foldOrganizationHistory } from './organization-history';
import { type ScoringInputs, toScoringModel, toScoringOrganization } from './scoring-inputs';

/** Scores an organisation not yet registered at knownAt: no functions, so no cells. */
const NOTHING_KNOWN: ScoringInputs = {
  model: { levelCount: 2, capabilities: [] } satisfies ScoringModel,
  organization: { functions: [], interactions: [], targets: [] },
  assessments: [],
};

@Injectable()
export class ScoringInputsReader {
  constructor(
    private readonly readModels: ReadModels,
    private readonly models: MaturityModelCatalog,
    private readonly personalData: PersonalData,
  ) {}

  /**
   * The organisation's model, structure and assessments from the events recorded up to `knownAt`
   * (all when null), once the read models have caught up. An organisation never registered is
   * NOT_FOUND; one registered only after `knownAt` has nothing to score yet.
   */
  async read(organizationId: string, knownAt: string | null = null): Promise<ScoringInputs> {
    const id = requireSlug('organizationId', organizationId);
    const recordedUntil = knownAt === null ? null : Date.parse(requireIsoDate('knownAt', knownAt));
    await this.readModels.ready();
    const index = this.readModels.index;
    // The index keeps personal text sealed, as stored; it is opened here, for this read only.
    const history = foldOrganizationHistory(
      await this.personalData.open(index.eventsOf(id, recordedUntil === null ? {} : { recordedUntil })),
    );
    if (history.organization.status !== 'REGISTERED' && recordedUntil !== null && index.hasOrganization(id)) {
      return NOTHING_KNOWN;
    }
    const organization = requireOrganization(history.organization, 'organizationId', id);
    const model = await this.models.require(organization.modelId, organization.modelVersion);
    return {
      model: toScoringModel(model),
      organization: toScoringOrganization(organization),
      assessments: assessmentRatingsOf(history),
    };
  }
}
