export * from './maturity-view';
export * from './maturity-query.service';
export * from './maturity-change-feed';
export * from './maturity-changes';
export * from './maturity.module';
