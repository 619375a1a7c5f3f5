// What an investment changes, in words a planner reads: each cell by its function's and
// capability's names, the low / likely / high change in levels, and when the changes apply. The
// card shows it on demand and the approve and deploy confirmations show it before anything is
// recorded, so nobody signs off "7 effects" unseen. A plain list: it wraps on a phone.
import type { Effect, Investment } from '../api/types';
import type { CellNames } from '../shared/cell-names';
import { formatDate, formatSigned } from '../shared/format';
import './effect-list.css';

const months = (count: number) => `${count} ${count === 1 ? 'month' : 'months'}`;

/** "7 cells" or "1 cell": what the summary and the confirmations count. */
export const cellCount = (effects: readonly Effect[]) =>
  `${effects.length} ${effects.length === 1 ? 'cell' : 'cells'}`;

export function EffectList({
  effects,
  lagMonths,
  names,
}: {
  effects: readonly Effect[];
  lagMonths: number;
  names: CellNames;
}) {
  return (
    <div class="effect-list" data-testid="effect-list">
      <p class="effect-list__when">
        {lagMonths === 0
          ? 'Change in levels (low / likely / high), from the day it is deployed:'
          : `Change in levels (low / likely / high), ${months(lagMonths)} after it is deployed:`}
      </p>
      <ul class="effect-list__items">
        {effects.map((effect) => {
          const retiredFrom = names.retiredFrom(effect.functionId);
          return (
            <li
              key={`${effect.functionId}:${effect.capabilityId}`}
              class="effect-list__item"
              data-effect-cell={`${effect.functionId}:${effect.capabilityId}`}
            >
              <span class="effect-list__cell">
                <strong>{names.functionName(effect.functionId)}</strong> ·{' '}
                {names.capabilityName(effect.capabilityId)}
                {retiredFrom !== null && (
                  // Planned before the retirement: the simulation leaves this effect out, and says so.
                  <span class="effect-list__retired" data-effect-retired>
                    {' '}
                    (function retired {formatDate(retiredFrom)}: not scored)
                  </span>
                )}
              </span>{' '}
              <span class="effect-list__change">
                <span class="effect-list__value">low {formatSigned(effect.low)}</span> ·{' '}
                <span class="effect-list__value effect-list__value--likely">
                  likely {formatSigned(effect.likely)}
                </span>{' '}
                · <span class="effect-list__value">high {formatSigned(effect.high)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * What an investment changes, folded under "What it changes: 3 cells": the planning card and the
 * scenario's picker show the same; `class` places it in each.
 */
export function InvestmentEffects({
  investment,
  names,
  class: placement,
}: {
  investment: Pick<Investment, 'effects' | 'lagMonths'>;
  names: CellNames;
  class: string;
}) {
  return (
    <details class={`investment-effects ${placement}`} data-testid="investment-effects">
      <summary>What it changes: {cellCount(investment.effects)}</summary>
      <EffectList effects={investment.effects} lagMonths={investment.lagMonths} names={names} />
    </details>
  );
}
