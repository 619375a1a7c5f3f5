export * from './maturity-model';
export * from './default-maturity-model';
export * from './maturity-model.events';
export * from './maturity-model.commands';
export * from './maturity-model.errors';
export * from './maturity-model.state';
export * from './maturity-model.decider';
