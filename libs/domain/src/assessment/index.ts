export * from './assessment.commands';
export * from './assessment.events';
export * from './assessment.errors';
export * from './assessment.state';
export * from './assessment-ratings';
export * from './effective-ratings';
export * from './assessment.decider';
export * from './ratings-file';
export { MAX_RATINGS_PER_CALL } from './rating-rules';
