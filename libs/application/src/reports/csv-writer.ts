import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@app/domain';
import type { TableValues } from './report-table';

// Excel reads a UTF-8 CSV as UTF-8 only with a byte order mark; other readers skip it.
const BYTE_ORDER_MARK = '\uFEFF';

/** RFC 4180 CSV with a header row; text neutralised against formulas, numbers in full precision. */
export function renderCsv(table: TableValues): Buffer {
  const rows = table.rows.map((row) =>
    row.map((value) => (typeof value === 'string' ? neutraliseFormula(value) : value)),
  );
  const text = stringify([table.columns.map((column) => column.header), ...rows], {
    cast: { number: (value) => String(value) },
    record_delimiter: '\r\n',
  });
  return Buffer.from(BYTE_ORDER_MARK + text, 'utf8');
}
