// Invitation labels are sealed like evidence (docs/reference/personal-data.md): the office's note
// about a person is in no file under DATA_DIR once invited, reads back as written, and after
// forgetRespondent reads null with labelErased in the invitations, the history and the cli's
// campaign table, while the other respondents' labels stay and verifyIntegrity still passes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { assessmentStream } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { filesContaining } from '@app/key-store/testing';
import { startTestApi, type TestApi } from '../support/test-api';
import { buildCli, runCli } from '../audit/cli-runner';

const CAROL_LABEL = `Carol Jones ${randomUUID()}, night shift lead`;
const CAROL_EVIDENCE = `Carol ${randomUUID()} says the night queue is long`;
const DAVE_LABEL = `Dave ${randomUUID()}, housekeeping`;
const ERIN_LABEL = `Erin ${randomUUID()}, guest panel`;

interface InvitationAnswer {
  respondentId: string;
  label: string | null;
  labelErased: boolean;
}
interface HistoryAnswer {
  history: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
}

const QUESTIONNAIRE = `{ questionnaire { questions { capabilityId answer evidence } } }`;

describe('Invitation labels: sealed at invitation, erased with the respondent', () => {
  let api: TestApi;
  let workspace: string;
  let carolToken: string;

  const invitations = async (): Promise<InvitationAnswer[]> =>
    (
      await api.mustQuery<{ invitations: InvitationAnswer[] }>(
        `{ invitations(assessmentId: "label-q1") { respondentId label labelErased } }`,
      )
    ).invitations;

  beforeAll(async () => {
    buildCli();
    workspace = mkdtempSync(path.join(tmpdir(), 'maturity-label-'));
    api = await startTestApi();
    await api.mustQuery(
      `mutation { registerOrganization(input: { id: "label-hotel", name: "Label Hotel" }) { id } }`,
    );
    await api.mustQuery(
      `mutation { addFunction(input: { organizationId: "label-hotel", functionId: "front-desk", name: "Front desk", customerFacing: true }) { id } }`,
    );
    await api.mustQuery(
      `mutation { openAssessment(input: { organizationId: "label-hotel", assessmentId: "label-q1", title: "Q1", periodEnd: "2025-03-31" }) { id } }`,
    );
    const { inviteRaters } = await api.mustQuery<{
      inviteRaters: { token: string; invitation: InvitationAnswer }[];
    }>(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token invitation { respondentId label labelErased } } }`,
      {
        input: {
          assessmentId: 'label-q1',
          invitations: [
            { respondentId: 'carol-r1', label: CAROL_LABEL, source: 'SELF', functionIds: ['front-desk'] },
            { respondentId: 'dave-r2', label: DAVE_LABEL, source: 'CUSTOMER', functionIds: ['front-desk'] },
          ],
        },
      },
    );
    // The answer to the office shows the labels it just wrote.
    expect(inviteRaters.map((issued) => issued.invitation)).toEqual([
      { respondentId: 'carol-r1', label: CAROL_LABEL, labelErased: false },
      { respondentId: 'dave-r2', label: DAVE_LABEL, labelErased: false },
    ]);
    carolToken = inviteRaters[0]?.token ?? '';
    await api.mustQuery(
      `mutation { answerQuestion(input: { functionId: "front-desk", capabilityId: "customer-insight", level: 2, evidence: ${JSON.stringify(CAROL_EVIDENCE)} }) { answered } }`,
      {},
      carolToken,
    );
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('should keep no label in the clear under DATA_DIR, and read it back as written', async () => {
    expect(filesContaining(api.dataDir, CAROL_LABEL)).toEqual([]);
    expect(filesContaining(api.dataDir, DAVE_LABEL)).toEqual([]);
    expect(await invitations()).toEqual([
      { respondentId: 'carol-r1', label: CAROL_LABEL, labelErased: false },
      { respondentId: 'dave-r2', label: DAVE_LABEL, labelErased: false },
    ]);
  });

  it("should read a forgotten respondent's label as null with labelErased everywhere, leaving no trace", async () => {
    await api.mustQuery(
      `mutation { forgetRespondent(organizationId: "label-hotel", respondentId: "carol-r1", reason: "request 2026-114", commandId: "forget-label-1") }`,
    );

    expect(await invitations()).toEqual([
      { respondentId: 'carol-r1', label: null, labelErased: true },
      { respondentId: 'dave-r2', label: DAVE_LABEL, labelErased: false },
    ]);
    const { history } = await api.mustQuery<HistoryAnswer>(
      `{ history(organizationId: "label-hotel", first: 50) { edges { node { type data } } } }`,
    );
    const invited = history.edges.filter((edge) => edge.node.type === 'RaterInvited');
    expect(
      invited.map((edge) => [edge.node.data.respondentId, edge.node.data.label, edge.node.data.labelErased]),
    ).toEqual([
      ['carol-r1', null, true],
      ['dave-r2', DAVE_LABEL, undefined],
    ]);
    // The rater's own link no longer shows what they answered (forgotten-respondent-link.e2e.spec.ts).
    const refused = await api.graphql(QUESTIONNAIRE, {}, carolToken);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('AUTH.RESPONDENT_FORGOTTEN');
    expect(JSON.stringify(refused)).not.toContain(CAROL_EVIDENCE);

    const { verifyIntegrity } = await api.mustQuery<{ verifyIntegrity: { ok: boolean } }>(
      `{ verifyIntegrity { ok } }`,
    );
    expect(verifyIntegrity.ok).toBe(true);

    // Forgetting revoked the link: the campaign lists it with --all, as every revoked one.
    const campaign = await runCli(api.dataDir, ['campaign', '--assessment', 'label-q1', '--all']);
    expect(campaign.code).toBe(0);
    expect(campaign.stdout).toMatch(/carol-r1\s+\(erased\)\s+SELF\s+REVOKED/);
    expect(campaign.stdout).toContain(DAVE_LABEL);

    const exported = path.join(workspace, 'export.ndjson');
    expect((await runCli(api.dataDir, ['export', exported])).code).toBe(0);
    expect((await runCli(api.dataDir, ['backup', path.join(workspace, 'backup.db')])).code).toBe(0);
    for (const place of [api.dataDir, workspace]) {
      expect(filesContaining(place, CAROL_LABEL)).toEqual([]);
      expect(filesContaining(place, CAROL_EVIDENCE)).toEqual([]);
    }
  }, 120_000);

  it("should refuse to invite a forgotten respondent again from last cycle's list, naming the person, inviting nobody", async () => {
    await api.mustQuery(
      `mutation { openAssessment(input: { organizationId: "label-hotel", assessmentId: "label-q2", title: "Q2", periodEnd: "2025-06-30" }) { id } }`,
    );
    // Last cycle's links file names everyone with their respondent id, the forgotten one too.
    for (const label of [CAROL_LABEL, null]) {
      const refused = await api.graphql(
        `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token } }`,
        {
          input: {
            assessmentId: 'label-q2',
            invitations: [
              { respondentId: 'dave-r2', label: DAVE_LABEL, source: 'CUSTOMER', functionIds: ['front-desk'] },
              { respondentId: 'carol-r1', label, source: 'SELF', functionIds: ['front-desk'] },
            ],
          },
        },
      );
      const [error] = refused.errors ?? [];
      expect(error?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PERSONAL_DATA.RESPONDENT_FORGOTTEN',
        field: 'invitations[1].respondentId',
      });
      // An invitation, not "the respondent of this rating"; and without a label it was refused too.
      expect(error?.message).toMatch(
        /^invitations\[1\]\.respondentId: .*respondent "carol-r1"\)? was forgotten on \d{4}-\d{2}-\d{2} and cannot be invited again; nobody was invited\. Remove this person, or leave their respondent empty so they get a new id$/,
      );
      expect(error?.message).not.toMatch(/rating/);
    }
    const { invitations: invitedInQ2 } = await api.mustQuery<{ invitations: InvitationAnswer[] }>(
      `{ invitations(assessmentId: "label-q2") { respondentId label labelErased } }`,
    );
    expect(invitedInQ2).toEqual([]);
  });

  it('should refuse to forget a respondent whose label was stored in the clear before labels were sealed, erasing nothing', async () => {
    // A store written before labels were sealed: the event holds the label as plain text.
    const store = api.app.get<EventStore>(EVENT_STORE);
    const stream = assessmentStream('label-q1');
    const last = (await store.readStream(stream)).at(-1);
    await store.append(
      stream,
      [
        {
          id: randomUUID(),
          type: 'RaterInvited',
          data: {
            assessmentId: 'label-q1',
            organizationId: 'label-hotel',
            invitationId: 'invitation-written-before-sealing',
            respondentId: 'erin-r3',
            label: ERIN_LABEL,
            source: 'CUSTOMER',
            raterFunctionId: null,
            functionIds: ['front-desk'],
            capabilityIds: ['service-recovery'],
            expiresAt: null,
            secretHash: '0'.repeat(64),
            invitedAt: '2026-01-05T09:00:00.000Z',
          },
          metadata: { actor: 'an earlier version', role: 'ADMIN' },
        },
      ],
      { expectedRevision: last?.revision ?? 'no_stream' },
    );

    const refused = await api.graphql(
      `mutation { forgetRespondent(organizationId: "label-hotel", respondentId: "erin-r3", reason: "request 2026-115") }`,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERSONAL_DATA.RECORDED_BEFORE_SEALING',
    });
    expect(await invitations()).toContainEqual({
      respondentId: 'erin-r3',
      label: ERIN_LABEL,
      labelErased: false,
    });
  });
});
