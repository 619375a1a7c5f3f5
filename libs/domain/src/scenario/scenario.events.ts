import type { DomainEvent } from '../shared';

/** A named scenario a planner keeps: which investments, over which horizon, and where it came from. */
export type SavedScenarioData = {
  scenarioId: string;
  name: string;
  /** At least one, each an investment of the organisation, in the order given, none twice. */
  investmentIds: string[];
  /** 0..120. */
  horizonMonths: number;
  /** The optimiser's budget when the scenario is its answer; null when the planner ticked it. */
  budget: number | null;
  /** The optimiser's weight of CCI (0..1) when the scenario is its answer; null otherwise. */
  alpha: number | null;
};

export type ScenarioSavedData = SavedScenarioData & {
  organizationId: string;
  /** ISO-8601, from the command context. */
  savedAt: string;
};

export type ScenarioDeletedData = {
  organizationId: string;
  scenarioId: string;
  /** ISO-8601, from the command context. */
  deletedAt: string;
};

/** The portfolio taken to the board, the same on every device: one saved scenario, or none. */
export type ScenarioChosenForBoardData = {
  organizationId: string;
  /** A scenario saved and not deleted when chosen; null: the board report shows none. */
  scenarioId: string | null;
  /** ISO-8601, from the command context. */
  chosenAt: string;
};

export type ScenarioSaved = DomainEvent<'ScenarioSaved', ScenarioSavedData>;
export type ScenarioDeleted = DomainEvent<'ScenarioDeleted', ScenarioDeletedData>;
export type ScenarioChosenForBoard = DomainEvent<'ScenarioChosenForBoard', ScenarioChosenForBoardData>;

export type ScenarioEvent = ScenarioSaved | ScenarioDeleted | ScenarioChosenForBoard;
export type ScenarioEventType = ScenarioEvent['type'];

export const SCENARIO_EVENT_SCHEMA_VERSIONS: Record<ScenarioEventType, number> = {
  ScenarioSaved: 1,
  ScenarioDeleted: 1,
  ScenarioChosenForBoard: 1,
};
