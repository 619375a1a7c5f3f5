import { Injectable } from '@nestjs/common';
import { AssessmentReader, InvestmentReader, InvitationIndex } from '@app/application';

const MAX_REMEMBERED = 50_000;

/**
 * The organisation of an assessment or investment, for authorisation. It never changes once
 * opened or planned, so each answer is kept and a repeat costs no store read.
 */
@Injectable()
export class ResourceOrganizations {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly assessments: AssessmentReader,
    private readonly investments: InvestmentReader,
    private readonly invitations: InvitationIndex,
  ) {}

  /** The assessment's organisation, or null when no such assessment exists. */
  ofAssessment(assessmentId: string): Promise<string | null> {
    return this.lookUp(
      `assessment/${assessmentId}`,
      async () => (await this.assessments.find(assessmentId))?.organizationId ?? null,
    );
  }

  /** The investment's organisation, or null when no such investment exists. */
  ofInvestment(investmentId: string): Promise<string | null> {
    return this.lookUp(
      `investment/${investmentId}`,
      async () => (await this.investments.find(investmentId))?.organizationId ?? null,
    );
  }

  /** The invitation's organisation, or null when no such invitation exists. */
  ofInvitation(invitationId: string): Promise<string | null> {
    return this.lookUp(
      `invitation/${invitationId}`,
      async () => (await this.invitations.find(invitationId))?.organizationId ?? null,
    );
  }

  private async lookUp(key: string, read: () => Promise<string | null>): Promise<string | null> {
    const remembered = this.known.get(key);
    if (remembered !== undefined) return remembered;
    const organizationId = await read();
    if (organizationId !== null) {
      if (this.known.size >= MAX_REMEMBERED) this.known.clear();
      this.known.set(key, organizationId);
    }
    return organizationId;
  }
}
