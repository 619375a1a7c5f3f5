import { startTestApi, type TestApi } from '../support/test-api';
import { buildOrganization } from './audit-fixture';

interface HistoryAnswer {
  history: {
    edges: {
      cursor: string;
      node: {
        position: number;
        stream: string;
        revision: number;
        type: string;
        data: Record<string, unknown>;
        actor: string;
        recordedAt: string;
        hash: string;
        prevHash: string | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const HISTORY = `query($org: ID!, $after: String, $first: Int) {
  history(organizationId: $org, after: $after, first: $first) {
    edges { cursor node { position stream revision type data actor recordedAt hash prevHash } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const VERIFY = `query($org: ID) { verifyIntegrity(organizationId: $org) { ok checkedEvents firstBrokenStream firstBrokenRevision message } }`;

describe('history and verifyIntegrity over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await buildOrganization(api, 'hotel');
    await buildOrganization(api, 'other-hotel');
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  it("should page through the organisation's events oldest first, following the cursors", async () => {
    const seen: HistoryAnswer['history']['edges'] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { history }: HistoryAnswer = await api.mustQuery<HistoryAnswer>(HISTORY, {
        org: 'hotel',
        after,
        first: 4,
      });
      pages += 1;
      seen.push(...history.edges);
      expect(history.pageInfo.endCursor).toBe(history.edges.at(-1)?.cursor ?? null);
      if (!history.pageInfo.hasNextPage) break;
      expect(history.edges).toHaveLength(4);
      after = history.pageInfo.endCursor;
    }
    // 1 registration + 2 functions, 1 opening + 6 ratings, 1 plan.
    expect(seen).toHaveLength(11);
    expect(pages).toBe(3);
    const positions = seen.map((edge) => edge.node.position);
    expect(positions).toEqual([...positions].sort((left, right) => left - right));
    expect(new Set(seen.map((edge) => edge.node.stream))).toEqual(
      new Set(['organization-hotel', 'assessment-hotel-q1', 'investment-hotel-training']),
    );
    const first = seen[0]!.node;
    expect(first).toMatchObject({
      stream: 'organization-hotel',
      revision: 0,
      type: 'OrganizationRegistered',
      prevHash: null,
    });
    expect(first.data).toMatchObject({ organizationId: 'hotel', name: 'Audit Hotel' });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = seen.find(
      (edge) => edge.node.stream === 'organization-hotel' && edge.node.revision === 1,
    )!.node;
    expect(second.prevHash).toBe(first.hash);
  });

  it('should answer an empty last page after the end cursor', async () => {
    const all = await api.mustQuery<HistoryAnswer>(HISTORY, { org: 'hotel', first: 500 });
    const after = all.history.pageInfo.endCursor;
    const { history } = await api.mustQuery<HistoryAnswer>(HISTORY, { org: 'hotel', after });
    expect(history).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('should refuse a malformed cursor, a page size out of range and an unknown organisation', async () => {
    const badCursor = await api.graphql(HISTORY, { org: 'hotel', after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badFirst = await api.graphql(HISTORY, { org: 'hotel', first: 0 });
    expect(badFirst.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const unknown = await api.graphql(HISTORY, { org: 'no-such-org' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
  });

  it('should verify the whole store and one organisation', async () => {
    const whole = await api.mustQuery<{ verifyIntegrity: Record<string, unknown> }>(VERIFY, {});
    expect(whole.verifyIntegrity).toMatchObject({
      ok: true,
      firstBrokenStream: null,
      firstBrokenRevision: null,
    });
    // Both organisations (11 each), plus what start-up writes (the default model, the admin token).
    expect(whole.verifyIntegrity.checkedEvents).toBeGreaterThanOrEqual(23);
    const one = await api.mustQuery<{ verifyIntegrity: Record<string, unknown> }>(VERIFY, { org: 'hotel' });
    expect(one.verifyIntegrity).toMatchObject({ ok: true, checkedEvents: 11 });
  });

  it("should refuse the organisation's fingerprint on a whole-store check, naming the organisation, instead of reporting tampering", async () => {
    const FINGERPRINT = `query($org: ID, $since: String) { verifyIntegrity(organizationId: $org, since: $since) { ok matchesFingerprint message fingerprint { text } } }`;
    const kept = await api.mustQuery<{ verifyIntegrity: { fingerprint: { text: string } } }>(FINGERPRINT, {
      org: 'hotel',
    });
    const since = kept.verifyIntegrity.fingerprint.text;
    expect(since).toMatch(/^v2:org=hotel:\d+:11:[0-9a-f]{64}$/);
    const whole = await api.graphql(FINGERPRINT, { since });
    expect(whole.data).toBeNull();
    expect(whole.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'since' } });
    expect(whole.errors?.[0]?.message).toContain('organisation "hotel"');
    expect(whole.errors?.[0]?.message).toContain('pass organizationId "hotel"');
    const other = await api.graphql(FINGERPRINT, { org: 'other-hotel', since });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'since' } });
    const same = await api.mustQuery<{ verifyIntegrity: unknown }>(FINGERPRINT, { org: 'hotel', since });
    expect(same.verifyIntegrity).toMatchObject({ ok: true, matchesFingerprint: true });
  });
});
