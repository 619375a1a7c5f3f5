export * from './investment.commands';
export * from './investment.events';
export * from './investment.errors';
export * from './investment.state';
export * from './investment.decider';
