import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  AssessmentReader,
  commandContextOf,
  ExecutePersonalDataCommand,
  ForgottenRespondents,
  type Principal,
} from '@app/application';
import { notFound, type PersonalDataCommand } from '@app/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RedactEvidenceInput } from './redact-evidence.input';
import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { ForgottenRespondent } from './personal-data.model';

/** Erasing personal text (docs/reference/personal-data.md): the events stay, their keys go. */
@Resolver()
export class PersonalDataResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly assessments: AssessmentReader,
    private readonly forgotten: ForgottenRespondents,
  ) {}

  @Query(() => [ForgottenRespondent], {
    description:
      'The respondents the organisation forgot, oldest first: a list of people to invite is checked against it, since a forgotten person cannot be invited again.',
  })
  forgottenRespondents(
    @Args('organizationId', {
      type: () => ID,
      description: 'The organisation whose forgotten respondents to list.',
    })
    organizationId: string,
  ): Promise<ForgottenRespondent[]> {
    return this.forgotten.of(organizationId);
  }

  @Mutation(() => Boolean, {
    description:
      "Forgets a respondent: records who was forgotten, when and why (no personal text), and destroys the respondent's key, so every evidence they gave reads null with evidenceErased true. Levels and scores stay; verifyIntegrity still passes. Irreversible.",
  })
  forgetRespondent(
    @Args('organizationId', { type: () => ID, description: 'The organisation the respondent answered for.' })
    organizationId: string,
    @Args('respondentId', { type: () => ID, description: 'The respondent to forget.' }) respondentId: string,
    @Args('reason', {
      description: `Why, e.g. the request's reference; kept in the history in the clear, so never a name. ${INPUT_DESCRIPTIONS.reason}`,
    })
    reason: string,
    @Args('commandId', {
      type: () => ID,
      nullable: true,
      description: INPUT_DESCRIPTIONS.commandId,
    })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    return this.run(organizationId, principal, commandId, {
      type: 'ForgetRespondent',
      data: { respondentId, reason },
    });
  }

  @Mutation(() => Boolean, {
    description:
      'Erases the evidence of one rating (a wrong paste) with the same guarantees as forgetRespondent: the evidence reads null with evidenceErased true, the level stays. Irreversible.',
  })
  async redactEvidence(
    @Args('input') { commandId, ...rating }: RedactEvidenceInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    const assessment = await this.assessments.find(rating.assessmentId);
    if (assessment === null)
      throw notFound(
        'assessmentId',
        `assessmentId: no assessment "${rating.assessmentId}"`,
        'ASSESSMENT.NOT_FOUND',
      );
    return this.run(assessment.organizationId, principal, commandId, {
      type: 'RedactEvidence',
      data: rating,
    });
  }

  private run(
    organizationId: string,
    principal: Principal,
    commandId: string | null | undefined,
    command: PersonalDataCommand,
  ): Promise<boolean> {
    return this.commandBus.execute(
      new ExecutePersonalDataCommand(organizationId, command, commandContextOf(principal, commandId)),
    );
  }
}
