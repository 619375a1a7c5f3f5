import { assessmentDecider } from '../assessment/assessment.decider';
import type { AssessmentEvent, RatingRecordedData } from '../assessment/assessment.events';
import type { AssessmentState } from '../assessment/assessment.state';
import { foldEvents } from '../shared';
import { organizationDecider, retiredFunctionIds } from '../organization';
import { functionRetired, HOTEL_ID, hotel, hotelEvents, model, NOW_ISO } from '../shared/testing/fixtures';
import { campaignProgress, invitationProgress } from './campaign-progress';
import type { QuestionSetAsideData, RaterInvitedData } from './campaign.events';
import { questionsOf } from './questionnaire';

const ids = { assessmentId: 'q2-2024', organizationId: HOTEL_ID };
const opened: AssessmentEvent = {
  type: 'AssessmentOpened',
  data: {
    ...ids,
    title: 'Q2 2024',
    periodEnd: '2024-06-30T00:00:00.000Z',
    modelId: model.id,
    modelVersion: model.version,
    openedAt: '2024-04-01T08:00:00.000Z',
  },
};
const invited = (data: Partial<RaterInvitedData>): AssessmentEvent => ({
  type: 'RaterInvited',
  data: {
    ...ids,
    invitationId: 'self-housekeeping',
    respondentId: 'night-lead',
    label: null,
    source: 'SELF',
    raterFunctionId: null,
    functionIds: ['housekeeping'],
    capabilityIds: ['service-recovery', 'cross-functional-cooperation'],
    expiresAt: null,
    secretHash: 'a'.repeat(64),
    invitedAt: NOW_ISO,
    ...data,
  },
});
/** The desk lead, as a PEER from the front desk, rates maintenance and housekeeping. */
const peerInvited = invited({
  invitationId: 'peer-desk',
  respondentId: 'desk-lead',
  source: 'PEER',
  raterFunctionId: 'front-desk',
  functionIds: ['maintenance', 'housekeeping'],
});
const rated = (data: Partial<RatingRecordedData>): AssessmentEvent => ({
  type: 'RatingRecorded',
  data: {
    ...ids,
    functionId: 'housekeeping',
    capabilityId: 'service-recovery',
    level: 3,
    source: 'SELF',
    raterFunctionId: null,
    respondentId: 'night-lead',
    evidence: null,
    ...data,
  },
});
const opened_ = (events: AssessmentEvent[]) => {
  const state: AssessmentState = foldEvents(assessmentDecider, [opened, ...events]);
  if (state.status === 'NONE') throw new Error('opened');
  return state;
};

const NONE_RETIRED: ReadonlySet<string> = new Set();

