import type { SavedScenarioData, ScenarioEvent } from './scenario.events';

export type SavedScenario = SavedScenarioData & { savedAt: string };

/**
 * An organisation's saved scenarios, in the order first saved (saving again keeps the place), and
 * the one chosen for the board (null: none; deleting it leaves none chosen).
 */
export type ScenarioBookState = { scenarios: readonly SavedScenario[]; boardScenarioId: string | null };

export const initialScenarioBookState = (): ScenarioBookState => ({ scenarios: [], boardScenarioId: null });

export function evolveScenarioBook(state: ScenarioBookState, event: ScenarioEvent): ScenarioBookState {
  switch (event.type) {
    case 'ScenarioSaved': {
      const { organizationId: _organizationId, ...saved } = event.data;
      const exists = state.scenarios.some((scenario) => scenario.scenarioId === saved.scenarioId);
      return {
        ...state,
        scenarios: exists
          ? state.scenarios.map((scenario) => (scenario.scenarioId === saved.scenarioId ? saved : scenario))
          : [...state.scenarios, saved],
      };
    }
    case 'ScenarioDeleted':
      return {
        scenarios: state.scenarios.filter((scenario) => scenario.scenarioId !== event.data.scenarioId),
        boardScenarioId: state.boardScenarioId === event.data.scenarioId ? null : state.boardScenarioId,
      };
    case 'ScenarioChosenForBoard':
      return { ...state, boardScenarioId: event.data.scenarioId };
  }
}
