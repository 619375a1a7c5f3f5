// Who of an organisation's respondents was forgotten, and when: what the office checks a list of
// people against before inviting them (a forgotten person is never invited again).
import { Injectable } from '@nestjs/common';
import { organizationStream, personalDataDecider } from '@app/domain';
import { OrganizationReader } from '../organizations/organization-reader';
import { StreamStateLoader } from '../streams/stream-state-loader';

export interface ForgottenRespondentView {
  respondentId: string;
  /** ISO-8601. */
  forgottenAt: string;
}

@Injectable()
export class ForgottenRespondents {
  constructor(
    private readonly organizations: OrganizationReader,
    private readonly streams: StreamStateLoader,
  ) {}

  /** The organisation's forgotten respondents, oldest forgetting first; NOT_FOUND for no such organisation. */
  async of(organizationId: string): Promise<ForgottenRespondentView[]> {
    const organization = await this.organizations.require(organizationId);
    const { state } = await this.streams.load(organizationStream(organization.id), personalDataDecider);
    return Object.entries(state.forgotten)
      .map(([respondentId, forgottenAt]) => ({ respondentId, forgottenAt }))
      .sort(
        (one, other) =>
          one.forgottenAt.localeCompare(other.forgottenAt) ||
          one.respondentId.localeCompare(other.respondentId),
      );
  }
}