describe('campaign progress', () => {
  // Worked example: a SELF invitation of 1 function x 2 capabilities; a PEER invitation of
  // 2 functions x 2 capabilities; a revoked CUSTOMER invitation (left out of every sum).
  const state = opened_([
    invited({}),
    peerInvited,
    invited({ invitationId: 'guest', respondentId: 'guest-1', source: 'CUSTOMER' }),
    { type: 'InvitationRevoked', data: { ...ids, invitationId: 'guest', revokedAt: NOW_ISO } },
    // The SELF respondent answers one cell twice (still one cell) and the other once: complete.
    rated({ level: 2 }),
    rated({ level: 4 }),
    rated({ capabilityId: 'cross-functional-cooperation', level: 1 }),
    // The PEER respondent answers one housekeeping cell.
    rated({ source: 'PEER', raterFunctionId: 'front-desk', respondentId: 'desk-lead', level: 2 }),
    // Ratings of other people or groups count for nobody's invitation.
    rated({ respondentId: null, level: 5 }),
    rated({ source: 'PEER', raterFunctionId: 'laundry', respondentId: 'desk-lead', level: 5 }),
    rated({ source: 'CUSTOMER', respondentId: 'guest-1', level: 5 }),
  ]);

  it('should count distinct answered cells of each invitation against |functions| x |capabilities|', () => {
    const self = state.invitations.get('self-housekeeping');
    const peer = state.invitations.get('peer-desk');
    if (!self || !peer) throw new Error('invited');
    expect(invitationProgress(self, state, NONE_RETIRED)).toEqual({
      answered: 2,
      notSure: 0,
      expected: 2,
      byFunction: [{ functionId: 'housekeeping', answered: 2, notSure: 0, expected: 2 }],
    });
    expect(invitationProgress(peer, state, NONE_RETIRED)).toEqual({
      answered: 1,
      notSure: 0,
      expected: 4,
      byFunction: [
        { functionId: 'maintenance', answered: 0, notSure: 0, expected: 2 },
        { functionId: 'housekeeping', answered: 1, notSure: 0, expected: 2 },
      ],
    });
  });

  it('should sum invitations not revoked, started and completed, by function in the organisation’s order', () => {
    expect(
      campaignProgress(
        state.invitations,
        state,
        hotel.status === 'REGISTERED' ? hotel.functions.map((fn) => fn.id) : [],
        NONE_RETIRED,
      ),
    ).toEqual({
      invited: 2,
      started: 2,
      completed: 1,
      finished: 1,
      answered: 3,
      notSure: 0,
      expected: 6,
      byFunction: [
        { functionId: 'housekeeping', answered: 3, notSure: 0, expected: 4 },
        { functionId: 'maintenance', answered: 0, notSure: 0, expected: 2 },
      ],
    });
  });

  it("should ask each cell with the capability's descriptor per level and show the answer in force", () => {
    const peer = state.invitations.get('peer-desk');
    if (!peer || hotel.status !== 'REGISTERED') throw new Error('invited');
    const questions = questionsOf(peer, state, hotel, model, opened.data.periodEnd);
    expect(
      questions.map(({ functionId, capabilityId, answer }) => [functionId, capabilityId, answer]),
    ).toEqual([
      ['maintenance', 'service-recovery', null],
      ['maintenance', 'cross-functional-cooperation', null],
      ['housekeeping', 'service-recovery', 2],
      ['housekeeping', 'cross-functional-cooperation', null],
    ]);
    const serviceRecovery = model.capabilities.find((capability) => capability.id === 'service-recovery');
    expect(questions[2]).toMatchObject({
      functionName: 'Housekeeping',
      capabilityName: serviceRecovery?.name,
      levels: model.levels.map((level, index) => ({
        value: level.value,
        name: level.name,
        description: serviceRecovery?.descriptors[index],
      })),
    });
  });
});

describe('campaign progress with questions set aside ("Not sure")', () => {
  const setAside = (data: Partial<QuestionSetAsideData>): AssessmentEvent => ({
    type: 'QuestionSetAside',
    data: {
      ...ids,
      invitationId: 'peer-desk',
      functionId: 'maintenance',
      capabilityId: 'service-recovery',
      setAsideAt: NOW_ISO,
      ...data,
    },
  });
  const peerRated = (data: Partial<RatingRecordedData>) =>
    rated({ source: 'PEER', raterFunctionId: 'front-desk', respondentId: 'desk-lead', ...data });
  // The PEER respondent (2 functions x 2 capabilities) answers both housekeeping cells, is not
  // sure about both maintenance cells, then answers one of them after all.
  const peerAnswers = [
    peerRated({ level: 2 }),
    peerRated({ capabilityId: 'cross-functional-cooperation', level: 3 }),
  ];
  const answeredAfterAll = peerRated({
    functionId: 'maintenance',
    capabilityId: 'cross-functional-cooperation',
    level: 1,
  });
  const state = opened_([
    invited({}),
    peerInvited,
    ...peerAnswers,
    setAside({}),
    setAside({ capabilityId: 'cross-functional-cooperation' }),
    answeredAfterAll,
  ]);
  const order = hotel.status === 'REGISTERED' ? hotel.functions.map((fn) => fn.id) : [];

  it('should count a question set aside as not sure, apart from answered, until an answer supersedes it', () => {
    const peer = state.invitations.get('peer-desk');
    if (!peer) throw new Error('invited');
    expect(invitationProgress(peer, state, NONE_RETIRED)).toEqual({
      answered: 3,
      notSure: 1,
      expected: 4,
      byFunction: [
        { functionId: 'maintenance', answered: 1, notSure: 1, expected: 2 },
        { functionId: 'housekeeping', answered: 2, notSure: 0, expected: 2 },
      ],
    });
  });

  it('should count an invitation finished when answered + not sure = expected, and completed only when all are answered', () => {
    expect(campaignProgress(state.invitations, state, order, NONE_RETIRED)).toEqual({
      invited: 2,
      started: 1,
      completed: 0,
      finished: 1,
      answered: 3,
      notSure: 1,
      expected: 6,
      byFunction: [
        { functionId: 'housekeeping', answered: 2, notSure: 0, expected: 4 },
        { functionId: 'maintenance', answered: 1, notSure: 1, expected: 2 },
      ],
    });
  });

  it('should say Not sure on the question set aside and not on the one answered since', () => {
    const peer = state.invitations.get('peer-desk');
    if (!peer || hotel.status !== 'REGISTERED') throw new Error('invited');
    expect(
      questionsOf(peer, state, hotel, model, opened.data.periodEnd).map(
        ({ functionId, capabilityId, answer, notSure }) => [functionId, capabilityId, answer, notSure],
      ),
    ).toEqual([
      ['maintenance', 'service-recovery', null, true],
      ['maintenance', 'cross-functional-cooperation', 1, false],
      ['housekeeping', 'service-recovery', 2, false],
      ['housekeeping', 'cross-functional-cooperation', 3, false],
    ]);
  });

  it('should leave the ratings, and so every score, as they were', () => {
    const withoutSetAside = opened_([invited({}), peerInvited, ...peerAnswers, answeredAfterAll]);
    expect([...state.ratings.byKey.entries()]).toEqual([...withoutSetAside.ratings.byKey.entries()]);
  });
});

