import { Injectable } from '@nestjs/common';
import { AUTH_ERROR_CODES, InvitationIndex, type InvitationPrincipal, RATER_ROLE } from '@app/application';
import { unauthenticated } from './access-errors';

/**
 * A rater's invitation link as a caller: role RATER, in its assessment's organisation. A revoked
 * or expired link, or one whose person was forgotten, is refused (UNAUTHENTICATED) with a message
 * that says what happened.
 */
@Injectable()
export class RaterAuthenticator {
  constructor(private readonly invitations: InvitationIndex) {}

  /** The rater, or null when the token is no invitation's (or its secret is wrong). */
  async authenticate(token: string): Promise<InvitationPrincipal | null> {
    const answer = await this.invitations.authenticate(token);
    if (!answer.accepted) {
      if (answer.refusal === 'forgotten') {
        throw unauthenticated(
          'The person this link was for was forgotten at their request: their answers were erased from view and can no longer be read or changed through it',
          AUTH_ERROR_CODES.respondentForgotten,
        );
      }
      if (answer.refusal === 'revoked') {
        throw unauthenticated(
          'This link was revoked and no longer works: ask the assessment office for a new one',
          AUTH_ERROR_CODES.invitationRevoked,
        );
      }
      if (answer.refusal === 'expired') {
        throw unauthenticated(
          'This link has expired and no longer works: ask the assessment office for a new one',
          AUTH_ERROR_CODES.invitationExpired,
        );
      }
      return null;
    }
    const { invitationId, assessmentId, organizationId } = answer.credential;
    return {
      kind: 'invitation',
      invitationId,
      assessmentId,
      subject: invitationId,
      // The invitation's label may name a person: it stays out of the events' metadata.
      name: null,
      roles: [RATER_ROLE],
      organizationIds: [organizationId],
      allOrganizations: false,
    };
  }
}
