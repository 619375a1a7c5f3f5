// The campaign as the office and the raters read it: invitations with their status and progress,
// the campaign's progress, and a rater's questionnaire. Everything is folded from the
// assessment's stream (its invitations and ratings), so it needs no read model of its own.
import { Inject, Injectable } from '@nestjs/common';
import {
  ASSESSMENT_ERROR_CODES,
  type CampaignProgressSummary,
  campaignProgress,
  CAMPAIGN_ERROR_CODES,
  type Invitation,
  type InvitationStatus,
  invitationProgress,
  invitationStatus,
  notFound,
  type Question,
  questionsOf,
  type RatingSource,
  retiredFunctionIds,
} from '@app/domain';
import type { OpenedAssessmentState } from '../assessments/assessment.command';
import { AssessmentReader } from '../assessments/assessment-reader';
import { CLOCK, type Clock } from '../command-handling/clock';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { OrganizationReader } from '../organizations/organization-reader';
import { AnswerTimes, type AnswerTimesOfAssessment } from './answer-times';
import { InvitationIndex } from './invitation-index';

export interface RaterInvitationView {
  id: string;
  assessmentId: string;
  respondentId: string;
  label: string | null;
  /** True once the label was erased (the respondent forgotten); label is then null. */
  labelErased: boolean;
  source: RatingSource;
  raterFunctionId: string | null;
  functionIds: string[];
  capabilityIds: string[];
  expiresAt: string | null;
  status: InvitationStatus;
  answered: number;
  notSure: number;
  expected: number;
  lastAnsweredAt: string | null;
  invitedAt: string;
  /** When it was revoked, or its person forgotten (which revokes it too); null while neither. */
  revokedAt: string | null;
  /** When the organisation forgot the person; null while it has not. */
  respondentForgottenAt: string | null;
}

export interface CampaignProgressView extends CampaignProgressSummary {
  assessmentId: string;
}

export interface QuestionnaireView {
  invitationId: string;
  assessmentId: string;
  organizationName: string;
  title: string;
  periodEnd: string;
  source: RatingSource;
  raterFunctionId: string | null;
  raterFunctionName: string | null;
  status: InvitationStatus;
  /** True while answers are taken: the invitation is ACTIVE (the assessment is open). */
  open: boolean;
  questions: Question[];
  answered: number;
  notSure: number;
  expected: number;
}

