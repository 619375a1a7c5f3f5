// The demo organisation: Interlodge, a hotel whose front desk, housekeeping and maintenance did not
// cooperate. A soft-skills training in 2024 raised the front desk's skills but not cooperation;
// the back office rates itself above what the front desk sees; alignment stays stuck. Some rater
// groups speak through several people, so the page shows where they agree and where they do not.
import type { EffectInput, InvestmentKind, RatingSource } from '@app/domain';

export const INTERLODGE_ID = 'interlodge';

export const INTERLODGE = {
  id: INTERLODGE_ID,
  name: 'Interlodge Hotels',
  purpose: 'Every guest leaves rested and wants to come back.',
  valueProposition:
    'A calm, spotless room ready when you arrive, and people who sort things out before you have to ask.',
};

export type DemoFunctionId = 'front-desk' | 'housekeeping' | 'maintenance' | 'sales' | 'laundry-partner';

export const FUNCTIONS: { id: DemoFunctionId; name: string; customerFacing: boolean; partner: boolean }[] = [
  { id: 'front-desk', name: 'Front desk', customerFacing: true, partner: false },
  { id: 'housekeeping', name: 'Housekeeping', customerFacing: false, partner: false },
  { id: 'maintenance', name: 'Maintenance', customerFacing: false, partner: false },
  { id: 'sales', name: 'Sales', customerFacing: true, partner: false },
  { id: 'laundry-partner', name: 'Laundry partner (external)', customerFacing: false, partner: true },
];

/** Who co-delivers a stay with whom; the weight says how much the guest feels the seam. */
export const INTERACTIONS: { from: DemoFunctionId; to: DemoFunctionId; weight: number }[] = [
  { from: 'front-desk', to: 'housekeeping', weight: 3 },
  { from: 'front-desk', to: 'maintenance', weight: 2 },
  { from: 'housekeeping', to: 'maintenance', weight: 1 },
  { from: 'housekeeping', to: 'laundry-partner', weight: 2 },
  { from: 'sales', to: 'front-desk', weight: 2 },
];

/** The chosen level: 3 ("defined") everywhere, cooperation higher; a few per-function overrides. */
export const TARGETS: { capabilityId: string; functionId?: DemoFunctionId; level: number }[] = [
  { capabilityId: 'customer-insight', level: 3 },
  { capabilityId: 'value-proposition', level: 3 },
  { capabilityId: 'purpose-alignment', level: 3 },
  { capabilityId: 'customer-metrics', level: 3 },
  { capabilityId: 'cross-functional-cooperation', level: 4 },
  { capabilityId: 'leadership-engagement', level: 3 },
  { capabilityId: 'employee-empowerment', level: 3 },
  { capabilityId: 'self-service', level: 3 },
  { capabilityId: 'service-recovery', level: 3 },
  { capabilityId: 'partner-co-delivery', level: 3 },
  { capabilityId: 'investment-governance', level: 3 },
  { capabilityId: 'service-recovery', functionId: 'front-desk', level: 4 },
  { capabilityId: 'customer-insight', functionId: 'sales', level: 4 },
  { capabilityId: 'partner-co-delivery', functionId: 'laundry-partner', level: 4 },
];

/** Two years of quarterly cycles, oldest first. */
export const QUARTERS = [
  { id: 'interlodge-2024-q1', title: '2024 Q1 guest-stay review', periodEnd: '2024-03-31' },
  { id: 'interlodge-2024-q2', title: '2024 Q2 guest-stay review', periodEnd: '2024-06-30' },
  { id: 'interlodge-2024-q3', title: '2024 Q3 guest-stay review', periodEnd: '2024-09-30' },
  { id: 'interlodge-2024-q4', title: '2024 Q4 guest-stay review', periodEnd: '2024-12-31' },
  { id: 'interlodge-2025-q1', title: '2025 Q1 guest-stay review', periodEnd: '2025-03-31' },
  { id: 'interlodge-2025-q2', title: '2025 Q2 guest-stay review', periodEnd: '2025-06-30' },
  { id: 'interlodge-2025-q3', title: '2025 Q3 guest-stay review', periodEnd: '2025-09-30' },
  { id: 'interlodge-2025-q4', title: '2025 Q4 guest-stay review', periodEnd: '2025-12-31' },
];

