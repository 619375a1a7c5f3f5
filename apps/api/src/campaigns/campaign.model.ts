import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RatingSource } from '../graphql/enums/enums';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { Level } from '../maturity-models/maturity-model.model';

@ObjectType({
  description: 'One person invited to answer an assessment’s questionnaire, and how far they are.',
})
export class RaterInvitation {
  @Field(() => ID, { description: 'The invitation’s id (also the first part of its link’s token).' })
  id!: string;

  @Field(() => ID, { description: 'The assessment the person answers.' })
  assessmentId!: string;

  @Field(() => ID, {
    description: 'The person’s pseudonymous slug; their answers are ratings of this respondent.',
  })
  respondentId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The office’s free text about the person; null when none was given or it was erased.',
  })
  label!: string | null;

  @Field({
    description:
      'True once the label was erased (forgetRespondent destroyed the respondent’s key): label is then null.',
  })
  labelErased!: boolean;

  @Field(() => RatingSource, { description: 'The source every answer is recorded with.' })
  source!: RatingSource;

  @Field(() => ID, { nullable: true, description: 'For PEER, the person’s function; null otherwise.' })
  raterFunctionId!: string | null;

  @Field(() => [ID], { description: 'The functions the person rates.' })
  functionIds!: string[];

  @Field(() => [ID], { description: 'The capabilities the person is asked about.' })
  capabilityIds!: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the link stops working; null: never.' })
  expiresAt!: string | null;

  @Field({
    description:
      'ACTIVE (the link works and answers are taken), REVOKED (also once its person was forgotten: see respondentForgottenAt), EXPIRED, CLOSED (the assessment is closed: the link shows the answers, read-only), or WITHDRAWN (the assessment was withdrawn: the link takes no answer and its answers count nowhere).',
  })
  status!: string;

  @Field(() => Int, { description: 'Distinct questions answered (an answer in force for the cell).' })
  answered!: number;

  @Field(() => Int, {
    description:
      'Distinct questions the person chose “Not sure” on and has not answered since: no answer, counted apart from answered. The person has finished when answered + notSure = expected.',
  })
  notSure!: number;

  @Field(() => Int, {
    description:
      '|functionIds| x |capabilityIds|: the questions asked, less those about a function retired by the end of the period rated.',
  })
  expected!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the person last answered; null before the first answer.',
  })
  lastAnsweredAt!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the person was invited.' })
  invitedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the invitation was revoked, or its person forgotten (which stops the link too); null if neither.',
  })
  revokedAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the organisation forgot the person (forgetRespondent): their link is refused with AUTH.RESPONDENT_FORGOTTEN from then on. Null while they are not forgotten.',
  })
  respondentForgottenAt!: string | null;
}

@ObjectType({ description: 'An invitation just issued, with its secret link: shown in this answer only.' })
export class IssuedInvitation {
  @Field(() => RaterInvitation, { description: 'The invitation.' })
  invitation!: RaterInvitation;

  @Field({ description: 'The rater’s token (role RATER); only its SHA-256 is stored.' })
  token!: string;

  @Field({ description: 'The link to send the person: `<origin>/rate#token=<token>`.' })
  link!: string;
}

@ObjectType({ description: 'Answers about one function, against the questions asked about it.' })
export class FunctionProgress {
  @Field(() => ID, { description: 'The function rated.' })
  functionId!: string;

  @Field(() => Int, {
    description: 'Questions about this function answered, over every invitation not revoked.',
  })
  answered!: number;

  @Field(() => Int, {
    description:
      'Questions about this function that raters chose “Not sure” on and have not answered since, over every invitation not revoked: no answer, counted apart from answered.',
  })
  notSure!: number;

  @Field(() => Int, {
    description: 'Questions about this function asked, over every invitation not revoked.',
  })
  expected!: number;
}

@ObjectType({ description: 'How far an assessment’s campaign has come (revoked invitations left out).' })
export class CampaignProgress {
  @Field(() => ID, { description: 'The assessment.' })
  assessmentId!: string;

  @Field(() => Int, { description: 'Invitations not revoked.' })
  invited!: number;

  @Field(() => Int, { description: 'Invitations with at least one answer.' })
  started!: number;

  @Field(() => Int, { description: 'Invitations with every question answered.' })
  completed!: number;

