import { Injectable } from '@nestjs/common';
import {
  type PortfolioCandidate,
  type PortfolioResult,
  type Realisation,
  type RegisteredOrganizationState,
  type ScenarioInvestment,
  type ScenarioResult,
  INVESTMENT_ERROR_CODES,
  computeRealisation,
  notFound,
  optimizePortfolio,
  requireSlug,
  simulateScenario,
} from '@app/domain';
import type { PlannedInvestmentState } from '../investments/investment.command';
import { InvestmentReader } from '../investments/investment-reader';
import { OrganizationReader } from '../organizations/organization-reader';
import { MaturityQueryService } from '../maturity/maturity-query.service';

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

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

const toScenarioInvestment = (investment: PlannedInvestmentState): ScenarioInvestment => ({
  id: investment.id,
  name: investment.name,
  status: investment.status,
  lagMonths: investment.lagMonths,
  effects: investment.effects,
});

/**
 * The planner's questions (docs/reference/simulation.md): checks the organisation and its investments, takes the
 * baseline (or the bitemporal scoring inputs) from the maturity views, then hands plain data to
 * the domain's pure maths.
 */
@Injectable()
export class SimulationQueries {
  constructor(
    private readonly organizations: OrganizationReader,
    private readonly investments: InvestmentReader,
    private readonly maturity: MaturityQueryService,
  ) {}

  async simulate(request: SimulateRequest): Promise<ScenarioResult> {
    const organization = await this.organizations.require(request.organizationId);
    const investments = await this.requireInvestments(organization, request.investmentIds, 'investmentIds');
    const baseline = await this.maturity.baselineFor(organization.id, request.asOf);
    return simulateScenario({
      ...baseline,
      investments: investments.map(toScenarioInvestment),
      horizonMonths: orUndefined(request.horizonMonths),
      trials: orUndefined(request.trials),
      seed: orUndefined(request.seed),
    });
  }

  async optimize(request: OptimizeRequest): Promise<PortfolioResult> {
    const organization = await this.organizations.require(request.organizationId);
    const candidates = await this.requireInvestments(organization, request.candidateIds, 'candidateIds');
    const baseline = await this.maturity.baselineFor(organization.id);
    return optimizePortfolio({
      ...baseline,
      candidates: candidates.map((candidate): PortfolioCandidate => ({
        ...toScenarioInvestment(candidate),
        cost: candidate.cost,
      })),
      budget: request.budget,
      alpha: orUndefined(request.alpha),
      horizonMonths: orUndefined(request.horizonMonths),
    });
  }

  async realisation(investmentId: string): Promise<Realisation> {
    const investment = await this.investments.find(requireSlug('investmentId', investmentId));
    if (investment === null) {
      throw notFound(
        'investmentId',
        `investmentId: no investment "${investmentId}" has been planned`,
        INVESTMENT_ERROR_CODES.notFound,
      );
    }
    // Bitemporal inputs as known now; the realisation applies valid time (deployedAt, due date) itself.
    const inputs = await this.maturity.scoringInputs(investment.organizationId);
    return computeRealisation({
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
  }

  /** The investments named, in the order given: an unknown id, or one of another organisation, is NOT_FOUND. */
  private async requireInvestments(
    organization: RegisteredOrganizationState,
    ids: readonly string[],
    field: string,
  ): Promise<PlannedInvestmentState[]> {
    return Promise.all(
      ids.map(async (id) => {
        const investment = await this.investments.find(requireSlug(field, id));
        // Another organisation's investment is answered as unknown: its existence is not ours to reveal.
        if (investment === null || investment.organizationId !== organization.id) {
          throw notFound(
            field,
            `${field}: organisation "${organization.id}" has no investment "${id}"`,
            INVESTMENT_ERROR_CODES.notFound,
          );
        }
        return investment;
      }),
    );
  }
}
