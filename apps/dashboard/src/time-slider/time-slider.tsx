// Replays history: one stop per assessment cycle (its period end) plus "now". With "as known at
// that date" on, the view also forgets everything recorded after that date (what an auditor
// would have seen then).
import type { MaturityPoint } from '../api/types';
import { formatDate } from '../shared/format';
import { lastStopLabel } from './last-stop';
import './time-slider.css';

export interface TimeSelection {
  /** A timeline point's date (its period end), or null for now. */
  at: string | null;
  knownAtToo: boolean;
}

interface TimeSliderProps {
  points: readonly MaturityPoint[];
  selection: TimeSelection;
  onChange: (selection: TimeSelection) => void;
  busy: boolean;
}

function positionOf(points: readonly MaturityPoint[], at: string | null): number {
  const index = at === null ? -1 : points.findIndex((point) => point.at === at);
  return index === -1 ? points.length : index;
}

export function TimeSlider({ points, selection, onChange, busy }: TimeSliderProps) {
  const position = positionOf(points, selection.at);
  const at = points[position]?.at ?? null;
  const lastStop = lastStopLabel(points);
  const label = at ? formatDate(at) : lastStop;
  const detail = at
    ? selection.knownAtToo
      ? 'as it was known on that date'
      : 'with everything recorded since, including corrections'
    : 'latest recorded state';
  const first = points[0];

  return (
    <section class="time-slider" aria-labelledby="time-slider-title">
      <div class="time-slider__header">
        <h2 id="time-slider-title" class="time-slider__title">
          Viewing{' '}
          <output class="time-slider__date" data-testid="viewed-date" for="time-slider-input">
            {label}
          </output>
        </h2>
        <span class="time-slider__detail">{detail}</span>
        {busy && (
          <span class="time-slider__busy" role="status">
            Updating…
          </span>
        )}
      </div>
      <div class="time-slider__controls">
        <div class="time-slider__range">
          <label class="visually-hidden" for="time-slider-input">
            Date to view
          </label>
          <input
            id="time-slider-input"
            class="time-slider__input"
            type="range"
            min={0}
            max={points.length}
            step={1}
            value={position}
            disabled={points.length === 0}
            aria-valuetext={at ? `${formatDate(at)}, cycle ${position + 1} of ${points.length}` : lastStop}
            onInput={(event) => {
              onChange({ ...selection, at: points[Number(event.currentTarget.value)]?.at ?? null });
            }}
          />
          <div class="time-slider__ends" aria-hidden="true">
            <span>{first ? formatDate(first.at) : ''}</span>
            <span>{lastStop}</span>
          </div>
        </div>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            class="switch__input"
            checked={selection.knownAtToo}
            onChange={(event) => {
              onChange({ ...selection, knownAtToo: event.currentTarget.checked });
            }}
          />
          <span class="switch__track" aria-hidden="true" />
          <span class="switch__label">As known at that date</span>
        </label>
      </div>
    </section>
  );
}
