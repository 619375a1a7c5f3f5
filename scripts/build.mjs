// Compiles apps, libs and the benchmark from TypeScript to dist/ with swc (type checking is
// `npm run typecheck`). Only changed files are recompiled, so `npm start` after a build is quick.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFile } from '@swc/core';

const require = createRequire(import.meta.url);
const { root, swcOptions } = require('./swc-options.cjs');

const sourceRoots = [];
for (const group of ['apps', 'libs']) {
  for (const name of readdirSync(path.join(root, group))) {
    const source = path.join(root, group, name, 'src');
    if (name !== 'dashboard' && existsSync(source)) sourceRoots.push(source);
  }
}
if (existsSync(path.join(root, 'bench', 'src'))) sourceRoots.push(path.join(root, 'bench', 'src'));

/** Tests and their helpers, and type declarations: nothing to run. */
const TEST_ONLY = ['.spec.ts', '.fixtures.ts', '.d.ts'];

function* typescriptFiles(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(full);
    else if (entry.name.endsWith('.ts') && !TEST_ONLY.some((suffix) => entry.name.endsWith(suffix)))
      yield full;
  }
}

function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

const options = swcOptions();
let compiled = 0;
const jobs = [];
for (const sourceRoot of sourceRoots) {
  for (const file of typescriptFiles(sourceRoot)) {
    const relative = path.relative(root, file).replace(/\.ts$/, '.js');
    const output = path.join(root, 'dist', relative);
    if (existsSync(output) && statSync(output).mtimeMs >= statSync(file).mtimeMs) continue;
    jobs.push(
      transformFile(file, {
        ...options,
        filename: file,
        outputPath: output,
        sourceFileName: path.relative(path.dirname(output), file),
      }).then((result) => {
        mkdirSync(path.dirname(output), { recursive: true });
        // Write then rename: parallel builds (test workers) never let a process read half a file.
        writeAtomically(`${output}.map`, result.map ?? '');
        writeAtomically(output, `${result.code}\n//# sourceMappingURL=${path.basename(output)}.map\n`);
        compiled += 1;
      }),
    );
  }
}
await Promise.all(jobs);
if (compiled > 0) console.error(`build: compiled ${compiled} file(s) to dist/`);
