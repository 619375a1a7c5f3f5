// Maturity, bitemporally (docs/reference/scores.md): asOf picks assessments by periodEnd (valid time), knownAt ignores every
// event recorded after it (transaction time). The inputs are read from the organisation index by
// organisation, so the cost grows with that organisation's events only.
import { Injectable } from '@nestjs/common';
import {
  computeMaturity,
  countedAssessments,
  effectiveCells,
  effectiveCellsByDate,
  includedOpenAssessments,
  organizationAsOf,
  requireIsoDate,
  requireSlug,
} from '@app/domain';
import { yieldToOtherWork } from '@app/projections';
import type { ScoringInputs } from '../scoring/scoring-inputs';
import { ScoringInputsReader } from '../scoring/scoring-inputs.reader';
import { CurrentMaturityViews } from './current-maturity-views';
import type { MaturityPoint, MaturityQuery, MaturityView } from './maturity-view';

@Injectable()
export class MaturityQueryService {
  constructor(
    private readonly scoringInputs: ScoringInputsReader,
    private readonly currentViews: CurrentMaturityViews,
  ) {}

  async maturity(organizationId: string, query: MaturityQuery = {}): Promise<MaturityView> {
    const asOf = optionalInstant('asOf', query.asOf);
    const knownAt = optionalInstant('knownAt', query.knownAt);
    const id = requireSlug('organizationId', organizationId);
    const includeOpen = query.includeOpenAssessments !== false;
    const current = asOf === null && knownAt === null && includeOpen;
    const cached = current ? await this.currentViews.get(id) : undefined;
    if (cached !== undefined) return cached;
    const inputs = counted(await this.scoringInputs.read(id, knownAt), includeOpen);
    // The functions in place as of the date: cells and indices over the same set.
    const organization = organizationAsOf(inputs.organization, asOf ?? undefined);
    const cells = effectiveCells(
      inputs.model,
      organization,
      inputs.assessments,
      asOf === null ? {} : { asOf },
    );
    const view: MaturityView = {
      organizationId: id,
      asOf,
      knownAt,
      ...computeMaturity(inputs.model, organization, cells),
      openAssessments: includedOpenAssessments(inputs.openAssessments, cells, asOf ?? undefined),
    };
    if (current) this.currentViews.remember(id, view);
    return view;
  }

  /**
   * A point at each distinct assessment periodEnd within [from, to], indices as of that date, as
   * known at `knownAt` (default: all that is known).
   */
  async maturityTimeline(
    organizationId: string,
    range: {
      from?: string | null;
      to?: string | null;
      knownAt?: string | null;
      includeOpenAssessments?: boolean | null;
    } = {},
  ): Promise<MaturityPoint[]> {
    const from = optionalInstant('from', range.from);
    const to = optionalInstant('to', range.to);
    const knownAt = optionalInstant('knownAt', range.knownAt);
    const inputs = counted(
      await this.scoringInputs.read(organizationId, knownAt),
      range.includeOpenAssessments !== false,
    );
    const dates = [...new Set(inputs.assessments.map((assessment) => Date.parse(assessment.periodEnd)))]
      .filter(
        (date) => (from === null || date >= Date.parse(from)) && (to === null || date <= Date.parse(to)),
      )
      .sort((left, right) => left - right);
    const openPeriodEnds = new Set(
      inputs.openAssessments.map((assessment) => Date.parse(assessment.periodEnd)),
    );
    const points: MaturityPoint[] = [];
    const walk = effectiveCellsByDate(
      inputs.model,
      inputs.organization,
      inputs.assessments,
      dates.map((date) => new Date(date).toISOString()),
    );
    for (const { at, cells } of walk) {
      const scores = computeMaturity(inputs.model, organizationAsOf(inputs.organization, at), cells);
      points.push({
        at,
        customerCentricityIndex: scores.customerCentricityIndex,
        alignmentIndex: scores.alignmentIndex,
        targetAttainment: scores.targetAttainment,
        coverage: scores.coverage,
        provisional: openPeriodEnds.has(Date.parse(at)),
      });
      // A long history has a point per quarter for decades: other requests go between points.
      await yieldToOtherWork();
    }
    return points;
  }
}

/** The inputs a view counts: with `includeOpen` false, no open assessment, so nothing provisional. */
function counted(inputs: ScoringInputs, includeOpen: boolean): ScoringInputs {
  if (includeOpen) return inputs;
  return {
    ...inputs,
    assessments: [...countedAssessments(inputs.assessments, inputs.openAssessments, false)],
    openAssessments: [],
  };
}

function optionalInstant(field: string, value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : requireIsoDate(field, value);
}
