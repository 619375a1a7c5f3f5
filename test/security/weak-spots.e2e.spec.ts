// Weak spots the attack found: enum suggestions in production answers, and an AUDITOR's global verifyIntegrity scanning (and able to name) other
// organisations' streams.
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

describe('Weak spots (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ config: { production: true } });
    for (const id of ['alpha', 'beta']) {
      await api.mustQuery(`mutation { registerOrganization(input: { id: "${id}", name: "${id}" }) { id } }`);
      await api.mustQuery(
        `mutation { addFunction(input: { organizationId: "${id}", functionId: "desk", name: "Desk" }) { id } }`,
      );
    }
  });

  afterAll(async () => {
    await api.close();
  });

  it('should suggest no enum value in production ("Did you mean" maps the schema)', async () => {
    const answer = await api.graphql(
      'mutation { issueApiToken(role: AUDITR, organizationIds: ["alpha"]) { token } }',
      {},
      api.adminToken,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(answer)).not.toMatch(/Did you mean/i);
    expect(JSON.stringify(answer)).not.toContain('AUDITOR');
  });

  it('should scope a global verifyIntegrity of an AUDITOR token to its own organisations', async () => {
    const issued = await api.mustQuery<{ issueApiToken: { token: string } }>(
      'mutation { issueApiToken(role: AUDITOR, organizationIds: ["alpha"]) { token } }',
    );
    const whole = await api.mustQuery<{ verifyIntegrity: { checkedEvents: number } }>(
      '{ verifyIntegrity { checkedEvents } }',
    );
    const alphaOnly = await api.mustQuery<{ verifyIntegrity: { checkedEvents: number } }>(
      '{ verifyIntegrity(organizationId: "alpha") { checkedEvents } }',
    );
    const scoped = await api.mustQuery<{ verifyIntegrity: { ok: boolean; checkedEvents: number } }>(
      '{ verifyIntegrity { ok checkedEvents } }',
      {},
      issued.issueApiToken.token,
    );
    expect(scoped.verifyIntegrity.ok).toBe(true);
    expect(scoped.verifyIntegrity.checkedEvents).toBe(alphaOnly.verifyIntegrity.checkedEvents);
    expect(scoped.verifyIntegrity.checkedEvents).toBeLessThan(whole.verifyIntegrity.checkedEvents);
  });
});
