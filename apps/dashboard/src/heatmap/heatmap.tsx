// Functions (rows) x capabilities (columns). Each cell shows its level against its target; the
// grid is one tab stop, arrow keys move between cells, and the focused or hovered cell explains
// itself in a tooltip (Escape hides it). Cells and function rows whose raters disagree carry a
// mark beside their colour.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BusinessFunction, Capability, FunctionScore, MaturityCell } from '../api/types';
import { formatLevel, formatSigned, shownDifference } from '../shared/format';
import {
  AGREEMENT_THRESHOLD,
  DISAGREEMENT_GLYPH,
  DISAGREEMENT_MEANING,
  disagrees,
  formatAgreement,
  GROUPS_DIFFER_AT,
} from './agreement';
import { cellKey } from './cell-ratings';
import { belowTarget, type CellTone, legendOrder, targetCue, toneOf } from './palette';
import './heatmap.css';

export interface HeatmapProps {
  /** Names this heatmap in the DOM (`data-heatmap`) and in element ids. */
  id: string;
  caption: string;
  functions: readonly BusinessFunction[];
  capabilities: readonly Capability[];
  /** null while the first answer loads: the grid keeps its size and shows placeholders. */
  cells: readonly MaturityCell[] | null;
  compact?: boolean;
  busy?: boolean;
  /** When given, each cell also shows its change against these cells (e.g. a projection). */
  compareTo?: ReadonlyMap<string, MaturityCell>;
  /** Each cell's change in levels since an earlier date (e.g. the previous cycle), by cell key. */
  changes?: ReadonlyMap<string, number | null>;
  /** By function id: when given, each function row shows its raters' agreement r_wg(J). */
  functionScores?: ReadonlyMap<string, FunctionScore>;
  renderDetails: (context: CellContext) => ComponentChildren;
  showLegend?: boolean;
  /** Makes cells selectable (click, Enter or Space): set-up edits targets there, planning picks effects. */
  onSelectCell?: (context: CellContext) => void;
  /** `functionId:capabilityId` of the selected cell, marked and announced as pressed. */
  selectedKey?: string | null;
  /** Replaces a cell's content, label and colour (a target or an effect instead of the level); null keeps the level. */
  renderCell?: (context: CellContext) => CustomCell | null;
}

export interface CustomCell {
  content: ComponentChildren;
  /** What a screen reader announces after the function and capability names. */
  label: string;
  tone: CellTone;
}

export interface CellContext {
  businessFunction: BusinessFunction;
  capability: Capability;
  cell: MaturityCell | undefined;
  compared: MaturityCell | undefined;
}

interface Active {
  row: number;
  column: number;
  anchor: HTMLElement;
}

export function indexCells(cells: readonly MaturityCell[]): Map<string, MaturityCell> {
  return new Map(cells.map((cell) => [cellKey(cell.functionId, cell.capabilityId), cell]));
}

