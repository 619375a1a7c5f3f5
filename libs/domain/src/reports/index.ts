export * from './maturity-change';
export * from './capability-levels';
export * from './organization-comparison';
export * from './spreadsheet-text';
export * from './comparison-context';
