export * from './read-models';
export * from './read-models.module';
