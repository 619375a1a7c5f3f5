// The committed schema.graphql is what the server serves, and the dashboard's generated schema
// types are what schema.graphql says: a change to a resolver, a model or the schema that was not
// regenerated (`npm run generate`) fails here instead of drifting silently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { SCHEMA_FILE_NAME, schemaFileText } from '../../apps/api/src/schema/schema-file';
import { startTestApi, type TestApi } from '../support/test-api';

const root = path.join(__dirname, '../..');
const REGENERATE = 'run `npm run generate` and commit the result';

/** The first line where two texts differ, to say what changed without a 1,000-line diff. */
function firstDifference(committed: string, expected: string): string {
  const committedLines = committed.split('\n');
  const expectedLines = expected.split('\n');
  const line = committedLines.findIndex((text, index) => text !== expectedLines[index]);
  const at = line === -1 ? committedLines.length : line;
  const shown = (text: string | undefined) =>
    JSON.stringify(
      text === undefined ? '(end of file)' : text.length > 160 ? `${text.slice(0, 160)}…` : text,
    );
  return `line ${at + 1}: committed ${shown(committedLines[at])}, expected ${shown(expectedLines[at])}`;
}

describe('The committed API schema', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('should be exactly the schema the server serves', () => {
    const committed = readFileSync(path.join(root, SCHEMA_FILE_NAME), 'utf8');
    const served = schemaFileText(api.app.get(GraphQLSchemaHost).schema);
    if (committed !== served)
      throw new Error(
        `${SCHEMA_FILE_NAME} differs from the served schema (${firstDifference(committed, served)}): ${REGENERATE}.`,
      );
  });

  it("should be what the dashboard's generated schema types were made from", () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'dashboard-types-'));
    try {
      const regenerated = path.join(directory, 'graphql-env.d.ts');
      execFileSync(
        path.join(root, 'node_modules/.bin/gql-tada'),
        ['generate-output', '--tsconfig', 'apps/dashboard/tsconfig.json', '--output', regenerated],
        { cwd: root, stdio: 'pipe' },
      );
      const committedFile = 'apps/dashboard/src/api/graphql-env.d.ts';
      const committed = readFileSync(path.join(root, committedFile), 'utf8');
      const expected = readFileSync(regenerated, 'utf8');
      if (committed !== expected)
        throw new Error(
          `${committedFile} was not generated from ${SCHEMA_FILE_NAME} (${firstDifference(committed, expected)}): ${REGENERATE}.`,
        );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
