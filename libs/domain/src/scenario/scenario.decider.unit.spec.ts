import { VALIDATION_ERROR_CODES } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, NOW, NOW_ISO } from '../shared/testing/fixtures';
import type { SaveScenario } from './scenario.commands';
import { MAX_SAVED_SCENARIOS, scenarioDecider } from './scenario.decider';
import { SCENARIO_ERROR_CODES } from './scenario.errors';
import type { ScenarioEvent } from './scenario.events';
import { evolveScenarioBook, initialScenarioBookState } from './scenario.state';

const context = { now: NOW, investmentIds: new Set(['joint-huddles', 'ward-training', 'kiosk']) };
const spec = deciderSpecification(scenarioDecider, context);

const save = (overrides: Partial<SaveScenario['data']> = {}): SaveScenario => ({
  type: 'SaveScenario',
  data: {
    organizationId: HOTEL_ID,
    scenarioId: 'huddles-and-training',
    name: 'Huddles and training',
    investmentIds: ['joint-huddles', 'ward-training'],
    horizonMonths: 12,
    ...overrides,
  },
});

const saved = (
  overrides: Partial<Extract<ScenarioEvent, { type: 'ScenarioSaved' }>['data']> = {},
): ScenarioEvent => ({
  type: 'ScenarioSaved',
  data: {
    organizationId: HOTEL_ID,
    scenarioId: 'huddles-and-training',
    name: 'Huddles and training',
    investmentIds: ['joint-huddles', 'ward-training'],
    horizonMonths: 12,
    budget: null,
    alpha: null,
    savedAt: NOW_ISO,
    ...overrides,
  },
});

