export * from './scoring-inputs';
export * from './scoring-inputs.reader';
export * from './organization-history';
