// Open assessments count in every score, so numbers that include one may still change: wherever
// such numbers are shown, this says which open assessment they include and how much of it is in.
import type { MaturityView } from '../api/types';
import { provisionalText } from './provisional-text';
import './provisional-note.css';

export function ProvisionalNote({ view, class: className }: { view: MaturityView | null; class?: string }) {
  const text = view === null ? null : provisionalText(view.openAssessments, view.cells.length);
  if (text === null) return null;
  return (
    <p
      class={`provisional-note${className ? ` ${className}` : ''}`}
      data-testid="provisional-note"
      role="note"
    >
      <span class="provisional-note__mark" aria-hidden="true">
        ◐
      </span>{' '}
      {text}
    </p>
  );
}
