// Saved scenarios compared, as a spreadsheet: one row per scenario, its figures typed as numbers
// (the page shows the same scenarios as columns of text).
import type { SavedScenario, ScenarioResult } from '@app/domain';
import type { ReportTable } from './report-table';

export interface ComparedScenarioRow {
  scenario: SavedScenario;
  /** The sum of its investments' costs. */
  cost: number;
  investmentNames: readonly string[];
  result: ScenarioResult;
}

export function scenarioComparisonTable(
  rows: readonly ComparedScenarioRow[],
): ReportTable<ComparedScenarioRow> {
  const spread = (
    row: ComparedScenarioRow,
    index: 'customerCentricityIndex' | 'alignmentIndex',
    bound: 'p10' | 'p90',
  ) => row.result.distribution?.[index]?.[bound] ?? null;
  return {
    title: 'Scenarios',
    rows,
    columns: [
      { header: 'Scenario', kind: 'text', width: 28, value: (row) => row.scenario.name },
      { header: 'Investments', kind: 'text', width: 48, value: (row) => row.investmentNames.join('; ') },
      { header: 'Cost', kind: 'number', width: 12, value: (row) => row.cost },
      { header: 'Horizon (months)', kind: 'integer', value: (row) => row.scenario.horizonMonths },
      { header: 'Optimiser budget', kind: 'number', value: (row) => row.scenario.budget },
      { header: 'Optimiser weight of CCI (alpha)', kind: 'number', value: (row) => row.scenario.alpha },
      { header: 'CCI today', kind: 'number', value: (row) => row.result.baseline.customerCentricityIndex },
      {
        header: 'CCI at horizon',
        kind: 'number',
        value: (row) => row.result.projected.customerCentricityIndex,
      },
      { header: 'CCI p10', kind: 'number', value: (row) => spread(row, 'customerCentricityIndex', 'p10') },
      { header: 'CCI p90', kind: 'number', value: (row) => spread(row, 'customerCentricityIndex', 'p90') },
      { header: 'Alignment today', kind: 'number', value: (row) => row.result.baseline.alignmentIndex },
      { header: 'Alignment at horizon', kind: 'number', value: (row) => row.result.projected.alignmentIndex },
      { header: 'Alignment p10', kind: 'number', value: (row) => spread(row, 'alignmentIndex', 'p10') },
      { header: 'Alignment p90', kind: 'number', value: (row) => spread(row, 'alignmentIndex', 'p90') },
      {
        header: 'Probability alignment drops',
        kind: 'percent',
        value: (row) => row.result.distribution?.probabilityAlignmentDrops ?? null,
      },
      {
        header: 'Warnings',
        kind: 'text',
        width: 60,
        value: (row) => row.result.warnings.map((warning) => warning.message).join('; '),
      },
    ],
  };
}
