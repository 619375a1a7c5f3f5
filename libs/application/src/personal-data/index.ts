export * from './personal-fields';
export * from './personal-data';
export * from './personal-data.module';
