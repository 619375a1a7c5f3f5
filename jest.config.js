// Test tiers live in the file name: *.unit.spec.ts (pure, in-memory), *.int.spec.ts (real SQLite
// files, real processes), *.e2e.spec.ts (the real api over HTTP), *.browser.spec.ts (Chromium).
const { swcOptions, jestModuleNameMapper } = require('./scripts/swc-options.cjs');

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), sourceMaps: 'inline' }] },
  moduleNameMapper: jestModuleNameMapper(),
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/dashboard/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.unit.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e.spec.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser.spec.ts'] },
  ],
};
