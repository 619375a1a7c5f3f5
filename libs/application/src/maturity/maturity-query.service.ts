// Maturity, bitemporally (docs/reference/scores.md): asOf picks assessments by periodEnd (valid time), knownAt
// ignores every event recorded after it (transaction time). Everything is read from the
// organisation index by organisation, so the cost grows with that organisation's events only.
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  type CellLevel,
  computeMaturity,
  effectiveCells,
  notFound,
  ORGANIZATION_ERROR_CODES,
  requireIsoDate,
  requireSlug,
  type ScoringModel,
  type ScoringOrganization,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { organizationIdOf } from '@app/projections';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { ReadModels } from '../projections/read-models';
import { toScoringModel, toScoringOrganization } from '../simulation/scoring-inputs';
import {
  assessmentRatingsOf,
  foldOrganizationHistory,
  type OrganizationHistory,
} from './organization-history';
import type {
  MaturityBaseline,
  MaturityPoint,
  MaturityQuery,
  MaturityView,
  ScoringInputs,
} from './maturity-view';

/** Current views kept for this many organisations (the most recently read). */
const CURRENT_VIEW_CACHE_SIZE = 256;

interface KnownOrganization {
  model: ScoringModel;
  organization: ScoringOrganization;
  history: OrganizationHistory;
}

export type MaturityChangeListener = (organizationIds: ReadonlySet<string>) => void;

@Injectable()
export class MaturityQueryService implements OnModuleDestroy {
  /** Views with neither asOf nor knownAt; dropped when the projection applies a change. */
  private readonly currentViews = new Map<string, MaturityView>();
  private readonly changeListeners = new Set<MaturityChangeListener>();
  private readonly stopListening: () => void;

