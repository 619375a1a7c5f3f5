// The maturity view as text: a functions x capabilities grid of effective levels, then the indices.
import { type MaturityView, openedNote, provisionalNote } from '@app/application';

const LEVEL_WIDTH = 6;

export function formatMaturityView(view: MaturityView): string {
  const functions = [...new Set(view.cells.map((cell) => cell.functionId))];
  const capabilities = [...new Set(view.cells.map((cell) => cell.capabilityId))];
  const levels = new Map(
    view.cells.map((cell) => [`${cell.functionId}\u0000${cell.capabilityId}`, cell.level]),
  );
  const nameWidth = Math.max('function'.length, ...functions.map((id) => id.length));
  // Numbered columns keep the grid narrow; the legend below names them.
  const columns = capabilities.map((_, index) => `C${index + 1}`.padStart(LEVEL_WIDTH));
  const lines = [`${'function'.padEnd(nameWidth)} ${columns.join(' ')}`];
  for (const functionId of functions) {
    const row = capabilities.map((capabilityId) =>
      formatNumber(levels.get(`${functionId}\u0000${capabilityId}`) ?? null).padStart(LEVEL_WIDTH),
    );
    lines.push(`${functionId.padEnd(nameWidth)} ${row.join(' ')}`);
  }
  lines.push('');
  capabilities.forEach((capabilityId, index) => lines.push(`  C${index + 1} = ${capabilityId}`));
  lines.push('', formatIndices(view));
  lines.push(...openAssessmentLines(view));
  const worst = view.weakestLinks[0];
  if (worst !== undefined)
    lines.push(
      `weakest link: ${worst.from} - ${worst.to} (misalignment ${formatNumber(worst.misalignment)})`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * What the open assessments do to the numbers: provisional (they include an open assessment's
 * ratings), and which cycles opened with no rating yet (numbers of the cycles before them).
 */
export function openAssessmentLines(view: MaturityView): string[] {
  return [provisionalNote(view), openedNote(view)].filter((line) => line !== null);
}

export function formatIndices(view: MaturityView): string {
  return [
    `customer-centricity index ${formatNumber(view.customerCentricityIndex)}`,
    `alignment index ${formatNumber(view.alignmentIndex)}`,
    `target attainment ${formatNumber(view.targetAttainment)}`,
    `coverage ${formatNumber(view.coverage)}`,
  ].join(' | ');
}

function formatNumber(value: number | null): string {
  return value === null ? '-' : value.toFixed(2);
}