describe('campaign progress when a function is retired', () => {
  // The PEER invitation above, issued before maintenance was retired: maintenance from within the
  // period rated (it ends 2024-06-30), housekeeping only after it.
  const state = opened_([
    peerInvited,
    rated({ source: 'PEER', raterFunctionId: 'front-desk', respondentId: 'desk-lead', level: 2 }),
    rated({
      functionId: 'maintenance',
      source: 'PEER',
      raterFunctionId: 'front-desk',
      respondentId: 'desk-lead',
      level: 2,
    }),
    // Rates from maintenance: once maintenance is retired, its answers are refused.
    invited({
      invitationId: 'peer-maintenance',
      respondentId: 'maintenance-lead',
      source: 'PEER',
      raterFunctionId: 'maintenance',
      functionIds: ['housekeeping'],
    }),
  ]);
  const organization = foldEvents(organizationDecider, [
    ...hotelEvents,
    functionRetired('maintenance', '2024-05-01T00:00:00.000Z'),
    functionRetired('laundry', '2024-07-01T00:00:00.000Z'),
  ]);
  if (organization.status !== 'REGISTERED') throw new Error('registered');
  const retired = retiredFunctionIds(organization, opened.data.periodEnd);

  it('should count only the functions retired as of the end of the period rated', () => {
    expect([...retired]).toEqual(['maintenance']);
  });

  it('should ask nothing of an invitation from a retired function, and leave it out like a revoked one', () => {
    const fromMaintenance = state.invitations.get('peer-maintenance');
    if (!fromMaintenance) throw new Error('invited');
    expect(invitationProgress(fromMaintenance, state, retired)).toEqual({
      answered: 0,
      notSure: 0,
      expected: 0,
      byFunction: [],
    });
  });

  it('should leave a function retired within the period rated out of expected, answered and byFunction', () => {
    const order = organization.functions.map((business) => business.id);
    expect(campaignProgress(state.invitations, state, order, retired)).toEqual({
      invited: 1,
      started: 1,
      completed: 0,
      finished: 0,
      answered: 1,
      notSure: 0,
      expected: 2,
      byFunction: [{ functionId: 'housekeeping', answered: 1, notSure: 0, expected: 2 }],
    });
  });

  it('should ask exactly the cells it counts', () => {
    const peer = state.invitations.get('peer-desk');
    if (!peer) throw new Error('invited');
    expect(
      questionsOf(peer, state, organization, model, opened.data.periodEnd).map(
        ({ functionId, capabilityId }) => [functionId, capabilityId],
      ),
    ).toEqual([
      ['housekeeping', 'service-recovery'],
      ['housekeeping', 'cross-functional-cooperation'],
    ]);
    expect(invitationProgress(peer, state, retired).expected).toBe(2);
  });
});
