// Saving under a name in use replaces that scenario for every planner: the page finds it by the
// name's slug and asks, naming what would be lost (the trial's "Best for 20k" case).
import {
  describeSavedScenario,
  replaceQuestion,
  scenarioReplacedBy,
} from '../../apps/dashboard/src/scenario/replaced-scenario';

const optimised = {
  id: 'best-for-20k',
  name: 'Best for 20k',
  investmentIds: ['supplier-contract', 'bar-menu'],
  horizonMonths: 12,
  budget: 20_000,
  savedAt: '2026-11-29T15:13:05Z',
};

describe('scenarioReplacedBy (unit)', () => {
  it('should find the scenario whose id is the slug of the name, however it is spelled', () => {
    expect(scenarioReplacedBy([optimised], 'Best for 20k')).toBe(optimised);
    expect(scenarioReplacedBy([optimised], '  best FOR 20k! ')).toBe(optimised);
  });

  it('should find none for a new name or a name without letters or digits (that gets a new id)', () => {
    expect(scenarioReplacedBy([optimised], 'Best for 30k')).toBeNull();
    expect(scenarioReplacedBy([optimised], '!!!')).toBeNull();
  });
});

describe('replaceQuestion (unit)', () => {
  it('should name the existing scenario, its origin, its size, its horizon and when it was saved', () => {
    expect(replaceQuestion(optimised)).toBe(
      'A scenario named “Best for 20k” exists: the optimiser within 20,000, 2 investments, 12 months, saved 29 Nov 2026, 15:13:05 UTC. Replace it? Its investments, horizon and budget are lost for every planner.',
    );
  });

  it('should say a planner ticked it when no budget was optimised, with one investment in the singular', () => {
    expect(describeSavedScenario({ ...optimised, investmentIds: ['bar-menu'], budget: null })).toBe(
      'ticked by a planner, 1 investment, 12 months, saved 29 Nov 2026, 15:13:05 UTC',
    );
  });
});