/**
 * When the story happened: the transaction times of its recorded history (UTC). The organisation
 * was set up in January 2024; each quarter's review was opened three weeks before its period end,
 * each function rated itself two weeks before and the peers one week before, the guest survey's
 * results came in six days after the quarter and the review closed four days later.
 */
export const STORY_TIMES = {
  setUp: '2024-01-08T09:00:00.000Z',
  cycle: {
    openedDaysBefore: 21,
    selfRatedDaysBefore: 14,
    othersRatedDaysBefore: 7,
    guestSurveyDaysAfter: 6,
    closedDaysAfter: 10,
  },
  /** Between two commands of one sitting (set-up, a batch of ratings). */
  minutesBetweenCommands: 2,
} as const;

/**
 * Corrections recorded long after their assessment closed: the view as known at the period end
 * still shows the original rating, the view with everything recorded since shows the correction.
 */
export const CORRECTIONS: {
  assessmentId: string;
  functionId: DemoFunctionId;
  capabilityId: string;
  source: RatingSource;
  level: number;
  reason: string;
  at: string;
}[] = [
  {
    assessmentId: 'interlodge-2024-q3',
    functionId: 'housekeeping',
    capabilityId: 'customer-metrics',
    source: 'SELF',
    level: 2,
    reason:
      'Room-inspection audit, January 2025: rooms per shift measures output, not what guests find. The Q3 self-rating counted it as a customer measure.',
    at: '2025-01-22T14:00:00.000Z',
  },
  {
    assessmentId: 'interlodge-2025-q2',
    functionId: 'maintenance',
    capabilityId: 'service-recovery',
    source: 'SELF',
    level: 2,
    reason:
      'The on-call log shows 11 unanswered out-of-hours calls in May and June; the 48-hour ticket figure had left them out.',
    at: '2025-09-18T11:00:00.000Z',
  },
];

/** One level per quarter, 2024 Q1 first: '22334444' is 2, 2, 3, 3, 4, 4, 4, 4. */
export type QuarterlyLevels = string;

export interface RatingSeries {
  functionId: DemoFunctionId;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId?: DemoFunctionId;
  levels: QuarterlyLevels;
  /** What the assessor wrote, from the quarter at the index given until the next entry. */
  evidence?: [fromQuarter: number, text: string][];
  /**
   * The people of the rater group when it speaks through several (each quarter their mean is
   * `levels`, so every level, gap and index of the story is the same as with one voice). The first
   * wrote the group's evidence up; the others add their own.
   */
  respondents?: DemoRespondent[];
}

export interface DemoRespondent {
  id: string;
  levels: QuarterlyLevels;
  evidence?: [fromQuarter: number, text: string][];
}

const self = (functionId: DemoFunctionId, levels: Record<string, QuarterlyLevels>): RatingSeries[] =>
  Object.entries(levels).map(([capabilityId, series]) => ({
    functionId,
    capabilityId,
    source: 'SELF',
    levels: series,
  }));

