// The key for the index lines: colour and dash pattern, so each line reads without colour too.
import { seriesColours, seriesDashes } from '../shared/uplot-chart';

const entries = [
  { key: 'customerCentricity', label: 'Customer-centricity index' },
  { key: 'alignment', label: 'Alignment index' },
  { key: 'targetAttainment', label: 'Target attainment' },
] as const;

export function SeriesLegend({ only }: { only?: readonly (typeof entries)[number]['key'][] }) {
  return (
    <ul class="series-legend" aria-hidden="true">
      {entries
        .filter((entry) => !only || only.includes(entry.key))
        .map((entry) => (
          <li key={entry.key} class="series-legend__item">
            <svg width="28" height="10" viewBox="0 0 28 10">
              <line
                x1="1"
                y1="5"
                x2="27"
                y2="5"
                stroke={seriesColours[entry.key]}
                stroke-width="2.5"
                stroke-dasharray={seriesDashes[entry.key].join(' ') || undefined}
              />
            </svg>
            {entry.label}
          </li>
        ))}
    </ul>
  );
}
