import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@app/domain';
import type { ColumnKind, TableValues } from './report-table';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  number: '0.00',
  integer: '0',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};

export interface WorkbookProperties {
  title: string;
  subject: string;
  created: Date;
}

/** One sheet per table: a bold, frozen header row with a filter; numbers and dates typed, not text. */
export async function renderWorkbook(
  tables: readonly TableValues[],
  properties: WorkbookProperties,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Customer-centricity maturity platform';
  workbook.title = properties.title;
  workbook.subject = properties.subject;
  workbook.created = properties.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: column.width ?? Math.max(12, column.header.length + 2),
      style: NUMBER_FORMATS[column.kind] === undefined ? {} : { numFmt: NUMBER_FORMATS[column.kind] },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(row.map((value, position) => cellValue(value, table.columns[position]?.kind ?? 'text')));
    }
    if (table.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: string | number | null, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string') return new Date(value);
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}
