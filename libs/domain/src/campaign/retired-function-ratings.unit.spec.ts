// A retired function takes no new ratings, invitations or answers for a period it was retired by; its
// history can still be corrected, and a period that ended before the retirement can still be rated.
import { assessmentDecider } from '../assessment/assessment.decider';
import type { AssessmentEvent } from '../assessment/assessment.events';
import { evolveAssessment, initialAssessmentState } from '../assessment/assessment.state';
import { ORGANIZATION_ERROR_CODES, organizationDecider } from '../organization';
import { foldEvents } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotelEvents, model, NOW, NOW_ISO } from '../shared/testing/fixtures';
import { questionsOf } from './questionnaire';

const hotelWithoutLaundry = foldEvents(organizationDecider, [
  ...hotelEvents,
  {
    type: 'FunctionRetired',
    data: {
      organizationId: HOTEL_ID,
      functionId: 'laundry',
      effectiveFrom: '2024-03-15T00:00:00.000Z',
      reason: 'Merged into housekeeping',
      mergedIntoFunctionId: 'housekeeping',
    },
  },
]);
const spec = deciderSpecification(assessmentDecider, { now: NOW, organization: hotelWithoutLaundry, model });
const ids = { assessmentId: 'q2-2024', organizationId: HOTEL_ID };

const opened: AssessmentEvent = {
  type: 'AssessmentOpened',
  data: {
    ...ids,
    title: 'Q2 2024',
    periodEnd: '2024-06-30T00:00:00.000Z',
    modelId: model.id,
    modelVersion: model.version,
    openedAt: '2024-03-01T08:00:00.000Z',
  },
};
// Invited before the retirement: rates laundry and housekeeping.
const invitedBefore: AssessmentEvent = {
  type: 'RaterInvited',
  data: {
    ...ids,
    invitationId: 'invitation-1',
    respondentId: 'auditor',
    label: 'Auditor',
    source: 'AUDIT',
    raterFunctionId: null,
    functionIds: ['laundry', 'housekeeping'],
    capabilityIds: ['service-recovery'],
    expiresAt: null,
    secretHash: 'a'.repeat(64),
    invitedAt: '2024-03-02T08:00:00.000Z',
  },
};
const laundryRated: AssessmentEvent = {
  type: 'RatingRecorded',
  data: {
    ...ids,
    functionId: 'laundry',
    capabilityId: 'service-recovery',
    level: 2,
    source: 'SELF',
    raterFunctionId: null,
    evidence: null,
    respondentId: null,
  },
};

/** The functions the invitation issued before the retirement asks about, in an assessment so opened. */
const functionsAsked = (openedEvent: AssessmentEvent): string[] => {
  const state = [openedEvent, invitedBefore].reduce(evolveAssessment, initialAssessmentState());
  if (state.status === 'NONE' || hotelWithoutLaundry.status !== 'REGISTERED') throw new Error('opened');
  const invitation = state.invitations.get('invitation-1');
  if (invitation === undefined) throw new Error('invited');
  return questionsOf(invitation, state, hotelWithoutLaundry, model, state.periodEnd).map(
    (question) => question.functionId,
  );
};

