/** A finished download: written to the response or a file only once it is whole. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
