// What the maturity download holds (one row per cell, the indices over time, the weakest links,
// and what the report is of) as tables, whatever the format.
import {
  cyclesWithRatings,
  type LinkScore,
  type MaturityCellScore,
  openCyclesWithoutRatings,
  openCyclesWithRatings,
} from '@app/domain';
import type { MaturityPoint, MaturityView } from '../maturity/maturity-view';
import type { ReportTable, TableValues } from './report-table';
import { valuesOf } from './report-table';

export interface NamedItem {
  id: string;
  name: string;
}

export interface MaturityReport {
  organization: NamedItem;
  functions: readonly NamedItem[];
  capabilities: readonly NamedItem[];
  view: MaturityView;
  /** The indices at each assessment's periodEnd up to the report's asOf, as known at its knownAt. */
  timeline: readonly MaturityPoint[];
  generatedAt: string;
}

/**
 * The cycles the report's indices are of, in date order: a cycle opened with no rating yet changes
 * no number, so it is left out (the About sheet says it opened).
 */
export const reportCycles = (report: MaturityReport): MaturityPoint[] =>
  cyclesWithRatings(report.timeline, report.view.openAssessments);

/**
 * The valid time the report is of: the asOf asked, else the periodEnd of the latest cycle with
 * ratings (null: none yet).
 */
export const reportAsOf = (report: MaturityReport): string | null =>
  report.view.asOf ?? reportCycles(report).at(-1)?.at ?? null;

/** The transaction time the report is as known at: the knownAt asked, else when it was generated. */
export const reportKnownAt = (report: MaturityReport): string => report.view.knownAt ?? report.generatedAt;

type OpenAssessmentsOfView = Pick<MaturityView, 'openAssessments' | 'cells'>;

/**
 * "Provisional: includes 2027 Q3 pulse (period end 2027-09-30), still open, which decides 1 of 44 cells."
 * null when the view includes no open assessment's rating: one opened with none yet changes no
 * number (openedNote says it). The downloads and the CLI say it alike.
 */
export const provisionalNote = (view: OpenAssessmentsOfView): string | null => {
  const open = openCyclesWithRatings(view.openAssessments);
  if (open.length === 0) return null;
  const cellCount = view.cells.length;
  const parts = open.map(
    (assessment) =>
      `${assessment.title} (period end ${assessment.periodEnd.slice(0, 10)}), still open, which decides ${assessment.decidedCells} of ${cellCount} cells`,
  );
  return `Provisional: includes ${parts.join('; ')}.`;
};

/**
 * "2026 Q1 (period end 2026-03-31) opened, no ratings yet: the numbers are those of the cycles before it."
 * null when every open assessment the view includes has a rating in.
 */
export const openedNote = (view: Pick<MaturityView, 'openAssessments'>): string | null => {
  const empty = openCyclesWithoutRatings(view.openAssessments);
  if (empty.length === 0) return null;
  const names = empty.map(
    (assessment) => `${assessment.title} (period end ${assessment.periodEnd.slice(0, 10)})`,
  );
  return `${names.join(' and ')} opened, no ratings yet: the numbers are those of the cycles before ${empty.length === 1 ? 'it' : 'them'}.`;
};

/**
 * The "provisional" line of a file: the provisional note, or "no: …" with why not (every assessment
 * closed, or those open have no rating yet), and any opened cycle either way.
 */
export const provisionalLine = (view: OpenAssessmentsOfView): string => {
  const provisional = provisionalNote(view);
  const opened = openedNote(view);
  if (provisional !== null) return opened === null ? provisional : `${provisional} ${opened}`;
  return opened === null ? 'no: every assessment included is closed' : `no: ${opened}`;
};

const nameIn = (items: readonly NamedItem[], id: string): string =>
  items.find((item) => item.id === id)?.name ?? id;