/** Every function rates itself on every capability each quarter. */
const SELF_RATINGS: RatingSeries[] = [
  ...self('front-desk', {
    'customer-insight': '22333333',
    'value-proposition': '33333333',
    'purpose-alignment': '33333333',
    'customer-metrics': '33333333',
    'cross-functional-cooperation': '33333333',
    'leadership-engagement': '22223333',
    'employee-empowerment': '22444444',
    'self-service': '22222233',
    'service-recovery': '33444444',
    'partner-co-delivery': '22222222',
    'investment-governance': '22222222',
  }),
  ...self('housekeeping', {
    'customer-insight': '22222222',
    'value-proposition': '22222222',
    'purpose-alignment': '33333333',
    'customer-metrics': '33333333',
    'cross-functional-cooperation': '33333333',
    'leadership-engagement': '22222222',
    'employee-empowerment': '22222222',
    'self-service': '22222222',
    'service-recovery': '33333333',
    'partner-co-delivery': '33333333',
    'investment-governance': '22222222',
  }),
  ...self('maintenance', {
    'customer-insight': '22222222',
    'value-proposition': '22222222',
    'purpose-alignment': '33333333',
    'customer-metrics': '33333333',
    'cross-functional-cooperation': '33333333',
    'leadership-engagement': '22222222',
    'employee-empowerment': '22222222',
    'self-service': '11111111',
    'service-recovery': '33333333',
    'partner-co-delivery': '22222222',
    'investment-governance': '33333333',
  }),
  ...self('sales', {
    'customer-insight': '33334444',
    'value-proposition': '33333333',
    'purpose-alignment': '33333333',
    'customer-metrics': '33333333',
    'cross-functional-cooperation': '22222222',
    'leadership-engagement': '33333333',
    'employee-empowerment': '33333344',
    'self-service': '33333333',
    'service-recovery': '22222222',
    'partner-co-delivery': '22222222',
    'investment-governance': '22222222',
  }),
  ...self('laundry-partner', {
    'customer-insight': '11111111',
    'value-proposition': '22222222',
    'purpose-alignment': '22222222',
    'customer-metrics': '22222222',
    'cross-functional-cooperation': '33333333',
    'leadership-engagement': '22222222',
    'employee-empowerment': '22222222',
    'self-service': '11111111',
    'service-recovery': '22222222',
    'partner-co-delivery': '33333333',
    'investment-governance': '11111111',
  }),
];

/** Evidence on the self-ratings the story turns on (the others carry none, as in a real register). */
const SELF_EVIDENCE: Record<string, [number, string][]> = {
  'front-desk/service-recovery': [
    [
      0,
      'We sort problems at the desk: first night refunded or a drinks voucher, no discussion. It keeps the reviews from getting worse.',
    ],
    [
      2,
      'After the guest engagement course we handle complaints with more confidence. We also keep two or three inspected rooms back every night so we can move a guest straight away when the assigned room is not right.',
    ],
  ],
  'front-desk/employee-empowerment': [
    [0, 'Receptionists need the duty manager for anything above a 20 EUR gesture; the queue waits.'],
    [2, 'Since the July course the team may decide gestures up to 150 EUR on their own and uses it daily.'],
  ],
  'front-desk/cross-functional-cooperation': [
    [0, 'We phone housekeeping to ask which rooms are really ready; half the time nobody picks up.'],
    [
      3,
      'Nothing has changed with housekeeping or maintenance since the course. We still walk up to check rooms ourselves.',
    ],
  ],
  'housekeeping/cross-functional-cooperation': [
    [
      0,
      'We release rooms as soon as they are done and log it on the board. The desk rarely tells us what guests said.',
    ],
  ],
  'housekeeping/customer-metrics': [
    [0, 'We hit the target of 16 rooms per attendant per shift in every month of the quarter.'],
  ],
  'maintenance/service-recovery': [
    [0, 'Every ticket is closed within 48 hours; the average is under a day.'],
  ],
};

/**
 * What the others see. The front desk's PEER ratings of the back office count double: it listens
 * to guests. Housekeeping rates the front desk and the laundry partner; guests rate the desk.
 */
