// The simulation's warnings in plain words, each with its code as a badge.
import type { BusinessFunction, SimulationWarning } from '../api/types';

const severe = new Set(['MATURITY_UP_ALIGNMENT_DOWN', 'LINK_MISALIGNMENT_UP']);

interface WarningsListProps {
  warnings: readonly SimulationWarning[];
  functionsById: ReadonlyMap<string, BusinessFunction>;
}

export function WarningsList({ warnings, functionsById }: WarningsListProps) {
  if (warnings.length === 0) {
    return (
      <p class="warnings__none" data-warnings="none">
        No warnings: alignment does not fall and no link between functions drifts apart.
      </p>
    );
  }
  const name = (id: string) => functionsById.get(id)?.name ?? id;
  const ordered = [...warnings].sort((a, b) => Number(severe.has(b.code)) - Number(severe.has(a.code)));
  return (
    <ul class="warnings">
      {ordered.map((warning, index) => (
        <li
          key={index}
          class={`warnings__item${severe.has(warning.code) ? ' warnings__item--severe' : ''}`}
          data-warning={warning.code}
        >
          <span class="warnings__icon" aria-hidden="true">
            {severe.has(warning.code) ? '!' : 'i'}
          </span>
          <span class="warnings__text">
            {warning.message}
            {warning.from && warning.to && (
              <span class="warnings__pair">
                {' '}
                ({name(warning.from)} ↔ {name(warning.to)})
              </span>
            )}
          </span>
          <code class="warnings__code">{warning.code}</code>
        </li>
      ))}
    </ul>
  );
}
