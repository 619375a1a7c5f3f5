// What the maturity download holds (one row per cell, the indices over time, the weakest links,
// and what the report is of) as tables, whatever the format.
import type { LinkScore, MaturityCellScore } from '@app/domain';
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
    rows: report.timeline,
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
    { label: 'as of', text: view.asOf ?? 'latest assessment', number: null },
    { label: 'as known at', text: view.knownAt ?? 'everything recorded', number: null },
    { label: 'generated at', text: report.generatedAt, number: null },
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
