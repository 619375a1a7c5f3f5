// API tokens: the secret is shown once and only its hash is stored; revoked tokens are refused;
// the first start adopts ADMIN_TOKEN; token events are events like any other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const ISSUE =
  'mutation($r: Role!, $o: [ID!]!, $l: String) { issueApiToken(role: $r, organizationIds: $o, label: $l) { token tokenId role organizationIds label } }';

interface Issued {
  token: string;
  tokenId: string;
  role: string;
  organizationIds: string[];
  label: string | null;
}

describe('API tokens (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
  });

  afterAll(async () => {
    await api.close();
  });

  const issue = async (
    role: string,
    organizationIds: string[],
    label: string | null = null,
  ): Promise<Issued> =>
    (await api.mustQuery<{ issueApiToken: Issued }>(ISSUE, { r: role, o: organizationIds, l: label }))
      .issueApiToken;

  it('should show the secret once, as <tokenId>.<secret> with 32 random bytes, and list tokens without it', async () => {
    const issued = await issue('AUDITOR', ['hotel'], 'external auditor');
    expect(issued).toMatchObject({ role: 'AUDITOR', organizationIds: ['hotel'], label: 'external auditor' });
    const [tokenId, secret] = issued.token.split('.');
    expect(tokenId).toBe(issued.tokenId);
    expect(Buffer.from(secret!, 'base64url')).toHaveLength(32);

    const listing = await api.graphql<{ apiTokens: Record<string, unknown>[] }>(
      '{ apiTokens { tokenId role organizationIds label revoked issuedAt } }',
    );
    const listed = listing.data?.apiTokens.find((token) => token.tokenId === issued.tokenId);
    expect(listed).toMatchObject({ role: 'AUDITOR', organizationIds: ['hotel'], revoked: false });
    expect(JSON.stringify(listing)).not.toContain(secret);
    // The schema offers no way to read a secret again.
    const again = await api.graphql('{ apiTokens { token } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should store only the hash of the secret: the SQLite files never contain it', async () => {
    const issued = await issue('PLANNER', ['hotel']);
    const secret = issued.token.split('.')[1]!;
    const stored = readdirSync(api.dataDir).map((file) =>
      readFileSync(path.join(api.dataDir, file)).toString('latin1'),
    );
    expect(stored.join('')).toContain(issued.tokenId);
    expect(stored.some((content) => content.includes(secret))).toBe(false);
    expect(stored.some((content) => content.includes(api.adminToken))).toBe(false);
  });

  it('should let the token work at once and refuse it once revoked, as UNAUTHENTICATED', async () => {
    const issued = await issue('ASSESSOR', ['hotel']);
    await api.mustQuery('{ organizations { id } }', {}, issued.token);
    const revoked = await api.mustQuery<{ revokeApiToken: { revoked: boolean; revokedAt: string | null } }>(
      'mutation($t: ID!) { revokeApiToken(tokenId: $t) { revoked revokedAt } }',
      { t: issued.tokenId },
    );
    expect(revoked.revokeApiToken.revoked).toBe(true);
    const refused = await api.graphql('{ organizations { id } }', {}, issued.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a wrong secret for a real token id, and a malformed header, as UNAUTHENTICATED', async () => {
    const issued = await issue('AUDITOR', ['hotel']);
    for (const token of [`${issued.tokenId}.wrong`, `${issued.tokenId}.`, 'garbage', `${issued.token}x`]) {
      const answer = await api.graphql('{ organizations { id } }', {}, token);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${issued.token}` },
      body: JSON.stringify({ query: '{ organizations { id } }' }),
    });
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('should refuse tokens for unknown organisations naming the field, and ADMIN tokens limited to some', async () => {
    const unknown = await api.graphql(ISSUE, { r: 'AUDITOR', o: ['hotel', 'nowhere'] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationIds[1]' });
    const scopedAdmin = await api.graphql(ISSUE, { r: 'ADMIN', o: ['hotel'] });
    expect(scopedAdmin.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationIds',
    });
  });

  it('should record issuing and revoking as events with hash and actor, the adopted admin token first', async () => {
    const issued = await issue('AUDITOR', ['hotel'], 'audit trail');
    await api.mustQuery('mutation($t: ID!) { revokeApiToken(tokenId: $t) { revoked } }', {
      t: issued.tokenId,
    });
    const reader = new SqliteEventStore({ dataDir: api.dataDir, integrityCheck: 'none' });
    try {
      const events = await reader.readAll({ eventTypes: ['ApiTokenIssued', 'ApiTokenRevoked'] });
      expect(events[0]).toMatchObject({
        stream: 'api-token-admin',
        type: 'ApiTokenIssued',
        data: { tokenId: 'admin', role: 'ADMIN' },
      });
      const mine = events.filter((event) => event.stream === `api-token-${issued.tokenId}`);
      expect(mine.map((event) => event.type)).toEqual(['ApiTokenIssued', 'ApiTokenRevoked']);
      expect(mine[0]!.data).toMatchObject({
        role: 'AUDITOR',
        organizationIds: ['hotel'],
        label: 'audit trail',
      });
      expect(mine[0]!.data.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(mine[1]!.metadata).toMatchObject({ actor: 'admin', role: 'ADMIN' });
      expect(mine[1]!.metadata.prevHash).toBe(mine[0]!.hash);
    } finally {
      await reader.close();
    }
  });

  it('should keep the adopted ADMIN_TOKEN of a store, and ignore another ADMIN_TOKEN on a later start', async () => {
    const dataDir = api.dataDir;
    const later = await startTestApi({
      dataDir,
      config: { adminToken: 'a-different-admin-token-of-a-later-start' },
    });
    try {
      expect(later.adminToken).not.toBe(api.adminToken);
      const refused = await later.graphql('{ organizations { id } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await later.mustQuery('{ organizations { id } }', {}, api.adminToken);
    } finally {
      await later.app.close();
    }
  });
});
