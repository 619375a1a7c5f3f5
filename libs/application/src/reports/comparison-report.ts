// Organisations compared, as a spreadsheet: one row per organisation with its indices and the
// level of each capability typed as numbers (the page shows the same organisations as columns),
// and what the figures rest on, as the Compare screen says it: whether an open assessment makes them
// provisional, whose ratings they come from, and how alignment found its pairs.
import type { OrganizationComparison } from './report-queries';
import type { ReportTable } from './report-table';

export function organizationComparisonTable(
  rows: readonly OrganizationComparison[],
  capabilities: readonly { id: string; name: string }[],
): ReportTable<OrganizationComparison> {
  return {
    title: 'Organisations compared',
    rows,
    columns: [
      { header: 'organisation id', kind: 'text', width: 22, value: (row) => row.organizationId },
      { header: 'organisation', kind: 'text', width: 28, value: (row) => row.name },
      { header: 'customer-centricity index', kind: 'number', value: (row) => row.customerCentricityIndex },
      { header: 'alignment index', kind: 'number', value: (row) => row.alignmentIndex },
      { header: 'target attainment', kind: 'number', value: (row) => row.targetAttainment },
      { header: 'coverage', kind: 'percent', value: (row) => row.coverage },
      {
        header: 'provisional',
        kind: 'text',
        width: 60,
        value: (row) => row.provisional,
      },
      { header: 'ratings from', kind: 'text', width: 36, value: (row) => row.ratingsFrom },
      { header: 'alignment pairs', kind: 'text', width: 36, value: (row) => row.alignmentPairs },
      ...capabilities.map((capability) => ({
        header: `${capability.name} level`,
        kind: 'number' as const,
        value: (row: OrganizationComparison) =>
          row.capabilityLevels.find((level) => level.capabilityId === capability.id)?.level ?? null,
      })),
    ],
  };
}
