import type { IndexedEvent } from '@app/projections';
import { OrganizationHistory } from './organization-history';

// An organisation's index rows: registered at t=1, a function at t=2, an assessment opened and
// rated at t=3, a correction at t=5, a second function at t=6. Minutes as recording times.
const minute = (value: number): number => Date.UTC(2025, 0, 1, 0, value);
let position = 0;
const row = (
  type: string,
  data: Record<string, unknown>,
  at: number,
  stream = 'organization-inn',
): IndexedEvent => {
  position += 1;
  return { position, stream, revision: 0, type, recordedAt: minute(at), data: data as IndexedEvent['data'] };
};
const rating = {
  assessmentId: 'q1',
  organizationId: 'inn',
  functionId: 'front-desk',
  capabilityId: 'service-recovery',
};
const events: IndexedEvent[] = [
  row(
    'OrganizationRegistered',
    {
      organizationId: 'inn',
      name: 'Inn',
      purpose: null,
      valueProposition: null,
      modelId: 'customer-centricity',
      modelVersion: 1,
      registeredAt: '2025-01-01T00:01:00.000Z',
    },
    1,
  ),
  row(
    'FunctionAdded',
    {
      organizationId: 'inn',
      functionId: 'front-desk',
      name: 'Front desk',
      customerFacing: true,
      partner: false,
    },
    2,
  ),
  row(
    'AssessmentOpened',
    {
      assessmentId: 'q1',
      organizationId: 'inn',
      title: 'Q1',
      periodEnd: '2025-03-31T00:00:00.000Z',
      modelId: 'customer-centricity',
      modelVersion: 1,
      openedAt: '2025-01-01T00:03:00.000Z',
    },
    3,
    'assessment-q1',
  ),
  row(
    'RatingRecorded',
    {
      ...rating,
      level: 2,
      source: 'SELF',
      raterFunctionId: null,
      evidence: 'notes',
      respondentId: 'night-lead',
    },
    3,
    'assessment-q1',
  ),
  row(
    'RatingRecorded',
    { ...rating, level: 4, source: 'SELF', raterFunctionId: null, evidence: null, respondentId: 'day-lead' },
    3,
    'assessment-q1',
  ),
  row(
    'RatingCorrected',
    {
      ...rating,
      level: 3,
      source: 'SELF',
      raterFunctionId: null,
      reason: 'misread',
      previousLevel: 2,
      correctedAt: '2025-01-01T00:05:00.000Z',
      respondentId: 'night-lead',
    },
    5,
    'assessment-q1',
  ),
  row(
    'FunctionAdded',
    {
      organizationId: 'inn',
      functionId: 'housekeeping',
      name: 'Housekeeping',
      customerFacing: false,
      partner: false,
    },
    6,
  ),
];
const levels = (history: OrganizationHistory, knownAt: number | null) =>
  history
    .knownAt(knownAt)
    .assessments.map((assessment) =>
      assessment.ratings.map((entry) => [entry.respondentId, entry.level, entry.evidence]),
    );

describe(OrganizationHistory.name, () => {
  it('should answer what was known at each instant: structure, assessments and ratings', () => {
    const history = new OrganizationHistory().add(events);
    expect(history.knownAt(minute(0)).organization.status).toBe('NONE');
    expect(history.knownAt(minute(2)).assessments).toEqual([]);
    expect(levels(history, minute(4))).toEqual([
      [
        ['night-lead', 2, 'notes'],
        ['day-lead', 4, null],
      ],
    ]);
    // The correction keeps the evidence it supersedes.
    expect(levels(history, minute(5))).toEqual([
      [
        ['night-lead', 3, 'notes'],
        ['day-lead', 4, null],
      ],
    ]);
    expect(levels(history, null)).toEqual(levels(history, minute(5)));
    const functionsAt = (at: number | null) => {
      const organization = history.knownAt(at).organization;
      return organization.status === 'REGISTERED'
        ? organization.functions.map((business) => business.id)
        : [];
    };
    expect(functionsAt(minute(5))).toEqual(['front-desk']);
    expect(functionsAt(null)).toEqual(['front-desk', 'housekeeping']);
    // Asked again at an earlier instant after a later one: nothing kept from the later answer leaks.
    expect(functionsAt(minute(5))).toEqual(['front-desk']);
    expect(levels(history, minute(4))).toEqual([
      [
        ['night-lead', 2, 'notes'],
        ['day-lead', 4, null],
      ],
    ]);
  });

  it('should say which assessments were still open at each instant: open from opening until its close is recorded', () => {
    const closed = [
      ...events,
      row(
        'AssessmentClosed',
        { assessmentId: 'q1', organizationId: 'inn', closedAt: '2025-01-01T00:07:00.000Z' },
        7,
        'assessment-q1',
      ),
    ];
    const history = new OrganizationHistory().add(closed);
    const openAt = (at: number | null) => history.knownAt(at).openAssessments;
    expect(openAt(minute(2))).toEqual([]);
    expect(openAt(minute(3))).toEqual([
      { assessmentId: 'q1', title: 'Q1', periodEnd: '2025-03-31T00:00:00.000Z' },
    ]);
    expect(openAt(minute(6))).toHaveLength(1);
    expect(openAt(minute(7))).toEqual([]);
    expect(openAt(null)).toEqual([]);
  });

  it('should give the same answers extended row by row as read all at once, ignoring rows it holds', () => {
    const whole = new OrganizationHistory().add(events);
    const piecewise = new OrganizationHistory();
    for (let end = 1; end <= events.length; end += 1) piecewise.add(events.slice(0, end));
    expect(piecewise.lastPosition).toBe(events.at(-1)?.position);
    expect(piecewise.ratingEventCount).toBe(3);
    for (const at of [null, minute(1), minute(3), minute(5), minute(6)])
      expect(piecewise.knownAt(at)).toEqual(whole.knownAt(at));
  });

  it('should drop a withdrawn assessment from the moment its withdrawal was recorded, and keep it known before', () => {
    const withdrawal = row(
      'AssessmentWithdrawn',
      {
        assessmentId: 'q1',
        organizationId: 'inn',
        reason: 'Opened by mistake',
        previousStatus: 'OPEN',
        withdrawnAt: '2025-01-01T00:07:00.000Z',
      },
      7,
      'assessment-q1',
    );
    const history = new OrganizationHistory().add([...events, withdrawal]);
    expect(history.knownAt(null).assessments).toEqual([]);
    expect(history.knownAt(minute(7)).assessments).toEqual([]);
    // As known just before the withdrawal, it counted with everything recorded by then.
    expect(levels(history, minute(6))).toEqual([
      [
        ['night-lead', 3, 'notes'],
        ['day-lead', 4, null],
      ],
    ]);
    // A history read before the withdrawal and extended with it drops the assessment too.
    const extended = new OrganizationHistory().add(events);
    expect(extended.knownAt(null).assessments).toHaveLength(1);
    expect(extended.add([withdrawal]).knownAt(null).assessments).toEqual([]);
  });
});
