// Checking a list of people before inviting them (a people file's preview): every person that
// inviteRaters would refuse, each in the words the call would use, recording nothing. The call
// itself stops at its first refusal, so a file with several bad lines would be mended one line a try.
import { Injectable } from '@nestjs/common';
import { DomainError, type InvitationRequest, requireSlug } from '@app/domain';
import { AssessmentCommandHandler } from '../assessments/assessment.command';
import { CampaignReader } from './campaign-reader';
import type { InvitationDraft } from './campaign.command';

export interface InvitationRefusalOfList {
  /** The person's place in the list, from 0. */
  index: number;
  refusal: DomainError;
}

/** Stand-ins for what inviting makes (ids, the secret's hash): the rules never refuse these. */
const CHECKED_SECRET_HASH = '0'.repeat(64);

@Injectable()
export class InvitationCheck {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
  ) {}

  /**
   * Every person inviteRaters would refuse, with their place in the list; none when it would invite
   * them all. A refusal of the call as a whole (no such assessment, closed, empty, too many) is
   * thrown instead: nobody could be invited, whatever the people.
   */
  async refusals(
    assessmentId: string,
    invitations: readonly InvitationDraft[],
    expiresAt: string | null | undefined,
  ): Promise<InvitationRefusalOfList[]> {
    const assessment = await this.reader.requireAssessment(requireSlug('assessmentId', assessmentId));
    const requests = invitations.map((draft, index): InvitationRequest => ({
      ...draft,
      invitationId: `invitation-check-${index}`,
      respondentId: draft.respondentId ?? `respondent-check-${index}`,
      secretHash: CHECKED_SECRET_HASH,
    }));
    const invite = (people: InvitationRequest[]) => ({
      type: 'InviteRaters' as const,
      data: { invitations: people, expiresAt },
    });
    const [whole] = await this.assessments.dryRun(assessment.id, [invite(requests)]);
    if (whole?.accepted !== false) return [];
    const wholeIndex = personOf(whole.refusal.field);
    if (wholeIndex === null) throw whole.refusal;
    const decisions = await this.assessments.dryRun(
      assessment.id,
      requests.map((request) => invite([request])),
    );
    const refusals = decisions.flatMap((decision, index) =>
      decision.accepted ? [] : [{ index, refusal: reindexed(decision.refusal, index) }],
    );
    // A refusal that only the list as a whole meets (the same person twice) is kept as the call said it.
    if (!refusals.some(({ index }) => index === wholeIndex))
      refusals.push({ index: wholeIndex, refusal: whole.refusal });
    return refusals.sort((one, other) => one.index - other.index);
  }
}

/** The place of the person a field names (`invitations[3].source` is 3), or null for another field. */
function personOf(field: string | undefined): number | null {
  const match = /^invitations\[(\d+)\]/.exec(field ?? '');
  return match === null ? null : Number(match[1]);
}

/** A refusal of a list of one person, naming that person's place in the whole list instead. */
function reindexed(refusal: DomainError, index: number): DomainError {
  const place = (text: string) => text.replace(/^invitations\[0\]/, `invitations[${index}]`);
  return new DomainError(
    refusal.kind,
    refusal.code,
    place(refusal.message),
    refusal.field === undefined ? undefined : place(refusal.field),
  );
}
