import { Injectable } from '@nestjs/common';
import {
  type PortfolioCandidate,
  type PortfolioResult,
  type Realisation,
  type RealisationMeasurement,
  type ScenarioInvestment,
  type ScenarioResult,
  INVESTMENT_ERROR_CODES,
  computeRealisation,
  effectiveCells,
  organizationAsOf,
  unknownId,
  requireIsoDate,
  requireSlug,
} from '@app/domain';
import type { PlannedInvestmentState } from '../investments/investment-reader';
import { InvestmentReader } from '../investments/investment-reader';
import { AssessmentReader } from '../assessments/assessment-reader';
import type { ScoringInputs } from '../scoring/scoring-inputs';
import { ScoringInputsReader } from '../scoring/scoring-inputs.reader';
import { HeavyWork } from '../heavy-work/heavy-work';

export interface SimulateRequest {
  organizationId: string;
  investmentIds: readonly string[];
  horizonMonths?: number | null;
  trials?: number | null;
  seed?: number | null;
  /** Valid time of the baseline; absent: now. */
  asOf?: string | null;
}

export interface OptimizeRequest {
  organizationId: string;
  candidateIds: readonly string[];
  budget: number;
  alpha?: number | null;
  horizonMonths?: number | null;
}

/** What one assessment after the lag showed, with the assessment's title and whether it is still open. */
export interface NamedMeasurement extends RealisationMeasurement {
  title: string;
  /** Still open: its ratings, and so this figure, may change until it closes (provisional). */
  open: boolean;
}

/** A realisation with the assessments that measured it named. */
export interface RealisationReport extends Omit<Realisation, 'measurements'> {
  measurements: NamedMeasurement[];
  /** The measurement `actual` is read from (the latest); null until due. */
  measuredBy: NamedMeasurement | null;
}

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

const toScenarioInvestment = (investment: PlannedInvestmentState): ScenarioInvestment => ({
  id: investment.id,
  name: investment.name,
  status: investment.status,
  lagMonths: investment.lagMonths,
  effects: investment.effects,
});

/** A scenario's baseline: the effective levels as of `asOf` (valid time; absent: every assessment). */
const baselineOf = (inputs: ScoringInputs, asOf: string | null) => {
  const organization = organizationAsOf(inputs.organization, asOf ?? undefined);
  return {
    model: inputs.model,
    organization,
    baselineCells: effectiveCells(
      inputs.model,
      organization,
      inputs.assessments,
      asOf === null ? {} : { asOf },
    ),
  };
};

/**
 * The planner's questions (docs/reference/simulation.md): reads the organisation's scoring inputs once (as known now), checks
 * its investments, then hands plain data to the domain's pure maths.
 */
@Injectable()
export class SimulationQueries {
  constructor(
    private readonly scoringInputs: ScoringInputsReader,
    private readonly investments: InvestmentReader,
    private readonly heavyWork: HeavyWork,
    private readonly assessments: AssessmentReader,
  ) {}

  async simulate(request: SimulateRequest): Promise<ScenarioResult> {
    const organizationId = requireSlug('organizationId', request.organizationId);
    const inputs = await this.scoringInputs.read(organizationId);
    const investments = await this.requireInvestments(organizationId, request.investmentIds, 'investmentIds');
    const asOf =
      request.asOf === undefined || request.asOf === null ? null : requireIsoDate('asOf', request.asOf);
    return this.heavyWork.run('simulateScenario', {
      ...baselineOf(inputs, asOf),
      investments: investments.map(toScenarioInvestment),
      horizonMonths: orUndefined(request.horizonMonths),
      trials: orUndefined(request.trials),
      seed: orUndefined(request.seed),
    });
  }

  async optimize(request: OptimizeRequest): Promise<PortfolioResult> {
    const organizationId = requireSlug('organizationId', request.organizationId);
    const inputs = await this.scoringInputs.read(organizationId);
    const candidates = await this.requireInvestments(organizationId, request.candidateIds, 'candidateIds');
    return this.heavyWork.run('optimizePortfolio', {
      ...baselineOf(inputs, null),
      candidates: candidates.map((candidate): PortfolioCandidate => ({
        ...toScenarioInvestment(candidate),
        cost: candidate.cost,
      })),
      budget: request.budget,
      alpha: orUndefined(request.alpha),
      horizonMonths: orUndefined(request.horizonMonths),
    });
  }

  async realisation(investmentId: string): Promise<RealisationReport> {
    const investment = await this.investments.find(requireSlug('investmentId', investmentId));
    if (investment === null) throw unknownId('investmentId', 'investment', INVESTMENT_ERROR_CODES.notFound);
    // Bitemporal inputs as known now; the realisation applies valid time (deployedAt, due date) itself.
    const inputs = await this.scoringInputs.read(investment.organizationId);
    const realisation = computeRealisation({
      model: inputs.model,
      organization: inputs.organization,
      investment: {
        id: investment.id,
        status: investment.status,
        deployedAt: investment.deployedAt,
        lagMonths: investment.lagMonths,
        effects: investment.effects,
      },
      assessments: inputs.assessments,
    });
    const measurements = await Promise.all(
      realisation.measurements.map(async (measurement): Promise<NamedMeasurement> => {
        const assessment = await this.assessments.find(measurement.assessmentId);
        return {
          ...measurement,
          title: assessment?.title ?? measurement.assessmentId,
          open: assessment?.status === 'OPEN',
        };
      }),
    );
    return { ...realisation, measurements, measuredBy: measurements.at(-1) ?? null };
  }

  /** The investments named, in the order given: an unknown id, or one of another organisation, is NOT_FOUND. */
  private async requireInvestments(
    organizationId: string,
    ids: readonly string[],
    field: string,
  ): Promise<PlannedInvestmentState[]> {
    return Promise.all(
      ids.map(async (id, index) => {
        const investment = await this.investments.find(requireSlug(field, id));
        // Another organisation's investment is answered as unknown: its existence is not ours to reveal.
        if (investment === null || investment.organizationId !== organizationId) {
          throw unknownId(`${field}[${index}]`, 'investment', INVESTMENT_ERROR_CODES.notFound);
        }
        return investment;
      }),
    );
  }
}
