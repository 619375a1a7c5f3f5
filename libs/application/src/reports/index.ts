export * from './report-queries';
export * from './report-documents';
export * from './report-file';
export { openedNote, provisionalNote } from './maturity-report';