const OTHER_RATINGS: RatingSeries[] = [
  {
    functionId: 'housekeeping',
    capabilityId: 'customer-insight',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11111111',
    evidence: [[0, 'Housekeeping never sees the guest comments; nobody reads the review digest we forward.']],
  },
  {
    functionId: 'housekeeping',
    capabilityId: 'purpose-alignment',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '22222222',
  },
  {
    functionId: 'housekeeping',
    capabilityId: 'customer-metrics',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11111111',
    evidence: [
      [
        0,
        'Attendants are paid on rooms per shift, so rooms are released as ready with hair in the shower and used towels behind the door. Guests find it before the inspector does.',
      ],
      [
        4,
        'Still measured on rooms per shift only. 41 "room not ready or not clean" complaints at check-in this quarter.',
      ],
    ],
  },
  {
    functionId: 'housekeeping',
    capabilityId: 'cross-functional-cooperation',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11111111',
    evidence: [
      [
        0,
        'Rooms shown as clean on the board are not fit for guests; we find out when the guest comes back down with the key.',
      ],
      [
        2,
        'We now keep two or three rooms out of sale every night as escape rooms, because we cannot trust the board. That is lost revenue on a full night.',
      ],
      [6, 'Same picture: we still hold rooms in reserve and walk the corridor before giving out a key.'],
    ],
  },
  {
    functionId: 'housekeeping',
    capabilityId: 'service-recovery',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11111111',
    evidence: [
      [0, 'When a room fails, housekeeping waits for a written ticket; the guest waits in the lobby.'],
    ],
  },
  {
    functionId: 'maintenance',
    capabilityId: 'customer-insight',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11111111',
  },
  {
    functionId: 'maintenance',
    capabilityId: 'purpose-alignment',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '22222222',
  },
  {
    functionId: 'maintenance',
    capabilityId: 'customer-metrics',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11112222',
    evidence: [
      [
        0,
        'Tickets are closed in 48 hours on paper, but a broken air-conditioner in 312 was "closed" three times in May.',
      ],
      [4, 'Maintenance now also counts repeat tickets per room, which helps a little.'],
    ],
  },
  {
    functionId: 'maintenance',
    capabilityId: 'cross-functional-cooperation',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11111111',
    evidence: [
      [
        0,
        'Rooms come back from maintenance without anyone telling housekeeping or us; we sell rooms with a dripping tap or no hot water.',
      ],
    ],
  },
  {
    functionId: 'maintenance',
    capabilityId: 'service-recovery',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '11122222',
    evidence: [
      [0, 'Out of hours there is no one to call; we refund the night instead of fixing the room.'],
      [3, 'An on-call technician at weekends since October; evenings are still uncovered.'],
    ],
  },
  {
    functionId: 'sales',
    capabilityId: 'cross-functional-cooperation',
    source: 'PEER',
    raterFunctionId: 'front-desk',
    levels: '22222222',
    evidence: [[0, 'Group bookings reach us the day before arrival, with rooming lists we have to retype.']],
  },
  {
    functionId: 'front-desk',
    capabilityId: 'cross-functional-cooperation',
    source: 'PEER',
    raterFunctionId: 'housekeeping',
    levels: '22222222',
    evidence: [
      [0, 'The desk sends early check-ins up without asking; we learn about VIP arrivals from the guest.'],
    ],
  },
  {
    functionId: 'front-desk',
    capabilityId: 'employee-empowerment',
    source: 'PEER',
    raterFunctionId: 'sales',
    levels: '22333333',
    evidence: [[2, 'Receptionists now handle upset guests themselves instead of calling the duty manager.']],
  },
  {
    functionId: 'front-desk',
    capabilityId: 'customer-insight',
    source: 'CUSTOMER',
    levels: '22223333',
    evidence: [[0, 'Guest survey (n = 212): "nobody asked how the stay was" appears in 1 review in 5.']],
  },
  {
    functionId: 'front-desk',
    capabilityId: 'service-recovery',
    source: 'CUSTOMER',
    levels: '22333333',
    evidence: [
      [0, 'Guest survey: "the staff were lovely, but the room was not ready" is the most common comment.'],
      [
        2,
        'Guest survey (n = 240): complaint handling at the desk praised; "got a refund, would rather have had a clean room" is now the top comment.',
      ],
    ],
  },
  {
    functionId: 'laundry-partner',
    capabilityId: 'cross-functional-cooperation',
    source: 'PEER',
    raterFunctionId: 'housekeeping',
    levels: '22222222',
    evidence: [
      [0, 'Linen comes back on the partner’s schedule, not ours: short of king-size sheets every Saturday.'],
    ],
  },
  {
    functionId: 'laundry-partner',
    capabilityId: 'partner-co-delivery',
    source: 'PEER',
    raterFunctionId: 'housekeeping',
    levels: '22222222',
  },
];

