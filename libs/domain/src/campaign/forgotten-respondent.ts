// A forgotten respondent is never invited again: their answers could not be kept as given (their
// key is destroyed), and a people file from an earlier cycle still names them. One refusal, in the
// same words where inviteRaters refuses them and where the invite form flags them before sending.
import { conflict, type DomainError } from '../shared';
import { PERSONAL_DATA_ERROR_CODES } from '../personal-data/personal-data.errors';

/** The refusal of inviting `respondentId`, forgotten at `forgottenAt` (ISO-8601), under the field `respondentId`. */
export function forgottenRespondentRefusal(
  respondentId: string,
  label: string | null | undefined,
  forgottenAt: string,
): DomainError {
  const who = label ? `“${label}” (respondent "${respondentId}")` : `respondent "${respondentId}"`;
  return conflict(
    `respondentId: ${who} was forgotten on ${forgottenAt.slice(0, 10)} and cannot be invited again; nobody was invited. Remove this person, or leave their respondent empty so they get a new id`,
    PERSONAL_DATA_ERROR_CODES.respondentForgotten,
    'respondentId',
  );
}
