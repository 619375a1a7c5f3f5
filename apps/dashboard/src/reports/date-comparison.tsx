// "Compare two dates": the indices at both dates and every cell that moved, largest change first.
import { useMemo, useState } from 'preact/hooks';
import { maturityChangeQuery } from '../api/queries';
import type { BusinessFunction, Capability, Indices, MaturityPoint } from '../api/types';
import { ErrorNotice } from '../shared/error-notice';
import { formatDate, formatIndex, formatLevel, formatSigned, shownDifference } from '../shared/format';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';

interface DateComparisonProps {
  organizationId: string;
  points: readonly MaturityPoint[];
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
}

const indexRows: { key: keyof Indices; label: string }[] = [
  { key: 'customerCentricityIndex', label: 'Customer-centricity' },
  { key: 'alignmentIndex', label: 'Alignment' },
  { key: 'targetAttainment', label: 'Target attainment' },
];

function Change({ value }: { value: number | null }) {
  if (value === null) return <span class="change change--none">—</span>;
  const rounded = Number(value.toFixed(1));
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  return (
    <span class={`change change--${direction}`}>
      {direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : ''}
      {formatSigned(value)}
    </span>
  );
}

export function DateComparison({ organizationId, points, functions, capabilities }: DateComparisonProps) {
  const { client } = useSession();
  const dates = points.map((point) => point.at);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const chosenFrom = from ?? dates.at(-2) ?? dates[0] ?? null;
  const chosenTo = to ?? dates.at(-1) ?? null;
  const ordered = chosenFrom !== null && chosenTo !== null && Date.parse(chosenFrom) <= Date.parse(chosenTo);
  const request = useRequest(
    ordered ? `${organizationId}/compare/${chosenFrom}/${chosenTo}` : null,
    (signal) =>
      client
        .request(
          maturityChangeQuery,
          { organizationId, from: chosenFrom ?? '', to: chosenTo ?? '', knownAt: null },
          signal,
        )
        .then((data) => data.maturityChange),
  );
  const change = ordered ? request.data : null;
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const item of [...functions, ...capabilities]) names.set(item.id, item.name);
    return (id: string) => names.get(id) ?? id;
  }, [functions, capabilities]);

  if (dates.length < 2) {
    return (
      <p class="muted">Two assessment cycles are needed to compare; this organisation has {dates.length}.</p>
    );
  }
  const moved = (change?.cells ?? [])
    .filter((cell) => cell.delta === null || Math.abs(cell.delta) >= 0.05)
    .sort((left, right) => Math.abs(right.delta ?? 0) - Math.abs(left.delta ?? 0));
  const unchanged = (change?.cells.length ?? 0) - moved.length;

  const picker = (label: string, value: string | null, onChange: (date: string) => void) => (
    <label class="field field--inline">
      <span class="field__label">{label}</span>
      <select
        class="input input--select"
        value={value ?? ''}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      >
        {dates.map((date) => (
          <option key={date} value={date}>
            {formatDate(date)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="date-comparison" data-testid="date-comparison" aria-busy={request.loading}>
      <div class="date-comparison__pickers">
        {picker('From', chosenFrom, setFrom)}
        {picker('To', chosenTo, setTo)}
      </div>
      {!ordered && (
        <p class="notice notice--error" role="alert">
          “From” must not be after “To”: pick an earlier first date.
        </p>
      )}
      {request.error && ordered && <ErrorNotice error={request.error} action="Could not compare the dates" />}
      {change && (
        <>
          <table class="comparison-table">
            <caption class="visually-hidden">Indices at both dates</caption>
            <thead>
              <tr>
                <th scope="col">Index</th>
                <th scope="col">{formatDate(change.from)}</th>
                <th scope="col">{formatDate(change.to)}</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {indexRows.map((row) => {
                const before = change.before[row.key];
                const after = change.after[row.key];
                return (
                  <tr key={row.key} data-index={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{formatIndex(before)}</td>
                    <td>{formatIndex(after)}</td>
                    <td>
                      <Change
                        value={before !== null && after !== null ? shownDifference(before, after) : null}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3 class="date-comparison__title">
            {moved.length} cell{moved.length === 1 ? '' : 's'} moved · {unchanged} unchanged
          </h3>
          {moved.length > 0 && (
            <div
              class="comparison-table__scroll"
              tabIndex={0}
              aria-label="Cells that changed, scrolls sideways"
            >
              <table class="comparison-table comparison-table--cells">
                <caption class="visually-hidden">Cells that changed between the two dates</caption>
                <thead>
                  <tr>
                    <th scope="col">Function</th>
                    <th scope="col">Capability</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {moved.map((cell) => (
                    <tr
                      key={`${cell.functionId}:${cell.capabilityId}`}
                      data-cell-change={`${cell.functionId}:${cell.capabilityId}`}
                    >
                      <td>{nameOf(cell.functionId)}</td>
                      <td>{nameOf(cell.capabilityId)}</td>
                      <td>{formatLevel(cell.before)}</td>
                      <td>{formatLevel(cell.after)}</td>
                      <td>
                        <Change
                          value={
                            cell.before != null && cell.after != null
                              ? shownDifference(cell.before, cell.after)
                              : cell.delta
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