describe('ratings, invitations and answers for a retired function', () => {
  it('should refuse a new rating of a retired function, or given by it as a PEER', () => {
    spec
      .given([opened])
      .when({
        type: 'RecordRating',
        data: { functionId: 'laundry', capabilityId: 'service-recovery', level: 3, source: 'SELF' },
      })
      .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'functionId');
    spec
      .given([opened])
      .when({
        type: 'RecordRating',
        data: {
          functionId: 'housekeeping',
          capabilityId: 'service-recovery',
          level: 3,
          source: 'PEER',
          raterFunctionId: 'laundry',
        },
      })
      .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'raterFunctionId');
  });

  it('should still correct a rating of a retired function recorded before (history stays correctable)', () => {
    spec
      .given([opened, laundryRated, { type: 'AssessmentClosed', data: { ...ids, closedAt: NOW_ISO } }])
      .when({
        type: 'CorrectRating',
        data: {
          functionId: 'laundry',
          capabilityId: 'service-recovery',
          level: 3,
          source: 'SELF',
          reason: 'Typo in the workshop notes',
        },
      })
      .then([
        {
          type: 'RatingCorrected',
          data: {
            ...ids,
            functionId: 'laundry',
            capabilityId: 'service-recovery',
            level: 3,
            source: 'SELF',
            raterFunctionId: null,
            respondentId: null,
            previousLevel: 2,
            reason: 'Typo in the workshop notes',
            correctedAt: NOW_ISO,
          },
        },
      ]);
  });

  it('should refuse inviting a rater for a retired function, or from it', () => {
    const invite = (functionIds: string[], source: 'AUDIT' | 'PEER', raterFunctionId?: string) => ({
      type: 'InviteRaters' as const,
      data: {
        invitations: [
          {
            invitationId: 'invitation-2',
            respondentId: 'someone',
            source,
            raterFunctionId,
            functionIds,
            secretHash: 'b'.repeat(64),
          },
        ],
      },
    });
    spec
      .given([opened])
      .when(invite(['housekeeping', 'laundry'], 'AUDIT'))
      .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'invitations[0].functionIds[1]');
    spec
      .given([opened])
      .when(invite(['housekeeping'], 'PEER', 'laundry'))
      .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'invitations[0].raterFunctionId');
  });

  it('should refuse an answer about a retired function from an invitation issued before, and leave its questions out', () => {
    spec
      .given([opened, invitedBefore])
      .when({
        type: 'AnswerQuestion',
        data: {
          invitationId: 'invitation-1',
          functionId: 'laundry',
          capabilityId: 'service-recovery',
          level: 3,
        },
      })
      .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'functionId');
    expect(functionsAsked(opened)).toEqual(['housekeeping']);
  });

  it('should refuse Not sure about a retired function, as an answer is', () => {
    spec
      .given([opened, invitedBefore])
      .when({
        type: 'SetQuestionAside',
        data: { invitationId: 'invitation-1', functionId: 'laundry', capabilityId: 'service-recovery' },
      })
      .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'functionId');
  });

  describe('for a period that ended before the retirement', () => {
    // Q1 ended on 29 February; laundry was retired from 15 March: it was in place all the period.
    const openedForQ1: AssessmentEvent = {
      type: 'AssessmentOpened',
      data: {
        ...ids,
        title: 'Q1 2024',
        periodEnd: '2024-02-29T00:00:00.000Z',
        modelId: model.id,
        modelVersion: model.version,
        openedAt: '2024-02-01T08:00:00.000Z',
      },
    };

    it('should record a late rating of it, or given by it as a PEER', () => {
      spec
        .given([openedForQ1])
        .when({
          type: 'RecordRating',
          data: { functionId: 'laundry', capabilityId: 'service-recovery', level: 2, source: 'SELF' },
        })
        .then([laundryRated]);
      spec
        .given([openedForQ1])
        .when({
          type: 'RecordRating',
          data: {
            functionId: 'housekeeping',
            capabilityId: 'service-recovery',
            level: 3,
            source: 'PEER',
            raterFunctionId: 'laundry',
          },
        })
        .then([
          {
            type: 'RatingRecorded',
            data: {
              ...ids,
              functionId: 'housekeeping',
              capabilityId: 'service-recovery',
              level: 3,
              source: 'PEER',
              raterFunctionId: 'laundry',
              evidence: null,
              respondentId: null,
            },
          },
        ]);
    });

    it('should still ask about it, take the answer and invite a rater for it', () => {
      spec
        .given([openedForQ1, invitedBefore])
        .when({
          type: 'AnswerQuestion',
          data: {
            invitationId: 'invitation-1',
            functionId: 'laundry',
            capabilityId: 'service-recovery',
            level: 2,
          },
        })
        .then([
          {
            type: 'RatingRecorded',
            data: {
              ...ids,
              functionId: 'laundry',
              capabilityId: 'service-recovery',
              level: 2,
              source: 'AUDIT',
              raterFunctionId: null,
              evidence: null,
              respondentId: 'auditor',
            },
          },
        ]);
      expect(functionsAsked(openedForQ1)).toEqual(['laundry', 'housekeeping']);
      spec
        .given([openedForQ1])
        .when({
          type: 'InviteRaters',
          data: {
            invitations: [
              {
                invitationId: 'invitation-2',
                respondentId: 'someone',
                source: 'AUDIT',
                functionIds: ['laundry'],
                secretHash: 'b'.repeat(64),
              },
            ],
          },
        })
        .then([
          {
            type: 'RaterInvited',
            data: expect.objectContaining({
              invitationId: 'invitation-2',
              functionIds: ['laundry'],
            }) as never,
          },
        ]);
    });
  });
});
