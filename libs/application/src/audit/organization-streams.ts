import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { assessmentStream, investmentStream, organizationStream, scenarioBookStream } from '@app/domain';
import { ReadModels } from '../projections/read-models';

/** The streams that hold an organisation's events: its own, its assessments', its investments' and its saved scenarios'. */
@Injectable()
export class OrganizationStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /** From the organisation index read model: the cost follows this organisation only (history, export). */
  async fromIndex(organizationId: string): Promise<string[]> {
    await this.readModels.ready();
    const index = this.readModels.index;
    if (!index.hasOrganization(organizationId)) return this.fromStore(organizationId);
    return [
      organizationStream(organizationId),
      ...index.assessmentIdsOf(organizationId).map(assessmentStream),
      ...index.investmentIdsOf(organizationId).map(investmentStream),
      scenarioBookStream(organizationId),
    ];
  }

  /**
   * From the store alone, through the opening events (the type index): an integrity proof must not
   * trust a derived read model. The cost follows the store's assessments and investments.
   */
  async fromStore(organizationId: string): Promise<string[]> {
    const [opened, planned] = await Promise.all([
      this.store.readAll({ eventTypes: ['AssessmentOpened'], raw: true }),
      this.store.readAll({ eventTypes: ['InvestmentPlanned'], raw: true }),
    ]);
    // The scenario book is named after the organisation: no opening event to look for.
    const streams = [organizationStream(organizationId), scenarioBookStream(organizationId)];
    for (const { data } of opened)
      if (data.organizationId === organizationId && typeof data.assessmentId === 'string')
        streams.push(assessmentStream(data.assessmentId));
    for (const { data } of planned)
      if (data.organizationId === organizationId && typeof data.investmentId === 'string')
        streams.push(investmentStream(data.investmentId));
    return [...new Set(streams)];
  }
}
