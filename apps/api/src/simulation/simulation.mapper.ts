import type {
  PortfolioResult as DomainPortfolioResult,
  ScenarioResult,
  SimulationDistribution,
  SimulationWarning as DomainSimulationWarning,
} from '@app/domain';
import type { PortfolioResult } from './portfolio-result.model';
import type { Distribution, SimulationResult, SimulationWarning } from './simulation-result.model';

const toWarning = (warning: DomainSimulationWarning): SimulationWarning => ({
  code: warning.code,
  message: warning.message,
  from: warning.from ?? null,
  to: warning.to ?? null,
  investmentId: warning.investmentId ?? null,
  functionId: warning.functionId ?? null,
  capabilityId: warning.capabilityId ?? null,
});

/**
 * The contract's percentiles are non-null, so an index without a value (nothing rated, or no
 * linked capability rated at both ends) leaves no distribution at all: see docs/reference/simulation.md.
 */
const toDistribution = (distribution: SimulationDistribution | null): Distribution | null => {
  if (distribution === null) return null;
  const { customerCentricityIndex, alignmentIndex } = distribution;
  if (customerCentricityIndex === null || alignmentIndex === null) return null;
  return { ...distribution, customerCentricityIndex, alignmentIndex };
};

export const toSimulationResult = (result: ScenarioResult): SimulationResult => ({
  ...result,
  warnings: result.warnings.map(toWarning),
  distribution: toDistribution(result.distribution),
});

export const toPortfolioResult = (result: DomainPortfolioResult): PortfolioResult => ({
  ...result,
  warnings: result.warnings.map(toWarning),
});
