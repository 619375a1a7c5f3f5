// New rater links for a call that invites or reissues many at once: an id and a secret for each,
// of which only the secret's hash is recorded; the link itself is shown once.
import { formatToken, generateSecret, hashSecret } from '../api-tokens/api-token-secrets';
import type { CommandContext } from '../command-handling/command-context';
import { makeIdentifier } from '../command-handling/identifiers';

export interface NewInvitationLink<Item> {
  /** What the link is for: the person invited, or the invitation it replaces. */
  item: Item;
  invitationId: string;
  secretHash: string;
  /** What the ids of this entry derive from: null without a commandId (random ids). */
  seed: string | null;
}

export interface NewInvitationLinks<Item> {
  links: NewInvitationLink<Item>[];
  /** Each new invitation's link (`<invitationId>.<secret>`), in the order of `links`. */
  tokens: Map<string, string>;
}

/**
 * A new link for each item of a call on an assessment. With a commandId each id derives from it and
 * the item's place (`<assessment>/<commandId>/<seedPrefix><index>`), so a repeat names the same
 * invitations.
 */
export function newInvitationLinks<Item>(
  assessment: { id: string; organizationId: string },
  context: CommandContext,
  items: readonly Item[],
  seedPrefix = '',
): NewInvitationLinks<Item> {
  const tokens = new Map<string, string>();
  const links = items.map((item, index): NewInvitationLink<Item> => {
    const seed =
      context.commandId === null ? null : `${assessment.id}/${context.commandId}/${seedPrefix}${index}`;
    const invitationId = makeIdentifier('invitation', seed, assessment.organizationId);
    const secret = generateSecret();
    tokens.set(invitationId, formatToken(invitationId, secret));
    return { item, invitationId, secretHash: hashSecret(secret), seed };
  });
  return { links, tokens };
}
