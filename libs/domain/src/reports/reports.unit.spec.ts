import {
  capabilityLevelsOf,
  changeBetween,
  computeMaturity,
  requireComparedOrganizationIds,
  requireOneModel,
  requireOrderedRange,
} from '@app/domain';
import type { ScoringModel, ScoringOrganization } from '@app/domain';
import { thrownBy } from '../scoring/thrown-by.fixtures';

// L = 5, two capabilities (weights 2 and 1), two linked functions.
const model: ScoringModel = {
  levelCount: 5,
  capabilities: [
    { id: 'insight', weight: 2 },
    { id: 'recovery', weight: 1 },
  ],
};
const organization: ScoringOrganization = {
  functions: [
    { id: 'front-desk', customerFacing: true },
    { id: 'housekeeping', customerFacing: false },
  ],
  interactions: [],
  targets: [],
};
const level = (functionId: string, capabilityId: string, value: number) => ({
  functionId,
  capabilityId,
  level: value,
});

describe('changeBetween', () => {
  const before = computeMaturity(model, organization, [
    level('front-desk', 'insight', 2),
    level('housekeeping', 'insight', 4),
  ]);
  const after = computeMaturity(model, organization, [
    level('front-desk', 'insight', 3.5),
    level('housekeeping', 'insight', 4),
    level('housekeeping', 'recovery', 1),
  ]);
  const change = changeBetween(before, after);

  it('should list each cell rated at either instant, with after - before', () => {
    expect(change.cells).toEqual([
      { functionId: 'front-desk', capabilityId: 'insight', before: 2, after: 3.5, delta: 1.5 },
      { functionId: 'housekeeping', capabilityId: 'insight', before: 4, after: 4, delta: 0 },
      { functionId: 'housekeeping', capabilityId: 'recovery', before: null, after: 1, delta: null },
    ]);
  });

  it('should carry both instants indices', () => {
    // Before: CCI = 100 * 2 * ((2-1)/4 + (4-1)/4) / (2 + 2) = 50; AI = 100 * (1 - 2/4) = 50.
    expect(change.before.customerCentricityIndex).toBeCloseTo(50, 10);
    expect(change.before.alignmentIndex).toBeCloseTo(50, 10);
    // After: CCI = 100 * (2 * 2.5/4 + 2 * 3/4 + 1 * 0) / 5 = 55; AI = 100 * (1 - 0.5/4) = 87.5.
    expect(change.after.customerCentricityIndex).toBeCloseTo(55, 10);
    expect(change.after.alignmentIndex).toBeCloseTo(87.5, 10);
    expect(change.after.targetAttainment).toBeNull();
  });

  it('should list a cell rated only before, with no delta', () => {
    expect(changeBetween(after, before).cells[2]).toEqual({
      functionId: 'housekeeping',
      capabilityId: 'recovery',
      before: 1,
      after: null,
      delta: null,
    });
  });

  it('should list no cell when neither instant has a rating', () => {
    const empty = computeMaturity(model, organization, []);
    expect(changeBetween(empty, empty).cells).toEqual([]);
  });
});

describe('capabilityLevelsOf', () => {
  it('should take the plain mean over the rated functions, in the order of the capabilities given', () => {
    const cells = [
      { capabilityId: 'insight', level: 2 },
      { capabilityId: 'insight', level: 3.5 },
      { capabilityId: 'recovery', level: null },
      { capabilityId: 'insight', level: null },
    ];
    expect(capabilityLevelsOf(['recovery', 'insight'], cells)).toEqual([
      { capabilityId: 'recovery', level: null },
      { capabilityId: 'insight', level: 2.75 },
    ]);
  });
});

describe('comparison input', () => {
  it('should refuse an empty list, naming the field', () => {
    expect(thrownBy(() => requireComparedOrganizationIds('organizationIds', []))).toMatchObject({
      kind: 'invalid_input',
      field: 'organizationIds',
    });
  });

  it('should refuse an organisation listed twice', () => {
    expect(thrownBy(() => requireComparedOrganizationIds('organizationIds', ['a', 'b', 'a']))).toMatchObject({
      kind: 'invalid_input',
      code: 'REPORT.ORGANIZATION_TWICE',
    });
  });

  it('should refuse an id that is not a slug, naming its position', () => {
    expect(
      thrownBy(() => requireComparedOrganizationIds('organizationIds', ['a', 'Not A Slug'])),
    ).toMatchObject({
      field: 'organizationIds[1]',
    });
  });

  it('should refuse more than fifty organisations', () => {
    const ids = Array.from({ length: 51 }, (_, index) => `site-${index}`);
    expect(thrownBy(() => requireComparedOrganizationIds('organizationIds', ids))).toMatchObject({
      code: 'REPORT.TOO_MANY_ORGANIZATIONS',
    });
  });

  it('should refuse organisations on different models and accept one model', () => {
    expect(
      thrownBy(() => {
        requireOneModel('organizationIds', [
          { id: 'a', modelId: 'customer-centricity' },
          { id: 'b', modelId: 'banking' },
        ]);
      }),
    ).toMatchObject({ kind: 'invalid_input', field: 'organizationIds', code: 'REPORT.DIFFERENT_MODELS' });
    expect(() => {
      requireOneModel('organizationIds', [
        { id: 'a', modelId: 'customer-centricity' },
        { id: 'b', modelId: 'customer-centricity' },
      ]);
    }).not.toThrow();
  });

  it('should refuse from after to, naming from', () => {
    expect(
      thrownBy(() => {
        requireOrderedRange('2024-06-30T00:00:00.000Z', '2024-03-31T00:00:00.000Z');
      }),
    ).toMatchObject({ kind: 'invalid_input', field: 'from' });
    expect(() => {
      requireOrderedRange('2024-03-31T00:00:00.000Z', '2024-03-31T00:00:00.000Z');
    }).not.toThrow();
  });
});