/**
 * Rater groups that speak through several people, by `function/capability/source/rater`. The
 * housekeeping staff split on their own cooperation with the desk (the floor supervisors see rooms
 * released on time on the board, the attendants sent back upstairs see the opposite) while the
 * desk's shift leads agree it is poor; the receptionists split on how far they may decide alone
 * until the July 2024 training, and agree after it.
 */
const RESPONDENTS: Record<string, DemoRespondent[]> = {
  'housekeeping/cross-functional-cooperation/SELF/': [
    { id: 'floor-supervisor-1', levels: '44444444' },
    {
      id: 'floor-supervisor-2',
      levels: '44444444',
      evidence: [
        [0, 'Every room is on the board as ready within ten minutes of release; the desk can see it.'],
      ],
    },
    {
      id: 'room-attendant-1',
      levels: '22222222',
      evidence: [
        [
          0,
          'Twice a week the desk sends a guest back up to a room the board shows ready; we hear about it from the guest.',
        ],
      ],
    },
    { id: 'room-attendant-2', levels: '22222222' },
    { id: 'room-attendant-3', levels: '33333333' },
  ],
  'housekeeping/cross-functional-cooperation/PEER/front-desk': [
    { id: 'morning-shift-lead', levels: '11111111' },
    { id: 'evening-shift-lead', levels: '11111111' },
    { id: 'night-shift-lead', levels: '11111111' },
  ],
  'front-desk/employee-empowerment/SELF/': [
    { id: 'receptionist-1', levels: '13444444' },
    {
      id: 'receptionist-2',
      levels: '31444444',
      evidence: [
        [0, 'On the late shift I give gestures up to 50 EUR myself; the duty manager has gone home.'],
      ],
    },
    { id: 'receptionist-3', levels: '13444444' },
    { id: 'receptionist-4', levels: '31444444' },
  ],
};

const withRespondents = (series: RatingSeries): RatingSeries => {
  const respondents =
    RESPONDENTS[
      `${series.functionId}/${series.capabilityId}/${series.source}/${series.raterFunctionId ?? ''}`
    ];
  return respondents === undefined ? series : { ...series, respondents };
};

export const RATING_SERIES: RatingSeries[] = [
  ...SELF_RATINGS.map((series) => {
    const evidence = SELF_EVIDENCE[`${series.functionId}/${series.capabilityId}`];
    return evidence === undefined ? series : { ...series, evidence };
  }),
  ...OTHER_RATINGS,
].map(withRespondents);

export interface DemoInvestment {
  id: string;
  name: string;
  kind: InvestmentKind;
  cost: number;
  lagMonths: number;
  effects: EffectInput[];
  /** When it was planned (transaction time). */
  plannedAt: string;
  /** When set, the investment was approved then, and deployed at `deployedAt` (valid time, recorded that morning). */
  approvedAt?: string;
  deployedAt?: string;
}

const effect = (
  functionId: DemoFunctionId,
  capabilityId: string,
  low: number,
  likely: number,
  high: number,
): EffectInput => ({ functionId, capabilityId, low, likely, high });

