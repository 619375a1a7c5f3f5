export * from './assessment.commands';
export * from './assessment.events';
export * from './assessment.errors';
export * from './assessment.state';
export * from './assessment-ratings';
export * from './effective-ratings';
export * from './assessment.decider';
