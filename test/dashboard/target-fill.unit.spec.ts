// Filling targets in bulk: what the page sends and what its confirmation counts.
import { planTargetFill, type FillGrid } from '../../apps/dashboard/src/setup/target-fill';

const grid: FillGrid = {
  functionIds: ['branches', 'call-centre', 'lending'],
  capabilityIds: ['self-service', 'service-recovery'],
  targets: [
    { capabilityId: 'self-service', functionId: null, level: 3 },
    { capabilityId: 'service-recovery', functionId: 'call-centre', level: 4 },
  ],
};

describe('Filling targets in bulk (unit)', () => {
  it('should set every capability for every function, keeping overrides unless asked', () => {
    expect(planTargetFill(grid, { kind: 'every' }, 3, false)).toEqual({
      targets: [
        { capabilityId: 'self-service', functionId: null, level: 3 },
        { capabilityId: 'service-recovery', functionId: null, level: 3 },
      ],
      replaceOverrides: false,
      cells: 6,
      // self-service already shows 3 everywhere; the call centre keeps its 4.
      changedCells: 2,
      overrides: 1,
      overridesReplaced: false,
    });
    expect(planTargetFill(grid, { kind: 'every' }, 3, true)).toMatchObject({
      replaceOverrides: true,
      changedCells: 3,
      overrides: 1,
      overridesReplaced: true,
    });
  });

  it('should fill a capability column with its target for every function', () => {
    expect(planTargetFill(grid, { kind: 'capability', capabilityId: 'self-service' }, 5, false)).toEqual({
      targets: [{ capabilityId: 'self-service', functionId: null, level: 5 }],
      replaceOverrides: false,
      cells: 3,
      changedCells: 3,
      overrides: 0,
      overridesReplaced: false,
    });
  });

  it('should fill a function row with overrides, which replace its own', () => {
    expect(planTargetFill(grid, { kind: 'function', functionId: 'call-centre' }, 4, true)).toEqual({
      targets: [
        { capabilityId: 'self-service', functionId: 'call-centre', level: 4 },
        { capabilityId: 'service-recovery', functionId: 'call-centre', level: 4 },
      ],
      // A row's overrides are the targets it sets: nothing else to remove.
      replaceOverrides: false,
      cells: 2,
      changedCells: 1,
      overrides: 1,
      overridesReplaced: true,
    });
  });

  it('should count a cell with no target as changed', () => {
    expect(
      planTargetFill({ ...grid, targets: [] }, { kind: 'function', functionId: 'lending' }, 1, false)
        .changedCells,
    ).toBe(2);
  });
});