export const INVESTMENTS: DemoInvestment[] = [
  {
    id: 'guest-engagement-training-2024',
    name: 'Guest engagement training 2024 (front desk soft skills)',
    kind: 'OPERATIONAL',
    cost: 55_000,
    lagMonths: 2,
    plannedAt: '2024-05-06T10:00:00.000Z',
    approvedAt: '2024-05-21T15:00:00.000Z',
    deployedAt: '2024-07-01',
    effects: [
      effect('front-desk', 'employee-empowerment', 1, 1.5, 2),
      effect('front-desk', 'service-recovery', 0.5, 1, 1.5),
      effect('front-desk', 'customer-insight', 0, 0.5, 1),
      // The vendor promised better cooperation too; the assessments say otherwise.
      effect('front-desk', 'cross-functional-cooperation', 0, 1, 1.5),
    ],
  },
  {
    id: 'guest-engagement-training',
    name: 'Guest engagement training, second round',
    kind: 'OPERATIONAL',
    cost: 60_000,
    lagMonths: 3,
    plannedAt: '2026-01-19T10:00:00.000Z',
    effects: [
      effect('front-desk', 'employee-empowerment', 0.5, 1, 1.5),
      effect('front-desk', 'service-recovery', 0, 0.5, 1),
      effect('front-desk', 'customer-insight', 0, 0.5, 1),
      effect('sales', 'employee-empowerment', 0, 0.5, 1),
    ],
  },
  {
    id: 'front-desk-say-in-evaluations',
    name: 'Front desk gets a say in how housekeeping and maintenance are evaluated',
    kind: 'OPERATIONAL',
    cost: 25_000,
    lagMonths: 6,
    plannedAt: '2026-01-20T10:00:00.000Z',
    effects: [
      effect('housekeeping', 'cross-functional-cooperation', 0.5, 1, 1.5),
      effect('housekeeping', 'customer-metrics', 0.5, 1, 1.5),
      effect('housekeeping', 'service-recovery', 0, 0.5, 1),
      effect('housekeeping', 'customer-insight', 0, 0.5, 1),
      effect('maintenance', 'cross-functional-cooperation', 0.5, 1, 1.5),
      effect('maintenance', 'customer-metrics', 0, 0.5, 1),
      effect('maintenance', 'service-recovery', 0, 0.5, 1),
    ],
  },
  {
    id: 'cross-functional-rotation',
    name: 'Managers rotate across front desk, housekeeping and maintenance',
    kind: 'OPERATIONAL',
    cost: 120_000,
    lagMonths: 9,
    plannedAt: '2026-01-21T10:00:00.000Z',
    effects: [
      effect('front-desk', 'leadership-engagement', 0, 0.5, 1),
      effect('housekeeping', 'leadership-engagement', 0, 0.5, 1),
      effect('maintenance', 'leadership-engagement', 0, 0.5, 1),
      effect('housekeeping', 'purpose-alignment', 0, 0.5, 1),
      effect('maintenance', 'purpose-alignment', 0, 0.5, 1),
      effect('housekeeping', 'cross-functional-cooperation', 0, 0.5, 1),
      effect('maintenance', 'cross-functional-cooperation', 0, 0.5, 1),
    ],
  },
  {
    id: 'room-readiness-app',
    name: 'Live room-readiness app for housekeeping, maintenance and the desk',
    kind: 'CAPITAL',
    cost: 180_000,
    lagMonths: 6,
    plannedAt: '2026-01-22T10:00:00.000Z',
    effects: [
      effect('housekeeping', 'self-service', 0.5, 1, 1.5),
      effect('front-desk', 'self-service', 0, 0.5, 1),
      effect('maintenance', 'self-service', 0.5, 1, 1.5),
      effect('housekeeping', 'cross-functional-cooperation', -0.5, 0.5, 1),
      effect('maintenance', 'service-recovery', 0, 0.5, 1),
    ],
  },
  {
    id: 'laundry-service-agreement',
    name: 'Shared linen service agreement with the laundry partner',
    kind: 'OPERATIONAL',
    cost: 40_000,
    lagMonths: 3,
    plannedAt: '2026-01-23T10:00:00.000Z',
    effects: [
      effect('laundry-partner', 'partner-co-delivery', 0.5, 1, 1.5),
      effect('housekeeping', 'partner-co-delivery', 0, 0.5, 1),
      // No more Saturday linen shortages holding rooms back.
      effect('housekeeping', 'service-recovery', 0, 0.5, 1),
    ],
  },
];
