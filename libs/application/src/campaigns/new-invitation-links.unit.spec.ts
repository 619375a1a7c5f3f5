import { hashSecret } from '../api-tokens/api-token-secrets';
import { SYSTEM_CONTEXT } from '../command-handling/command-context';
import { makeIdentifier } from '../command-handling/identifiers';
import { newInvitationLinks } from './new-invitation-links';

const assessment = { id: 'hotel-q1', organizationId: 'hotel' };
const withCommandId = { ...SYSTEM_CONTEXT, commandId: 'invite-night-shift' };

describe(newInvitationLinks.name, () => {
  it('should derive each id from the commandId and the item’s place, as invitations and reissues always have', () => {
    const invited = newInvitationLinks(assessment, withCommandId, ['night-lead', 'day-lead']);
    expect(invited.links.map(({ item, invitationId, seed }) => ({ item, invitationId, seed }))).toEqual([
      {
        item: 'night-lead',
        invitationId: makeIdentifier('invitation', 'hotel-q1/invite-night-shift/0', 'hotel'),
        seed: 'hotel-q1/invite-night-shift/0',
      },
      {
        item: 'day-lead',
        invitationId: makeIdentifier('invitation', 'hotel-q1/invite-night-shift/1', 'hotel'),
        seed: 'hotel-q1/invite-night-shift/1',
      },
    ]);
    const reissued = newInvitationLinks(assessment, withCommandId, ['invitation-1'], 'reissue/');
    expect(reissued.links[0]?.invitationId).toBe(
      makeIdentifier('invitation', 'hotel-q1/invite-night-shift/reissue/0', 'hotel'),
    );
    // A repeat names the same invitations, with new secrets (never stored, so never the same).
    const again = newInvitationLinks(assessment, withCommandId, ['night-lead', 'day-lead']);
    expect(again.links.map((link) => link.invitationId)).toEqual(
      invited.links.map((link) => link.invitationId),
    );
    expect(again.links[0]?.secretHash).not.toBe(invited.links[0]?.secretHash);
  });

  it('should give each link as `<invitationId>.<secret>`, recording only the secret’s hash', () => {
    const { links, tokens } = newInvitationLinks(assessment, withCommandId, ['a', 'b', 'c']);
    expect([...tokens.keys()]).toEqual(links.map((link) => link.invitationId));
    for (const { invitationId, secretHash } of links) {
      const token = tokens.get(invitationId) ?? '';
      expect(token.startsWith(`${invitationId}.`)).toBe(true);
      expect(hashSecret(token.slice(invitationId.length + 1))).toBe(secretHash);
    }
  });

  it('should make random ids without a commandId', () => {
    const first = newInvitationLinks(assessment, SYSTEM_CONTEXT, ['a']);
    const second = newInvitationLinks(assessment, SYSTEM_CONTEXT, ['a']);
    expect(first.links[0]?.seed).toBeNull();
    expect(first.links[0]?.invitationId).toMatch(/^invitation-[0-9a-f]{12}$/);
    expect(first.links[0]?.invitationId).not.toBe(second.links[0]?.invitationId);
  });
});
