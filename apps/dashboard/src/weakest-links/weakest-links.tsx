// The pairs of functions whose maturity is furthest apart, largest first: where co-delivery of
// the customer's experience is most likely to break.
import type { BusinessFunction, LinkScore } from '../api/types';
import { formatLevel } from '../shared/format';
import './weakest-links.css';

interface WeakestLinksProps {
  links: readonly LinkScore[] | null;
  functionsById: ReadonlyMap<string, BusinessFunction>;
  /** The model's top level minus one: the largest possible misalignment. */
  scale: number;
  limit?: number;
}

export function WeakestLinks({ links, functionsById, scale, limit = 6 }: WeakestLinksProps) {
  if (links === null) {
    return (
      <ol class="weakest-links" aria-busy="true">
        {Array.from({ length: 4 }, (_, index) => (
          <li key={index} class="weakest-links__item weakest-links__item--loading" />
        ))}
      </ol>
    );
  }
  if (links.length === 0) {
    return (
      <p class="weakest-links__empty">
        No pair of linked functions is rated on a common capability yet, so nothing to compare.
      </p>
    );
  }
  const name = (id: string) => functionsById.get(id)?.name ?? id;
  const shown = links.slice(0, limit);
  return (
    <ol class="weakest-links">
      {shown.map((link) => (
        <li key={`${link.from}:${link.to}`} class="weakest-links__item" data-link={`${link.from}:${link.to}`}>
          <span class="weakest-links__pair">
            {name(link.from)} <span aria-label="and">↔</span> {name(link.to)}
          </span>
          <span class="weakest-links__value">{formatLevel(link.misalignment)}</span>
          <span class="weakest-links__track" aria-hidden="true">
            <span
              class="weakest-links__bar"
              style={{ width: `${Math.min(100, (link.misalignment / Math.max(scale, 0.0001)) * 100)}%` }}
            />
          </span>
        </li>
      ))}
      {links.length > shown.length && (
        <li class="weakest-links__more">and {links.length - shown.length} closer pairs</li>
      )}
    </ol>
  );
}
