import { Injectable } from '@nestjs/common';
import {
  type SavedScenario,
  type ScenarioBookState,
  type ScenarioEvent,
  isSlug,
  scenarioBookStream,
  scenarioDecider,
} from '@app/domain';
import { StreamStateLoader } from '../streams/stream-state-loader';

@Injectable()
export class ScenarioReader {
  constructor(private readonly streams: StreamStateLoader) {}

  /** The organisation's saved scenarios, in the order first saved. */
  async listFor(organizationId: string): Promise<readonly SavedScenario[]> {
    return (await this.bookOf(organizationId)).scenarios;
  }

  /** The saved scenarios and the one chosen for the board. */
  async bookOf(organizationId: string): Promise<ScenarioBookState> {
    if (!isSlug(organizationId)) return scenarioDecider.initialState();
    const { state } = await this.streams.load<ScenarioEvent, ScenarioBookState>(
      scenarioBookStream(organizationId),
      scenarioDecider,
    );
    return state;
  }
}
