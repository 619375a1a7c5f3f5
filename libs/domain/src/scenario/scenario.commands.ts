export type SaveScenario = {
  type: 'SaveScenario';
  data: {
    organizationId: string;
    scenarioId: string;
    name: string;
    investmentIds: string[];
    horizonMonths: number;
    budget?: number | null;
    alpha?: number | null;
  };
};

export type DeleteScenario = {
  type: 'DeleteScenario';
  data: { organizationId: string; scenarioId: string };
};

/** The saved scenario the board report shows as the recommended portfolio; null: none. */
export type ChooseScenarioForBoard = {
  type: 'ChooseScenarioForBoard';
  data: { organizationId: string; scenarioId: string | null };
};

export type ScenarioCommand = SaveScenario | DeleteScenario | ChooseScenarioForBoard;

export type ScenarioContext = {
  now: Date;
  /** The organisation's investments (any status): a scenario names only these. */
  investmentIds: ReadonlySet<string>;
};
