import { Injectable } from '@nestjs/common';
import {
  type AssessmentEvent,
  type AssessmentState,
  assessmentDecider,
  assessmentStream,
  isSlug,
} from '@app/domain';
import { yieldToOtherWork } from '@app/projections';
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
    const states: OpenedAssessmentState[] = [];
    // One at a time, other requests served between them: a long history's first read folds every
    // assessment's events (those kept from an earlier read only fold what came since).
    for (const id of this.readModels.index.assessmentIdsOf(organizationId)) {
      const state = await this.load(id);
      if (state !== null) states.push(state);
      await yieldToOtherWork();
    }
    return states.sort(
      (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.openedAt.localeCompare(b.openedAt),
    );
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
