import { Injectable } from '@nestjs/common';
import {
  type AssessmentEvent,
  type AssessmentState,
  assessmentDecider,
  assessmentStream,
  isSlug,
} from '@app/domain';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { ReadModels } from '../projections/read-models';
import type { OpenedAssessmentState } from './assessment.command';

@Injectable()
export class AssessmentReader {
  constructor(
    private readonly streams: StreamStateLoader,
    private readonly readModels: ReadModels,
  ) {}

  async find(assessmentId: string): Promise<OpenedAssessmentState | null> {
    // An erasure another process recorded (the cli's forget) drops the states kept here, folded with
    // the opened text, once the read models apply it: wait for them, so no read shows erased text.
    await this.readModels.ready();
    return this.load(assessmentId);
  }

  /** The organisation's assessments, by periodEnd. */
  async listFor(organizationId: string): Promise<OpenedAssessmentState[]> {
    await this.readModels.ready();
    const ids = this.readModels.index.assessmentIdsOf(organizationId);
    const states = await Promise.all(ids.map((id) => this.load(id)));
    return states
      .filter((state): state is OpenedAssessmentState => state !== null)
      .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.openedAt.localeCompare(b.openedAt));
  }

  /** The assessment's state; the caller has waited for the read models. */
  private async load(assessmentId: string): Promise<OpenedAssessmentState | null> {
    if (!isSlug(assessmentId)) return null;
    const { state } = await this.streams.load<AssessmentEvent, AssessmentState>(
      assessmentStream(assessmentId),
      assessmentDecider,
    );
    return state.status === 'NONE' ? null : state;
  }
}
