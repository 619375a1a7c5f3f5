// Projections: read models built from events, with a runner that keeps them caught up.
export * from './projection';
export * from './errors';
export * from './checkpoint-store';
export {
  openReadModelDatabase,
  READ_MODELS_FILE_NAME,
  type ReadModelDatabaseOptions,
} from './read-model-database';
export * from './projection-runner';
export * from './yield-to-other-work';
export * from './organization-index/organization-scoped-events';
export * from './organization-index/organization-index.projection';
export * from './organization-index/organization-directory.projection';
export * from './organization-index/organization-index.reader';
export * from './organization-index/organization-index-codec';
export * from './organization-history/organization-history.projection';
export * from './organization-history/organization-history.reader';
