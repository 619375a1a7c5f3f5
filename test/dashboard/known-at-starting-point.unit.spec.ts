// Where the audit's "as known at two dates" comparison opens: around the correction recorded last
// (read from the ratings each correction put in force), else from the first day of recording.
import { knownAtStartingPoint } from '../../apps/dashboard/src/audit/known-at-starting-point';

const rating = (
  functionId: string,
  level: number,
  correction: { correctedAt: string; previousLevel: number | null } | null,
) => ({
  functionId,
  capabilityId: 'service-recovery',
  source: 'SELF' as const,
  level,
  correction,
});

const base = {
  firstRecordedAt: '2025-01-10T09:00:00.000Z',
  functions: [
    { id: 'maintenance', name: 'Maintenance' },
    { id: 'front-desk', name: 'Front desk' },
  ],
  capabilities: [{ id: 'service-recovery', name: 'Service recovery' }],
  today: new Date('2025-11-01T12:00:00.000Z'),
} as unknown as Omit<Parameters<typeof knownAtStartingPoint>[0], 'assessments'>;

/** A quarter's assessment, `q2` ending 30 June 2025 or `q3` ending 30 September 2025. */
const quarter = (quarterId: 'q2' | 'q3', ratings: ReturnType<typeof rating>[]) => ({
  id: quarterId,
  title: `2025 ${quarterId.toUpperCase()}`,
  periodEnd: quarterId === 'q2' ? '2025-06-30T00:00:00.000Z' : '2025-09-30T00:00:00.000Z',
  ratings,
});

describe('knownAtStartingPoint', () => {
  it('should open around the correction recorded last, whichever assessment it corrected', () => {
    const dates = knownAtStartingPoint({
      ...base,
      assessments: [
        quarter('q2', [
          rating('maintenance', 2, { correctedAt: '2025-09-18T10:00:00.000Z', previousLevel: 3 }),
        ]),
        quarter('q3', [
          rating('front-desk', 4, { correctedAt: '2025-08-02T10:00:00.000Z', previousLevel: null }),
          rating('maintenance', 3, null),
        ]),
      ],
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

  it('should open from the start of the first day of recording to the end of today when nothing was corrected', () => {
    const dates = knownAtStartingPoint({
      ...base,
      assessments: [quarter('q2', [rating('maintenance', 3, null)])],
    });
    expect(dates).toMatchObject({ first: '2025-01-10', second: '2025-11-02', asOf: '' });
  });
});
