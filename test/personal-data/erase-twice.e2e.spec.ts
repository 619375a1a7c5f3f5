// Erasing evidence that is already erased (docs/reference/personal-data.md): redactEvidence is
// refused with CONFLICT (PERSONAL_DATA.ALREADY_ERASED, naming capabilityId) and records nothing,
// whether an earlier redaction or forgetting the respondent erased it; the same command sent again
// (same commandId) still answers as the repeat it is. Forgetting a respondent forgotten before is
// refused the same way, naming respondentId.
import { startTestApi, type TestApi } from '../support/test-api';
import { openFrontDeskAssessment } from './personal-data-fixtures';

const RATING = `mutation($capabilityId: ID!, $respondentId: ID, $evidence: String) {
  recordRating(input: { assessmentId: "twice-q1", functionId: "front-desk", capabilityId: $capabilityId, level: 3, source: CUSTOMER, respondentId: $respondentId, evidence: $evidence }) { id } }`;
const REDACT = `mutation($capabilityId: ID!, $respondentId: ID, $commandId: ID!) {
  redactEvidence(input: { assessmentId: "twice-q1", functionId: "front-desk", capabilityId: $capabilityId, source: CUSTOMER, respondentId: $respondentId, reason: "wrong paste", commandId: $commandId }) }`;

interface History {
  history: { edges: { node: { type: string } }[] };
}

describe('redactEvidence on evidence already erased', () => {
  let api: TestApi;

  const eventCount = async (): Promise<{ all: number; redacted: number }> => {
    const { history } = await api.mustQuery<History>(
      '{ history(organizationId: "twice-hotel", first: 200) { edges { node { type } } } }',
    );
    return {
      all: history.edges.length,
      redacted: history.edges.filter((edge) => edge.node.type === 'EvidenceRedacted').length,
    };
  };

  beforeAll(async () => {
    api = await startTestApi();
    await openFrontDeskAssessment(api, 'twice-hotel', 'twice-q1');
    await api.mustQuery(RATING, {
      capabilityId: 'customer-insight',
      respondentId: 'carol-r1',
      evidence: 'x',
    });
    await api.mustQuery(RATING, { capabilityId: 'service-recovery', respondentId: 'dave-r2', evidence: 'y' });
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('should refuse a second redaction naming the field, and write no second event', async () => {
    const variables = { capabilityId: 'customer-insight', respondentId: 'carol-r1' };
    await api.mustQuery(REDACT, { ...variables, commandId: 'redact-first' });
    const before = await eventCount();
    expect(before.redacted).toBe(1);

    const again = await api.graphql(REDACT, { ...variables, commandId: 'redact-second' });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERSONAL_DATA.ALREADY_ERASED',
      field: 'capabilityId',
    });
    expect(again.errors?.[0]?.message).toMatch(/already erased/);
    expect(await eventCount()).toEqual(before);

    // The first command sent again is a repeat (a crash between recording and destroying is mended
    // this way), not a refusal.
    const repeat = await api.mustQuery<{ redactEvidence: boolean }>(REDACT, {
      ...variables,
      commandId: 'redact-first',
    });
    expect(repeat.redactEvidence).toBe(true);
    expect(await eventCount()).toEqual(before);
  }, 60_000);

  it("should refuse it once the evidence's respondent is forgotten, and write no event", async () => {
    await api.mustQuery(
      'mutation { forgetRespondent(organizationId: "twice-hotel", respondentId: "dave-r2", reason: "request 2026-7", commandId: "forget-dave") }',
    );
    const before = await eventCount();
    const refused = await api.graphql(REDACT, {
      capabilityId: 'service-recovery',
      respondentId: 'dave-r2',
      commandId: 'redact-dave',
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERSONAL_DATA.ALREADY_ERASED',
      field: 'capabilityId',
    });
    expect(await eventCount()).toEqual(before);
  }, 60_000);

  it('should refuse forgetting a respondent forgotten before, and write no event', async () => {
    const forget = (commandId: string) =>
      api.graphql<{ forgetRespondent: boolean }>(
        `mutation { forgetRespondent(organizationId: "twice-hotel", respondentId: "dave-r2", reason: "request 2026-8", commandId: "${commandId}") }`,
      );
    const before = await eventCount();
    const refused = await forget('forget-dave-again');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERSONAL_DATA.ALREADY_ERASED',
      field: 'respondentId',
    });
    expect(refused.errors?.[0]?.message).toMatch(/already forgotten/);
    expect(await eventCount()).toEqual(before);

    // The first forgetting sent again is still a repeat, answered as before.
    const repeat = await forget('forget-dave');
    expect(repeat.data?.forgetRespondent).toBe(true);
    expect(await eventCount()).toEqual(before);
  }, 60_000);
});