export function Heatmap(props: HeatmapProps) {
  const { id, functions, capabilities, cells, compact = false, compareTo } = props;
  const byKey = useMemo(() => (cells ? indexCells(cells) : null), [cells]);
  const [focus, setFocus] = useState({ row: 0, column: 0 });
  const [active, setActive] = useState<Active | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const tooltipId = `${id}-tooltip`;

  const moveFocus = (row: number, column: number) => {
    const nextRow = Math.max(0, Math.min(functions.length - 1, row));
    const nextColumn = Math.max(0, Math.min(capabilities.length - 1, column));
    setFocus({ row: nextRow, column: nextColumn });
    const button = gridRef.current?.querySelector<HTMLElement>(`[data-position="${nextRow}:${nextColumn}"]`);
    button?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, row: number, column: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: [row, 0],
      End: [row, capabilities.length - 1],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveFocus(target[0], target[1]);
    } else if (event.key === 'Escape') {
      setActive(null);
    }
  };

  const activeContext = active && functions[active.row] && capabilities[active.column] ? active : null;

  return (
    <div
      class={`heatmap${compact ? ' heatmap--compact' : ''}`}
      data-heatmap={id}
      aria-busy={props.busy ?? cells === null}
    >
      <div class="heatmap__scroll" tabIndex={-1}>
        <table
          class="heatmap__grid"
          ref={gridRef}
          aria-describedby={props.showLegend ? `${id}-legend` : undefined}
        >
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="heatmap__corner">
                <span class="visually-hidden">Function</span>
              </th>
              {capabilities.map((capability) => (
                <th scope="col" class="heatmap__column" key={capability.id} title={capability.name}>
                  <span class="heatmap__column-name">{capability.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {functions.map((businessFunction, row) => (
              <tr key={businessFunction.id}>
                <th scope="row" class="heatmap__row">
                  <span class="heatmap__row-name">{businessFunction.name}</span>
                  {!compact && (businessFunction.customerFacing || businessFunction.partner) && (
                    <span class="heatmap__row-tag">
                      {businessFunction.partner ? 'partner' : 'customer-facing'}
                    </span>
                  )}
                  {!compact && (
                    <RowAgreement agreement={props.functionScores?.get(businessFunction.id)?.agreement} />
                  )}
                </th>
                {capabilities.map((capability, column) => {
                  const key = cellKey(businessFunction.id, capability.id);
                  const cell = byKey?.get(key);
                  const compared = compareTo?.get(key);
                  const custom =
                    byKey === null
                      ? null
                      : (props.renderCell?.({ businessFunction, capability, cell, compared }) ?? null);
                  const tone = custom?.tone ?? toneOf(cell);
                  const cue = targetCue(cell);
                  const loading = byKey === null;
                  const level = cell?.level ?? null;
                  // The change between the two levels as shown, so the figures on the page add up.
                  const delta =
                    compared?.level != null && level != null ? shownDifference(compared.level, level) : null;
                  const disagreement = !loading && !custom && disagrees(cell?.agreement);
                  const isActive = activeContext?.row === row && activeContext.column === column;
                  const change = changeOf(props.changes?.get(key));
                  const levelText = level == null ? '–' : formatLevel(level);
                  const cueText = compact
                    ? delta != null && Math.abs(delta) >= 0.05
                      ? formatSigned(delta)
                      : cue.glyph
                    : `${cue.glyph ? `${cue.glyph} ` : ''}${cue.text}`;
                  // The name starts with what the cell shows, so speech input can name it (WCAG 2.5.3
                  // "label in name"), then says it in words.
                  const shown = [levelText, change?.text, cueText].filter(Boolean).join(' ');
                  const spoken = `${describeCell(cell, loading)}${change ? `, ${change.spoken}` : ''}`;
                  return (
                    <td
                      key={capability.id}
                      class={`heatmap__cell heatmap__cell--${loading ? 'loading' : tone.name}${disagreement ? ' heatmap__cell--disagree' : ''}`}
                      style={loading ? undefined : { background: tone.background, color: tone.foreground }}
                      data-cell={key}
                      data-level={level == null ? '' : level.toFixed(2)}
                      data-target={cell?.target ?? ''}
                      data-agreement={cell?.agreement == null ? '' : formatAgreement(cell.agreement)}
                      data-selected={props.selectedKey === key ? 'true' : undefined}
                    >
                      <button
                        type="button"
                        class="heatmap__button"
                        data-position={`${row}:${column}`}
                        tabIndex={focus.row === row && focus.column === column ? 0 : -1}
                        aria-label={`${businessFunction.name}, ${capability.name}: ${custom?.label ?? (loading ? spoken : `${shown}; ${spoken}`)}`}
                        aria-pressed={props.onSelectCell ? props.selectedKey === key : undefined}
                        onClick={() => {
                          props.onSelectCell?.({ businessFunction, capability, cell, compared });
                        }}
                        aria-describedby={isActive ? tooltipId : undefined}
                        onFocus={(event) => {
                          setFocus({ row, column });
                          setActive({ row, column, anchor: event.currentTarget });
                        }}
                        onBlur={() => {
                          setActive(null);
                        }}
                        onMouseEnter={(event) => {
                          setActive({ row, column, anchor: event.currentTarget });
                        }}
                        onMouseLeave={() => {
                          setActive(null);
                        }}
                        onKeyDown={(event) => {
                          onKeyDown(event, row, column);
                        }}
                      >
                        {loading ? (
                          <span class="heatmap__level heatmap__level--placeholder" aria-hidden="true" />
                        ) : custom ? (
                          custom.content
                        ) : (
                          <>
                            {disagreement && (
                              <span class="heatmap__disagree" aria-hidden="true">
                                {DISAGREEMENT_GLYPH}
                              </span>
                            )}
                            <span class="heatmap__level" aria-hidden="true">
                              {levelText}
                            </span>
                            {change && (
                              <span
                                class={`heatmap__change heatmap__change--${change.direction}`}
                                data-change={change.delta.toFixed(2)}
                                aria-hidden="true"
                              >
                                {change.text}
                              </span>
                            )}
                            {compact ? (
                              <span class="heatmap__cue" aria-hidden="true">
                                {cueText}
                              </span>
                            ) : (
                              <span class="heatmap__cue" aria-hidden="true">
                                {cue.glyph && <span class="heatmap__glyph">{cue.glyph}</span>}
                                {cue.text}
                              </span>
                            )}
                          </>
                        )}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {activeContext && byKey && (
        <Tooltip id={tooltipId} anchor={activeContext.anchor}>
          {props.renderDetails(contextFor(props, byKey, activeContext))}
        </Tooltip>
      )}
      {props.showLegend && <Legend id={`${id}-legend`} />}
    </div>
  );
}

function contextFor(
  props: HeatmapProps,
  byKey: ReadonlyMap<string, MaturityCell>,
  active: Active,
): CellContext {
  // Both exist: the caller checked the indices.
  const businessFunction = props.functions[active.row] as BusinessFunction;
  const capability = props.capabilities[active.column] as Capability;
  const key = cellKey(businessFunction.id, capability.id);
  return { businessFunction, capability, cell: byKey.get(key), compared: props.compareTo?.get(key) };
}

interface CellChangeCue {
  delta: number;
  direction: 'up' | 'down' | 'flat';
  text: string;
  spoken: string;
}

/** An arrow and the signed change, to one decimal; none when nothing is known to compare. */
function changeOf(delta: number | null | undefined): CellChangeCue | null {
  if (delta == null) return null;
  const rounded = Number(delta.toFixed(1));
  if (rounded === 0)
    return { delta, direction: 'flat', text: '= 0.0', spoken: 'unchanged since the earlier date' };
  const direction = rounded > 0 ? 'up' : 'down';
  return {
    delta,
    direction,
    text: `${direction === 'up' ? '▲' : '▼'} ${formatSigned(delta)}`,
    spoken: `${direction} ${Math.abs(rounded).toFixed(1)} since the earlier date`,
  };
}

function describeCell(cell: MaturityCell | undefined, loading: boolean): string {
  if (loading) return 'loading';
  if (!cell || cell.level == null) return 'unrated';
  const level = `level ${formatLevel(cell.level)}`;
  const agreement = disagrees(cell.agreement)
    ? `, raters within a group disagree (within-group agreement ${formatAgreement(cell.agreement)})`
    : '';
  if (cell.target == null) return `${level}, no target${agreement}`;
  const difference = cell.level - cell.target;
  return difference < 0
    ? `${level}, ${belowTarget(cell.level, cell.target, 'target ')}${agreement}`
    : `${level}, meets target ${cell.target}${agreement}`;
}

/** The function's r_wg(J) under its name, marked when its raters disagree; nothing when unknown. */
function RowAgreement({ agreement }: { agreement: number | null | undefined }) {
  if (agreement == null) return null;
  const disagreement = disagrees(agreement);
  return (
    <span
      class={`heatmap__row-agreement${disagreement ? ' heatmap__row-agreement--disagree' : ''}`}
      data-function-agreement={formatAgreement(agreement)}
    >
      within-group agreement {formatAgreement(agreement)}
      {disagreement && (
        <>
          {' '}
          <span aria-hidden="true">{DISAGREEMENT_GLYPH}</span>
          <span class="visually-hidden">, raters within a group disagree</span>
        </>
      )}
    </span>
  );
}

function Tooltip({ id, anchor, children }: { id: string; anchor: HTMLElement; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const tooltip = ref.current;
    if (!tooltip) return;
    const cell = anchor.getBoundingClientRect();
    const box = tooltip.getBoundingClientRect();
    const margin = 8;
    const left = Math.max(
      margin,
      Math.min(window.innerWidth - box.width - margin, cell.left + cell.width / 2 - box.width / 2),
    );
    const below = cell.bottom + margin;
    const top =
      below + box.height <= window.innerHeight - margin
        ? below
        : Math.max(margin, cell.top - box.height - margin);
    setPosition((previous) => (previous?.left === left && previous.top === top ? previous : { left, top }));
  }, [anchor, children]);

  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      class="heatmap__tooltip"
      style={
        position
          ? { left: `${position.left}px`, top: `${position.top}px` }
          : { left: '0px', top: '0px', visibility: 'hidden' }
      }
    >
      {children}
    </div>
  );
}

function Legend({ id }: { id: string }) {
  return (
    <div class="heatmap__legend" id={id}>
      <span class="heatmap__legend-title">Level against target</span>
      <ul class="heatmap__legend-list">
        {legendOrder.map((tone) => (
          <li key={tone.name} class="heatmap__legend-item">
            <span
              class={`heatmap__swatch heatmap__cell--${tone.name}`}
              style={{ background: tone.background }}
              aria-hidden="true"
            />
            {tone.label}
          </li>
        ))}
      </ul>
      <span class="heatmap__legend-note">
        ▼ gap below target · ✓ target met · {DISAGREEMENT_GLYPH} {DISAGREEMENT_MEANING}
      </span>
      <AgreementHelp />
    </div>
  );
}

/** What agreement means and why 0.7, one click from the heatmap. */
function AgreementHelp() {
  return (
    <details class="heatmap__help" data-testid="agreement-help">
      <summary>What does within-group agreement mean?</summary>
      <p>
        When several people of one rater group rate the same cell (five shift leads rating their own function,
        three auditors), agreement says how closely their levels match. It is r_wg, the standard index of
        organisational research: 1 minus the variance of their levels divided by the variance of answers
        picked at random on this scale, so 1 when everyone gives the same level and 0 when they are as spread
        as chance.
      </p>
      <p>
        Below {AGREEMENT_THRESHOLD} the group's mean hides real disagreement, the convention since James,
        Demaree and Wolf: discuss the cell before trusting its level. A cell shows the lowest agreement of its
        groups; a function shows r_wg(J) over its capabilities. Cells rated by one person per group have no
        agreement.
      </p>
      <p>
        It says nothing of whether the groups agree with each other: a function's own staff may agree among
        themselves, and its customers among themselves, while the two groups lie levels apart. The perception
        gap and each group's mean in a cell's details say that; the details say the groups differ when they
        lie {GROUPS_DIFFER_AT} level or more apart.
      </p>
    </details>
  );
}