  @Field(() => Int, {
    description:
      'Invitations with every question answered or set aside as “Not sure” (answered + notSure = expected): nothing is left to ask those people.',
  })
  finished!: number;

  @Field(() => Int, { description: 'Questions answered, over every invitation.' })
  answered!: number;

  @Field(() => Int, {
    description:
      'Questions raters chose “Not sure” on and have not answered since, over every invitation: no answer, counted apart from answered.',
  })
  notSure!: number;

  @Field(() => Int, { description: 'Questions asked, over every invitation.' })
  expected!: number;

  @Field(() => [FunctionProgress], { description: 'Per function rated, in the organisation’s order.' })
  byFunction!: FunctionProgress[];
}

@ObjectType({ description: 'One question: how mature is this function on this capability?' })
export class Question {
  @Field(() => ID, { description: 'The function asked about.' })
  functionId!: string;

  @Field({ description: 'The function’s name.' })
  functionName!: string;

  @Field(() => ID, { description: 'The capability asked about.' })
  capabilityId!: string;

  @Field({ description: 'The capability’s name.' })
  capabilityName!: string;

  @Field(() => [Level], {
    description:
      'The choices: each level’s value and name, its description being the capability’s descriptor for that level.',
  })
  levels!: Level[];

  @Field(() => Int, {
    nullable: true,
    description: 'The level answered (the latest counts); null: not answered, or not sure (see notSure).',
  })
  answer!: number | null;

  @Field({
    description:
      'True when the rater chose “Not sure” (setQuestionAside) and has not answered since; answer is then null. Shown on any device the link is opened on.',
  })
  notSure!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The evidence given with the answer; null when none was given or it was erased.',
  })
  evidence!: string | null;

  @Field({ description: 'True when the answer’s evidence was erased: evidence is then null.' })
  evidenceErased!: boolean;
}

@ObjectType({ description: 'A rater’s questionnaire: what their invitation asks, and their answers so far.' })
export class Questionnaire {
  @Field(() => ID, { description: 'The rater’s invitation.' })
  invitationId!: string;

  @Field(() => ID, { description: 'The assessment answered.' })
  assessmentId!: string;

  @Field({ description: 'The organisation assessed.' })
  organizationName!: string;

  @Field({ description: 'The assessment’s title.' })
  title!: string;

  @Field(() => DateTimeScalar, { description: 'The date the answers describe.' })
  periodEnd!: string;

  @Field(() => RatingSource, { description: 'The source the rater answers as.' })
  source!: RatingSource;

  @Field(() => ID, { nullable: true, description: 'For PEER, the rater’s function.' })
  raterFunctionId!: string | null;

  @Field(() => String, { nullable: true, description: 'For PEER, the name of the rater’s function.' })
  raterFunctionName!: string | null;

  @Field({
    description:
      'The invitation’s status: ACTIVE, CLOSED once the assessment is closed, or WITHDRAWN once it was withdrawn (nothing more to answer).',
  })
  status!: string;

  @Field({
    description:
      'True while answers are taken (and may be changed); false once the assessment is closed or withdrawn.',
  })
  open!: boolean;

  @Field(() => [Question], {
    description: 'One per function and capability of the invitation, function by function.',
  })
  questions!: Question[];

  @Field(() => Int, { description: 'Questions answered.' })
  answered!: number;

  @Field(() => Int, {
    description:
      'Questions set aside as “Not sure” and not answered since: no answer, counted apart from answered.',
  })
  notSure!: number;

  @Field(() => Int, { description: 'Questions asked.' })
  expected!: number;
}

@ObjectType({ description: 'A person of a list that inviteRaters would refuse, and why.' })
export class InvitationRefusal {
  @Field(() => Int, { description: 'Their place in the list, from 0.' }) index!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'The field at fault, as inviteRaters names it (`invitations[3].functionIds[1]`, `invitations[3].respondentId`).',
  })
  field!: string | null;
  @Field({ description: 'The error code inviteRaters would answer (BAD_USER_INPUT, NOT_FOUND, CONFLICT).' })
  code!: string;
  @Field({ description: 'The refusal reason, e.g. PERSONAL_DATA.RESPONDENT_FORGOTTEN.' }) reason!: string;
  @Field({ description: 'What is wrong, in the words inviteRaters would use.' }) message!: string;
}
