export * from './realisation-input';
export * from './compute-realisation';
