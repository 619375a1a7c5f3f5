import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type AssessmentCommand,
  CAMPAIGN_ERROR_CODES,
  conflict,
  type InvitationRequest,
  notFound,
  requireSlug,
} from '@app/domain';
import { AssessmentCommandHandler, type OpenedAssessmentState } from '../assessments/assessment.command';
import { formatToken, generateSecret, hashSecret } from '../api-tokens/api-token-secrets';
import type { CommandContext } from '../command-handling/command-context';
import { makeIdentifier } from '../command-handling/identifiers';
import { CampaignReader, type QuestionnaireView, type RaterInvitationView } from './campaign-reader';
import { type InvitationCredential, InvitationIndex } from './invitation-index';
import { newInvitationLinks } from './new-invitation-links';
import { RecentlyIssuedLinks } from './recently-issued-links';

/** One person to invite, as the office writes them (the server fills in ids and the secret). */
export interface InvitationDraft {
  respondentId?: string | null;
  label?: string | null;
  source: string;
  raterFunctionId?: string | null;
  functionIds: readonly string[];
  capabilityIds?: readonly string[] | null;
}

export interface IssuedInvitationResult {
  invitation: RaterInvitationView;
  /** `<invitationId>.<secret>`: shown in this answer (and a retry of it) only, never stored. */
  token: string;
}

