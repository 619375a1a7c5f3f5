import { cellNames } from '../../apps/dashboard/src/shared/cell-names';
import {
  planChanges,
  type PlanFigures,
  revisionSavedText,
} from '../../apps/dashboard/src/planning/plan-changes';
import {
  comparisonRevisedNotes,
  revisedNote,
  revisedSinceSaved,
} from '../../apps/dashboard/src/scenario/revised-since-saved';

const names = cellNames(
  {
    functions: [
      { id: 'branches', name: 'Branches' },
      { id: 'call-centre', name: 'Call centre' },
    ],
  },
  { capabilities: [{ id: 'service-recovery', name: 'Service recovery' }] },
);
const branches = { functionId: 'branches', capabilityId: 'service-recovery', low: 0, likely: 1, high: 1.5 };
const callCentre = {
  functionId: 'call-centre',
  capabilityId: 'service-recovery',
  low: -0.5,
  likely: 0,
  high: 1,
};
const plan: PlanFigures = {
  name: 'Upsell training',
  kind: 'OPERATIONAL',
  cost: 12_000,
  lagMonths: 3,
  effects: [branches, callCentre],
};

describe('planChanges (unit)', () => {
  it('should list nothing for the same plan, effects in another order included', () => {
    expect(planChanges(plan, { ...plan, effects: [callCentre, branches] }, names)).toEqual([]);
  });

  it('should list each changed field old -> new in the planner’s words, effects cell by cell', () => {
    const changes = planChanges(
      plan,
      {
        name: 'Upsell and recovery training',
        kind: 'CAPITAL',
        cost: 9_500,
        lagMonths: 1,
        effects: [
          { ...branches, likely: 0.5 },
          { ...callCentre, functionId: 'branches', capabilityId: 'new-cell' },
        ],
      },
      names,
    );
    expect(changes.map(({ what, from, to }) => `${what}: ${from} → ${to}`)).toEqual([
      'Name: “Upsell training” → “Upsell and recovery training”',
      'Kind: operational → capital',
      'Cost: 12,000 → 9,500',
      'Takes effect after: 3 months → 1 month',
      'Effect on Branches · Service recovery: 0.0 / +1.0 / +1.5 → 0.0 / +0.5 / +1.5',
      'Effect on Branches · new-cell: none → −0.5 / 0.0 / +1.0',
      'Effect on Call centre · Service recovery: −0.5 / 0.0 / +1.0 → removed',
    ]);
    expect(changes.map((change) => change.field)).toEqual([
      'name',
      'kind',
      'cost',
      'lagMonths',
      'effects',
      'effects',
      'effects',
    ]);
  });

  it('should compare only the fields the history kept as previous', () => {
    expect(planChanges({ cost: 12_000 }, { ...plan, cost: 9_500, name: 'Other' }, names)).toEqual([
      { field: 'cost', key: 'cost', what: 'Cost', from: '12,000', to: '9,500' },
    ]);
  });
});

describe('revisionSavedText (unit)', () => {
  it('should say whether saved scenarios include it, in the singular or the plural', () => {
    expect(revisionSavedText('Upsell training', [])).toBe(
      'Saved the changes to “Upsell training”. No saved scenario includes it.',
    );
    expect(revisionSavedText('Upsell training', ['Best for 20k', 'Cheap'])).toBe(
      'Saved the changes to “Upsell training”. The saved scenarios “Best for 20k”, “Cheap” include it: they are simulated afresh, so they now simulate the revised figures.',
    );
  });
});

describe('revised since saved (unit)', () => {
  const investments = new Map([
    ['upsell', { name: 'Upsell training', revisedAt: '2026-11-29T15:20:00.000Z' }],
    ['kiosk', { name: 'Kiosk', revisedAt: null }],
  ]);
  const scenario = {
    name: 'Best for 20k',
    investmentIds: ['kiosk', 'upsell'],
    savedAt: '2026-11-29T15:00:00.000Z',
  };

  it('should name the investments revised after the scenario was saved, and only those', () => {
    expect(revisedSinceSaved(scenario, investments)).toEqual(['Upsell training']);
    expect(revisedSinceSaved({ ...scenario, savedAt: '2026-11-29T16:00:00.000Z' }, investments)).toEqual([]);
    expect(revisedNote([])).toBeNull();
    expect(revisedNote(['Upsell training'])).toBe(
      '“Upsell training” was revised since it was saved: it now simulates the revised figures.',
    );
    expect(
      comparisonRevisedNotes(
        [scenario, { ...scenario, name: 'Later', savedAt: '2026-12-01T00:00:00.000Z' }],
        investments,
      ),
    ).toEqual([
      '“Best for 20k” was saved before “Upsell training” was revised: it is simulated with the revised figures.',
    ]);
  });
});
