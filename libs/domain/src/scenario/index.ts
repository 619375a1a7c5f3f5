export * from './scenario.commands';
export * from './scenario.events';
export * from './scenario.errors';
export * from './scenario.state';
export * from './scenario.decider';
