export * from './maturity-view';
export * from './maturity-query.service';
export * from './maturity-changes';
export * from './maturity.module';
export * from './organization-history';
