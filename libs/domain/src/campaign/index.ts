export * from './campaign.commands';
export * from './campaign.events';
export * from './campaign.errors';
export * from './invitations';
export * from './campaign.decider';
export * from './campaign-progress';
export * from './questionnaire';
export * from './people-file';
