import { computeMaturity, effectiveCells, organizationAsOf } from '@app/domain';
import type { AssessmentRatings, ScoringModel, ScoringOrganization } from '@app/domain';

// Three functions; billing merged into patient services from 1 May 2024. L = 5.
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
    { id: 'patient-services', customerFacing: false },
    { id: 'billing', customerFacing: true, retiredFrom: '2024-05-01T00:00:00.000Z' },
  ],
  // Only billing's links are declared towards patient services; front desk <-> patient services too.
  interactions: [
    { from: 'front-desk', to: 'patient-services', weight: 1 },
    { from: 'billing', to: 'patient-services', weight: 3 },
  ],
  targets: [
    { capabilityId: 'insight', functionId: null, level: 4 },
    { capabilityId: 'insight', functionId: 'billing', level: 5 },
  ],
};

const march: AssessmentRatings = {
  assessmentId: 'march',
  periodEnd: '2024-03-31T00:00:00.000Z',
  sequence: 1,
  ratings: [
    { functionId: 'front-desk', capabilityId: 'insight', level: 3, source: 'SELF', raterFunctionId: null },
    {
      functionId: 'patient-services',
      capabilityId: 'insight',
      level: 2,
      source: 'SELF',
      raterFunctionId: null,
    },
    // Billing rates patient services as a customer-facing PEER: weight 2.
    {
      functionId: 'patient-services',
      capabilityId: 'insight',
      level: 5,
      source: 'PEER',
      raterFunctionId: 'billing',
    },
    { functionId: 'billing', capabilityId: 'insight', level: 1, source: 'SELF', raterFunctionId: null },
    { functionId: 'billing', capabilityId: 'recovery', level: 1, source: 'SELF', raterFunctionId: null },
  ],
};

const ids = (cells: readonly { functionId: string }[]): string[] => [
  ...new Set(cells.map((cell) => cell.functionId)),
];

describe('organizationAsOf', () => {
  it('should keep a retired function in views of dates before its retirement', () => {
    const april = organizationAsOf(organization, '2024-04-30T23:59:59.999Z');
    expect(april.functions.map((business) => business.id)).toEqual([
      'front-desk',
      'patient-services',
      'billing',
    ]);
  });

  it('should leave it out from its effective date on, and in the latest view', () => {
    for (const asOf of ['2024-05-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', undefined]) {
      const view = organizationAsOf(organization, asOf);
      expect(view.functions.map((business) => business.id)).toEqual(['front-desk', 'patient-services']);
      expect(view.formerFunctions?.map((business) => business.id)).toEqual(['billing']);
    }
  });

  it('should give back the organisation itself when nothing is retired as of the date', () => {
    expect(organizationAsOf(organization, '2024-01-01T00:00:00.000Z')).toBe(organization);
  });

  it('should keep links and targets as recorded (the grid ignores what names no function of its own)', () => {
    const view = organizationAsOf(organization);
    expect(view.interactions).toBe(organization.interactions);
    expect(view.targets).toBe(organization.targets);
  });
});

describe('effectiveCells and computeMaturity over the functions in place', () => {
  const scoresAsOf = (asOf?: string) => {
    const inPlace = organizationAsOf(organization, asOf);
    const cells = effectiveCells(model, inPlace, [march], asOf === undefined ? {} : { asOf });
    return { cells, scores: computeMaturity(model, inPlace, cells) };
  };

  it('should keep the retired function in views as of earlier dates, exactly as recorded', () => {
    const { cells, scores } = scoresAsOf('2024-04-30T00:00:00.000Z');
    expect(ids(cells)).toEqual(['front-desk', 'patient-services', 'billing']);
    // 5 rated cells of 3 x 2.
    expect(scores.coverage).toBeCloseTo(4 / 6, 12);
    expect(scores.functionScores.map((score) => score.functionId)).toEqual([
      'front-desk',
      'patient-services',
      'billing',
    ]);
  });

  it('should leave its rows, coverage, indices, links and targets out as of its retirement', () => {
    const { cells, scores } = scoresAsOf('2024-05-01T00:00:00.000Z');
    expect(ids(cells)).toEqual(['front-desk', 'patient-services']);
    expect(ids(scores.cells)).toEqual(['front-desk', 'patient-services']);
    expect(scores.cells.some((cell) => cell.functionId === 'billing')).toBe(false);
    // 2 rated cells of 2 x 2.
    expect(scores.coverage).toBe(0.5);
    // Patient services: SELF 2 (weight 1) and PEER 5 from customer-facing billing (weight 2): m = 4.
    const patientInsight = scores.cells.find(
      (cell) => cell.functionId === 'patient-services' && cell.capabilityId === 'insight',
    );
    expect(patientInsight?.level).toBe(4);
    // CCI over the remaining cells: insight 3 and 4, weight 2 each: 100 * ((2/4)*2 + (3/4)*2) / 4.
    expect(scores.customerCentricityIndex).toBeCloseTo(62.5, 12);
    // The only link left is front desk <-> patient services (billing's link names no function now).
    expect(scores.weakestLinks).toEqual([{ from: 'front-desk', to: 'patient-services', misalignment: 1 }]);
    expect(scores.functionScores.map((score) => score.functionId)).toEqual([
      'front-desk',
      'patient-services',
    ]);
  });

  it('should leave the cells of a retired function out even when handed the whole organisation', () => {
    const cells = effectiveCells(model, organization, [march], { asOf: '2024-06-01T00:00:00.000Z' });
    expect(ids(cells)).toEqual(['front-desk', 'patient-services']);
  });
});
