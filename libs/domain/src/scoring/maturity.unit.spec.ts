import { computeMaturity, effectiveCells } from '@app/domain';
import type { AssessmentRatings, ScoringModel, ScoringOrganization } from '@app/domain';
import { thrownBy } from './thrown-by.fixtures';

// One organisation, scored by hand. L = 5, so (m - 1) / (L - 1) = (m - 1) / 4.
const model: ScoringModel = {
  levelCount: 5,
  capabilities: [
    { id: 'insight', weight: 2 },
    { id: 'recovery', weight: 1 },
  ],
};

const organization: ScoringOrganization = {
  functions: [
    { id: 'sales', customerFacing: true },
    { id: 'support', customerFacing: true },
    { id: 'finance', customerFacing: false },
  ],
  interactions: [
    { from: 'sales', to: 'support', weight: 2 },
    { from: 'support', to: 'finance', weight: 1 },
  ],
  targets: [
    { capabilityId: 'insight', functionId: null, level: 4 },
    { capabilityId: 'recovery', functionId: null, level: 3 },
    { capabilityId: 'insight', functionId: 'finance', level: 3 },
    { capabilityId: 'recovery', functionId: 'sales', level: 1 },
  ],
};

const march: AssessmentRatings = {
  assessmentId: 'march',
  periodEnd: '2024-03-31T00:00:00.000Z',
  sequence: 1,
  ratings: [
    {
      functionId: 'sales',
      capabilityId: 'insight',
      level: 4,
      source: 'SELF',
      raterFunctionId: null,
      evidence: 'NPS up',
    },
    { functionId: 'sales', capabilityId: 'insight', level: 2, source: 'PEER', raterFunctionId: 'finance' },
    { functionId: 'sales', capabilityId: 'insight', level: 3, source: 'CUSTOMER', raterFunctionId: null },
    { functionId: 'sales', capabilityId: 'recovery', level: 3, source: 'SELF', raterFunctionId: null },
    { functionId: 'support', capabilityId: 'insight', level: 2, source: 'SELF', raterFunctionId: null },
    { functionId: 'support', capabilityId: 'insight', level: 4, source: 'PEER', raterFunctionId: 'sales' },
    { functionId: 'support', capabilityId: 'recovery', level: 5, source: 'AUDIT', raterFunctionId: null },
    { functionId: 'finance', capabilityId: 'insight', level: 1, source: 'SELF', raterFunctionId: null },
  ],
};
// Same periodEnd as `june` but recorded first: june wins the tie on recording order.
const juneDraft: AssessmentRatings = {
  assessmentId: 'june-draft',
  periodEnd: '2024-06-30T00:00:00.000Z',
  sequence: 0,
  ratings: [
    { functionId: 'finance', capabilityId: 'insight', level: 5, source: 'CUSTOMER', raterFunctionId: null },
  ],
};
const june: AssessmentRatings = {
  assessmentId: 'june',
  periodEnd: '2024-06-30T00:00:00.000Z',
  sequence: 2,
  ratings: [
    { functionId: 'finance', capabilityId: 'insight', level: 2, source: 'SELF', raterFunctionId: null },
    { functionId: 'finance', capabilityId: 'insight', level: 2, source: 'AUDIT', raterFunctionId: null },
  ],
};