  constructor(
    private readonly readModels: ReadModels,
    private readonly models: MaturityModelCatalog,
  ) {
    this.stopListening = readModels.runner.onApplied((events) => {
      this.onApplied(events);
    });
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  async maturity(organizationId: string, query: MaturityQuery = {}): Promise<MaturityView> {
    const asOf = optionalInstant('asOf', query.asOf);
    const knownAt = optionalInstant('knownAt', query.knownAt);
    const id = requireSlug('organizationId', organizationId);
    await this.readModels.ready();
    const current = asOf === null && knownAt === null;
    const cached = current ? this.currentViews.get(id) : undefined;
    if (cached !== undefined) {
      // Refresh its place in the LRU order.
      this.currentViews.delete(id);
      this.currentViews.set(id, cached);
      return cached;
    }
    const known = await this.knownOrganization(id, knownAt);
    const assessments = assessmentRatingsOf(known.history);
    const cells = effectiveCells(known.model, known.organization, assessments, asOf === null ? {} : { asOf });
    const view: MaturityView = {
      organizationId: id,
      asOf,
      knownAt,
      ...computeMaturity(known.model, known.organization, cells),
    };
    if (current) this.remember(id, view);
    return view;
  }

  /**
   * A point at each distinct assessment periodEnd within [from, to], indices as of that date, as
   * known at `knownAt` (default: all that is known).
   */
  async maturityTimeline(
    organizationId: string,
    range: { from?: string | null; to?: string | null; knownAt?: string | null } = {},
  ): Promise<MaturityPoint[]> {
    const from = optionalInstant('from', range.from);
    const to = optionalInstant('to', range.to);
    const knownAt = optionalInstant('knownAt', range.knownAt);
    const id = requireSlug('organizationId', organizationId);
    await this.readModels.ready();
    const known = await this.knownOrganization(id, knownAt);
    const assessments = assessmentRatingsOf(known.history);
    const dates = [...new Set(assessments.map((assessment) => Date.parse(assessment.periodEnd)))]
      .filter(
        (date) => (from === null || date >= Date.parse(from)) && (to === null || date <= Date.parse(to)),
      )
      .sort((left, right) => left - right);
    return dates.map((date) => {
      const at = new Date(date).toISOString();
      const cells = effectiveCells(known.model, known.organization, assessments, { asOf: at });
      const scores = computeMaturity(known.model, known.organization, cells);
      return {
        at,
        customerCentricityIndex: scores.customerCentricityIndex,
        alignmentIndex: scores.alignmentIndex,
        targetAttainment: scores.targetAttainment,
        coverage: scores.coverage,
      };
    });
  }

  /** The scoring inputs as known at `knownAt` (default: now), e.g. for investment realisation. */
  async scoringInputs(organizationId: string, knownAt?: string | null): Promise<ScoringInputs> {
    const id = requireSlug('organizationId', organizationId);
    const known = optionalInstant('knownAt', knownAt);
    await this.readModels.ready();
    const organization = await this.knownOrganization(id, known);
    return {
      model: organization.model,
      organization: organization.organization,
      assessments: assessmentRatingsOf(organization.history),
    };
  }

  /** A scenario's baseline: the effective levels now, or as of `asOf` (valid time), as known now. */
  async baselineFor(organizationId: string, asOf?: string | null): Promise<MaturityBaseline> {
    const validAsOf = optionalInstant('asOf', asOf);
    const inputs = await this.scoringInputs(organizationId);
    return {
      model: inputs.model,
      organization: inputs.organization,
      baselineCells: effectiveCells(
        inputs.model,
        inputs.organization,
        inputs.assessments,
        validAsOf === null ? {} : { asOf: validAsOf },
      ),
    };
  }

  /** The effective level of each rated cell as of `asOf` (e.g. an investment's deployedAt). */
  async effectiveLevels(organizationId: string, asOf: string, knownAt?: string | null): Promise<CellLevel[]> {
    const validAsOf = requireIsoDate('asOf', asOf);
    const inputs = await this.scoringInputs(organizationId, knownAt);
    return effectiveCells(inputs.model, inputs.organization, inputs.assessments, { asOf: validAsOf }).map(
      ({ functionId, capabilityId, level }) => ({ functionId, capabilityId, level }),
    );
  }

  /** Called with the organisations whose maturity may have changed, after the projection applied it. */
  onChange(listener: MaturityChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  private async knownOrganization(
    organizationId: string,
    knownAt: string | null,
  ): Promise<KnownOrganization> {
    const index = this.readModels.index;
    const events = index.eventsOf(
      organizationId,
      knownAt === null ? {} : { recordedUntil: Date.parse(knownAt) },
    );
    const history = foldOrganizationHistory(events);
    if (history.organization.status !== 'REGISTERED') {
      // Registered later than knownAt: as known then there was nothing to score.
      if (knownAt !== null && index.hasOrganization(organizationId)) {
        return { model: NO_MODEL, organization: NO_ORGANIZATION, history };
      }
      throw notFound(
        'organizationId',
        `organizationId: no organization "${organizationId}" is registered`,
        ORGANIZATION_ERROR_CODES.notFound,
      );
    }
    const model = await this.models.require(history.organization.modelId, history.organization.modelVersion);
    return {
      model: toScoringModel(model),
      organization: toScoringOrganization(history.organization),
      history,
    };
  }

  private remember(organizationId: string, view: MaturityView): void {
    this.currentViews.set(organizationId, view);
    if (this.currentViews.size > CURRENT_VIEW_CACHE_SIZE) {
      const oldest = this.currentViews.keys().next();
      if (oldest.done !== true) this.currentViews.delete(oldest.value);
    }
  }

  private onApplied(events: readonly RecordedEvent[]): void {
    const changed = new Set<string>();
    for (const event of events) {
      const organizationId = organizationIdOf(event);
      if (organizationId !== null) changed.add(organizationId);
    }
    if (changed.size === 0) return;
    for (const organizationId of changed) this.currentViews.delete(organizationId);
    for (const listener of this.changeListeners) listener(changed);
  }
}

function optionalInstant(field: string, value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : requireIsoDate(field, value);
}

/** Scores an organisation not yet registered at knownAt: no functions, so no cells. */
const NO_ORGANIZATION: ScoringOrganization = { functions: [], interactions: [], targets: [] };
const NO_MODEL: ScoringModel = { levelCount: 2, capabilities: [] };
