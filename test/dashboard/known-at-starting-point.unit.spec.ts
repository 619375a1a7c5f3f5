// Where the audit's "as known at two dates" comparison opens: around the correction recorded last
// (the newest RatingCorrected event, read as one event), else from the first day of recording.
import { correctionOf, knownAtStartingPoint } from '../../apps/dashboard/src/audit/known-at-starting-point';

const base = {
  firstRecordedAt: '2025-01-10T09:00:00.000Z',
  functions: [
    { id: 'maintenance', name: 'Maintenance' },
    { id: 'front-desk', name: 'Front desk' },
  ],
  capabilities: [{ id: 'service-recovery', name: 'Service recovery' }],
  today: new Date('2025-11-01T12:00:00.000Z'),
} as unknown as Omit<Parameters<typeof knownAtStartingPoint>[0], 'lastCorrection'>;

const correctedEvent = {
  recordedAt: '2025-09-18T10:00:01.000Z',
  data: {
    assessmentId: 'q2',
    organizationId: 'inn',
    functionId: 'maintenance',
    capabilityId: 'service-recovery',
    level: 2,
    source: 'SELF',
    raterFunctionId: null,
    reason: 'typo',
    previousLevel: 3,
    correctedAt: '2025-09-18T10:00:00.000Z',
    respondentId: null,
  },
};

describe('knownAtStartingPoint', () => {
  it('should open around the correction recorded last, for the period of the assessment it corrected', () => {
    const correction = correctionOf(correctedEvent);
    expect(correction).not.toBeNull();
    const dates = knownAtStartingPoint({
      ...base,
      lastCorrection:
        correction === null
          ? null
          : { ...correction, assessment: { title: '2025 Q2', periodEnd: '2025-06-30T00:00:00.000Z' } },
    });
    // Known at a day is its start: the day of the correction knows it not yet, the next day does.
    expect(dates).toEqual({
      first: '2025-09-18',
      second: '2025-09-19',
      asOf: '2025-06-30',
      reason: expect.stringMatching(
        /^Set around the last correction, recorded on 18 Sept? 2025: Maintenance · Service recovery, self rating from 3 to 2 in 2025 Q2\.$/,
      ),
    });
  });

  it('should say "from none" for a correction of a cell that had no rating from that source', () => {
    const correction = correctionOf({
      ...correctedEvent,
      data: { ...correctedEvent.data, previousLevel: null },
    });
    expect(correction?.previousLevel).toBeNull();
    const dates = knownAtStartingPoint({
      ...base,
      lastCorrection:
        correction === null
          ? null
          : { ...correction, assessment: { title: '2025 Q2', periodEnd: '2025-06-30T00:00:00.000Z' } },
    });
    expect(dates.reason).toContain('self rating from none to 2');
  });

  it('should take the time it was recorded when an event carries no correctedAt, and refuse data without its cell', () => {
    const { correctedAt: _ignored, ...withoutTime } = correctedEvent.data;
    expect(correctionOf({ ...correctedEvent, data: withoutTime })?.correctedAt).toBe(
      correctedEvent.recordedAt,
    );
    expect(correctionOf({ ...correctedEvent, data: { ...correctedEvent.data, functionId: 7 } })).toBeNull();
  });

  it('should open from the start of the first day of recording to the end of today when nothing was corrected', () => {
    const dates = knownAtStartingPoint({ ...base, lastCorrection: null });
    expect(dates).toMatchObject({ first: '2025-01-10', second: '2025-11-02', asOf: '' });
  });
});
