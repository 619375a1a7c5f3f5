import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@app/domain';
import type { CellValue, TableValues } from './report-table';

// Excel reads a UTF-8 CSV as UTF-8 only with a byte order mark; other readers skip it.
const BYTE_ORDER_MARK = '\uFEFF';

/** RFC 4180 CSV with a header row; text neutralised against formulas, numbers in full precision. */
export function renderCsv(table: TableValues): Buffer {
  return Buffer.concat([renderCsvHeader(table), renderCsvRows(table.rows)]);
}

/** The start of a CSV written in parts: the byte order mark and the header row. */
export function renderCsvHeader(table: Pick<TableValues, 'columns'>): Buffer {
  return Buffer.from(BYTE_ORDER_MARK + csvText([table.columns.map((column) => column.header)]), 'utf8');
}

/** Rows of a CSV written in parts, as renderCsv writes them. */
export function renderCsvRows(rows: TableValues['rows']): Buffer {
  return Buffer.from(
    csvText(
      rows.map((row) => row.map((value) => (typeof value === 'string' ? neutraliseFormula(value) : value))),
    ),
    'utf8',
  );
}

function csvText(rows: readonly (readonly CellValue[])[]): string {
  return stringify(rows as CellValue[][], {
    cast: { number: (value) => String(value) },
    record_delimiter: '\r\n',
  });
}
