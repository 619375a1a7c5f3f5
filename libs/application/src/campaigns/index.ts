export * from './answer-times';
export * from './campaign-reader';
export * from './campaign.command';
export * from './invitation-index';
export * from './recently-issued-links';
export * from './invitation-check';
