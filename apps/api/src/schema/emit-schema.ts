// Writes the served schema to schema.graphql (or the file given): the api is assembled, as for
// serving, on a throw-away store in a temporary directory, and its schema printed. Run by
// `npm run generate` and `npm run build`.
import 'reflect-metadata';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { loadAppConfig } from '@app/application';
import { createApiApplication } from '../create-api-application';
import { SCHEMA_FILE_NAME, schemaFileText } from './schema-file';

async function emitSchema(target: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'emit-schema-'));
  process.env.LOG_LEVEL ??= 'silent';
  try {
    const app = await createApiApplication({
      ...loadAppConfig({}),
      dataDir,
      // Adopted by the throw-away store, so no token is printed.
      adminToken: randomBytes(32).toString('hex'),
    });
    await app.init();
    const text = schemaFileText(app.get(GraphQLSchemaHost).schema);
    await app.close();
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const target = path.resolve(process.argv[2] ?? SCHEMA_FILE_NAME);
emitSchema(target).then(
  () => {
    console.error(`schema: wrote ${path.relative(process.cwd(), target)}`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
