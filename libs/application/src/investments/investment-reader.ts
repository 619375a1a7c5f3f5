import { Injectable } from '@nestjs/common';
import {
  type InvestmentEvent,
  type InvestmentState,
  investmentDecider,
  investmentStream,
  isSlug,
} from '@app/domain';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { ReadModels } from '../projections/read-models';
import { ScoringInputsReader } from '../scoring/scoring-inputs.reader';

/** An investment that has been planned: every state but NONE. */
export type PlannedInvestmentState = Exclude<InvestmentState, { status: 'NONE' }>;

@Injectable()
export class InvestmentReader {
  constructor(
    private readonly streams: StreamStateLoader,
    private readonly readModels: ReadModels,
    private readonly scoringInputs: ScoringInputsReader,
  ) {}

  async find(investmentId: string): Promise<PlannedInvestmentState | null> {
    if (!isSlug(investmentId)) return null;
    const { state } = await this.streams.load<InvestmentEvent, InvestmentState>(
      investmentStream(investmentId),
      investmentDecider,
    );
    return state.status === 'NONE' ? null : state;
  }

  /** The organisation's investments, in the order they were planned. */
  async listFor(organizationId: string): Promise<PlannedInvestmentState[]> {
    await this.readModels.ready();
    const ids = this.readModels.index.investmentIdsOf(organizationId);
    const states = await Promise.all(ids.map((id) => this.find(id)));
    return states.filter((state): state is PlannedInvestmentState => state !== null);
  }

  /**
   * The earliest deployedAt a deployment of the organisation's investments may have: the end of
   * its first assessment period (withdrawn assessments left out), as known now; null while it has
   * no assessment. The rule itself is the investment decider's.
   */
  async deployableFrom(organizationId: string): Promise<string | null> {
    const { assessments } = await this.scoringInputs.read(organizationId);
    const periodEnds = assessments.map((assessment) => Date.parse(assessment.periodEnd));
    return periodEnds.length === 0 ? null : new Date(Math.min(...periodEnds)).toISOString();
  }
}
