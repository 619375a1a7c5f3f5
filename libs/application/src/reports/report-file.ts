/** A finished download: written to the response or a file only once it is whole. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A download too large to hold whole (an organisation's history): checked before its first part,
 * then written part by part, each part built only when the reader has taken the previous one.
 */
export interface StreamedReportFile {
  fileName: string;
  contentType: string;
  parts: AsyncIterable<Buffer>;
}