export class InviteRatersCommand extends Command<IssuedInvitationResult[]> {
  constructor(
    readonly assessmentId: string,
    readonly invitations: readonly InvitationDraft[],
    readonly expiresAt: string | null | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RevokeInvitationCommand extends Command<RaterInvitationView> {
  constructor(
    readonly invitationId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A new link for a person with a working one: the old link stops, in the same append. */
export class ReissueInvitationCommand extends Command<IssuedInvitationResult> {
  constructor(
    readonly invitationId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** New links for many people of one assessment at once, all or none (every lost link, say). */
export class ReissueInvitationsCommand extends Command<IssuedInvitationResult[]> {
  constructor(
    readonly assessmentId: string,
    readonly invitationIds: readonly string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface Answer {
  functionId: string;
  capabilityId: string;
  level: number;
  evidence?: string | null;
}

/** A rater's answer; the invitation (and so the assessment) comes from the rater's link, never from the input. */
export class AnswerQuestionCommand extends Command<QuestionnaireView> {
  constructor(
    readonly assessmentId: string,
    readonly invitationId: string,
    readonly answer: Answer,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A rater's "Not sure" on one of their questions; the invitation comes from the rater's link. */
export class SetQuestionAsideCommand extends Command<QuestionnaireView> {
  constructor(
    readonly assessmentId: string,
    readonly invitationId: string,
    readonly question: { functionId: string; capabilityId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

const credentialsOf = (
  assessment: OpenedAssessmentState,
  invitationIds: readonly string[],
): InvitationCredential[] =>
  invitationIds.flatMap((invitationId) => {
    const invitation = assessment.invitations.get(invitationId);
    return invitation === undefined
      ? []
      : [
          {
            invitationId,
            assessmentId: assessment.id,
            organizationId: assessment.organizationId,
            respondentId: invitation.respondentId,
            secretHash: invitation.secretHash,
            expiresAt: invitation.expiresAt,
            revoked: invitation.revokedAt !== null,
          },
        ];
  });

@CommandHandler(InviteRatersCommand)
export class InviteRatersHandler implements ICommandHandler<InviteRatersCommand> {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
    private readonly index: InvitationIndex,
    private readonly recentlyIssued: RecentlyIssuedLinks,
  ) {}

  async execute({
    assessmentId,
    invitations,
    expiresAt,
    context,
  }: InviteRatersCommand): Promise<IssuedInvitationResult[]> {
    const assessment = await this.reader.requireAssessment(requireSlug('assessmentId', assessmentId));
    const { links, tokens } = newInvitationLinks(assessment, context, invitations);
    const requests = links.map(({ item: draft, invitationId, secretHash, seed }): InvitationRequest => ({
      ...draft,
      invitationId,
      respondentId: draft.respondentId ?? makeIdentifier('respondent', seed, assessment.organizationId),
      secretHash,
    }));
    const invitationIds = requests.map((request) => request.invitationId);
    const { state, repeated } = await this.assessments.run(
      assessment.id,
      { type: 'InviteRaters', data: { invitations: requests, expiresAt } },
      context,
    );
    if (repeated)
      return linksIssuedBefore(
        this.reader,
        this.recentlyIssued,
        state,
        context,
        'commandId: this command already invited its raters; their links were shown once and cannot be shown again. Revoke the invitations whose links are lost and invite those people again.',
      );
    this.index.remember(credentialsOf(state, invitationIds));
    return linksJustIssued(this.reader, this.recentlyIssued, state, context, tokens);
  }
}

/**
 * The invitations just made (the keys of `tokens`, in order) with their links, which are kept a
 * while in memory only for a retry of the same command (`linksIssuedBefore`).
 */
async function linksJustIssued(
  reader: CampaignReader,
  recentlyIssued: RecentlyIssuedLinks,
  state: OpenedAssessmentState,
  context: CommandContext,
  tokens: ReadonlyMap<string, string>,
): Promise<IssuedInvitationResult[]> {
  const views = await reader.invitationViews(state, [...tokens.keys()]);
  const issued = views.map((invitation) => ({ invitation, token: tokens.get(invitation.id) ?? '' }));
  if (context.commandId !== null) recentlyIssued.keep(state.id, context.commandId, issued);
  return issued;
}

/**
 * The same command again (a retry after a lost answer): the links it issued, while this process
 * still holds them; they are never stored, so afterwards they cannot be shown again (`refusal`).
 */
async function linksIssuedBefore(
  reader: CampaignReader,
  recentlyIssued: RecentlyIssuedLinks,
  state: OpenedAssessmentState,
  context: CommandContext,
  refusal: string,
): Promise<IssuedInvitationResult[]> {
  const kept = context.commandId === null ? undefined : recentlyIssued.find(state.id, context.commandId);
  if (kept === undefined) throw conflict(refusal, CAMPAIGN_ERROR_CODES.linksShownOnce, 'commandId');
  const views = await reader.invitationViews(
    state,
    kept.map(({ invitation }) => invitation.id),
  );
  return views.map((invitation, index) => ({ invitation, token: kept[index]?.token ?? '' }));
}

/** The invitation the office names, found in the store-wide index (its assessment), or NOT_FOUND. */
async function knownInvitation(
  index: InvitationIndex,
  invitationId: string,
): Promise<{ id: string; credential: InvitationCredential }> {
  const id = requireSlug('invitationId', invitationId);
  const credential = await index.find(id);
  if (credential === null) {
    throw notFound(
      'invitationId',
      `invitationId: no invitation "${id}"`,
      CAMPAIGN_ERROR_CODES.invitationNotFound,
    );
  }
  return { id, credential };
}

@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitationCommand> {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
    private readonly index: InvitationIndex,
  ) {}

  async execute({ invitationId, context }: RevokeInvitationCommand): Promise<RaterInvitationView> {
    const { id, credential } = await knownInvitation(this.index, invitationId);
    const { state } = await this.assessments.run(
      credential.assessmentId,
      { type: 'RevokeInvitation', data: { invitationId: id } },
      context,
    );
    this.index.remember(credentialsOf(state, [id]));
    const [view] = await this.reader.invitationViews(state, [id]);
    if (view === undefined) throw new Error('a revoked invitation stays in its assessment');
    return view;
  }
}

@CommandHandler(ReissueInvitationCommand)
export class ReissueInvitationHandler implements ICommandHandler<ReissueInvitationCommand> {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
    private readonly index: InvitationIndex,
    private readonly recentlyIssued: RecentlyIssuedLinks,
  ) {}

  async execute({ invitationId, context }: ReissueInvitationCommand): Promise<IssuedInvitationResult> {
    const { id, credential } = await knownInvitation(this.index, invitationId);
    // With a commandId the new id is derived from it, so a repeat names the same invitation.
    const seed =
      context.commandId === null ? null : `${credential.assessmentId}/${context.commandId}/reissue`;
    const newInvitationId = makeIdentifier('invitation', seed, credential.organizationId);
    const secret = generateSecret();
    const { state, repeated } = await this.assessments.run(
      credential.assessmentId,
      {
        type: 'ReissueInvitation',
        data: { invitationId: id, newInvitationId, secretHash: hashSecret(secret) },
      },
      context,
    );
    if (repeated) {
      const [again] = await linksIssuedBefore(
        this.reader,
        this.recentlyIssued,
        state,
        context,
        'commandId: this command already gave a new link; it was shown once and cannot be shown again. Give another new link.',
      );
      if (again === undefined) throw new Error('a new invitation stays in its assessment');
      return again;
    }
    this.index.remember(credentialsOf(state, [id, newInvitationId]));
    const [invitation] = await this.reader.invitationViews(state, [newInvitationId]);
    if (invitation === undefined) throw new Error('a new invitation is in its assessment');
    const issued = { invitation, token: formatToken(newInvitationId, secret) };
    if (context.commandId !== null) this.recentlyIssued.keep(state.id, context.commandId, [issued]);
    return issued;
  }
}

@CommandHandler(ReissueInvitationsCommand)
export class ReissueInvitationsHandler implements ICommandHandler<ReissueInvitationsCommand> {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
    private readonly index: InvitationIndex,
    private readonly recentlyIssued: RecentlyIssuedLinks,
  ) {}

  async execute({
    assessmentId,
    invitationIds,
    context,
  }: ReissueInvitationsCommand): Promise<IssuedInvitationResult[]> {
    const assessment = await this.reader.requireAssessment(requireSlug('assessmentId', assessmentId));
    const { links, tokens } = newInvitationLinks(assessment, context, invitationIds, 'reissue/');
    const reissues = links.map(({ item: invitationId, invitationId: newInvitationId, secretHash }) => ({
      invitationId,
      newInvitationId,
      secretHash,
    }));
    const { state, repeated } = await this.assessments.run(
      assessment.id,
      { type: 'ReissueInvitations', data: { reissues } },
      context,
    );
    if (repeated)
      return linksIssuedBefore(
        this.reader,
        this.recentlyIssued,
        state,
        context,
        'commandId: this command already gave these people new links; they were shown once and cannot be shown again. Give new links again.',
      );
    this.index.remember(credentialsOf(state, [...invitationIds, ...tokens.keys()]));
    return linksJustIssued(this.reader, this.recentlyIssued, state, context, tokens);
  }
}

/** A rater's choice on their own questionnaire, recorded on the assessment: the questionnaire as it then stands. */
async function questionnaireAfter(
  assessments: AssessmentCommandHandler,
  reader: CampaignReader,
  {
    assessmentId,
    invitationId,
    context,
  }: { assessmentId: string; invitationId: string; context: CommandContext },
  command: AssessmentCommand,
): Promise<QuestionnaireView> {
  const { state } = await assessments.run(assessmentId, command, context);
  return reader.questionnaire(state, invitationId);
}

@CommandHandler(AnswerQuestionCommand)
export class AnswerQuestionHandler implements ICommandHandler<AnswerQuestionCommand> {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
  ) {}

  execute(command: AnswerQuestionCommand): Promise<QuestionnaireView> {
    return questionnaireAfter(this.assessments, this.reader, command, {
      type: 'AnswerQuestion',
      data: { invitationId: command.invitationId, ...command.answer },
    });
  }
}

@CommandHandler(SetQuestionAsideCommand)
export class SetQuestionAsideHandler implements ICommandHandler<SetQuestionAsideCommand> {
  constructor(
    private readonly assessments: AssessmentCommandHandler,
    private readonly reader: CampaignReader,
  ) {}

  execute(command: SetQuestionAsideCommand): Promise<QuestionnaireView> {
    return questionnaireAfter(this.assessments, this.reader, command, {
      type: 'SetQuestionAside',
      data: { invitationId: command.invitationId, ...command.question },
    });
  }
}
