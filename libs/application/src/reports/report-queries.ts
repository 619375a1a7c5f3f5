// Reports a steering committee reads (maturityChange, compareOrganizations): built on the maturity
// views, so every number is the one the dashboard shows for the same instants.
import { Injectable } from '@nestjs/common';
import {
  capabilityLevelsOf,
  type CapabilityLevel,
  type CellChange,
  changeBetween,
  notFound,
  ORGANIZATION_ERROR_CODES,
  type MaturityIndices,
  requireComparedOrganizationIds,
  requireIsoDate,
  requireOneModel,
  requireOrderedRange,
  requireSlug,
  linksText,
  sourceMixText,
} from '@app/domain';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { MaturityQueryService } from '../maturity/maturity-query.service';
import { OrganizationReader } from '../organizations/organization-reader';
import { provisionalLine } from './maturity-report';

export interface MaturityChange {
  organizationId: string;
  from: string;
  to: string;
  /** Transaction time both views were read at; null: all that is known. */
  knownAt: string | null;
  before: MaturityIndices;
  after: MaturityIndices;
  cells: CellChange[];
}

export interface OrganizationComparison extends MaturityIndices {
  organizationId: string;
  name: string;
  coverage: number;
  capabilityLevels: CapabilityLevel[];
  /**
   * Which open assessments the figures include, in a sentence ("Provisional: …"), or "no: …" and
   * why not (every assessment closed, or the open ones have no rating yet).
   */
  provisional: string;
  /** Whose ratings the levels come from: "self 3 · customer 2 ratings", as the Compare screen says. */
  ratingsFrom: string;
  /** How alignment found its pairs: "2 links declared", or "no links declared: every pair assumed". */
  alignmentPairs: string;
}

/** The organisations a caller reaches (a Principal fits). */
export interface OrganizationReach {
  allOrganizations: boolean;
  organizationIds: readonly string[];
}

const optionalInstant = (field: string, value: string | null | undefined): string | null =>
  value === undefined || value === null ? null : requireIsoDate(field, value);

@Injectable()
export class ReportQueries {
  constructor(
    private readonly maturity: MaturityQueryService,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
  ) {}

  /** The views as of `from` and as of `to` (both as known at `knownAt`), and how each cell moved. */
  async maturityChange(
    organizationId: string,
    from: string,
    to: string,
    knownAt?: string | null,
    includeOpenAssessments?: boolean | null,
  ): Promise<MaturityChange> {
    const id = requireSlug('organizationId', organizationId);
    const fromInstant = requireIsoDate('from', from);
    const toInstant = requireIsoDate('to', to);
    const knownInstant = optionalInstant('knownAt', knownAt);
    requireOrderedRange(fromInstant, toInstant);
    const [before, after] = await Promise.all([
      this.maturity.maturity(id, { asOf: fromInstant, knownAt: knownInstant, includeOpenAssessments }),
      this.maturity.maturity(id, { asOf: toInstant, knownAt: knownInstant, includeOpenAssessments }),
    ]);
    return {
      organizationId: id,
      from: fromInstant,
      to: toInstant,
      knownAt: knownInstant,
      ...changeBetween(before, after),
    };
  }

  /**
   * Organisations on one model side by side, in the order asked. One the caller does not reach is
   * answered exactly as one that does not exist, and neither is named: the answer must not tell
   * which ids exist elsewhere.
   */
  async compareOrganizations(
    organizationIds: readonly string[],
    asOf: string | null | undefined,
    knownAt: string | null | undefined,
    reach: OrganizationReach,
  ): Promise<OrganizationComparison[]> {
    const ids = requireComparedOrganizationIds('organizationIds', organizationIds);
    const asOfInstant = optionalInstant('asOf', asOf);
    const knownInstant = optionalInstant('knownAt', knownAt);
    const unknownAt = (position: number): Error =>
      notFound(
        'organizationIds',
        `organizationIds[${position}]: no organisation with this id is registered`,
        ORGANIZATION_ERROR_CODES.notFound,
      );
    const unreachable = ids.findIndex((id) => !reach.allOrganizations && !reach.organizationIds.includes(id));
    if (unreachable >= 0) throw unknownAt(unreachable);
    const found = await Promise.all(ids.map((id) => this.organizations.find(id)));
    const organizations = found.map((organization, position) => {
      if (organization === null) throw unknownAt(position);
      return organization;
    });
    requireOneModel('organizationIds', organizations);
    return Promise.all(
      organizations.map(async (organization) => {
        const [view, model] = await Promise.all([
          this.maturity.maturity(organization.id, { asOf: asOfInstant, knownAt: knownInstant }),
          this.models.require(organization.modelId, organization.modelVersion),
        ]);
        return {
          organizationId: organization.id,
          name: organization.name,
          customerCentricityIndex: view.customerCentricityIndex,
          alignmentIndex: view.alignmentIndex,
          targetAttainment: view.targetAttainment,
          coverage: view.coverage,
          capabilityLevels: capabilityLevelsOf(
            model.capabilities.map((capability) => capability.id),
            view.cells,
          ),
          provisional: provisionalLine(view),
          ratingsFrom: sourceMixText(view.cells),
          alignmentPairs: linksText(organization),
        };
      }),
    );
  }
}
