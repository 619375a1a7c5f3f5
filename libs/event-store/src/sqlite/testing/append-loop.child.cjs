// Child process for the SQLite fault tests. Runs the TypeScript store directly (compiled on require
// by swc, with the project's options), appends batches in a loop and prints each acknowledged
// append as one JSON line, so the parent can SIGKILL it mid-loop and check what survived.
//   node append-loop.child.cjs <dataDir> <batchCount|forever>
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { transformSync } = require('@swc/core');
const { swcOptions } = require('../../../../../scripts/swc-options.cjs');

const options = swcOptions();
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    ...options,
    filename,
    sourceMaps: false,
  });
  module._compile(code, filename);
};
const { SqliteEventStore } = require(path.join(__dirname, '..', 'sqlite-event-store.ts'));

async function main() {
  const [dataDir, countArgument] = process.argv.slice(2);
  const batchCount = countArgument === 'forever' ? Number.POSITIVE_INFINITY : Number(countArgument);
  const store = new SqliteEventStore({ dataDir });
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  for (let batch = 0; batch < batchCount; batch += 1) {
    const size = 1 + (batch % 7);
    const stream = `crash-${batch % 5}`;
    const events = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      type: 'Recorded',
      data: { batch, index, size, pid: process.pid },
      metadata: { actor: 'child', role: 'ADMIN' },
    }));
    const result = await store.append(stream, events, { expectedRevision: 'any' });
    process.stdout.write(
      `${JSON.stringify({ batch, size, stream, position: result.position, ids: events.map((event) => event.id) })}\n`,
    );
  }
  await store.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
