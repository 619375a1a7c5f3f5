// What erasing personal text sends (docs/reference/personal-data.md): both answer true, and the
// page reads the assessment and its invitations again to show what now reads as erased.
import { graphql, type VariablesOf } from '../api/graphql';

export const forgetRespondentMutation = graphql(`
  mutation ForgetRespondent($organizationId: ID!, $respondentId: ID!, $reason: String!) {
    forgetRespondent(organizationId: $organizationId, respondentId: $respondentId, reason: $reason)
  }
`);

export const redactEvidenceMutation = graphql(`
  mutation RedactEvidence($input: RedactEvidenceInput!) {
    redactEvidence(input: $input)
  }
`);

/** One rating as redactEvidence names it (without the reason and command id). */
export type RedactedRating = Omit<
  VariablesOf<typeof redactEvidenceMutation>['input'],
  'reason' | 'commandId'
>;
