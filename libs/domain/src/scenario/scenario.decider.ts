import {
  conflict,
  type Decider,
  invalidInput,
  notFound,
  unknownId,
  requireAmount,
  requireInteger,
  requireNumberInRange,
  requireSlug,
  requireText,
  TEXT_FIELDS,
} from '../shared';
import { MAXIMUM_HORIZON_MONTHS } from '../simulation/scenario-effects';
import type { SaveScenario, ScenarioCommand, ScenarioContext } from './scenario.commands';
import { SCENARIO_ERROR_CODES } from './scenario.errors';
import type { ScenarioEvent } from './scenario.events';
import { evolveScenarioBook, initialScenarioBookState, type ScenarioBookState } from './scenario.state';

/** Enough for every option a committee weighs, few enough to compare on one screen. */
export const MAX_SAVED_SCENARIOS = 100;
/** As many as a scenario can simulate at once. */
export const MAX_SCENARIO_INVESTMENTS = 200;

export function decideScenario(
  command: ScenarioCommand,
  state: ScenarioBookState,
  context: ScenarioContext,
): ScenarioEvent[] {
  const organizationId = requireSlug('organizationId', command.data.organizationId);
  const now = context.now.toISOString();
  const unknown = (scenarioId: string) =>
    notFound(
      'scenarioId',
      `scenarioId: organisation "${organizationId}" has no saved scenario "${scenarioId}"`,
      SCENARIO_ERROR_CODES.notFound,
    );
  const isSaved = (scenarioId: string) =>
    state.scenarios.some((scenario) => scenario.scenarioId === scenarioId);
  if (command.type === 'ChooseScenarioForBoard') {
    const chosen =
      command.data.scenarioId === null ? null : requireSlug('scenarioId', command.data.scenarioId);
    if (chosen !== null && !isSaved(chosen)) throw unknown(chosen);
    return [{ type: 'ScenarioChosenForBoard', data: { organizationId, scenarioId: chosen, chosenAt: now } }];
  }
  const scenarioId = requireSlug('scenarioId', command.data.scenarioId);
  const known = isSaved(scenarioId);
  if (command.type === 'DeleteScenario') {
    if (!known) throw unknown(scenarioId);
    return [{ type: 'ScenarioDeleted', data: { organizationId, scenarioId, deletedAt: now } }];
  }
  if (!known && state.scenarios.length >= MAX_SAVED_SCENARIOS) {
    throw conflict(
      `scenarioId: organisation "${organizationId}" already keeps ${MAX_SAVED_SCENARIOS} scenarios; delete one it no longer needs first`,
      SCENARIO_ERROR_CODES.tooMany,
      'scenarioId',
    );
  }
  return [
    {
      type: 'ScenarioSaved',
      data: { organizationId, ...validScenario(command, scenarioId, context), savedAt: now },
    },
  ];
}

function validScenario(command: SaveScenario, scenarioId: string, context: ScenarioContext) {
  const { data } = command;
  return {
    scenarioId,
    name: requireText('name', data.name, TEXT_FIELDS.name),
    investmentIds: requireInvestments(data.investmentIds, context),
    horizonMonths: requireInteger('horizonMonths', data.horizonMonths, 0, MAXIMUM_HORIZON_MONTHS),
    budget: data.budget === undefined || data.budget === null ? null : requireAmount('budget', data.budget),
    alpha:
      data.alpha === undefined || data.alpha === null
        ? null
        : requireNumberInRange('alpha', data.alpha, 0, 1),
  };
}

function requireInvestments(ids: unknown, context: ScenarioContext): string[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw invalidInput(
      'investmentIds',
      'investmentIds must name at least one investment: a scenario is a set of investments',
      SCENARIO_ERROR_CODES.noInvestments,
    );
  }
  if (ids.length > MAX_SCENARIO_INVESTMENTS) {
    throw invalidInput(
      'investmentIds',
      `investmentIds: at most ${MAX_SCENARIO_INVESTMENTS} investments in one scenario, got ${ids.length}`,
    );
  }
  const seen = new Set<string>();
  return ids.map((value: unknown, index) => {
    const field = `investmentIds[${index}]`;
    const id = requireSlug(field, value);
    // Another organisation's investment is answered as unknown, as everywhere else.
    if (!context.investmentIds.has(id)) {
      throw unknownId(field, 'investment', SCENARIO_ERROR_CODES.unknownInvestment);
    }
    if (seen.has(id)) {
      throw invalidInput(
        field,
        `${field} repeats investment "${id}"; name each once`,
        SCENARIO_ERROR_CODES.duplicateInvestment,
      );
    }
    seen.add(id);
    return id;
  });
}

export const scenarioDecider: Decider<ScenarioCommand, ScenarioEvent, ScenarioBookState, ScenarioContext> = {
  initialState: initialScenarioBookState,
  decide: decideScenario,
  evolve: evolveScenarioBook,
};
