// A new link for one person, or for many at once, over HTTP against the real api and a real SQLite
// file: the old links stop and new ones like them work, in one append; a retry with the same
// commandId gets the same new links; a link that no longer works, an unknown one, or a call on a
// closed assessment is refused with its code and field, and writes nothing.
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const INVITATION = `
  fragment InvitationFields on RaterInvitation {
    id respondentId label source raterFunctionId functionIds capabilityIds expiresAt status
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
}
interface Issued {
  invitation: Invitation;
  token: string;
  link: string;
}

describe('Giving a person a new link (reissueInvitation) over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;
  let old: Issued;
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();

  const reissue = (invitationId: string, commandId?: string) =>
    api.graphql<{ reissueInvitation: Issued }>(
      `mutation($id: ID!, $c: ID) { reissueInvitation(invitationId: $id, commandId: $c) { token link invitation { ...InvitationFields } } } ${INVITATION}`,
      { id: invitationId, c: commandId ?? null },
    );
  const questionnaire = (token: string) =>
    api.graphql<{ questionnaire: { invitationId: string } }>('{ questionnaire { invitationId } }', {}, token);
  const invitations = async () =>
    (
      await api.mustQuery<{ invitations: Invitation[] }>(
        `{ invitations(assessmentId: "spring") { ...InvitationFields } } ${INVITATION}`,
      )
    ).invitations;

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await api.mustQuery('mutation { registerOrganization(input: { id: "hotel", name: "Hotel" }) { id } }');
    for (const functionId of ['front-desk', 'housekeeping', 'maintenance'])
      await api.mustQuery(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "hotel", functionId: $f, name: $n, customerFacing: true }) { id } }',
        { f: functionId, n: functionId },
      );
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "hotel", assessmentId: "spring", title: "Spring", periodEnd: "2025-03-31" }) { id } }',
    );
    const invited = await api.mustQuery<{ inviteRaters: Issued[] }>(
      `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token link invitation { ...InvitationFields } } } ${INVITATION}`,
      {
        input: {
          assessmentId: 'spring',
          expiresAt,
          invitations: [
            {
              respondentId: 'desk-peer',
              label: 'Desk supervisor',
              source: 'PEER',
              raterFunctionId: 'front-desk',
              functionIds: ['housekeeping', 'maintenance'],
              capabilityIds: ['service-recovery'],
            },
          ],
        },
      },
    );
    old = invited.inviteRaters[0]!;
  });
  afterAll(async () => {
    await api.close();
  });

  it('should stop the old link and issue a working one like it, in one append', async () => {
    const before = await store.headPosition();
    const answer = await reissue(old.invitation.id, 'lost-link-1');
    expect(answer.errors).toBeUndefined();
    const issued = answer.data!.reissueInvitation;
    expect(await store.headPosition()).toBe(before + 2);
    // The same person, asked the same, until the same day: only the link is new.
    expect(issued.invitation).toEqual({ ...old.invitation, id: issued.invitation.id, status: 'ACTIVE' });
    expect(issued.invitation.id).not.toBe(old.invitation.id);
    expect(issued.token).not.toBe(old.token);
    expect(decodeURIComponent(issued.link.split('#token=')[1] ?? '')).toBe(issued.token);

    const stopped = await questionnaire(old.token);
    expect(stopped.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await questionnaire(issued.token)).data?.questionnaire.invitationId).toBe(issued.invitation.id);
    expect((await invitations()).map(({ id, status }) => [id, status])).toEqual([
      [old.invitation.id, 'REVOKED'],
      [issued.invitation.id, 'ACTIVE'],
    ]);

    // A retry (the answer lost on the way) gets the same new link and writes nothing.
    const again = await reissue(old.invitation.id, 'lost-link-1');
    expect(again.data?.reissueInvitation.token).toBe(issued.token);
    expect(await store.headPosition()).toBe(before + 2);
  });

  it('should refuse a link that no longer works, or an unknown one, writing nothing', async () => {
    const before = await store.headPosition();
    const revoked = await reissue(old.invitation.id, 'lost-link-2');
    expect(revoked.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'invitationId',
      reason: 'CAMPAIGN.LINK_NOT_WORKING',
    });
    expect(revoked.errors?.[0]?.message).toMatch(/is revoked, not working/);
    const unknown = await reissue('invitation-0000');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'invitationId' });
    expect(await store.headPosition()).toBe(before);
  });

  it('should refuse once the assessment is closed, writing nothing', async () => {
    const [working] = (await invitations()).filter((invitation) => invitation.status === 'ACTIVE');
    await api.mustQuery('mutation { closeAssessment(assessmentId: "spring") { id } }');
    const before = await store.headPosition();
    const refused = await reissue(working!.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'invitationId',
      reason: 'CAMPAIGN.LINK_NOT_WORKING',
    });
    expect(await store.headPosition()).toBe(before);
  });
});

describe('Giving many people new links at once (reissueInvitations) over GraphQL', () => {
  let api: TestApi;
  let store: EventStore;
  let people: Issued[];

  const reissueAll = (invitationIds: string[], commandId?: string) =>
    api.graphql<{ reissueInvitations: Issued[] }>(
      `mutation($a: ID!, $ids: [ID!]!, $c: ID) { reissueInvitations(assessmentId: $a, invitationIds: $ids, commandId: $c) { token link invitation { ...InvitationFields } } } ${INVITATION}`,
      { a: 'autumn', ids: invitationIds, c: commandId ?? null },
    );
  const statuses = async () =>
    (
      await api.mustQuery<{ invitations: Invitation[] }>(
        `{ invitations(assessmentId: "autumn") { ...InvitationFields } } ${INVITATION}`,
      )
    ).invitations.map(({ respondentId, status }) => [respondentId, status]);

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    await api.mustQuery('mutation { registerOrganization(input: { id: "inn", name: "Inn" }) { id } }');
    for (const functionId of ['front-desk', 'kitchen'])
      await api.mustQuery(
        'mutation($f: ID!, $n: String!) { addFunction(input: { organizationId: "inn", functionId: $f, name: $n, customerFacing: true }) { id } }',
        { f: functionId, n: functionId },
      );
    await api.mustQuery(
      'mutation { openAssessment(input: { organizationId: "inn", assessmentId: "autumn", title: "Autumn", periodEnd: "2025-09-30" }) { id } }',
    );
    people = (
      await api.mustQuery<{ inviteRaters: Issued[] }>(
        `mutation($input: InviteRatersInput!) { inviteRaters(input: $input) { token link invitation { ...InvitationFields } } } ${INVITATION}`,
        {
          input: {
            assessmentId: 'autumn',
            invitations: [
              { respondentId: 'desk-lead', source: 'SELF', functionIds: ['front-desk'] },
              { respondentId: 'chef', source: 'SELF', functionIds: ['kitchen'] },
              {
                respondentId: 'guest-1',
                label: 'Guest',
                source: 'CUSTOMER',
                functionIds: ['front-desk', 'kitchen'],
              },
            ],
          },
        },
      )
    ).inviteRaters;
  });
  afterAll(async () => {
    await api.close();
  });

  it('should refuse the whole call when one link no longer works, naming its place, writing nothing', async () => {
    await api.mustQuery('mutation($id: ID!) { revokeInvitation(invitationId: $id) { id } }', {
      id: people[2]!.invitation.id,
    });
    const before = await store.headPosition();
    const refused = await reissueAll(people.map((person) => person.invitation.id));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'invitationIds[2]',
      reason: 'CAMPAIGN.LINK_NOT_WORKING',
    });
    expect(refused.errors?.[0]?.message).toMatch(/^invitationIds\[2\]: the link of invitation .* is revoked/);
    const empty = await reissueAll([]);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invitationIds' });
    expect(await store.headPosition()).toBe(before);
    expect(await statuses()).toEqual([
      ['desk-lead', 'ACTIVE'],
      ['chef', 'ACTIVE'],
      ['guest-1', 'REVOKED'],
    ]);
  });

  it('should stop every named link and issue working ones like them, in one append; a retry gets the same links', async () => {
    const working = people.slice(0, 2);
    const before = await store.headPosition();
    const answer = await reissueAll(
      working.map((person) => person.invitation.id),
      'all-links-lost',
    );
    expect(answer.errors).toBeUndefined();
    const issued = answer.data!.reissueInvitations;
    expect(await store.headPosition()).toBe(before + 4);
    // In the order named; the same people, asked the same: only the links are new.
    expect(issued.map((link) => link.invitation)).toEqual(
      working.map((person, index) => ({ ...person.invitation, id: issued[index]!.invitation.id })),
    );
    for (const [index, person] of working.entries()) {
      expect(
        (await api.graphql('{ questionnaire { invitationId } }', {}, person.token)).errors?.[0]?.extensions
          ?.code,
      ).toBe('UNAUTHENTICATED');
      const link = issued[index]!;
      expect(
        (
          await api.graphql<{ questionnaire: { invitationId: string } }>(
            '{ questionnaire { invitationId } }',
            {},
            link.token,
          )
        ).data?.questionnaire.invitationId,
      ).toBe(link.invitation.id);
    }
    expect(await statuses()).toEqual([
      ['desk-lead', 'REVOKED'],
      ['chef', 'REVOKED'],
      ['guest-1', 'REVOKED'],
      ['desk-lead', 'ACTIVE'],
      ['chef', 'ACTIVE'],
    ]);

    const again = await reissueAll(
      working.map((person) => person.invitation.id),
      'all-links-lost',
    );
    expect(again.data?.reissueInvitations.map((link) => link.token)).toEqual(
      issued.map((link) => link.token),
    );
    expect(await store.headPosition()).toBe(before + 4);
  });
});