describe('effectiveCells', () => {
  const cells = effectiveCells(model, organization, [june, march, juneDraft]);
  const cell = (functionId: string, capabilityId: string) =>
    cells.find((candidate) => candidate.functionId === functionId && candidate.capabilityId === capabilityId);

  it('should weigh SELF 1, PEER 1 from a non-customer-facing rater, CUSTOMER 2', () => {
    // (4*1 + 2*1 + 3*2) / (1 + 1 + 2) = 12 / 4 = 3; perception gap 4 - mean(2, 3) = 1.5
    expect(cell('sales', 'insight')).toMatchObject({
      level: 3,
      perceptionGap: 1.5,
      ratingCount: 3,
      assessmentId: 'march',
    });
  });

  it('should count a PEER rating from a customer-facing rater twice', () => {
    // (2*1 + 4*2) / (1 + 2) = 10 / 3; perception gap 2 - 4 = -2
    expect(cell('support', 'insight')?.level).toBeCloseTo(10 / 3, 12);
    expect(cell('support', 'insight')?.perceptionGap).toBe(-2);
  });

  it('should leave the perception gap null unless SELF and another source both rate', () => {
    expect(cell('sales', 'recovery')).toMatchObject({ level: 3, perceptionGap: null });
    expect(cell('support', 'recovery')).toMatchObject({ level: 5, perceptionGap: null });
  });

  it('should take the most recent assessment by periodEnd, then recording order', () => {
    // june (sequence 2) beats june-draft (sequence 0) and march: (2*1 + 2*2) / 3 = 2
    expect(cell('finance', 'insight')).toMatchObject({ level: 2, perceptionGap: 0, assessmentId: 'june' });
  });

  it('should leave unrated cells out and list rated ones in function, then capability order', () => {
    expect(cells.map((rated) => `${rated.functionId}/${rated.capabilityId}`)).toEqual([
      'sales/insight',
      'sales/recovery',
      'support/insight',
      'support/recovery',
      'finance/insight',
    ]);
  });

  it('should keep the contributing ratings with their evidence and weight', () => {
    expect(cell('sales', 'insight')?.ratings).toEqual([
      {
        source: 'SELF',
        level: 4,
        raterFunctionId: null,
        respondentId: null,
        evidence: 'NPS up',
        evidenceErased: false,
        weight: 1,
      },
      {
        source: 'PEER',
        level: 2,
        raterFunctionId: 'finance',
        respondentId: null,
        evidence: null,
        evidenceErased: false,
        weight: 1,
      },
      {
        source: 'CUSTOMER',
        level: 3,
        raterFunctionId: null,
        respondentId: null,
        evidence: null,
        evidenceErased: false,
        weight: 2,
      },
    ]);
  });

  it('should ignore assessments after asOf', () => {
    const asOfApril = effectiveCells(model, organization, [june, march, juneDraft], {
      asOf: '2024-04-01T00:00:00Z',
    });
    expect(asOfApril.find((rated) => rated.functionId === 'finance')).toMatchObject({
      level: 1,
      assessmentId: 'march',
    });
  });
});

