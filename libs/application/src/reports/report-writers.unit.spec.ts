import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { renderCsv } from './csv-writer';
import { valuesOf } from './report-table';
import { neutraliseFormula } from '@app/domain';
import { renderWorkbook } from './xlsx-writer';

interface Row {
  name: string;
  level: number | null;
  at: string;
}

const table = valuesOf<Row>({
  title: 'Cells',
  columns: [
    { header: 'name', kind: 'text', value: (row) => row.name },
    { header: 'level', kind: 'number', value: (row) => row.level },
    { header: 'as of', kind: 'date', value: (row) => row.at },
  ],
  rows: [
    { name: '=HYPERLINK("http://x")', level: -0.5, at: '2024-06-30T00:00:00.000Z' },
    { name: 'Front desk, "lobby"', level: null, at: '2024-03-31T00:00:00.000Z' },
  ],
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\r=1'])(
    'should prefix %j with an apostrophe',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['Front desk', "'quoted", ' =1', 'a=b', ''])('should keep %j as written', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('renderCsv', () => {
  const text = renderCsv(table).toString('utf8');

  it('should start with a byte order mark so spreadsheets read UTF-8', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
  });

  it('should escape formulas, quote commas and quotes, keep numbers and leave nulls empty', () => {
    const rows = parse(text, { bom: true });
    expect(rows).toEqual([
      ['name', 'level', 'as of'],
      [`'=HYPERLINK("http://x")`, '-0.5', '2024-06-30T00:00:00.000Z'],
      ['Front desk, "lobby"', '', '2024-03-31T00:00:00.000Z'],
    ]);
  });
});

describe('renderWorkbook', () => {
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const buffer = await renderWorkbook([table], {
      title: 'Maturity',
      subject: 'test',
      created: new Date('2024-07-01T00:00:00.000Z'),
    });
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    sheet = workbook.getWorksheet('Cells')!;
  });

  it('should write a bold header row', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, 'name', 'level', 'as of']);
    expect(sheet.getRow(1).font.bold).toBe(true);
  });

  it('should type numbers as numbers and dates as dates', () => {
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B2').value).toBe(-0.5);
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell('C2').value).toEqual(new Date('2024-06-30T00:00:00.000Z'));
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Null);
  });

  it('should write a formula-like name as escaped text, never as a formula', () => {
    const cell = sheet.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'=HYPERLINK("http://x")`);
    expect(cell.formula).toBeUndefined();
  });
});
