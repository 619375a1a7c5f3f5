// The first process on an empty store: without ADMIN_TOKEN it creates an admin token and prints it
// once (the newcomer's `npm start`); two processes starting together issue exactly one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from '../support/api-process';
import { postGraphql } from '../support/graphql-client';
import { inspectStore } from '../faults/fault-fixtures';

jest.setTimeout(120_000);

const CREATED = /admin token \(shown once, keep it\): (\S+)/;

describe('Admin token at first start (integration)', () => {
  const directories: string[] = [];
  const started: ApiProcess[] = [];
  const newDataDir = (): string => {
    const directory = mkdtempSync(path.join(tmpdir(), 'admin-token-'));
    directories.push(directory);
    return directory;
  };

  afterEach(async () => {
    await Promise.all(started.splice(0).map((api) => api.stop()));
  });

  afterAll(() => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it('should create an admin token, print it once with the address, and accept it', async () => {
    const dataDir = newDataDir();
    const first = await startApi({ dataDir, env: { ADMIN_TOKEN: '' } });
    started.push(first);
    expect(first.output()).toContain(`api listening on ${first.baseUrl}`);
    const token = CREATED.exec(first.output())?.[1];
    expect(token).toMatch(/^admin\.[A-Za-z0-9_-]{43}$/);
    const answer = await postGraphql(first.baseUrl, token!, '{ apiTokens { tokenId role } }');
    expect(answer.data).toEqual({ apiTokens: [{ tokenId: 'admin', role: 'ADMIN' }] });
    await first.stop();

    const second = await startApi({ dataDir, env: { ADMIN_TOKEN: '' } });
    started.push(second);
    expect(second.output()).not.toMatch(CREATED);
    expect(second.output()).not.toContain(token!.split('.')[1]);
    // A newcomer who lost the printed token learns how to get a new one.
    expect(second.output()).toContain(
      'lost it? with the same DATA_DIR: npm run cli -- token issue --role ADMIN',
    );
    expect((await postGraphql(second.baseUrl, token!, '{ organizations { id } }')).errors).toBeUndefined();
  });

  it('should issue exactly one admin token when two processes open an empty store together', async () => {
    const dataDir = newDataDir();
    const [one, two] = await Promise.all([
      startApi({ dataDir, env: { ADMIN_TOKEN: 'first-process-admin-token-0123456789' } }),
      startApi({ dataDir, env: { ADMIN_TOKEN: 'second-process-admin-token-0123456789' } }),
    ]);
    started.push(one, two);
    const accepted = await Promise.all(
      [one, two].map(
        async (api) =>
          (await postGraphql(api.baseUrl, api.adminToken, '{ organizations { id } }')).errors === undefined,
      ),
    );
    expect(accepted.filter(Boolean)).toHaveLength(1);
    // Both processes accept the winner (the loser learns it from the store).
    const winner = accepted[0] ? one.adminToken : two.adminToken;
    for (const api of [one, two])
      expect((await postGraphql(api.baseUrl, winner, '{ organizations { id } }')).errors).toBeUndefined();
    await Promise.all([one.stop(), two.stop()]);
    const store = await inspectStore(dataDir);
    expect(store.events.filter((event) => event.type === 'ApiTokenIssued')).toHaveLength(1);
  });
});
