// Open assessments count in every score, so numbers that include one may still change: wherever
// such numbers are shown, this says which open assessment they include and how much of it is in.
// One opened with no rating yet changes no number: it is said as news, not as provisional.
import type { MaturityView } from '../api/types';
import { openedText, provisionalText } from './provisional-text';
import './provisional-note.css';

export function ProvisionalNote({ view, class: className }: { view: MaturityView | null; class?: string }) {
  if (view === null) return null;
  const provisional = provisionalText(view.openAssessments, view.cells.length);
  const opened = openedText(view.openAssessments);
  const classes = `provisional-note${className ? ` ${className}` : ''}`;
  return (
    <>
      {provisional !== null && (
        <p class={classes} data-testid="provisional-note" role="note">
          <span class="provisional-note__mark" aria-hidden="true">
            ◐
          </span>{' '}
          {provisional}
        </p>
      )}
      {opened !== null && (
        <p class={`${classes} provisional-note--opened`} data-testid="opened-note" role="note">
          {opened}
        </p>
      )}
    </>
  );
}
