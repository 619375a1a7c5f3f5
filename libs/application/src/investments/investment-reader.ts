import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { type InvestmentEvent, type InvestmentState, investmentDecider, investmentStream, isSlug } from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { PlannedInvestmentState } from './investment.command';

@Injectable()
export class InvestmentReader {
  constructor(
    private readonly executor: EventSourcedExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async find(investmentId: string): Promise<PlannedInvestmentState | null> {
    if (!isSlug(investmentId)) return null;
    const { state } = await this.executor.load<InvestmentEvent, InvestmentState>(investmentStream(investmentId), investmentDecider);
    return state.status === 'NONE' ? null : state;
  }

  /** The organisation's investments, in the order they were planned. */
  async listFor(organizationId: string): Promise<PlannedInvestmentState[]> {
    const planned = await this.store.readAll({ eventTypes: ['InvestmentPlanned'] });
    const ids = planned.filter((event) => event.data.organizationId === organizationId).map((event) => String(event.data.investmentId));
    const states = await Promise.all(ids.map((id) => this.find(id)));
    return states.filter((state): state is PlannedInvestmentState => state !== null);
  }
}
