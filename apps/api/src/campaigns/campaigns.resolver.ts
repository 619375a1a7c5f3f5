import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { raterLink } from '@app/domain';
import {
  AnswerQuestionCommand,
  CampaignReader,
  commandContextOf,
  InvitationCheck,
  InviteRatersCommand,
  type Principal,
  raterOf,
  ReissueInvitationCommand,
  ReissueInvitationsCommand,
  RevokeInvitationCommand,
  SetQuestionAsideCommand,
} from '@app/application';
import { refusalOfItem } from '../graphql/error-mapping';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { AnswerInput, InviteRatersInput, SetQuestionAsideInput } from './campaign.inputs';
import { toQuestionnaire, toRaterInvitation } from './campaign.mapper';
import {
  CampaignProgress,
  InvitationRefusal,
  IssuedInvitation,
  Questionnaire,
  RaterInvitation,
} from './campaign.model';
import { LinkOrigin } from './link-origin.decorator';

@Resolver()
export class CampaignsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly campaigns: CampaignReader,
    private readonly invitationCheck: InvitationCheck,
  ) {}

  @Query(() => [InvitationRefusal], {
    description:
      'Checks a list of people as inviteRaters would, inviting nobody: every person it would refuse, and why, all at once (empty when all would be invited). A refusal of the call as a whole (no such assessment, CLOSED, empty, too many) is an error.',
  })
  async checkInvitations(
    @Args('input') { assessmentId, invitations, expiresAt }: InviteRatersInput,
  ): Promise<InvitationRefusal[]> {
    const refused = await this.invitationCheck.refusals(assessmentId, invitations, expiresAt);
    return refused.map(refusalOfItem);
  }

  @Mutation(() => [IssuedInvitation], {
    description:
      'Invites people to answer an open assessment: one link each (role RATER), shown in this answer only. All or none: any refusal invites nobody.',
  })
  async inviteRaters(
    @Args('input') { assessmentId, invitations, expiresAt, commandId }: InviteRatersInput,
    @CurrentPrincipal() principal: Principal,
    @LinkOrigin() origin: string,
  ): Promise<IssuedInvitation[]> {
    const issued = await this.commandBus.execute(
      new InviteRatersCommand(assessmentId, invitations, expiresAt, commandContextOf(principal, commandId)),
    );
    return issued.map(({ invitation, token }) => ({
      invitation: toRaterInvitation(invitation),
      token,
      link: raterLink(origin, token),
    }));
  }

  @Mutation(() => RaterInvitation, {
    description:
      'Revokes an invitation: its link stops working at once; answers already given stay. Revoking twice changes nothing.',
  })
  async revokeInvitation(
    @Args('invitationId', { type: () => ID, description: 'The invitation to revoke.' }) invitationId: string,
    @Args('commandId', { type: () => ID, nullable: true, description: 'Makes the call idempotent.' })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RaterInvitation> {
    return toRaterInvitation(
      await this.commandBus.execute(
        new RevokeInvitationCommand(invitationId, commandContextOf(principal, commandId)),
      ),
    );
  }

  @Mutation(() => IssuedInvitation, {
    description:
      'Gives the person of a working invitation a new link in one step (a lost link): the old link stops at once (its invitation is revoked; answers given stay) and a new invitation like it (label, source, rater function, functions, capabilities, respondent, expiry) is made, both or neither. The new link is shown in this answer only.',
  })
  async reissueInvitation(
    @Args('invitationId', { type: () => ID, description: 'The working invitation whose link is replaced.' })
    invitationId: string,
    @Args('commandId', {
      type: () => ID,
      nullable: true,
      description: 'Makes the call idempotent: a retry gets the same new link while the api still holds it.',
    })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
    @LinkOrigin() origin: string,
  ): Promise<IssuedInvitation> {
    const { invitation, token } = await this.commandBus.execute(
      new ReissueInvitationCommand(invitationId, commandContextOf(principal, commandId)),
    );
    return { invitation: toRaterInvitation(invitation), token, link: raterLink(origin, token) };
  }

  @Mutation(() => [IssuedInvitation], {
    description:
      'Gives the people of many working invitations of one assessment new links at once (every lost link): each old link stops (its invitation is revoked; answers given stay) and an invitation like it is made, all in one append or none. A link that no longer works is CONFLICT CAMPAIGN.LINK_NOT_WORKING naming invitationIds[i]. The new links are shown in this answer only, in the order named.',
  })
  async reissueInvitations(
    @Args('assessmentId', { type: () => ID, description: 'The assessment the invitations belong to.' })
    assessmentId: string,
    @Args('invitationIds', {
      type: () => [ID],
      description: 'The working invitations whose links are replaced, each once (at most 500).',
    })
    invitationIds: string[],
    @Args('commandId', {
      type: () => ID,
      nullable: true,
      description:
        'Makes the call idempotent: a retry gets the same new links while the api still holds them.',
    })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
    @LinkOrigin() origin: string,
  ): Promise<IssuedInvitation[]> {
    const issued = await this.commandBus.execute(
      new ReissueInvitationsCommand(assessmentId, invitationIds, commandContextOf(principal, commandId)),
    );
    return issued.map(({ invitation, token }) => ({
      invitation: toRaterInvitation(invitation),
      token,
      link: raterLink(origin, token),
    }));
  }

  @Query(() => [RaterInvitation], {
    description: 'The assessment’s invitations, in invitation order, without secrets.',
  })
  async invitations(
    @Args('assessmentId', { type: () => ID, description: 'The assessment.' }) assessmentId: string,
  ): Promise<RaterInvitation[]> {
    return (await this.campaigns.invitations(assessmentId)).map(toRaterInvitation);
  }

  @Query(() => CampaignProgress, {
    description: 'How far the assessment’s campaign has come, overall and by function.',
  })
  campaignProgress(
    @Args('assessmentId', { type: () => ID, description: 'The assessment.' }) assessmentId: string,
  ): Promise<CampaignProgress> {
    return this.campaigns.progress(assessmentId);
  }

  @Query(() => Questionnaire, {
    description: 'RATER only: the caller’s own questionnaire (the invitation of the link it signed in with).',
  })
  async questionnaire(@CurrentPrincipal() principal: Principal): Promise<Questionnaire> {
    const rater = raterOf(principal);
    const assessment = await this.campaigns.requireAssessment(rater.assessmentId);
    return toQuestionnaire(await this.campaigns.questionnaire(assessment, rater.invitationId));
  }

  @Mutation(() => Questionnaire, {
    description:
      'RATER only: answers one question of the caller’s questionnaire, recorded at once as a rating with the invitation’s source, rater function and respondent. The latest answer counts; answers are taken until the assessment closes.',
  })
  async answerQuestion(
    @Args('input') { commandId, ...answer }: AnswerInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Questionnaire> {
    const rater = raterOf(principal);
    return toQuestionnaire(
      await this.commandBus.execute(
        new AnswerQuestionCommand(
          rater.assessmentId,
          rater.invitationId,
          answer,
          commandContextOf(principal, commandId),
        ),
      ),
    );
  }

  @Mutation(() => Questionnaire, {
    description:
      'RATER only: “Not sure” on one question of the caller’s questionnaire, recorded at once with no level and no text (no rating: it counts in no score, and answered stays as it was; the question counts in notSure). A later answerQuestion supersedes it. A question already answered is CONFLICT CAMPAIGN.ALREADY_ANSWERED (its level can be changed, not withdrawn); setting a question aside twice changes nothing. Taken until the assessment closes.',
  })
  async setQuestionAside(
    @Args('input') { commandId, ...question }: SetQuestionAsideInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Questionnaire> {
    const rater = raterOf(principal);
    return toQuestionnaire(
      await this.commandBus.execute(
        new SetQuestionAsideCommand(
          rater.assessmentId,
          rater.invitationId,
          question,
          commandContextOf(principal, commandId),
        ),
      ),
    );
  }
}
