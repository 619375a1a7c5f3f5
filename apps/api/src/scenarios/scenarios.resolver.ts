import { INPUT_DESCRIPTIONS } from '../graphql/input-descriptions';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  ExecuteScenarioCommand,
  ScenarioReader,
  commandContextOf,
  makeIdentifier,
  type Principal,
} from '@app/application';
import {
  DEFAULT_HORIZON_MONTHS,
  type SavedScenario as SavedScenarioState,
  type ScenarioBookState,
  type ScenarioCommand,
} from '@app/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { SavedScenario } from './saved-scenario.model';
import { SaveScenarioInput } from './scenario.inputs';

const toSavedScenario = (
  organizationId: string,
  { scenarioId, ...scenario }: SavedScenarioState,
  boardScenarioId: string | null,
): SavedScenario => ({
  id: scenarioId,
  organizationId,
  ...scenario,
  chosenForBoard: scenarioId === boardScenarioId,
});

const toSavedScenarios = (organizationId: string, book: ScenarioBookState): SavedScenario[] =>
  book.scenarios.map((scenario) => toSavedScenario(organizationId, scenario, book.boardScenarioId));

@Resolver(() => SavedScenario)
export class ScenariosResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly scenarioReader: ScenarioReader,
  ) {}

  @Query(() => [SavedScenario], {
    description: "The organisation's saved scenarios, in the order first saved.",
  })
  async scenarios(
    @Args('organizationId', { type: () => ID, description: 'The organisation.' }) organizationId: string,
  ): Promise<SavedScenario[]> {
    return toSavedScenarios(organizationId, await this.scenarioReader.bookOf(organizationId));
  }

  @Mutation(() => SavedScenario, {
    description:
      'Saves a named scenario for every planner of the organisation to see; the same id again replaces it.',
  })
  async saveScenario(
    @Args('input') { scenarioId, commandId, horizonMonths, ...scenario }: SaveScenarioInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SavedScenario> {
    const id = scenarioId ?? makeIdentifier('scenario', commandId ?? null, scenario.organizationId);
    const state = await this.execute(
      {
        type: 'SaveScenario',
        data: { ...scenario, scenarioId: id, horizonMonths: horizonMonths ?? DEFAULT_HORIZON_MONTHS },
      },
      principal,
      commandId,
    );
    const saved = state.scenarios.find((candidate) => candidate.scenarioId === id);
    if (saved === undefined) throw new Error('a saved scenario is in its organisation’s scenarios');
    return toSavedScenario(scenario.organizationId, saved, state.boardScenarioId);
  }

  @Mutation(() => [SavedScenario], {
    description: "Deletes a saved scenario; answers the organisation's scenarios that remain.",
  })
  async deleteScenario(
    @Args('organizationId', { type: () => ID, description: 'The organisation.' }) organizationId: string,
    @Args('scenarioId', { type: () => ID, description: 'The saved scenario to delete.' }) scenarioId: string,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SavedScenario[]> {
    const state = await this.execute(
      { type: 'DeleteScenario', data: { organizationId, scenarioId } },
      principal,
      commandId,
    );
    return toSavedScenarios(organizationId, state);
  }

  @Mutation(() => [SavedScenario], {
    description:
      "Chooses the saved scenario the board report shows as the recommended portfolio, the same on every device; answers the organisation's scenarios.",
  })
  async chooseScenarioForBoard(
    @Args('organizationId', { type: () => ID, description: 'The organisation.' }) organizationId: string,
    @Args('scenarioId', {
      type: () => ID,
      nullable: true,
      description:
        'A saved scenario of the organisation; left out or null: none, the planned investments only.',
    })
    scenarioId: string | null,
    @Args('commandId', { type: () => ID, nullable: true, description: INPUT_DESCRIPTIONS.commandId })
    commandId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SavedScenario[]> {
    const state = await this.execute(
      { type: 'ChooseScenarioForBoard', data: { organizationId, scenarioId: scenarioId ?? null } },
      principal,
      commandId,
    );
    return toSavedScenarios(organizationId, state);
  }

  /** The organisation's scenarios after the command. */
  private execute(
    command: ScenarioCommand,
    principal: Principal,
    commandId: string | null | undefined,
  ): Promise<ScenarioBookState> {
    return this.commandBus.execute(
      new ExecuteScenarioCommand(command, commandContextOf(principal, commandId)),
    );
  }
}
