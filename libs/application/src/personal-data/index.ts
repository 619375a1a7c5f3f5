export * from './personal-fields';
export * from './personal-data';
export * from './personal-data.module';
export * from './personal-data.command';
export * from './forgotten-respondents';
export * from './individual-answers';
