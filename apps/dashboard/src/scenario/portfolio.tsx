// The best portfolio for a budget among the planned and approved investments, and the frontier
// of cost against benefit it was chosen from.
import type { ComponentChildren } from 'preact';
import type { Investment, PortfolioResult, SimulationResult } from '../api/types';
import { formatMoney, formatSigned } from '../shared/format';
import { IndexComparison } from './index-comparison';
import { describeWeight, objectiveSentence } from './objective-weight';

interface PortfolioAnswerProps {
  result: PortfolioResult;
  /** The chosen set simulated with trials: its spread at the horizon; null when nothing was chosen or no trials. */
  spread: SimulationResult | null;
  budget: number;
  /** Where the planner saves this answer under a name. */
  saveForm: ComponentChildren;
  investmentsById: ReadonlyMap<string, Investment>;
  onSimulate: (investmentIds: string[]) => void;
}

export function PortfolioAnswer({
  result,
  spread,
  budget,
  saveForm,
  investmentsById,
  onSimulate,
}: PortfolioAnswerProps) {
  const name = (id: string) => investmentsById.get(id)?.name ?? id;
  const best = Math.max(...result.frontier.map((point) => point.objective), 0.0001);
  const chosen = result.selectedIds.slice().sort().join(',');

  return (
    <div class="portfolio" data-testid="portfolio-result">
      <div class="portfolio__summary">
        <div>
          <p class="portfolio__heading">
            Best within {formatMoney(budget)}{' '}
            <span class={`badge ${result.exact ? 'badge--exact' : 'badge--heuristic'}`}>
              {result.exact ? 'exact' : 'heuristic'}
            </span>
          </p>
          <p class="portfolio__weight" data-testid="portfolio-weight">
            Weighed {describeWeight(result.alpha)}
          </p>
          {result.selectedIds.length === 0 ? (
            <p class="muted">No investment fits the budget with a positive benefit.</p>
          ) : (
            <ul class="portfolio__selected">
              {result.selectedIds.map((id) => (
                <li key={id} data-selected-investment={id}>
                  {name(id)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <dl class="portfolio__figures">
          <div>
            <dt>Cost</dt>
            <dd>{formatMoney(result.totalCost)}</dd>
          </div>
          <div>
            <dt>Objective</dt>
            <dd>{formatSigned(result.objective, 2)}</dd>
          </div>
        </dl>
      </div>
      {spread && (
        <div class="portfolio__spread" data-testid="portfolio-spread">
          <p class="portfolio__heading">Uncertainty of this portfolio at month {result.horizonMonths}</p>
          <IndexComparison
            baseline={spread.baseline}
            projected={spread.projected}
            distribution={spread.distribution}
            horizonMonths={result.horizonMonths}
          />
        </div>
      )}
      {saveForm}
      {result.selectedIds.length > 0 && (
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            onSimulate(result.selectedIds);
          }}
        >
          Simulate this portfolio
        </button>
      )}
      <p class="portfolio__explain">
        {objectiveSentence(result.alpha)}{' '}
        {result.exact
          ? 'Every subset was weighed.'
          : 'Too many candidates to weigh every subset: a heuristic chose.'}
      </p>
      {result.frontier.length > 0 && (
        <table class="frontier table--cards">
          <caption class="frontier__caption">Frontier: no cheaper portfolio does as well</caption>
          <thead>
            <tr>
              <th scope="col">Cost</th>
              <th scope="col">Objective</th>
              <th scope="col">Investments</th>
            </tr>
          </thead>
          <tbody>
            {result.frontier.map((point) => {
              const isChosen = point.investmentIds.slice().sort().join(',') === chosen;
              return (
                <tr
                  key={point.investmentIds.join(',')}
                  class={isChosen ? 'frontier__row--chosen' : undefined}
                >
                  <td class="frontier__number" data-label="Cost">
                    {formatMoney(point.cost)}
                  </td>
                  <td class="frontier__objective" data-label="Objective">
                    <span class="frontier__number">{formatSigned(point.objective, 2)}</span>
                    <span class="frontier__meter" aria-hidden="true">
                      <span
                        class="frontier__bar"
                        style={{ width: `${Math.max(0, (point.objective / best) * 100)}%` }}
                      />
                    </span>
                  </td>
                  <td data-label="Investments">
                    {point.investmentIds.length ? point.investmentIds.map(name).join(', ') : 'nothing'}
                    {isChosen && <span class="visually-hidden"> (chosen)</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
