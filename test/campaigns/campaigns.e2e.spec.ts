// Assessment campaigns over HTTP against the real api and a real SQLite file: the office invites
// raters (atomically, idempotently), raters answer with their link (role RATER) only their own
// questions, progress follows, revocation, expiry and closing stop the link as they should, and
// every refusal names its code and field and writes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const INVITATION = `
  fragment InvitationFields on RaterInvitation {
    id assessmentId respondentId label source raterFunctionId functionIds capabilityIds
    expiresAt status answered expected lastAnsweredAt invitedAt revokedAt
  }`;
const QUESTIONNAIRE = `
  fragment QuestionnaireFields on Questionnaire {
    invitationId assessmentId organizationName title periodEnd source raterFunctionId raterFunctionName
    status open answered expected
    questions { functionId functionName capabilityId capabilityName answer evidence levels { value name description } }
  }`;

interface Invitation {
  id: string;
  respondentId: string;
  label: string | null;
  source: string;
  raterFunctionId: string | null;
  functionIds: string[];
  capabilityIds: string[];
  expiresAt: string | null;
  status: string;
  answered: number;
  expected: number;
  lastAnsweredAt: string | null;
  revokedAt: string | null;
}
interface Issued {
  invitation: Invitation;
  token: string;
  link: string;
}
interface Questionnaire {
  invitationId: string;
  organizationName: string;
  title: string;
  source: string;
  raterFunctionName: string | null;
  status: string;
  open: boolean;
  answered: number;
  expected: number;
  questions: {
    functionId: string;
    functionName: string;
    capabilityId: string;
    capabilityName: string;
    answer: number | null;
    evidence: string | null;
    levels: { value: number; name: string; description: string | null }[];
  }[];
}

describe('Assessment campaigns over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;
  const head = (): Promise<number> => store.headPosition();

  const invite = (input: Record<string, unknown>, token?: string) =>
    api.graphql<{ inviteRaters: Issued[] }>(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token link invitation { ...InvitationFields } } } ${INVITATION}`,
      { input },
      token,
    );
  const answer = (token: string, input: Record<string, unknown>) =>
    api.graphql<{ answerQuestion: Questionnaire }>(
      `mutation($input: AnswerInput!) { answerQuestion(input: $input) { ...QuestionnaireFields } } ${QUESTIONNAIRE}`,
      { input },
      token,
    );
  const questionnaire = (token: string) =>
    api.graphql<{ questionnaire: Questionnaire }>(
      `{ questionnaire { ...QuestionnaireFields } } ${QUESTIONNAIRE}`,
      {},
      token,
    );
  const invitations = async (assessmentId: string) =>
    (
      await api.mustQuery<{ invitations: Invitation[] }>(
        `query($id: ID!) { invitations(assessmentId: $id) { ...InvitationFields } } ${INVITATION}`,
        { id: assessmentId },
      )
    ).invitations;

  async function organization(id: string): Promise<void> {
    await api.mustQuery(
      `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
      {
        input: { id, name: `Hotel ${id}` },
      },
    );
    for (const [functionId, name, customerFacing] of [
      ['front-desk', 'Front desk', true],
      ['housekeeping', 'Housekeeping', false],
      ['maintenance', 'Maintenance', false],
    ] as const) {
      await api.mustQuery(`mutation($input: AddFunctionInput!) { addFunction(input: $input) { id } }`, {
        input: { organizationId: id, functionId, name, customerFacing },
      });
    }
  }
  async function openAssessment(organizationId: string, assessmentId: string): Promise<void> {
    await api.mustQuery(`mutation($input: OpenAssessmentInput!) { openAssessment(input: $input) { id } }`, {
      input: { organizationId, assessmentId, title: 'Spring review', periodEnd: '2025-03-31' },
    });
  }

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await organization('hotel');
    await openAssessment('hotel', 'spring');
  });
  afterAll(async () => {
    await api.close();
  });

  describe('inviting', () => {
    let issued: Issued[];

    beforeAll(async () => {
      const answer = await invite({
        assessmentId: 'spring',
        invitations: [
          {
            respondentId: 'night-lead',
            label: 'Night shift lead',
            source: 'SELF',
            functionIds: ['housekeeping'],
          },
          {
            label: 'Desk supervisor',
            source: 'PEER',
            raterFunctionId: 'front-desk',
            functionIds: ['housekeeping', 'maintenance'],
            capabilityIds: ['service-recovery', 'cross-functional-cooperation'],
          },
          {
            respondentId: 'guest-1',
            source: 'CUSTOMER',
            functionIds: ['front-desk'],
            capabilityIds: ['customer-insight'],
          },
        ],
      });
      expect(answer.errors).toBeUndefined();
      issued = answer.data?.inviteRaters ?? [];
    });

    it('should issue one link per person, with the defaults of the rules', () => {
      expect(
        issued.map(({ invitation }) => [
          invitation.respondentId.startsWith('respondent-') ? 'made' : invitation.respondentId,
          invitation.source,
          invitation.raterFunctionId,
          invitation.expected,
          invitation.status,
        ]),
      ).toEqual([
        ['night-lead', 'SELF', null, 11, 'ACTIVE'],
        ['made', 'PEER', 'front-desk', 4, 'ACTIVE'],
        ['guest-1', 'CUSTOMER', null, 1, 'ACTIVE'],
      ]);
      expect(issued[0]?.invitation.capabilityIds).toHaveLength(11);
      for (const { invitation, token, link } of issued) {
        expect(token.startsWith(`${invitation.id}.`)).toBe(true);
        expect(link).toBe(`${api.baseUrl}/rate#token=${encodeURIComponent(token)}`);
      }
    });

    it('should keep only the hash of each secret, nowhere the secret itself', () => {
      const secrets = issued.map(({ token }) => token.slice(token.indexOf('.') + 1));
      for (const file of readdirSync(api.dataDir, { recursive: true, withFileTypes: true })) {
        if (!file.isFile()) continue;
        const content = readFileSync(path.join(file.parentPath, file.name)).toString('latin1');
        for (const secret of secrets) expect(content.includes(secret)).toBe(false);
      }
    });

    it('should list the invitations without secrets, in invitation order', async () => {
      const listed = await invitations('spring');
      expect(listed.map((invitation) => invitation.id)).toEqual(
        issued.map(({ invitation }) => invitation.id),
      );
      expect(listed[0]).toMatchObject({ label: 'Night shift lead', answered: 0, lastAnsweredAt: null });
    });

    it('should answer a retry of the same command with the same links and append nothing', async () => {
      const input = {
        assessmentId: 'spring',
        invitations: [{ respondentId: 'auditor-1', source: 'AUDIT', functionIds: ['maintenance'] }],
        commandId: 'invite-auditor-1',
      };
      const first = await invite(input);
      const before = await head();
      const second = await invite(input);
      expect(await head()).toBe(before);
      expect(second.errors).toBeUndefined();
      expect(second.data?.inviteRaters).toEqual(first.data?.inviteRaters);
    });

    it.each([
      [
        'an unknown function',
        { source: 'CUSTOMER', functionIds: ['spa'] },
        'NOT_FOUND',
        'invitations[1].functionIds[0]',
      ],
      [
        'an unknown capability',
        { source: 'CUSTOMER', functionIds: ['front-desk'], capabilityIds: ['telepathy'] },
        'NOT_FOUND',
        'invitations[1].capabilityIds[0]',
      ],
      [
        'PEER without a rater function',
        { source: 'PEER', functionIds: ['front-desk'] },
        'BAD_USER_INPUT',
        'invitations[1].raterFunctionId',
      ],
      [
        'SELF with two functions',
        { source: 'SELF', functionIds: ['front-desk', 'housekeeping'] },
        'BAD_USER_INPUT',
        'invitations[1].functionIds',
      ],
      [
        'a duplicate respondent',
        { respondentId: 'first-person', source: 'AUDIT', functionIds: ['front-desk'] },
        'BAD_USER_INPUT',
        'invitations[1].respondentId',
      ],
    ])(
      'should refuse %s, writing nothing, not even the valid invitation before it',
      async (_case, second, code, field) => {
        const before = await head();
        const answer = await invite({
          assessmentId: 'spring',
          invitations: [
            { respondentId: 'first-person', source: 'AUDIT', functionIds: ['front-desk'] },
            second,
          ],
        });
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
        expect(await head()).toBe(before);
      },
    );

    it('should refuse an expiresAt already passed, naming it', async () => {
      const before = await head();
      const answer = await invite({
        assessmentId: 'spring',
        invitations: [{ source: 'AUDIT', functionIds: ['front-desk'] }],
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
      expect(await head()).toBe(before);
    });
  });

  describe('answering', () => {
    let peer: Issued;

    beforeAll(async () => {
      const answer = await invite({
        assessmentId: 'spring',
        invitations: [
          {
            respondentId: 'desk-lead',
            source: 'PEER',
            raterFunctionId: 'front-desk',
            functionIds: ['housekeeping'],
            capabilityIds: ['service-recovery', 'cross-functional-cooperation', 'customer-insight'],
          },
        ],
      });
      const [first] = answer.data?.inviteRaters ?? [];
      if (!first) throw new Error(JSON.stringify(answer.errors));
      peer = first;
    });

    it("should show the rater their questionnaire: each level's name and the capability's descriptor", async () => {
      const { data } = await questionnaire(peer.token);
      const { maturityModels } = await api.mustQuery<{
        maturityModels: {
          capabilities: { id: string; name: string; descriptors: string[] }[];
          levels: { name: string }[];
        }[];
      }>('{ maturityModels { levels { name } capabilities { id name descriptors } } }');
      const model = maturityModels[0];
      const serviceRecovery = model?.capabilities.find((capability) => capability.id === 'service-recovery');
      expect(data?.questionnaire).toMatchObject({
        organizationName: 'Hotel hotel',
        title: 'Spring review',
        source: 'PEER',
        raterFunctionName: 'Front desk',
        status: 'ACTIVE',
        open: true,
        answered: 0,
        expected: 3,
      });
      expect(data?.questionnaire.questions[0]).toEqual({
        functionId: 'housekeeping',
        functionName: 'Housekeeping',
        capabilityId: 'service-recovery',
        capabilityName: serviceRecovery?.name,
        answer: null,
        evidence: null,
        levels: model?.levels.map((level, index) => ({
          value: index + 1,
          name: level.name,
          description: serviceRecovery?.descriptors[index],
        })),
      });
    });

    it('should record an answer as a rating with the invitation’s source, rater and respondent, actor the invitation', async () => {
      const before = await head();
      const { data, errors } = await answer(peer.token, {
        functionId: 'housekeeping',
        capabilityId: 'service-recovery',
        level: 2,
        evidence: 'Rooms late three mornings a week',
        commandId: 'answer-1',
      });
      expect(errors).toBeUndefined();
      expect(data?.answerQuestion).toMatchObject({ answered: 1, expected: 3 });
      expect(data?.answerQuestion.questions[0]).toMatchObject({
        answer: 2,
        evidence: 'Rooms late three mornings a week',
      });
      const events = await store.readAll({ after: before });
      expect(JSON.stringify(events)).not.toContain('Rooms late');
      expect(
        events.map(({ type, data: eventData, metadata }) => ({
          type,
          data: eventData,
          actor: metadata.actor,
          role: metadata.role,
        })),
      ).toEqual([
        {
          type: 'RatingRecorded',
          data: {
            assessmentId: 'spring',
            organizationId: 'hotel',
            functionId: 'housekeeping',
            capabilityId: 'service-recovery',
            level: 2,
            source: 'PEER',
            raterFunctionId: 'front-desk',
            respondentId: 'desk-lead',
            // Personal text: sealed with the respondent's own key before it is stored.
            evidence: expect.objectContaining({ key: 'hotel/respondent/desk-lead' }) as unknown,
          },
          actor: peer.invitation.id,
          role: 'RATER',
        },
      ]);
    });

    it('should record a repeated answer (same commandId: a double click, a retry) once', async () => {
      const before = await head();
      const input = {
        functionId: 'housekeeping',
        capabilityId: 'customer-insight',
        level: 3,
        commandId: 'answer-2',
      };
      const [first, second] = await Promise.all([answer(peer.token, input), answer(peer.token, input)]);
      expect(first.errors).toBeUndefined();
      expect(second.errors).toBeUndefined();
      expect(await head()).toBe(before + 1);
      // The same commandId from another rater of the assessment is another answer.
      const other = await invite({
        assessmentId: 'spring',
        invitations: [
          {
            respondentId: 'desk-second',
            source: 'PEER',
            raterFunctionId: 'front-desk',
            functionIds: ['housekeeping'],
          },
        ],
      });
      const otherToken = other.data?.inviteRaters[0]?.token ?? '';
      const afterInvite = await head();
      expect((await answer(otherToken, input)).errors).toBeUndefined();
      expect(await head()).toBe(afterInvite + 1);
    });

    it('should let the rater change an answer: the latest counts', async () => {
      await answer(peer.token, { functionId: 'housekeeping', capabilityId: 'service-recovery', level: 4 });
      const { data } = await questionnaire(peer.token);
      expect(data?.questionnaire.questions[0]?.answer).toBe(4);
      expect(data?.questionnaire.answered).toBe(2);
      const [listed] = (await invitations('spring')).filter(
        (invitation) => invitation.id === peer.invitation.id,
      );
      expect(listed).toMatchObject({ answered: 2, expected: 3 });
      expect(Date.parse(listed?.lastAnsweredAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    });

    it('should refuse a question of another cell as FORBIDDEN, naming the field, writing nothing', async () => {
      const before = await head();
      const other = await answer(peer.token, {
        functionId: 'maintenance',
        capabilityId: 'service-recovery',
        level: 2,
      });
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'functionId' });
      const notAsked = await answer(peer.token, {
        functionId: 'housekeeping',
        capabilityId: 'self-service',
        level: 2,
      });
      expect(notAsked.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'capabilityId' });
      const badLevel = await answer(peer.token, {
        functionId: 'housekeeping',
        capabilityId: 'self-service',
        level: 9,
      });
      expect(badLevel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await head()).toBe(before);
    });

    it('should refuse the rater every other operation, and staff tokens the questionnaire', async () => {
      const me = await api.graphql('{ me { role } }', {}, peer.token);
      expect(me.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const record = await api.graphql(
        'mutation { recordRating(input: { assessmentId: "spring", functionId: "housekeeping", capabilityId: "service-recovery", level: 5, source: SELF }) { id } }',
        {},
        peer.token,
      );
      expect(record.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asAdmin = await questionnaire(api.adminToken);
      expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('should count progress by function and overall', async () => {
      const { campaignProgress } = await api.mustQuery<{
        campaignProgress: {
          invited: number;
          started: number;
          completed: number;
          answered: number;
          expected: number;
          byFunction: { functionId: string; answered: number; expected: number }[];
        };
      }>(
        '{ campaignProgress(assessmentId: "spring") { invited started completed answered expected byFunction { functionId answered expected } } }',
      );
      // night-lead 0/11, the peer 0/4, guest-1 0/1, auditor-1 0/11, desk-lead 2/3, desk-second 1/11.
      expect(campaignProgress).toEqual({
        invited: 6,
        started: 2,
        completed: 0,
        answered: 3,
        expected: 41,
        byFunction: [
          { functionId: 'front-desk', answered: 0, expected: 1 },
          { functionId: 'housekeeping', answered: 3, expected: 27 },
          { functionId: 'maintenance', answered: 0, expected: 13 },
        ],
      });
    });
  });

  describe('stopping a link', () => {
    it('should refuse a revoked link as UNAUTHENTICATED at once, and revoking again changes nothing', async () => {
      const issued = await invite({
        assessmentId: 'spring',
        invitations: [{ respondentId: 'to-revoke', source: 'AUDIT', functionIds: ['front-desk'] }],
      });
      const { token, invitation } = issued.data?.inviteRaters[0] ?? { token: '', invitation: { id: '' } };
      expect((await questionnaire(token)).errors).toBeUndefined();
      const revoke = `mutation($id: ID!) { revokeInvitation(invitationId: $id) { status revokedAt } }`;
      const revoked = await api.mustQuery<{ revokeInvitation: { status: string; revokedAt: string } }>(
        revoke,
        { id: invitation.id },
      );
      expect(revoked.revokeInvitation.status).toBe('REVOKED');
      const refused = await questionnaire(token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.message).toMatch(/no longer works/);
      const before = await head();
      expect(
        (await api.mustQuery<{ revokeInvitation: { status: string } }>(revoke, { id: invitation.id }))
          .revokeInvitation.status,
      ).toBe('REVOKED');
      expect(await head()).toBe(before);
      const unknown = await api.graphql(revoke, { id: 'invitation-0000' });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'invitationId' });
    });

    it('should refuse an expired link as UNAUTHENTICATED', async () => {
      const issued = await invite({
        assessmentId: 'spring',
        invitations: [{ respondentId: 'short-lived', source: 'AUDIT', functionIds: ['front-desk'] }],
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      });
      const token = issued.data?.inviteRaters[0]?.token ?? '';
      expect((await questionnaire(token)).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const refused = await answer(token, {
        functionId: 'front-desk',
        capabilityId: 'service-recovery',
        level: 3,
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.message).toMatch(/expired/);
    });

    it('should show a closed assessment read-only and refuse answers (CONFLICT), and refuse new invitations', async () => {
      await openAssessment('hotel', 'summer');
      const issued = await invite({
        assessmentId: 'summer',
        invitations: [
          {
            respondentId: 'closer',
            source: 'SELF',
            functionIds: ['maintenance'],
            capabilityIds: ['self-service'],
          },
        ],
      });
      const token = issued.data?.inviteRaters[0]?.token ?? '';
      expect(
        (await answer(token, { functionId: 'maintenance', capabilityId: 'self-service', level: 3 })).errors,
      ).toBeUndefined();
      await api.mustQuery('mutation { closeAssessment(assessmentId: "summer") { status } }');
      const { data } = await questionnaire(token);
      expect(data?.questionnaire).toMatchObject({ status: 'CLOSED', open: false, answered: 1 });
      expect(data?.questionnaire.questions[0]?.answer).toBe(3);
      const before = await head();
      const refused = await answer(token, {
        functionId: 'maintenance',
        capabilityId: 'self-service',
        level: 4,
      });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'assessmentId' });
      const late = await invite({
        assessmentId: 'summer',
        invitations: [{ source: 'AUDIT', functionIds: ['front-desk'] }],
      });
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'assessmentId' });
      expect(await head()).toBe(before);
      expect((await invitations('summer'))[0]?.status).toBe('CLOSED');
    });
  });
});
