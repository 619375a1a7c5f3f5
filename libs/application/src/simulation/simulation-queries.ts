import { Injectable } from '@nestjs/common';
import {
  type PortfolioCandidate,
  type PortfolioResult,
  type Realisation,
  type RegisteredOrganizationState,
  type ScenarioInvestment,
  type ScenarioResult,
  type ScoredCellInput,
  type ScoringModel,
  type ScoringOrganization,
  INVESTMENT_ERROR_CODES,
  computeRealisation,
  effectiveCells,
  notFound,
  optimizePortfolio,
  requireSlug,
  simulateScenario,
} from '@app/domain';
import { AssessmentReader } from '../assessments/assessment-reader';
import type { PlannedInvestmentState } from '../investments/investment.command';
import { InvestmentReader } from '../investments/investment-reader';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { OrganizationReader } from '../organizations/organization-reader';
import { toAssessmentRatings, toScoringModel, toScoringOrganization } from './scoring-inputs';

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

interface OrganizationBaseline {
  model: ScoringModel;
  organization: ScoringOrganization;
  baselineCells: ScoredCellInput[];
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
 * The planner's questions (DESIGN.md 6): loads the organisation, its model, its investments and
 * the baseline effective levels, then hands plain data to the domain's pure maths.
 */
@Injectable()
export class SimulationQueries {
  constructor(
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    private readonly assessments: AssessmentReader,
    private readonly investments: InvestmentReader,
  ) {}

  async simulate(request: SimulateRequest): Promise<ScenarioResult> {
    const organization = await this.organizations.require(request.organizationId);
    const investments = await this.requireInvestments(organization, request.investmentIds, 'investmentIds');
    const baseline = await this.baselineOf(organization, orUndefined(request.asOf));
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
    const baseline = await this.baselineOf(organization);
    return optimizePortfolio({
      ...baseline,
      candidates: candidates.map((candidate): PortfolioCandidate => ({ ...toScenarioInvestment(candidate), cost: candidate.cost })),
      budget: request.budget,
      alpha: orUndefined(request.alpha),
      horizonMonths: orUndefined(request.horizonMonths),
    });
  }

  async realisation(investmentId: string): Promise<Realisation> {
    const investment = await this.investments.find(requireSlug('investmentId', investmentId));
    if (investment === null) {
      throw notFound('investmentId', `investmentId: no investment "${investmentId}" has been planned`, INVESTMENT_ERROR_CODES.notFound);
    }
    const organization = await this.organizations.require(investment.organizationId);
    const model = await this.models.require(organization.modelId, organization.modelVersion);
    return computeRealisation({
      model: toScoringModel(model),
      organization: toScoringOrganization(organization),
      investment: {
        id: investment.id,
        status: investment.status,
        deployedAt: investment.deployedAt,
        lagMonths: investment.lagMonths,
        effects: investment.effects,
      },
      assessments: toAssessmentRatings(await this.assessments.listFor(organization.id)),
    });
  }

  /**
   * Effective levels as of `asOf` (now when absent) from every recorded assessment. Built here
   * from the assessment streams; a bitemporal maturity service can take this over once it exists.
   */
  private async baselineOf(organization: RegisteredOrganizationState, asOf?: string): Promise<OrganizationBaseline> {
    const model = toScoringModel(await this.models.require(organization.modelId, organization.modelVersion));
    const scoringOrganization = toScoringOrganization(organization);
    const assessments = toAssessmentRatings(await this.assessments.listFor(organization.id));
    return {
      model,
      organization: scoringOrganization,
      baselineCells: effectiveCells(model, scoringOrganization, assessments, asOf === undefined ? {} : { asOf }),
    };
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
          throw notFound(field, `${field}: organisation "${organization.id}" has no investment "${id}"`, INVESTMENT_ERROR_CODES.notFound);
        }
        return investment;
      }),
    );
  }
}
