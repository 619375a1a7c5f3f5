// A report table defined once: its columns, each with a header, a kind and how to read it from a
// row. The CSV and XLSX writers both render these, so the two formats never drift apart.

export type ColumnKind = 'text' | 'number' | 'integer' | 'date' | 'percent';

export type CellValue = string | number | null;

export interface ReportColumn<Row> {
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** Spreadsheet width in characters. */
  width?: number;
}

export interface ReportTable<Row> {
  /** Sheet name in the workbook. */
  title: string;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
}

/** A table read out: what a writer renders, whatever its row type was. */
export interface TableValues {
  title: string;
  columns: readonly Omit<ReportColumn<never>, 'value'>[];
  rows: readonly (readonly CellValue[])[];
}

export const valuesOf = <Row>(table: ReportTable<Row>): TableValues => ({
  title: table.title,
  columns: table.columns.map(({ header, kind, width }) => ({ header, kind, width })),
  rows: table.rows.map((row) => table.columns.map((column) => column.value(row))),
});
