export * from './report-queries';
export * from './report-documents';
export * from './report-file';
export { provisionalNote } from './maturity-report';
