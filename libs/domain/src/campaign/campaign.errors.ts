import type { ErrorCodeOf } from '../shared/domain-error';

export const CAMPAIGN_ERROR_CODES = {
  noInvitations: 'CAMPAIGN.NO_INVITATIONS',
  tooManyInvitations: 'CAMPAIGN.TOO_MANY_INVITATIONS',
  expiresInThePast: 'CAMPAIGN.EXPIRES_IN_THE_PAST',
  duplicateRespondent: 'CAMPAIGN.DUPLICATE_RESPONDENT',
  alreadyInvited: 'CAMPAIGN.ALREADY_INVITED',
  noFunctions: 'CAMPAIGN.NO_FUNCTIONS',
  selfRatesOneFunction: 'CAMPAIGN.SELF_RATES_ONE_FUNCTION',
  noCapabilities: 'CAMPAIGN.NO_CAPABILITIES',
  invitationExists: 'CAMPAIGN.INVITATION_EXISTS',
  invitationNotFound: 'CAMPAIGN.INVITATION_NOT_FOUND',
  malformedSecretHash: 'CAMPAIGN.MALFORMED_SECRET_HASH',
  invitationRevoked: 'CAMPAIGN.INVITATION_REVOKED',
  invitationExpired: 'CAMPAIGN.INVITATION_EXPIRED',
  notYourQuestion: 'CAMPAIGN.NOT_YOUR_QUESTION',
  linksShownOnce: 'CAMPAIGN.LINKS_SHOWN_ONCE',
  linkNotWorking: 'CAMPAIGN.LINK_NOT_WORKING',
  duplicateInvitation: 'CAMPAIGN.DUPLICATE_INVITATION',
  alreadyAnswered: 'CAMPAIGN.ALREADY_ANSWERED',
} as const;

export type CampaignErrorCode = ErrorCodeOf<typeof CAMPAIGN_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    campaign: CampaignErrorCode;
  }
}
