// What the office's campaign panel reads and sends.
import { graphql, type ResultOf, type VariablesOf } from '../api/graphql';

const invitationFields = graphql(`
  fragment InvitationFields on RaterInvitation {
    id
    respondentId
    label
    labelErased
    source
    raterFunctionId
    functionIds
    capabilityIds
    expiresAt
    status
    answered
    notSure
    expected
    lastAnsweredAt
    invitedAt
    respondentForgottenAt
  }
`);

export const campaignProgressQuery = graphql(`
  query CampaignProgress($assessmentId: ID!) {
    campaignProgress(assessmentId: $assessmentId) {
      invited
      started
      completed
      finished
      answered
      notSure
      expected
      byFunction {
        functionId
        answered
        notSure
        expected
      }
    }
  }
`);

export const invitationsQuery = graphql(
  `
    query Invitations($assessmentId: ID!) {
      invitations(assessmentId: $assessmentId) {
        ...InvitationFields
      }
    }
  `,
  [invitationFields],
);

export const inviteRatersMutation = graphql(
  `
    mutation InviteRaters($input: InviteRatersInput!) {
      inviteRaters(input: $input) {
        token
        link
        invitation {
          ...InvitationFields
        }
      }
    }
  `,
  [invitationFields],
);

/** Every person of a list inviteRaters would refuse, all at once; nobody is invited. */
export const checkInvitationsQuery = graphql(`
  query CheckInvitations($input: InviteRatersInput!) {
    checkInvitations(input: $input) {
      index
      field
      code
      reason
      message
    }
  }
`);

/** Who the organisation forgot: such a person is never invited again. */
export const forgottenRespondentsQuery = graphql(`
  query ForgottenRespondents($organizationId: ID!) {
    forgottenRespondents(organizationId: $organizationId) {
      respondentId
      forgottenAt
    }
  }
`);

export const revokeInvitationMutation = graphql(
  `
    mutation RevokeInvitation($invitationId: ID!) {
      revokeInvitation(invitationId: $invitationId) {
        ...InvitationFields
      }
    }
  `,
  [invitationFields],
);

export const reissueInvitationsMutation = graphql(
  `
    mutation ReissueInvitations($assessmentId: ID!, $invitationIds: [ID!]!, $commandId: ID) {
      reissueInvitations(assessmentId: $assessmentId, invitationIds: $invitationIds, commandId: $commandId) {
        token
        link
        invitation {
          ...InvitationFields
        }
      }
    }
  `,
  [invitationFields],
);

export type RaterInvitation = ResultOf<typeof revokeInvitationMutation>['revokeInvitation'];
export type IssuedInvitation = ResultOf<typeof inviteRatersMutation>['inviteRaters'][number];
export type CampaignProgress = ResultOf<typeof campaignProgressQuery>['campaignProgress'];
export type InvitationInput = VariablesOf<typeof inviteRatersMutation>['input']['invitations'][number];
export type InvitationRefusal = ResultOf<typeof checkInvitationsQuery>['checkInvitations'][number];
