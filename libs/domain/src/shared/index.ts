export * from './domain-error';
export * from './decider';
export * from './validation';
export * from './streams';
export * from './fold';
