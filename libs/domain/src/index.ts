export * from './shared';
export * from './maturity-model';
export * from './organization';
export * from './assessment';
export * from './personal-data';
export * from './campaign';
export * from './investment';
export * from './scenario';
export * from './api-token';
export * from './events';
// RatingSource is also declared by scoring's plain inputs; the two are identical, this settles which export wins.
export type { RatingSource } from './maturity-model';
export * from './scoring';
export * from './simulation';
export * from './portfolio';
export * from './realisation';
export * from './reports';
