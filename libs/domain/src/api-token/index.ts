export * from './api-token.commands';
export * from './api-token.events';
export * from './api-token.errors';
export * from './api-token.state';
export * from './api-token.decider';
