// Test tiers live in the file name: *.unit.spec.ts (pure, in-memory), *.int.spec.ts (real SQLite
// files, real processes), *.e2e.spec.ts (the real api over HTTP), *.browser.spec.ts (Chromium).
const { swcOptions, jestModuleNameMapper } = require('./scripts/swc-options.cjs');

// NestJS 12, uuid and jose ship ES modules only. Node 20 loads them through require(esm), but jest's module
// runtime does not yet, so swc turns them into CommonJS for the tests (cached after the first run).
const esmOnlyPackages = ['@nestjs', 'uuid', 'jose'];

const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), sourceMaps: 'inline' }],
    '^.+\\.m?js$': [
      '@swc/jest',
      { module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: jestModuleNameMapper(),
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/dashboard/'],
};

module.exports = {
  reporters: ['default', '<rootDir>/scripts/skipped-tests-reporter.cjs'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.unit.spec.ts'] },
    // Real processes and files: starting an api takes seconds on a busy machine, so a hook or test
    // without its own limit gets a minute, not jest's 5 s (a spec may still set its own).
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.int.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/real-parts-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/real-parts-timeout.ts'],
    },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser.spec.ts'] },
  ],
};
