// The organisation's investments; planned and approved ones can be put into a scenario.
import type { Investment, InvestmentStatus } from '../api/types';
import { formatDate, formatMoney } from '../shared/format';
import { InvestmentEffects } from '../planning/effect-list';
import type { CellNames } from '../shared/cell-names';

export function isSelectable(investment: Investment): boolean {
  return investment.status === 'PLANNED' || investment.status === 'APPROVED';
}

const statusText: Record<InvestmentStatus, string> = {
  PLANNED: 'planned',
  APPROVED: 'approved',
  DEPLOYED: 'deployed',
  CANCELLED: 'cancelled',
};

interface InvestmentPickerProps {
  investments: readonly Investment[];
  selected: ReadonlySet<string>;
  onToggle: (investmentId: string, checked: boolean) => void;
  names: CellNames;
}

export function InvestmentPicker({ investments, selected, onToggle, names }: InvestmentPickerProps) {
  if (investments.length === 0) {
    return <p class="muted">No investments are planned for this organisation yet.</p>;
  }
  const ordered = [...investments].sort((a, b) => Number(isSelectable(b)) - Number(isSelectable(a)));
  return (
    <fieldset class="investments">
      <legend class="investments__legend">Investments in the scenario</legend>
      <ul class="investments__list">
        {ordered.map((investment) => {
          const selectable = isSelectable(investment);
          const inputId = `investment-${investment.id}`;
          return (
            <li
              key={investment.id}
              class={`investments__item${selectable ? '' : ' investments__item--inactive'}`}
            >
              <input
                id={inputId}
                type="checkbox"
                class="investments__check"
                value={investment.id}
                data-investment={investment.id}
                checked={selected.has(investment.id)}
                disabled={!selectable}
                onChange={(event) => {
                  onToggle(investment.id, event.currentTarget.checked);
                }}
              />
              <label for={inputId} class="investments__label">
                <span class="investments__name">{investment.name}</span>
                <span class="investments__meta">
                  <span class={`badge badge--${investment.status.toLowerCase()}`}>
                    {statusText[investment.status]}
                  </span>
                  {investment.kind === 'CAPITAL' ? 'capital' : 'operational'} · takes effect after{' '}
                  {investment.lagMonths} {investment.lagMonths === 1 ? 'month' : 'months'} ·{' '}
                  {investment.effects.length} {investment.effects.length === 1 ? 'effect' : 'effects'}
                  {investment.deployedAt && ` · deployed ${formatDate(investment.deployedAt)}`}
                </span>
              </label>
              <span class="investments__cost">{formatMoney(investment.cost)}</span>
              <InvestmentEffects investment={investment} names={names} class="investments__effects" />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
