export * from './scoring-input';
export * from './effective-cells';
export * from './maturity';
