// The attack found the store's files readable by every local user (0644, the directory 0755):
// the event log holds every organisation's data. DATA_DIR is created 0700 and every file the
// api creates in it (events, read models, keys, and SQLite's -wal and -shm beside each) is 0600.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';

jest.setTimeout(120_000);

const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8);

describe('World-readable data files (integration)', () => {
  let parent: string;
  let api: ApiProcess | null = null;

  beforeAll(() => {
    parent = mkdtempSync(path.join(tmpdir(), 'private-data-'));
  });

  afterAll(async () => {
    await api?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('should create DATA_DIR owner-only and every file in it 0600', async () => {
    const dataDir = path.join(parent, 'data');
    api = await startApi({ dataDir });
    const answer = await postGraphql(
      api.baseUrl,
      api.adminToken,
      'mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(modeOf(dataDir)).toBe('700');
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['events.db', 'events.db-wal', 'read-models.db']));
    expect(Object.fromEntries(files.map((name) => [name, modeOf(path.join(dataDir, name))]))).toEqual(
      Object.fromEntries(files.map((name) => [name, '600'])),
    );
  });
});
