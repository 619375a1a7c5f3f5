// The attack replaced and overwrote the store file while the api ran: writes went on being
// acknowledged into the old file (gone at restart). The store now checks, before every
// operation, that the file it opened is still there, unshrunk; a replaced or damaged file makes
// every write answer SERVICE_UNAVAILABLE (HTTP 503, never INTERNAL_SERVER_ERROR), writes nothing
// and /health/ready says why.
import { copyFileSync, renameSync, truncateSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const REGISTER = 'mutation($id: ID!) { registerOrganization(input: { id: $id, name: "Hotel" }) { id } }';

async function register(
  api: TestApi,
  id: string,
): Promise<{ status: number; code?: string; reason?: string }> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
    body: JSON.stringify({ query: REGISTER, variables: { id } }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string; reason?: string } }[] };
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
    reason: body.errors?.[0]?.extensions?.reason,
  };
}

const eventsIn = (file: string): number => {
  const database = new Database(file, { readonly: true });
  try {
    return (database.prepare('SELECT count(*) AS count FROM events').get() as { count: number }).count;
  } finally {
    database.close();
  }
};

describe('Replaced or overwritten store file (e2e)', () => {
  let api: TestApi;

  afterEach(async () => {
    await api.close();
  });

  it('should refuse every write once the store file is replaced by another file, and say so on /health/ready', async () => {
    api = await startTestApi();
    expect(await register(api, 'before')).toMatchObject({ status: 200, code: undefined });
    const file = path.join(api.dataDir, 'events.db');
    // An operator (or an attacker) puts another file in its place: here a copy, so it is a valid store.
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    const countBefore = eventsIn(file);

    for (const id of ['after-1', 'after-2']) {
      expect(await register(api, id)).toEqual({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        reason: 'EVENT_STORE.DAMAGED',
      });
    }
    expect(eventsIn(file)).toBe(countBefore);
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toMatch(/replaced by another file/);
  });

  it('should refuse every write once the store file is truncated in place', async () => {
    api = await startTestApi();
    expect(await register(api, 'before')).toMatchObject({ status: 200, code: undefined });
    truncateSync(path.join(api.dataDir, 'events.db'), 0);
    expect(await register(api, 'after')).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      reason: 'EVENT_STORE.DAMAGED',
    });
  });
});
