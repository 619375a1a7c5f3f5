import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { type AssessmentEvent, type AssessmentState, assessmentDecider, assessmentStream, isSlug } from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { OpenedAssessmentState } from './assessment.command';

@Injectable()
export class AssessmentReader {
  constructor(
    private readonly executor: EventSourcedExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async find(assessmentId: string): Promise<OpenedAssessmentState | null> {
    if (!isSlug(assessmentId)) return null;
    const { state } = await this.executor.load<AssessmentEvent, AssessmentState>(assessmentStream(assessmentId), assessmentDecider);
    return state.status === 'NONE' ? null : state;
  }

  /** The organisation's assessments, by periodEnd. */
  async listFor(organizationId: string): Promise<OpenedAssessmentState[]> {
    const opened = await this.store.readAll({ eventTypes: ['AssessmentOpened'] });
    const ids = opened.filter((event) => event.data.organizationId === organizationId).map((event) => String(event.data.assessmentId));
    const states = await Promise.all(ids.map((id) => this.find(id)));
    return states
      .filter((state): state is OpenedAssessmentState => state !== null)
      .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.openedAt.localeCompare(b.openedAt));
  }
}
