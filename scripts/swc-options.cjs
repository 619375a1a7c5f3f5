// One source of truth for path aliases: tsconfig.json. The build and jest both derive their
// swc options from it, so an alias added there works everywhere.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));

function swcOptions() {
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
  };
}

function jestModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    // `@app/domain/*`: any module below the folder (as the dashboard imports the domain's pure modules).
    if (alias.endsWith('/*'))
      mapper[`^${alias.slice(0, -1)}(.*)$`] = `<rootDir>/${target.replace('*', '$1')}`;
    else mapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target}`;
  }
  return mapper;
}

module.exports = { root, swcOptions, jestModuleNameMapper };
