export * from './organization.commands';
export * from './organization.events';
export * from './organization.errors';
export * from './organization.state';
export * from './organization.lookups';
export * from './organization.decider';
