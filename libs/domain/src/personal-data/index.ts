export * from './personal-data.commands';
export * from './personal-data.events';
export * from './personal-data.errors';
export * from './personal-data.decider';
