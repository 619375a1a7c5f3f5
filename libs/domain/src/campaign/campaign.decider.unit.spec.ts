import { assessmentDecider } from '../assessment/assessment.decider';
import { ASSESSMENT_ERROR_CODES } from '../assessment/assessment.errors';
import type { AssessmentEvent } from '../assessment/assessment.events';
import { foldEvents } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotel, model, NOW, NOW_ISO } from '../shared/testing/fixtures';
import type {
  AnswerQuestion,
  InvitationRequest,
  InviteRaters,
  ReissueInvitation,
  ReissueInvitations,
  SetQuestionAside,
} from './campaign.commands';
import { PERSONAL_DATA_ERROR_CODES } from '../personal-data/personal-data.errors';
import { CAMPAIGN_ERROR_CODES } from './campaign.errors';
import type { RaterInvitedData } from './campaign.events';
import { MAX_INVITATIONS_PER_CALL } from './campaign.decider';
import { invitationStatus } from './invitations';

const context = { now: NOW, organization: hotel, model };
const spec = deciderSpecification(assessmentDecider, context);
const ids = { assessmentId: 'q2-2024', organizationId: HOTEL_ID };
const everyCapability = model.capabilities.map((capability) => capability.id);
const hash = (digit: string) => digit.repeat(64);

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
const closed: AssessmentEvent = { type: 'AssessmentClosed', data: { ...ids, closedAt: NOW_ISO } };

const request = (overrides: Partial<InvitationRequest> = {}): InvitationRequest => ({
  invitationId: 'invitation-1',
  respondentId: 'night-lead',
  label: 'Night shift lead',
  source: 'SELF',
  functionIds: ['housekeeping'],
  secretHash: hash('a'),
  ...overrides,
});
const invite = (requests: InvitationRequest[], expiresAt?: string | null): InviteRaters => ({
  type: 'InviteRaters',
  data: { invitations: requests, expiresAt },
});
const invited = (overrides: Partial<RaterInvitedData> = {}): AssessmentEvent => ({
  type: 'RaterInvited',
  data: {
    ...ids,
    invitationId: 'invitation-1',
    respondentId: 'night-lead',
    label: 'Night shift lead',
    source: 'SELF',
    raterFunctionId: null,
    functionIds: ['housekeeping'],
    capabilityIds: everyCapability,
    expiresAt: null,
    secretHash: hash('a'),
    invitedAt: NOW_ISO,
    ...overrides,
  },
});
const revoked = (invitationId = 'invitation-1'): AssessmentEvent => ({
  type: 'InvitationRevoked',
  data: { ...ids, invitationId, revokedAt: NOW_ISO },
});
const answer = (overrides: Partial<AnswerQuestion['data']> = {}): AnswerQuestion => ({
  type: 'AnswerQuestion',
  data: {
    invitationId: 'invitation-1',
    functionId: 'housekeeping',
    capabilityId: 'service-recovery',
    level: 3,
    ...overrides,
  },
});

const setAside = (overrides: Partial<SetQuestionAside['data']> = {}): SetQuestionAside => ({
  type: 'SetQuestionAside',
  data: {
    invitationId: 'invitation-1',
    functionId: 'housekeeping',
    capabilityId: 'service-recovery',
    ...overrides,
  },
});
const questionSetAside = (overrides: Partial<SetQuestionAside['data']> = {}): AssessmentEvent => ({
  type: 'QuestionSetAside',
  data: { ...ids, ...setAside(overrides).data, setAsideAt: NOW_ISO },
});
const answered = (level = 3): AssessmentEvent => ({
  type: 'RatingRecorded',
  data: {
    ...ids,
    functionId: 'housekeeping',
    capabilityId: 'service-recovery',
    level,
    source: 'SELF',
    raterFunctionId: null,
    respondentId: 'night-lead',
    evidence: null,
  },
});

