import { FIELD_COSTS } from '../graphql/query-cost';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { HeavyWorkPerToken } from './heavy-work-per-token';
import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Args, Float, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { SimulationQueries, callerKeyOf, type Principal } from '@app/application';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { PortfolioResult } from './portfolio-result.model';
import { Realisation } from './realisation.model';
import { SimulationResult } from './simulation-result.model';
import { toPortfolioResult, toSimulationResult } from './simulation.mapper';

@Resolver()
export class SimulationResolver {
  constructor(
    private readonly simulation: SimulationQueries,
    private readonly heavyWork: HeavyWorkPerToken,
  ) {}

  @Query(() => SimulationResult, {
    complexity: FIELD_COSTS.simulateInvestments,
    description:
      'Projects the investments onto the baseline (now, or asOf) month by month up to the horizon (default 12).',
  })
  async simulateInvestments(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('investmentIds', { type: () => [ID] }) investmentIds: string[],
    @Args('horizonMonths', { type: () => Int, nullable: true }) horizonMonths: number | null,
    @Args('trials', { type: () => Int, nullable: true }) trials: number | null,
    @Args('seed', { type: () => Int, nullable: true }) seed: number | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SimulationResult> {
    const result = await this.heavyWork.run(callerKeyOf(principal), () =>
      this.simulation.simulate({ organizationId, investmentIds, horizonMonths, trials, seed, asOf }),
    );
    return toSimulationResult(result);
  }

  @Query(() => PortfolioResult, {
    complexity: FIELD_COSTS.optimizePortfolio,
    description:
      'The candidates within budget that maximise alpha * dCCI + (1 - alpha) * dAI at the horizon.',
  })
  async optimizePortfolio(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('candidateIds', { type: () => [ID] }) candidateIds: string[],
    @Args('budget', { type: () => Float, description: INPUT_DESCRIPTIONS.budget }) budget: number,
    @Args('alpha', { type: () => Float, nullable: true }) alpha: number | null,
    @Args('horizonMonths', { type: () => Int, nullable: true }) horizonMonths: number | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PortfolioResult> {
    const result = await this.heavyWork.run(callerKeyOf(principal), () =>
      this.simulation.optimize({ organizationId, candidateIds, budget, alpha, horizonMonths }),
    );
    return toPortfolioResult(result);
  }

  @Query(() => Realisation, { description: 'Predicted against actual change of a deployed investment.' })
  investmentRealisation(
    @Args('investmentId', { type: () => ID }) investmentId: string,
  ): Promise<Realisation> {
    return this.simulation.realisation(investmentId);
  }
}
