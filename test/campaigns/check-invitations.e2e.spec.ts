// Checking a list of people before inviting them (a people file's preview): checkInvitations
// answers every person inviteRaters would refuse, all at once, each with their place in the list,
// the field and the words inviteRaters uses (a forgotten respondent included), and invites nobody.
import { startTestApi, type TestApi } from '../support/test-api';
import { openFrontDeskAssessment } from '../personal-data/personal-data-fixtures';

const ORGANIZATION = 'check-invite-hotel';
const ASSESSMENT = 'check-invite-q1';
const CHECK =
  'query($input: InviteRatersInput!) { checkInvitations(input: $input) { index field code reason message } }';

interface Refusal {
  index: number;
  field: string | null;
  code: string;
  reason: string;
  message: string;
}

describe('checkInvitations: every person a list of people would be refused for, at once', () => {
  let api: TestApi;

  const check = async (invitations: unknown[]): Promise<Refusal[]> =>
    (
      await api.mustQuery<{ checkInvitations: Refusal[] }>(CHECK, {
        input: { assessmentId: ASSESSMENT, invitations },
      })
    ).checkInvitations;

  beforeAll(async () => {
    api = await startTestApi();
    await openFrontDeskAssessment(api, ORGANIZATION, ASSESSMENT);
    await api.mustQuery(
      `mutation { inviteRaters(input: { assessmentId: "${ASSESSMENT}", invitations: [{ respondentId: "guest-tuesday", label: "Regular guest Tuesday", source: CUSTOMER, functionIds: ["front-desk"] }] }) { token } }`,
    );
    await api.mustQuery(
      `mutation { forgetRespondent(organizationId: "${ORGANIZATION}", respondentId: "guest-tuesday", reason: "request 2026-301") }`,
    );
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('should name every refused person with their place, field and the words inviteRaters uses, inviting nobody', async () => {
    const refusals = await check([
      { label: 'Night lead', source: 'SELF', functionIds: ['front-desk'] },
      { label: 'Chef', source: 'SELF', functionIds: ['kitchen'] },
      { label: 'Porter', source: 'PEER', functionIds: ['front-desk'] },
      {
        respondentId: 'guest-tuesday',
        label: 'Tuesday guest',
        source: 'CUSTOMER',
        functionIds: ['front-desk'],
      },
      { label: 'Auditor', source: 'AUDIT', functionIds: ['front-desk'] },
    ]);
    expect(refusals.map(({ index, field, code, reason }) => ({ index, field, code, reason }))).toEqual([
      {
        index: 1,
        field: 'invitations[1].functionIds[0]',
        code: 'NOT_FOUND',
        reason: 'ORGANIZATION.FUNCTION_NOT_FOUND',
      },
      {
        index: 2,
        field: 'invitations[2].raterFunctionId',
        code: 'BAD_USER_INPUT',
        reason: expect.any(String),
      },
      {
        index: 3,
        field: 'invitations[3].respondentId',
        code: 'CONFLICT',
        reason: 'PERSONAL_DATA.RESPONDENT_FORGOTTEN',
      },
    ]);
    expect(refusals[0]?.message).toMatch(/^invitations\[1\]\.functionIds\[0\]: .*kitchen/);
    expect(refusals[2]?.message).toMatch(
      /^invitations\[3\]\.respondentId: “Tuesday guest” \(respondent "guest-tuesday"\) was forgotten on \d{4}-\d\d-\d\d and cannot be invited again/,
    );
    // The same words as inviteRaters itself, which stops at the first.
    const sent = await api.graphql(
      `mutation { inviteRaters(input: { assessmentId: "${ASSESSMENT}", invitations: [{ respondentId: "guest-tuesday", label: "Tuesday guest", source: CUSTOMER, functionIds: ["front-desk"] }] }) { token } }`,
    );
    expect(sent.errors?.[0]?.message).toBe(refusals[2]?.message.replace('invitations[3]', 'invitations[0]'));

    const { invitations } = await api.mustQuery<{ invitations: unknown[] }>(
      `{ invitations(assessmentId: "${ASSESSMENT}") { id } }`,
    );
    expect(invitations).toHaveLength(1);
  });

  it('should name a person listed twice, which only the list as a whole shows, and answer nothing for a good list', async () => {
    const twice = await check([
      { respondentId: 'night-lead', source: 'SELF', functionIds: ['front-desk'] },
      { respondentId: 'night-lead', source: 'SELF', functionIds: ['front-desk'] },
    ]);
    expect(twice).toEqual([expect.objectContaining({ index: 1, field: 'invitations[1].respondentId' })]);
    await expect(check([{ source: 'AUDIT', functionIds: ['front-desk'] }])).resolves.toEqual([]);
  });

  it('should refuse a call nobody could be invited by as an error, naming the field', async () => {
    const answer = await api.graphql(CHECK, { input: { assessmentId: 'no-such-q', invitations: [] } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'assessmentId' });
  });
});