describe('campaign decisions on the assessment stream', () => {
  describe('InviteRaters', () => {
    it('should invite SELF, PEER and CUSTOMER respondents at once, every capability by default', () => {
      spec
        .given([opened])
        .when(
          invite(
            [
              request(),
              request({
                invitationId: 'invitation-2',
                respondentId: 'desk-lead',
                label: null,
                source: 'PEER',
                raterFunctionId: 'front-desk',
                functionIds: ['housekeeping', 'maintenance', 'housekeeping'],
                capabilityIds: ['service-recovery', 'cross-functional-cooperation'],
                secretHash: hash('b'),
              }),
              request({
                invitationId: 'invitation-3',
                respondentId: 'guest-panel-1',
                label: undefined,
                source: 'CUSTOMER',
                functionIds: ['front-desk', 'housekeeping'],
                capabilityIds: ['customer-insight'],
                secretHash: hash('c'),
              }),
            ],
            '2024-05-01',
          ),
        )
        .then([
          invited({ expiresAt: '2024-05-01T00:00:00.000Z' }),
          invited({
            invitationId: 'invitation-2',
            respondentId: 'desk-lead',
            label: null,
            source: 'PEER',
            raterFunctionId: 'front-desk',
            functionIds: ['housekeeping', 'maintenance'],
            capabilityIds: ['service-recovery', 'cross-functional-cooperation'],
            expiresAt: '2024-05-01T00:00:00.000Z',
            secretHash: hash('b'),
          }),
          invited({
            invitationId: 'invitation-3',
            respondentId: 'guest-panel-1',
            label: null,
            source: 'CUSTOMER',
            functionIds: ['front-desk', 'housekeeping'],
            capabilityIds: ['customer-insight'],
            expiresAt: '2024-05-01T00:00:00.000Z',
            secretHash: hash('c'),
          }),
        ]);
    });

    it('should refuse SELF rating more than one function, or with a rater function', () => {
      spec
        .given([opened])
        .when(invite([request(), request({ respondentId: 'b', functionIds: ['housekeeping', 'laundry'] })]))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.selfRatesOneFunction, 'invitations[1].functionIds');
      spec
        .given([opened])
        .when(invite([request({ raterFunctionId: 'front-desk' })]))
        .thenThrows(
          'invalid_input',
          ASSESSMENT_ERROR_CODES.raterNotAllowed,
          'invitations[0].raterFunctionId',
        );
    });

    it('should refuse PEER without a rater function, or rating its own function', () => {
      spec
        .given([opened])
        .when(invite([request({ source: 'PEER' })]))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.raterRequired, 'invitations[0].raterFunctionId');
      spec
        .given([opened])
        .when(
          invite([
            request({
              source: 'PEER',
              raterFunctionId: 'maintenance',
              functionIds: ['housekeeping', 'maintenance'],
            }),
          ]),
        )
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.selfPeerRating, 'invitations[0].raterFunctionId');
    });

    it('should refuse to invite a forgotten respondent again, naming the person and the way out', () => {
      const forgetful = deciderSpecification(assessmentDecider, {
        ...context,
        forgottenRespondents: { 'night-lead': '2024-04-20T10:00:00.000Z' },
      });
      forgetful
        .given([opened])
        .when(invite([request({ invitationId: 'invitation-2', respondentId: 'desk-lead' }), request()]))
        .thenThrows('conflict', PERSONAL_DATA_ERROR_CODES.respondentForgotten, 'invitations[1].respondentId');
      expect(() =>
        assessmentDecider.decide(invite([request()]), foldEvents(assessmentDecider, [opened]), {
          ...context,
          forgottenRespondents: { 'night-lead': '2024-04-20T10:00:00.000Z' },
        }),
      ).toThrow(
        'invitations[0].respondentId: “Night shift lead” (respondent "night-lead") was forgotten on 2024-04-20 and cannot be invited again; nobody was invited. Remove this person, or leave their respondent empty so they get a new id',
      );
      // Someone else under a new id is invited as usual.
      forgetful
        .given([opened])
        .when(invite([request({ respondentId: 'night-lead-2' })]))
        .then([invited({ respondentId: 'night-lead-2', capabilityIds: everyCapability })]);
    });

    it.each(['CUSTOMER', 'AUDIT'])('should refuse a rater function for %s', (source) => {
      spec
        .given([opened])
        .when(invite([request({ source, raterFunctionId: 'front-desk' })]))
        .thenThrows(
          'invalid_input',
          ASSESSMENT_ERROR_CODES.raterNotAllowed,
          'invitations[0].raterFunctionId',
        );
    });

    it('should refuse unknown functions and capabilities, naming the element', () => {
      spec
        .given([opened])
        .when(invite([request({ source: 'AUDIT', functionIds: ['front-desk', 'spa'] })]))
        .thenThrows('not_found', 'ORGANIZATION.FUNCTION_NOT_FOUND', 'invitations[0].functionIds[1]');
      spec
        .given([opened])
        .when(invite([request({ capabilityIds: ['telepathy'] })]))
        .thenThrows('not_found', 'MATURITY_MODEL.CAPABILITY_NOT_FOUND', 'invitations[0].capabilityIds[0]');
      spec
        .given([opened])
        .when(invite([request({ source: 'PEER', raterFunctionId: 'spa' })]))
        .thenThrows('not_found', 'ORGANIZATION.FUNCTION_NOT_FOUND', 'invitations[0].raterFunctionId');
    });

    it('should refuse empty lists of people, functions or capabilities, and an unknown source', () => {
      spec
        .given([opened])
        .when(invite([]))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.noInvitations, 'invitations');
      spec
        .given([opened])
        .when(invite([request({ source: 'CUSTOMER', functionIds: [] })]))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.noFunctions, 'invitations[0].functionIds');
      spec
        .given([opened])
        .when(invite([request({ capabilityIds: [] })]))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.noCapabilities, 'invitations[0].capabilityIds');
      spec
        .given([opened])
        .when(invite([request({ source: 'BOARD' })]))
        .thenThrows('invalid_input', 'VALIDATION.NOT_ALLOWED', 'invitations[0].source');
    });

    it(`should refuse more than ${MAX_INVITATIONS_PER_CALL} people in one call`, () => {
      const many = Array.from({ length: MAX_INVITATIONS_PER_CALL + 1 }, (_, index) =>
        request({ invitationId: `invitation-${index}`, respondentId: `person-${index}` }),
      );
      spec
        .given([opened])
        .when(invite(many))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.tooManyInvitations, 'invitations');
    });

    it('should refuse an expiresAt already passed, or malformed', () => {
      spec
        .given([opened])
        .when(invite([request()], '2024-04-02T09:30:00Z'))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.expiresInThePast, 'expiresAt');
      spec
        .given([opened])
        .when(invite([request()], 'next week'))
        .thenThrows('invalid_input', 'VALIDATION.MALFORMED_DATE', 'expiresAt');
    });

    it('should refuse the same respondent twice in one call', () => {
      spec
        .given([opened])
        .when(
          invite([
            request(),
            request({ invitationId: 'invitation-2', source: 'PEER', raterFunctionId: 'front-desk' }),
          ]),
        )
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.duplicateRespondent, 'invitations[1].respondentId');
    });

    it('should refuse a second working invitation of a respondent with the same source and rater, and allow one after revocation or for another source', () => {
      spec
        .given([opened, invited()])
        .when(invite([request({ invitationId: 'invitation-2' })]))
        .thenThrows('conflict', CAMPAIGN_ERROR_CODES.alreadyInvited, 'invitations[0].respondentId');
      spec
        .given([opened, invited(), revoked()])
        .when(invite([request({ invitationId: 'invitation-2' })]))
        .then([invited({ invitationId: 'invitation-2' })]);
      spec
        .given([opened, invited()])
        .when(
          invite([
            request({
              invitationId: 'invitation-2',
              source: 'PEER',
              raterFunctionId: 'housekeeping',
              functionIds: ['front-desk'],
            }),
          ]),
        )
        .then([
          invited({
            invitationId: 'invitation-2',
            source: 'PEER',
            raterFunctionId: 'housekeeping',
            functionIds: ['front-desk'],
          }),
        ]);
    });

    it('should refuse a respondent id or label out of bounds and a secret that is not a hash', () => {
      spec
        .given([opened])
        .when(invite([request({ respondentId: 'Night Lead' })]))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'invitations[0].respondentId');
      spec
        .given([opened])
        .when(invite([request({ label: 'l'.repeat(201) })]))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'invitations[0].label');
      spec
        .given([opened])
        .when(invite([request({ secretHash: 'secret' })]))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.malformedSecretHash, 'invitations[0].secretHash');
    });

    it('should refuse inviting into a closed or unknown assessment', () => {
      spec
        .given([opened, closed])
        .when(invite([request()]))
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.closed, 'assessmentId');
      spec
        .given([])
        .when(invite([request()]))
        .thenThrows('not_found', ASSESSMENT_ERROR_CODES.notFound, 'assessmentId');
    });
  });

  describe('RevokeInvitation', () => {
    it('should revoke once; revoking again changes nothing', () => {
      spec
        .given([opened, invited()])
        .when({ type: 'RevokeInvitation', data: { invitationId: 'invitation-1' } })
        .then([revoked()]);
      spec
        .given([opened, invited(), revoked()])
        .when({ type: 'RevokeInvitation', data: { invitationId: 'invitation-1' } })
        .then([]);
    });

    it('should refuse an unknown invitation', () => {
      spec
        .given([opened, invited()])
        .when({ type: 'RevokeInvitation', data: { invitationId: 'invitation-9' } })
        .thenThrows('not_found', CAMPAIGN_ERROR_CODES.invitationNotFound, 'invitationId');
    });
  });

  describe('ReissueInvitation', () => {
    const reissue = (overrides: Partial<ReissueInvitation['data']> = {}): ReissueInvitation => ({
      type: 'ReissueInvitation',
      data: {
        invitationId: 'invitation-1',
        newInvitationId: 'invitation-2',
        secretHash: hash('b'),
        ...overrides,
      },
    });

    it('should revoke the working link and invite the same person alike with the new secret, in one decision', () => {
      const peer = {
        source: 'PEER' as const,
        raterFunctionId: 'front-desk',
        functionIds: ['housekeeping', 'maintenance'],
        capabilityIds: ['service-recovery'],
        expiresAt: '2099-01-01T00:00:00.000Z',
      };
      spec
        .given([opened, invited(peer)])
        .when(reissue())
        .then([revoked(), invited({ ...peer, invitationId: 'invitation-2', secretHash: hash('b') })]);
    });

    it('should refuse a link that no longer works: revoked, expired or closed (CONFLICT), and writes nothing', () => {
      for (const given of [
        [opened, invited(), revoked()],
        [opened, invited({ expiresAt: NOW_ISO })],
        [opened, invited(), closed],
      ])
        spec
          .given(given)
          .when(reissue())
          .thenThrows('conflict', CAMPAIGN_ERROR_CODES.linkNotWorking, 'invitationId');
    });

    it('should refuse a new link for a forgotten person: their links stay stopped', () => {
      const forgetful = deciderSpecification(assessmentDecider, {
        ...context,
        forgottenRespondents: { 'night-lead': '2024-04-20T10:00:00.000Z' },
      });
      const error = forgetful
        .given([opened, invited()])
        .when(reissue())
        .thenThrows('conflict', PERSONAL_DATA_ERROR_CODES.respondentForgotten, 'invitationId');
      expect(error.message).toBe(
        'invitationId: the person of invitation "invitation-1" (respondent "night-lead") was forgotten on 2024-04-20: their links stay stopped and no new one is issued',
      );
    });

    it('should refuse an unknown invitation, a new id already taken and a secret that is not a hash', () => {
      spec
        .given([opened, invited()])
        .when(reissue({ invitationId: 'invitation-9' }))
        .thenThrows('not_found', CAMPAIGN_ERROR_CODES.invitationNotFound, 'invitationId');
      spec
        .given([opened, invited()])
        .when(reissue({ newInvitationId: 'invitation-1' }))
        .thenThrows('conflict', CAMPAIGN_ERROR_CODES.invitationExists, 'newInvitationId');
      spec
        .given([opened, invited()])
        .when(reissue({ secretHash: 'secret' }))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.malformedSecretHash, 'secretHash');
    });
  });

  describe('ReissueInvitations', () => {
    const second = invited({
      invitationId: 'invitation-2',
      respondentId: 'desk-lead',
      secretHash: hash('c'),
    });
    const reissueAll = (
      reissues: ReissueInvitations['data']['reissues'] = [
        { invitationId: 'invitation-1', newInvitationId: 'invitation-3', secretHash: hash('d') },
        { invitationId: 'invitation-2', newInvitationId: 'invitation-4', secretHash: hash('e') },
      ],
    ): ReissueInvitations => ({ type: 'ReissueInvitations', data: { reissues } });

    it('should replace every named working link in one decision: each revoked, each person invited alike', () => {
      spec
        .given([opened, invited(), second])
        .when(reissueAll())
        .then([
          revoked('invitation-1'),
          invited({ invitationId: 'invitation-3', secretHash: hash('d') }),
          revoked('invitation-2'),
          invited({ invitationId: 'invitation-4', respondentId: 'desk-lead', secretHash: hash('e') }),
        ]);
    });

    it('should refuse the whole call when one named link no longer works, naming its place in the list', () => {
      spec
        .given([opened, invited(), second, revoked('invitation-2')])
        .when(reissueAll())
        .thenThrows('conflict', CAMPAIGN_ERROR_CODES.linkNotWorking, 'invitationIds[1]');
      spec
        .given([opened, invited(), second])
        .when(
          reissueAll([
            { invitationId: 'invitation-1', newInvitationId: 'invitation-3', secretHash: hash('d') },
            { invitationId: 'invitation-9', newInvitationId: 'invitation-4', secretHash: hash('e') },
          ]),
        )
        .thenThrows('not_found', CAMPAIGN_ERROR_CODES.invitationNotFound, 'invitationIds[1]');
    });

    it('should say, in each call’s own words, that it takes at least one and at most a call’s worth', () => {
      const decide = (command: InviteRaters | ReissueInvitations) => () =>
        assessmentDecider.decide(command, foldEvents(assessmentDecider, [opened, invited()]), context);
      const tooMany = Array.from({ length: MAX_INVITATIONS_PER_CALL + 1 }, () => ({
        invitationId: 'invitation-1',
        newInvitationId: 'invitation-3',
        secretHash: hash('d'),
      }));
      expect(decide(invite([]))).toThrow('invitations must name at least one person to invite');
      expect(decide(invite(tooMany.map(() => request())))).toThrow(
        `invitations must name at most ${MAX_INVITATIONS_PER_CALL} people per call (got ${MAX_INVITATIONS_PER_CALL + 1}); invite the others in another call`,
      );
      expect(decide(reissueAll([]))).toThrow('invitationIds must name at least one working link to replace');
      expect(decide(reissueAll(tooMany))).toThrow(
        `invitationIds must name at most ${MAX_INVITATIONS_PER_CALL} links per call (got ${MAX_INVITATIONS_PER_CALL + 1}); replace the others in another call`,
      );
    });

    it('should refuse an empty list, a link named twice and two new links with one id', () => {
      spec
        .given([opened, invited()])
        .when(reissueAll([]))
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.noInvitations, 'invitationIds');
      spec
        .given([opened, invited(), second])
        .when(
          reissueAll([
            { invitationId: 'invitation-1', newInvitationId: 'invitation-3', secretHash: hash('d') },
            { invitationId: 'invitation-1', newInvitationId: 'invitation-4', secretHash: hash('e') },
          ]),
        )
        .thenThrows('invalid_input', CAMPAIGN_ERROR_CODES.duplicateInvitation, 'invitationIds[1]');
      spec
        .given([opened, invited(), second])
        .when(
          reissueAll([
            { invitationId: 'invitation-1', newInvitationId: 'invitation-3', secretHash: hash('d') },
            { invitationId: 'invitation-2', newInvitationId: 'invitation-3', secretHash: hash('e') },
          ]),
        )
        .thenThrows('conflict', CAMPAIGN_ERROR_CODES.invitationExists, 'invitationIds[1].newInvitationId');
    });
  });

  describe('AnswerQuestion', () => {
    const peer = invited({
      invitationId: 'invitation-2',
      respondentId: 'desk-lead',
      source: 'PEER',
      raterFunctionId: 'front-desk',
      functionIds: ['housekeeping'],
      capabilityIds: ['service-recovery'],
    });

    it("should record an ordinary rating with the invitation's source, rater function and respondent", () => {
      spec
        .given([opened, invited(), peer])
        .when(answer({ invitationId: 'invitation-2', level: 2, evidence: 'Late rooms' }))
        .then([
          {
            type: 'RatingRecorded',
            data: {
              ...ids,
              functionId: 'housekeeping',
              capabilityId: 'service-recovery',
              level: 2,
              source: 'PEER',
              raterFunctionId: 'front-desk',
              respondentId: 'desk-lead',
              evidence: 'Late rooms',
            },
          },
        ]);
    });

    it('should refuse a question the invitation does not ask, naming the field (FORBIDDEN)', () => {
      spec
        .given([opened, peer])
        .when(answer({ invitationId: 'invitation-2', functionId: 'maintenance' }))
        .thenThrows('forbidden', CAMPAIGN_ERROR_CODES.notYourQuestion, 'functionId');
      spec
        .given([opened, peer])
        .when(answer({ invitationId: 'invitation-2', capabilityId: 'customer-insight' }))
        .thenThrows('forbidden', CAMPAIGN_ERROR_CODES.notYourQuestion, 'capabilityId');
    });

    it('should apply the rating rules to the answer', () => {
      spec
        .given([opened, invited()])
        .when(answer({ level: 6 }))
        .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'level');
      spec
        .given([opened, invited()])
        .when(answer({ evidence: 'e'.repeat(10_001) }))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'evidence');
    });

    it('should refuse a revoked or expired link (UNAUTHENTICATED) and a closed assessment (CONFLICT)', () => {
      spec
        .given([opened, invited(), revoked()])
        .when(answer())
        .thenThrows('unauthenticated', CAMPAIGN_ERROR_CODES.invitationRevoked);
      spec
        .given([opened, invited({ expiresAt: NOW_ISO })])
        .when(answer())
        .thenThrows('unauthenticated', CAMPAIGN_ERROR_CODES.invitationExpired);
      spec
        .given([opened, invited(), closed])
        .when(answer())
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.closed, 'assessmentId');
    });
  });

  describe('SetQuestionAside', () => {
    it('should record "Not sure" on one question of the invitation, with no level and no text', () => {
      spec
        .given([opened, invited()])
        .when(setAside())
        .then([
          {
            type: 'QuestionSetAside',
            data: {
              ...ids,
              invitationId: 'invitation-1',
              functionId: 'housekeeping',
              capabilityId: 'service-recovery',
              setAsideAt: NOW_ISO,
            },
          },
        ]);
    });

    it('should change nothing when the question is already set aside', () => {
      spec.given([opened, invited(), questionSetAside()]).when(setAside()).then([]);
    });

    it('should refuse to set aside a question already answered (CONFLICT naming capabilityId): a level can be changed, not withdrawn', () => {
      spec
        .given([opened, invited(), answered(2)])
        .when(setAside())
        .thenThrows('conflict', CAMPAIGN_ERROR_CODES.alreadyAnswered, 'capabilityId');
      expect(() =>
        assessmentDecider.decide(
          setAside(),
          foldEvents(assessmentDecider, [opened, invited(), questionSetAside(), answered(2)]),
          context,
        ),
      ).toThrow(
        'capabilityId: housekeeping / service-recovery is already answered (level 2); an answer can be changed to another level, not set aside',
      );
    });

    it('should refuse a question of another invitation (FORBIDDEN), a revoked or expired link (UNAUTHENTICATED) and a closed assessment (CONFLICT)', () => {
      spec
        .given([opened, invited()])
        .when(setAside({ functionId: 'maintenance' }))
        .thenThrows('forbidden', CAMPAIGN_ERROR_CODES.notYourQuestion, 'functionId');
      spec
        .given([opened, invited(), revoked()])
        .when(setAside())
        .thenThrows('unauthenticated', CAMPAIGN_ERROR_CODES.invitationRevoked);
      spec
        .given([opened, invited({ expiresAt: NOW_ISO })])
        .when(setAside())
        .thenThrows('unauthenticated', CAMPAIGN_ERROR_CODES.invitationExpired);
      spec
        .given([opened, invited(), closed])
        .when(setAside())
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.closed, 'assessmentId');
    });

    it("should keep a person's Not sure on their new link, as their answers are", () => {
      const state = foldEvents(assessmentDecider, [
        opened,
        invited(),
        questionSetAside(),
        revoked(),
        invited({ invitationId: 'invitation-2' }),
      ]);
      expect(assessmentDecider.decide(setAside({ invitationId: 'invitation-2' }), state, context)).toEqual(
        [],
      );
    });
  });

  describe(invitationStatus.name, () => {
    it('should say REVOKED, then EXPIRED, then CLOSED, else ACTIVE', () => {
      const state = (events: AssessmentEvent[]) => {
        const folded = foldEvents(assessmentDecider, [opened, ...events]);
        if (folded.status === 'NONE') throw new Error('opened');
        const invitation = folded.invitations.get('invitation-1');
        if (invitation === undefined) throw new Error('invited');
        return invitationStatus(invitation, folded.status, NOW);
      };
      expect(state([invited()])).toBe('ACTIVE');
      expect(state([invited(), closed])).toBe('CLOSED');
      expect(state([invited({ expiresAt: '2024-04-02T09:29:59.000Z' }), closed])).toBe('EXPIRED');
      expect(state([invited({ expiresAt: '2024-04-02T09:30:01.000Z' })])).toBe('ACTIVE');
      expect(state([invited({ expiresAt: '2024-04-02T09:29:59.000Z' }), revoked(), closed])).toBe('REVOKED');
    });
  });
});
