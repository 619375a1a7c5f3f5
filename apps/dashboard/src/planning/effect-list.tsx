// What an investment changes, in words a planner reads: each cell by its function's and
// capability's names, the low / likely / high change in levels, and when the changes apply. The
// card shows it on demand and the approve and deploy confirmations show it before anything is
// recorded, so nobody signs off "7 effects" unseen. A plain list: it wraps on a phone.
import type { Effect } from '../api/types';
import { formatSigned } from '../shared/format';
import './effect-list.css';

export interface CellNames {
  functionName: (functionId: string) => string;
  capabilityName: (capabilityId: string) => string;
}

interface Named {
  id: string;
  name: string;
}

/** Names of the organisation's functions and its model's capabilities; an unknown id reads as itself. */
export function cellNames(
  organization: { functions: readonly Named[] },
  model: { capabilities: readonly Named[] },
): CellNames {
  return {
    functionName: (id) => organization.functions.find((candidate) => candidate.id === id)?.name ?? id,
    capabilityName: (id) => model.capabilities.find((candidate) => candidate.id === id)?.name ?? id,
  };
}

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
        {effects.map((effect) => (
          <li
            key={`${effect.functionId}:${effect.capabilityId}`}
            class="effect-list__item"
            data-effect-cell={`${effect.functionId}:${effect.capabilityId}`}
          >
            <span class="effect-list__cell">
              <strong>{names.functionName(effect.functionId)}</strong> ·{' '}
              {names.capabilityName(effect.capabilityId)}
            </span>{' '}
            <span class="effect-list__change">
              <span class="effect-list__value">low {formatSigned(effect.low)}</span> ·{' '}
              <span class="effect-list__value effect-list__value--likely">
                likely {formatSigned(effect.likely)}
              </span>{' '}
              · <span class="effect-list__value">high {formatSigned(effect.high)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