@Injectable()
export class CampaignReader {
  constructor(
    private readonly assessments: AssessmentReader,
    private readonly organizations: OrganizationReader,
    private readonly models: MaturityModelCatalog,
    private readonly answerTimes: AnswerTimes,
    private readonly index: InvitationIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The assessment, or NOT_FOUND naming `assessmentId`. */
  async requireAssessment(assessmentId: string): Promise<OpenedAssessmentState> {
    const assessment = await this.assessments.find(assessmentId);
    if (assessment === null) {
      throw notFound(
        'assessmentId',
        `assessmentId: no assessment "${assessmentId}" has been opened`,
        ASSESSMENT_ERROR_CODES.notFound,
      );
    }
    return assessment;
  }

  /** Every invitation of the assessment, in invitation order. */
  async invitations(assessmentId: string): Promise<RaterInvitationView[]> {
    return this.invitationViews(await this.requireAssessment(assessmentId));
  }

  /** Views of the assessment's invitations (all of them, or those named), as it stands in `assessment`. */
  async invitationViews(
    assessment: OpenedAssessmentState,
    invitationIds?: readonly string[],
  ): Promise<RaterInvitationView[]> {
    const times = await this.answerTimes.of(assessment.id);
    const retired = await this.retiredFunctionsOf(assessment);
    const invitations =
      invitationIds === undefined
        ? [...assessment.invitations.values()]
        : invitationIds.flatMap((id) => assessment.invitations.get(id) ?? []);
    const forgotten = await this.forgottenOf(assessment.organizationId, invitations);
    return invitations.map((invitation) =>
      this.viewOf(assessment, invitation, times, retired, forgotten.get(invitation.respondentId) ?? null),
    );
  }

  async progress(assessmentId: string): Promise<CampaignProgressView> {
    const assessment = await this.requireAssessment(assessmentId);
    const organization = await this.organizations.find(assessment.organizationId);
    const functionOrder = organization?.functions.map((candidate) => candidate.id) ?? [];
    const retired =
      organization === null ? new Set<string>() : retiredFunctionIds(organization, assessment.periodEnd);
    // A forgotten person's links are stopped (read as REVOKED): they count as revoked ones do, not at all.
    const forgotten = await this.forgottenOf(assessment.organizationId, assessment.invitations.values());
    const counted = new Map(
      [...assessment.invitations].filter(([, invitation]) => !forgotten.has(invitation.respondentId)),
    );
    return {
      assessmentId: assessment.id,
      ...campaignProgress(counted, assessment, functionOrder, retired),
    };
  }

  /** When each of these invitations' people was forgotten, by respondent: only those forgotten. */
  private async forgottenOf(
    organizationId: string,
    invitations: Iterable<Invitation>,
  ): Promise<ReadonlyMap<string, string>> {
    const forgotten = new Map<string, string>();
    for (const { respondentId } of invitations) {
      const forgottenAt = await this.index.forgottenAt(organizationId, respondentId);
      if (forgottenAt !== null) forgotten.set(respondentId, forgottenAt);
    }
    return forgotten;
  }

  /** The functions retired as of the end of the period the assessment rates: asked about no more. */
  private async retiredFunctionsOf(assessment: OpenedAssessmentState): Promise<ReadonlySet<string>> {
    const organization = await this.organizations.find(assessment.organizationId);
    return organization === null ? new Set() : retiredFunctionIds(organization, assessment.periodEnd);
  }

  /** A rater's questionnaire, from their invitation in the assessment as it stands. */
  async questionnaire(assessment: OpenedAssessmentState, invitationId: string): Promise<QuestionnaireView> {
    const invitation = assessment.invitations.get(invitationId);
    if (invitation === undefined) {
      throw notFound(
        'invitationId',
        `invitationId: assessment "${assessment.id}" has no invitation "${invitationId}"`,
        CAMPAIGN_ERROR_CODES.invitationNotFound,
      );
    }
    const organization = await this.organizations.require(assessment.organizationId);
    const model = await this.models.require(assessment.modelId, assessment.modelVersion);
    const status = invitationStatus(invitation, assessment.status, this.clock());
    const { answered, notSure, expected } = invitationProgress(
      invitation,
      assessment,
      retiredFunctionIds(organization, assessment.periodEnd),
    );
    const raterFunction = organization.functions.find(
      (candidate) => candidate.id === invitation.raterFunctionId,
    );
    return {
      invitationId,
      assessmentId: assessment.id,
      organizationName: organization.name,
      title: assessment.title,
      periodEnd: assessment.periodEnd,
      source: invitation.source,
      raterFunctionId: invitation.raterFunctionId,
      raterFunctionName: raterFunction?.name ?? null,
      status,
      open: status === 'ACTIVE',
      questions: questionsOf(invitation, assessment, organization, model, assessment.periodEnd),
      answered,
      notSure,
      expected,
    };
  }

  private viewOf(
    assessment: OpenedAssessmentState,
    invitation: Invitation,
    times: AnswerTimesOfAssessment,
    retired: ReadonlySet<string>,
    forgottenAt: string | null,
  ): RaterInvitationView {
    const { answered, notSure, expected } = invitationProgress(invitation, assessment, retired);
    const status = invitationStatus(invitation, assessment.status, this.clock());
    return {
      id: invitation.invitationId,
      assessmentId: assessment.id,
      respondentId: invitation.respondentId,
      label: invitation.label,
      labelErased: invitation.labelErased,
      source: invitation.source,
      raterFunctionId: invitation.raterFunctionId,
      functionIds: invitation.functionIds,
      capabilityIds: invitation.capabilityIds,
      expiresAt: invitation.expiresAt,
      // Forgetting the person stops their link (the index refuses it): it reads as revoked then.
      status: forgottenAt !== null && status !== 'WITHDRAWN' ? 'REVOKED' : status,
      answered,
      notSure,
      expected,
      lastAnsweredAt: answered === 0 ? null : times.lastAnsweredAt(invitation),
      invitedAt: invitation.invitedAt,
      revokedAt: invitation.revokedAt ?? forgottenAt,
      respondentForgottenAt: forgottenAt,
    };
  }
}