export function cellsTable(report: MaturityReport): ReportTable<MaturityCellScore> {
  const { functions, capabilities } = report;
  return {
    title: 'Cells',
    columns: [
      { header: 'function id', kind: 'text', value: (cell) => cell.functionId, width: 18 },
      { header: 'function', kind: 'text', value: (cell) => nameIn(functions, cell.functionId), width: 24 },
      { header: 'capability id', kind: 'text', value: (cell) => cell.capabilityId, width: 24 },
      {
        header: 'capability',
        kind: 'text',
        value: (cell) => nameIn(capabilities, cell.capabilityId),
        width: 36,
      },
      { header: 'level', kind: 'number', value: (cell) => cell.level },
      { header: 'target', kind: 'integer', value: (cell) => cell.target },
      { header: 'gap', kind: 'number', value: (cell) => cell.gap },
      { header: 'perception gap', kind: 'number', value: (cell) => cell.perceptionGap },
      { header: 'agreement', kind: 'number', value: (cell) => cell.agreement },
      { header: 'rating count', kind: 'integer', value: (cell) => cell.ratingCount },
    ],
    rows: report.view.cells,
  };
}

export function indicesTable(report: MaturityReport): ReportTable<MaturityPoint> {
  return {
    title: 'Indices over time',
    columns: [
      { header: 'as of', kind: 'date', value: (point) => point.at },
      {
        header: 'customer-centricity index',
        kind: 'number',
        value: (point) => point.customerCentricityIndex,
        width: 26,
      },
      { header: 'alignment index', kind: 'number', value: (point) => point.alignmentIndex, width: 18 },
      { header: 'target attainment', kind: 'number', value: (point) => point.targetAttainment, width: 18 },
      { header: 'coverage', kind: 'percent', value: (point) => point.coverage },
    ],
    rows: reportCycles(report),
  };
}

export function weakestLinksTable(report: MaturityReport): ReportTable<LinkScore> {
  const { functions } = report;
  return {
    title: 'Weakest links',
    columns: [
      { header: 'from id', kind: 'text', value: (link) => link.from, width: 18 },
      { header: 'from', kind: 'text', value: (link) => nameIn(functions, link.from), width: 24 },
      { header: 'to id', kind: 'text', value: (link) => link.to, width: 18 },
      { header: 'to', kind: 'text', value: (link) => nameIn(functions, link.to), width: 24 },
      { header: 'misalignment', kind: 'number', value: (link) => link.misalignment, width: 14 },
    ],
    rows: report.view.weakestLinks,
  };
}

interface AboutLine {
  label: string;
  text: string | null;
  number: number | null;
}

/** What the report is of: the organisation, the instants and the headline indices. */
export function aboutTable(report: MaturityReport): TableValues {
  const { view } = report;
  const lines: AboutLine[] = [
    { label: 'organisation', text: report.organization.name, number: null },
    { label: 'organisation id', text: report.organization.id, number: null },
    {
      label: 'as of',
      text:
        view.asOf ??
        (reportAsOf(report) === null
          ? 'no rating yet'
          : `${reportAsOf(report)} (latest assessment with ratings)`),
      number: null,
    },
    {
      label: 'as known at',
      text: view.knownAt ?? `${report.generatedAt} (everything recorded then)`,
      number: null,
    },
    { label: 'generated at', text: report.generatedAt, number: null },
    {
      label: 'provisional',
      text: provisionalLine(report.view),
      number: null,
    },
    {
      label: 'precision',
      text: 'full precision; the dashboard rounds to 1 decimal, the command line to 2',
      number: null,
    },
    { label: 'customer-centricity index', text: null, number: view.customerCentricityIndex },
    { label: 'alignment index', text: null, number: view.alignmentIndex },
    { label: 'target attainment', text: null, number: view.targetAttainment },
    { label: 'coverage', text: null, number: view.coverage },
  ];
  return valuesOf({
    title: 'About',
    columns: [
      { header: 'item', kind: 'text', value: (line: AboutLine) => line.label, width: 26 },
      { header: 'text', kind: 'text', value: (line: AboutLine) => line.text, width: 40 },
      { header: 'value', kind: 'number', value: (line: AboutLine) => line.number, width: 12 },
    ],
    rows: lines,
  });
}