describe('scenario decider', () => {
  it('should save a named set of investments, with the optimiser’s budget and weight when it came from there', () => {
    spec.given([]).when(save()).then([saved()]);
    spec
      .given([])
      .when(
        save({
          scenarioId: 'best-50k',
          name: 'Best within 50,000',
          investmentIds: ['kiosk'],
          budget: 50_000,
          alpha: 0.7,
        }),
      )
      .then([
        saved({
          scenarioId: 'best-50k',
          name: 'Best within 50,000',
          investmentIds: ['kiosk'],
          budget: 50_000,
          alpha: 0.7,
        }),
      ]);
  });

  it('should replace a scenario saved again under its id, keeping its place', () => {
    const book = [
      saved(),
      saved({ scenarioId: 'kiosk-only', investmentIds: ['kiosk'] }),
      saved({ name: 'Renamed', horizonMonths: 24 }),
    ].reduce(evolveScenarioBook, initialScenarioBookState());
    expect(
      book.scenarios.map(({ scenarioId, name, horizonMonths }) => [scenarioId, name, horizonMonths]),
    ).toEqual([
      ['huddles-and-training', 'Renamed', 24],
      ['kiosk-only', 'Huddles and training', 12],
    ]);
  });

  it('should delete a saved scenario, and refuse to delete one that is not saved', () => {
    spec
      .given([saved()])
      .when({
        type: 'DeleteScenario',
        data: { organizationId: HOTEL_ID, scenarioId: 'huddles-and-training' },
      })
      .then([
        {
          type: 'ScenarioDeleted',
          data: { organizationId: HOTEL_ID, scenarioId: 'huddles-and-training', deletedAt: NOW_ISO },
        },
      ]);
    spec
      .given([
        saved(),
        {
          type: 'ScenarioDeleted',
          data: { organizationId: HOTEL_ID, scenarioId: 'huddles-and-training', deletedAt: NOW_ISO },
        },
      ])
      .when({
        type: 'DeleteScenario',
        data: { organizationId: HOTEL_ID, scenarioId: 'huddles-and-training' },
      })
      .thenThrows('not_found', SCENARIO_ERROR_CODES.notFound, 'scenarioId');
  });

  it('should record the scenario chosen for the board, and none, refusing one that is not saved', () => {
    const choose = (scenarioId: string | null) => ({
      type: 'ChooseScenarioForBoard' as const,
      data: { organizationId: HOTEL_ID, scenarioId },
    });
    const chosen = (scenarioId: string | null): ScenarioEvent => ({
      type: 'ScenarioChosenForBoard',
      data: { organizationId: HOTEL_ID, scenarioId, chosenAt: NOW_ISO },
    });
    spec
      .given([saved()])
      .when(choose('huddles-and-training'))
      .then([chosen('huddles-and-training')]);
    spec
      .given([saved(), chosen('huddles-and-training')])
      .when(choose(null))
      .then([chosen(null)]);
    spec
      .given([saved()])
      .when(choose('never-saved'))
      .thenThrows('not_found', SCENARIO_ERROR_CODES.notFound, 'scenarioId');
    spec
      .given([saved()])
      .when(choose('Not A Slug'))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.notASlug, 'scenarioId');
  });

  it('should hold the board’s choice until it changes, and none once the chosen scenario is deleted', () => {
    const chosen: ScenarioEvent = {
      type: 'ScenarioChosenForBoard',
      data: { organizationId: HOTEL_ID, scenarioId: 'huddles-and-training', chosenAt: NOW_ISO },
    };
    const other = saved({ scenarioId: 'kiosk-only', investmentIds: ['kiosk'] });
    const fold = (events: ScenarioEvent[]) => events.reduce(evolveScenarioBook, initialScenarioBookState());
    expect(fold([saved(), other, chosen]).boardScenarioId).toBe('huddles-and-training');
    // Saving it again keeps the choice; deleting another one too.
    expect(fold([saved(), other, chosen, saved({ name: 'Renamed' })]).boardScenarioId).toBe(
      'huddles-and-training',
    );
    const deleted = (scenarioId: string): ScenarioEvent => ({
      type: 'ScenarioDeleted',
      data: { organizationId: HOTEL_ID, scenarioId, deletedAt: NOW_ISO },
    });
    expect(fold([saved(), other, chosen, deleted('kiosk-only')]).boardScenarioId).toBe(
      'huddles-and-training',
    );
    expect(fold([saved(), other, chosen, deleted('huddles-and-training')]).boardScenarioId).toBeNull();
  });

  it('should refuse a scenario without investments, with an unknown or repeated one, naming the field', () => {
    spec
      .given([])
      .when(save({ investmentIds: [] }))
      .thenThrows('invalid_input', SCENARIO_ERROR_CODES.noInvestments, 'investmentIds');
    spec
      .given([])
      .when(save({ investmentIds: ['kiosk', 'someone-elses'] }))
      .thenThrows('not_found', SCENARIO_ERROR_CODES.unknownInvestment, 'investmentIds[1]');
    spec
      .given([])
      .when(save({ investmentIds: ['kiosk', 'kiosk'] }))
      .thenThrows('invalid_input', SCENARIO_ERROR_CODES.duplicateInvestment, 'investmentIds[1]');
  });

  it('should refuse a blank name, a horizon beyond ten years, a negative budget and a weight outside 0 to 1', () => {
    spec
      .given([])
      .when(save({ name: '  ' }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.required, 'name');
    spec
      .given([])
      .when(save({ horizonMonths: 121 }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.outOfRange, 'horizonMonths');
    spec
      .given([])
      .when(save({ budget: -1 }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.outOfRange, 'budget');
    spec
      .given([])
      .when(save({ alpha: 1.5 }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.outOfRange, 'alpha');
    spec
      .given([])
      .when(save({ scenarioId: 'Not A Slug' }))
      .thenThrows('invalid_input', VALIDATION_ERROR_CODES.notASlug, 'scenarioId');
  });

  it(`should keep at most ${MAX_SAVED_SCENARIOS} scenarios, though one may still be saved again`, () => {
    const full = Array.from({ length: MAX_SAVED_SCENARIOS }, (_, index) =>
      saved({ scenarioId: `option-${index}` }),
    );
    spec
      .given(full)
      .when(save({ scenarioId: 'one-more' }))
      .thenThrows('conflict', SCENARIO_ERROR_CODES.tooMany, 'scenarioId');
    spec
      .given(full)
      .when(save({ scenarioId: 'option-3', name: 'Option 3' }))
      .then([saved({ scenarioId: 'option-3', name: 'Option 3' })]);
  });
});