describe('computeMaturity', () => {
  const scores = computeMaturity(
    model,
    organization,
    effectiveCells(model, organization, [march, juneDraft, june]),
  );
  // Rated levels:      insight (w 2)  recovery (w 1)
  //   sales               3              3
  //   support           10/3             5
  //   finance             2            unrated

  it('should compute the customer-centricity index over rated cells', () => {
    // sum w (m - 1) / 4: 2*2/4 + 1*2/4 + 2*(7/3)/4 + 1*4/4 + 2*1/4 = 1 + 0.5 + 7/6 + 1 + 0.5 = 25/6
    // sum w = 2 + 1 + 2 + 1 + 2 = 8; CCI = 100 * (25/6) / 8 = 52.0833...
    expect(scores.customerCentricityIndex).toBeCloseTo(2500 / 48, 10);
  });

  it('should compute a customer-centricity index per function', () => {
    // sales (1 + 0.5) / 3 = 50; support (7/6 + 1) / 3 = 72.22; finance 0.5 / 2 = 25
    expect(scores.functionScores.map((score) => score.functionId)).toEqual(['sales', 'support', 'finance']);
    expect(scores.functionScores[0]?.customerCentricityIndex).toBeCloseTo(50, 10);
    expect(scores.functionScores[1]?.customerCentricityIndex).toBeCloseTo(1300 / 18, 10);
    expect(scores.functionScores[2]?.customerCentricityIndex).toBeCloseTo(25, 10);
  });

  it('should compute coverage as rated cells over functions x capabilities', () => {
    expect(scores.coverage).toBeCloseTo(5 / 6, 12);
  });

  it('should use a function override before the capability target', () => {
    // finance/insight: override 3, gap 3 - 2 = 1; sales/recovery: override 1, gap max(0, 1 - 3) = 0
    expect(
      scores.cells.find((cell) => cell.functionId === 'finance' && cell.capabilityId === 'insight'),
    ).toMatchObject({
      target: 3,
      gap: 1,
    });
    expect(
      scores.cells.find((cell) => cell.functionId === 'sales' && cell.capabilityId === 'recovery'),
    ).toMatchObject({
      target: 1,
      gap: 0,
    });
  });

  it('should compute target attainment over rated cells with a target above 1', () => {
    // sales/insight: w 2, gap 1, T - 1 = 3 | support/insight: w 2, gap 4 - 10/3 = 2/3, 3
    // support/recovery: w 1, gap 0, 2      | finance/insight: w 2, gap 1, 2   (sales/recovery T = 1: left out)
    // sum w gap = 2 + 4/3 + 0 + 2 = 16/3; sum w (T - 1) = 6 + 6 + 2 + 4 = 18
    // TA = 100 * (1 - (16/3) / 18) = 100 * 38 / 54 = 70.37...
    expect(scores.targetAttainment).toBeCloseTo(3800 / 54, 10);
  });

  it('should compute the alignment index over the declared interactions', () => {
    // sales-support (w_e 2): insight d = |3 - 10/3| = 1/3, recovery d = |3 - 5| = 2
    //   w_e w_c d: 2*2*(1/3) + 2*1*2 = 4/3 + 4; w_e w_c: 4 + 2 = 6
    // support-finance (w_e 1): insight d = |10/3 - 2| = 4/3 (recovery unrated at finance)
    //   w_e w_c d: 1*2*(4/3) = 8/3; w_e w_c: 2
    // AI = 100 * (1 - 8 / (4 * 8)) = 75
    expect(scores.alignmentIndex).toBeCloseTo(75, 10);
  });

  it('should list weakest links worst first', () => {
    // support-finance: 2 * (4/3) / 2 = 4/3; sales-support: (2 * (1/3) + 1 * 2) / 3 = 8/9
    expect(scores.weakestLinks).toEqual([
      { from: 'support', to: 'finance', misalignment: expect.closeTo(4 / 3, 12) },
      { from: 'sales', to: 'support', misalignment: expect.closeTo(8 / 9, 12) },
    ]);
  });

  it('should link every pair with weight 1 when no interaction is declared', () => {
    const everyPair = computeMaturity(
      model,
      { ...organization, interactions: [] },
      scores.cells.flatMap(ratedOnly),
    );
    // sales-support: 2*(1/3) + 1*2 over 2 + 1 | sales-finance: 2*1 over 2 | support-finance: 2*(4/3) over 2
    // AI = 100 * (1 - (2/3 + 2 + 2 + 8/3) / (4 * 7)) = 100 * (1 - (22/3) / 28) = 73.809...
    expect(everyPair.alignmentIndex).toBeCloseTo(100 * (1 - 22 / 3 / 28), 10);
    expect(everyPair.weakestLinks.map((link) => `${link.from}-${link.to}`)).toEqual([
      'support-finance',
      'sales-finance',
      'sales-support',
    ]);
  });

  it('should list every cell, rated or not, functions then capabilities', () => {
    expect(scores.cells).toHaveLength(6);
    expect(scores.cells[5]).toEqual({
      functionId: 'finance',
      capabilityId: 'recovery',
      level: null,
      target: 3,
      gap: null,
      perceptionGap: null,
      ratingCount: 0,
      ratings: [],
      agreement: null,
      groups: [],
    });
    expect(scores.cells[0]).toMatchObject({ level: 3, perceptionGap: 1.5, ratingCount: 3 });
  });

  it('should give null indices and zero coverage when nothing is rated', () => {
    expect(computeMaturity(model, organization, [])).toMatchObject({
      customerCentricityIndex: null,
      alignmentIndex: null,
      targetAttainment: null,
      coverage: 0,
      weakestLinks: [],
    });
    expect(computeMaturity(model, { functions: [], interactions: [], targets: [] }, []).coverage).toBe(0);
  });

  it('should give a null alignment index to a single function', () => {
    const alone = computeMaturity(
      model,
      { functions: [{ id: 'sales', customerFacing: true }], interactions: [], targets: [] },
      [{ functionId: 'sales', capabilityId: 'insight', level: 5 }],
    );
    expect(alone).toMatchObject({
      customerCentricityIndex: 100,
      alignmentIndex: null,
      targetAttainment: null,
      coverage: 0.5,
    });
  });

  it('should work the same with 7 levels: 1 is 0, 4 is 50, 7 is 100', () => {
    const sevenLevels: ScoringModel = { levelCount: 7, capabilities: [{ id: 'insight', weight: 1 }] };
    const twoFunctions: ScoringOrganization = {
      functions: [
        { id: 'sales', customerFacing: true },
        { id: 'support', customerFacing: false },
      ],
      interactions: [],
      targets: [],
    };
    const at = (sales: number, support: number) =>
      computeMaturity(sevenLevels, twoFunctions, [
        { functionId: 'sales', capabilityId: 'insight', level: sales },
        { functionId: 'support', capabilityId: 'insight', level: support },
      ]);
    expect(at(1, 1).customerCentricityIndex).toBe(0);
    expect(at(4, 4).customerCentricityIndex).toBe(50);
    expect(at(7, 7).customerCentricityIndex).toBe(100);
    // d = 6 = L - 1: AI = 100 * (1 - 6 / 6) = 0; d = 3: 50
    expect(at(1, 7).alignmentIndex).toBe(0);
    expect(at(1, 4).alignmentIndex).toBe(50);
  });

  it('should refuse a model with fewer than 2 levels', () => {
    expect(thrownBy(() => computeMaturity({ ...model, levelCount: 1 }, organization, []))).toMatchObject({
      kind: 'invalid_input',
      field: 'levelCount',
    });
  });
});

function ratedOnly(cell: { functionId: string; capabilityId: string; level: number | null }) {
  return cell.level === null
    ? []
    : [{ functionId: cell.functionId, capabilityId: cell.capabilityId, level: cell.level }];
}
