import { foldEvents, VALIDATION_ERROR_CODES } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotel, model, NOW, NOW_ISO } from '../shared/testing/fixtures';
import type { CorrectRating, OpenAssessment, RecordRating, WithdrawAssessment } from './assessment.commands';
import { assessmentDecider } from './assessment.decider';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';
import type { AssessmentEvent, RatingRecordedData } from './assessment.events';
import { effectiveRatings } from './effective-ratings';
import { evolveAssessment, initialAssessmentState } from './assessment.state';

const context = { now: NOW, organization: hotel, model };
const spec = deciderSpecification(assessmentDecider, context);
const ids = { assessmentId: 'q1-2024', organizationId: HOTEL_ID };

const opened: AssessmentEvent = {
  type: 'AssessmentOpened',
  data: {
    ...ids,
    title: 'Q1 2024 baseline',
    periodEnd: '2024-03-31T00:00:00.000Z',
    modelId: 'customer-centricity',
    modelVersion: 1,
    openedAt: '2024-03-01T08:00:00.000Z',
  },
};
const closed: AssessmentEvent = {
  type: 'AssessmentClosed',
  data: { ...ids, closedAt: '2024-04-01T08:00:00.000Z' },
};

const recorded = (data: Partial<RatingRecordedData> = {}): AssessmentEvent => ({
  type: 'RatingRecorded',
  data: {
    ...ids,
    functionId: 'housekeeping',
    capabilityId: 'cross-functional-cooperation',
    level: 2,
    source: 'SELF',
    raterFunctionId: null,
    evidence: null,
    respondentId: null,
    ...data,
  },
});

const openAssessment = (overrides: Partial<OpenAssessment['data']> = {}): OpenAssessment => ({
  type: 'OpenAssessment',
  data: { ...ids, title: 'Q1 2024 baseline', periodEnd: '2024-03-31', ...overrides },
});

const record = (overrides: Partial<RecordRating['data']> = {}): RecordRating => ({
  type: 'RecordRating',
  data: {
    functionId: 'housekeeping',
    capabilityId: 'cross-functional-cooperation',
    level: 2,
    source: 'SELF',
    ...overrides,
  },
});

const correct = (overrides: Partial<CorrectRating['data']> = {}): CorrectRating => ({
  type: 'CorrectRating',
  data: {
    functionId: 'housekeeping',
    capabilityId: 'cross-functional-cooperation',
    level: 3,
    source: 'SELF',
    reason: 'Transcription error in the workshop notes',
    ...overrides,
  },
});

describe('assessmentDecider', () => {
  describe('OpenAssessment', () => {
    it('should open an assessment pinned to the organization model, periodEnd in UTC', () => {
      spec
        .given([])
        .when(openAssessment())
        .then([{ ...opened, data: { ...opened.data, openedAt: NOW_ISO } }]);
    });

    it('should refuse an assessment id that is not a slug', () => {
      spec
        .given([])
        .when(openAssessment({ assessmentId: 'Q1 2024' }))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'assessmentId');
    });

    it('should refuse an id opened before', () => {
      spec
        .given([opened])
        .when(openAssessment())
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.alreadyOpened, 'assessmentId');
    });

    it('should refuse an unknown organization', () => {
      spec
        .given([])
        .when(openAssessment({ organizationId: 'other-hotel' }))
        .thenThrows('not_found', 'ORGANIZATION.NOT_FOUND', 'organizationId');
      spec
        .given([])
        .when(openAssessment(), { ...context, organization: { status: 'NONE' } })
        .thenThrows('not_found', 'ORGANIZATION.NOT_FOUND', 'organizationId');
    });

    it('should refuse a title over 200 characters', () => {
      spec
        .given([])
        .when(openAssessment({ title: 't'.repeat(201) }))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'title');
    });

    it.each(['2024-02-30', 'end of March', '2024-03-31T25:00:00Z'])(
      'should refuse the malformed periodEnd %s',
      (periodEnd) => {
        spec
          .given([])
          .when(openAssessment({ periodEnd }))
          .thenThrows('invalid_input', 'VALIDATION.MALFORMED_DATE', 'periodEnd');
      },
    );
  });

  describe('RecordRating', () => {
    it('should record a SELF rating', () => {
      spec.given([opened]).when(record()).then([recorded()]);
    });

    it('should record a PEER rating with its rater and evidence', () => {
      spec
        .given([opened])
        .when(
          record({
            source: 'PEER',
            raterFunctionId: 'front-desk',
            level: 1,
            evidence: 'Rooms late three days a week',
          }),
        )
        .then([
          recorded({
            source: 'PEER',
            raterFunctionId: 'front-desk',
            level: 1,
            evidence: 'Rooms late three days a week',
          }),
        ]);
    });

    it('should accept evidence of exactly 10,000 characters', () => {
      const evidence = 'e'.repeat(10_000);
      spec
        .given([opened])
        .when(record({ evidence }))
        .then([recorded({ evidence })]);
    });

    it('should refuse recording into a CLOSED assessment', () => {
      spec
        .given([opened, closed])
        .when(record())
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.closed, 'assessmentId');
    });

    it('should refuse an assessment that was never opened', () => {
      spec.given([]).when(record()).thenThrows('not_found', ASSESSMENT_ERROR_CODES.notFound, 'assessmentId');
    });

    it('should refuse an unknown function', () => {
      spec
        .given([opened])
        .when(record({ functionId: 'spa' }))
        .thenThrows('not_found', 'ORGANIZATION.FUNCTION_NOT_FOUND', 'functionId');
    });

    it('should refuse a function id that is not a slug', () => {
      spec
        .given([opened])
        .when(record({ functionId: 'House Keeping' }))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'functionId');
    });

    it('should refuse an unknown capability', () => {
      spec
        .given([opened])
        .when(record({ capabilityId: 'telepathy' }))
        .thenThrows('not_found', 'MATURITY_MODEL.CAPABILITY_NOT_FOUND', 'capabilityId');
    });

    it.each([
      [0, VALIDATION_ERROR_CODES.outOfRange],
      [6, VALIDATION_ERROR_CODES.outOfRange],
      [3.5, VALIDATION_ERROR_CODES.notAnInteger],
    ])('should refuse level %d', (level, code) => {
      spec.given([opened]).when(record({ level })).thenThrows('invalid_input', code, 'level');
    });

    it('should refuse a PEER rating without a rater', () => {
      spec
        .given([opened])
        .when(record({ source: 'PEER' }))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.raterRequired, 'raterFunctionId');
    });

    it('should refuse a PEER rating of a function by itself', () => {
      spec
        .given([opened])
        .when(record({ source: 'PEER', raterFunctionId: 'housekeeping' }))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.selfPeerRating, 'raterFunctionId');
    });

    it('should refuse an unknown rater', () => {
      spec
        .given([opened])
        .when(record({ source: 'PEER', raterFunctionId: 'spa' }))
        .thenThrows('not_found', 'ORGANIZATION.FUNCTION_NOT_FOUND', 'raterFunctionId');
    });

    it.each(['SELF', 'CUSTOMER', 'AUDIT'] as const)('should refuse a rater on a %s rating', (source) => {
      spec
        .given([opened])
        .when(record({ source, raterFunctionId: 'front-desk' }))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.raterNotAllowed, 'raterFunctionId');
    });

    it('should refuse evidence over 10,000 characters', () => {
      spec
        .given([opened])
        .when(record({ evidence: 'e'.repeat(10_001) }))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'evidence');
    });

    it('should record the respondent who rated', () => {
      spec
        .given([opened])
        .when(record({ respondentId: 'night-shift-lead' }))
        .then([recorded({ respondentId: 'night-shift-lead' })]);
    });

    it.each(['Night Lead', '', '-lead', 'a'.repeat(65)])(
      'should refuse the respondentId %j, which is not a slug',
      (respondentId) => {
        spec
          .given([opened])
          .when(record({ respondentId }))
          .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'respondentId');
      },
    );
  });

  describe('CloseAssessment', () => {
    it('should close an open assessment', () => {
      spec
        .given([opened, recorded()])
        .when({ type: 'CloseAssessment' })
        .then([{ type: 'AssessmentClosed', data: { ...ids, closedAt: NOW_ISO } }]);
    });

    it('should refuse closing twice', () => {
      spec
        .given([opened, closed])
        .when({ type: 'CloseAssessment' })
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.alreadyClosed, 'assessmentId');
    });

    it('should refuse an assessment that was never opened', () => {
      spec
        .given([])
        .when({ type: 'CloseAssessment' })
        .thenThrows('not_found', ASSESSMENT_ERROR_CODES.notFound, 'assessmentId');
    });
  });

  describe('CorrectRating', () => {
    const corrected = (
      previousLevel: number | null,
      respondentId: string | null = null,
      level = 3,
    ): AssessmentEvent => ({
      type: 'RatingCorrected',
      data: {
        ...ids,
        functionId: 'housekeeping',
        capabilityId: 'cross-functional-cooperation',
        level,
        source: 'SELF',
        raterFunctionId: null,
        reason: 'Transcription error in the workshop notes',
        previousLevel,
        correctedAt: NOW_ISO,
        respondentId,
      },
    });

    it('should correct a rating of a CLOSED assessment, naming the level it replaces', () => {
      spec
        .given([opened, recorded(), closed])
        .when(correct())
        .then([corrected(2)]);
    });

    it('should correct on an OPEN assessment too', () => {
      spec
        .given([opened, recorded()])
        .when(correct())
        .then([corrected(2)]);
    });

    it('should allow a correction that adds a missed rating', () => {
      spec
        .given([opened, closed])
        .when(correct())
        .then([corrected(null)]);
    });

    it("should correct a respondent's rating, naming the level it replaces", () => {
      spec
        .given([opened, recorded({ respondentId: 'night-shift-lead', level: 4 }), recorded({ level: 2 })])
        .when(correct({ respondentId: 'night-shift-lead' }))
        .then([corrected(4, 'night-shift-lead')]);
    });

    it('should refuse correcting a respondent who never rated that cell with that source and rater', () => {
      const given = [opened, recorded({ respondentId: 'night-shift-lead' }), closed];
      spec
        .given(given)
        .when(correct({ respondentId: 'day-shift-lead' }))
        .thenThrows('not_found', ASSESSMENT_ERROR_CODES.respondentNotFound, 'respondentId');
      spec
        .given(given)
        .when(correct({ respondentId: 'night-shift-lead', capabilityId: 'service-recovery' }))
        .thenThrows('not_found', ASSESSMENT_ERROR_CODES.respondentNotFound, 'respondentId');
      spec
        .given(given)
        .when(correct({ respondentId: 'night-shift-lead', source: 'CUSTOMER' }))
        .thenThrows('not_found', ASSESSMENT_ERROR_CODES.respondentNotFound, 'respondentId');
    });

    it('should refuse a correction whose respondentId is not a slug', () => {
      spec
        .given([opened, recorded()])
        .when(correct({ respondentId: 'Night Lead' }))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'respondentId');
    });

    it('should refuse a correction that changes nothing, naming the level and writing nothing', () => {
      spec
        .given([opened, recorded({ level: 3, evidence: 'Workshop notes' }), closed])
        .when(correct({ level: 3 }))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.nothingToCorrect, 'level');
      spec
        .given([opened, recorded({ respondentId: 'night-shift-lead', level: 3 })])
        .when(correct({ respondentId: 'night-shift-lead' }))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.nothingToCorrect, 'level');
    });

    it('should refuse correcting back to the level a correction already set', () => {
      spec
        .given([opened, recorded(), closed, corrected(2)])
        .when(correct())
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.nothingToCorrect, 'level');
    });

    it('should allow correcting back to the level a correction replaced', () => {
      spec
        .given([opened, recorded(), closed, corrected(2)])
        .when(correct({ level: 2 }))
        .then([corrected(3, null, 2)]);
    });

    it('should refuse a blank reason', () => {
      spec
        .given([opened, closed])
        .when(correct({ reason: '  ' }))
        .thenThrows('invalid_input', 'VALIDATION.REQUIRED', 'reason');
    });

    it('should refuse a reason over 2,000 characters', () => {
      spec
        .given([opened, closed])
        .when(correct({ reason: 'r'.repeat(2_001) }))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'reason');
    });

    it('should apply the rating rules', () => {
      spec
        .given([opened, closed])
        .when(correct({ level: 9 }))
        .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'level');
      spec
        .given([opened, closed])
        .when(correct({ source: 'PEER' }))
        .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.raterRequired, 'raterFunctionId');
    });

    it('should refuse an assessment that was never opened', () => {
      spec.given([]).when(correct()).thenThrows('not_found', ASSESSMENT_ERROR_CODES.notFound, 'assessmentId');
    });
  });

  describe('WithdrawAssessment', () => {
    const withdraw = (reason = 'Opened by mistake: period end typed as 1900'): WithdrawAssessment => ({
      type: 'WithdrawAssessment',
      data: { reason },
    });
    const withdrawn: AssessmentEvent = {
      type: 'AssessmentWithdrawn',
      data: {
        ...ids,
        reason: 'Opened by mistake',
        previousStatus: 'OPEN',
        withdrawnAt: '2024-03-02T08:00:00.000Z',
      },
    };

    it('should withdraw an OPEN assessment, ratings and all, with the reason trimmed', () => {
      spec
        .given([opened, recorded()])
        .when(withdraw('  Opened by mistake: period end typed as 1900 '))
        .then([
          {
            type: 'AssessmentWithdrawn',
            data: {
              ...ids,
              reason: 'Opened by mistake: period end typed as 1900',
              previousStatus: 'OPEN',
              withdrawnAt: NOW_ISO,
            },
          },
        ]);
    });

    it('should withdraw a CLOSED assessment that has no rating', () => {
      spec
        .given([opened, closed])
        .when(withdraw())
        .then([
          {
            type: 'AssessmentWithdrawn',
            data: { ...ids, reason: withdraw().data.reason, previousStatus: 'CLOSED', withdrawnAt: NOW_ISO },
          },
        ]);
    });

    it('should refuse a CLOSED assessment with ratings: they are corrected, not withdrawn', () => {
      const error = spec
        .given([opened, recorded(), closed])
        .when(withdraw())
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.closedWithRatings, 'assessmentId');
      expect(error.message).toContain('1 rating;');
      expect(error.message).toContain('correctRating');
    });

    it('should refuse withdrawing twice', () => {
      spec
        .given([opened, withdrawn])
        .when(withdraw())
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.alreadyWithdrawn, 'assessmentId');
    });

    it('should refuse a blank reason and one over 2,000 characters', () => {
      spec.given([opened]).when(withdraw('   ')).thenThrows('invalid_input', 'VALIDATION.REQUIRED', 'reason');
      spec
        .given([opened])
        .when(withdraw('r'.repeat(2_001)))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'reason');
    });

    it('should refuse an assessment that was never opened', () => {
      spec
        .given([])
        .when(withdraw())
        .thenThrows('not_found', ASSESSMENT_ERROR_CODES.notFound, 'assessmentId');
    });

    it.each([
      ['recording a rating', record()],
      ['correcting a rating', correct()],
      ['closing it', { type: 'CloseAssessment' } as const],
      [
        'inviting a rater',
        {
          type: 'InviteRaters',
          data: {
            invitations: [
              {
                invitationId: 'late',
                respondentId: 'late',
                source: 'CUSTOMER',
                functionIds: ['housekeeping'],
                secretHash: 'a'.repeat(64),
              },
            ],
          },
        } as const,
      ],
    ])('should refuse %s once withdrawn', (_, command) => {
      spec
        .given([opened, recorded(), withdrawn])
        .when(command)
        .thenThrows('conflict', ASSESSMENT_ERROR_CODES.withdrawn, 'assessmentId');
    });

    it('should read WITHDRAWN with when and why, keeping its ratings and its closing date', () => {
      const state = [opened, closed, withdrawn].reduce(evolveAssessment, initialAssessmentState());
      expect(state).toMatchObject({
        status: 'WITHDRAWN',
        closedAt: '2024-04-01T08:00:00.000Z',
        withdrawnAt: '2024-03-02T08:00:00.000Z',
        withdrawalReason: 'Opened by mistake',
      });
    });
  });

  describe(effectiveRatings.name, () => {
    it('should keep the latest rating per source and rater, corrections included, in a stable order', () => {
      const state = foldEvents(assessmentDecider, [
        opened,
        recorded({ functionId: 'maintenance', level: 2 }),
        recorded({ source: 'PEER', raterFunctionId: 'front-desk', level: 1 }),
        recorded({ level: 4, evidence: 'Self-assessment workshop' }),
        recorded({ source: 'PEER', raterFunctionId: 'maintenance', level: 3 }),
        recorded({ level: 3, evidence: 'Second workshop' }),
        closed,
        {
          type: 'RatingCorrected',
          data: {
            ...ids,
            functionId: 'housekeeping',
            capabilityId: 'cross-functional-cooperation',
            level: 2,
            source: 'PEER',
            raterFunctionId: 'front-desk',
            reason: 'Front desk re-rated after the joint review',
            previousLevel: 1,
            correctedAt: NOW_ISO,
            respondentId: null,
          },
        },
      ]);
      expect(state.status).toBe('CLOSED');
      expect(
        effectiveRatings(state).map(
          ({ functionId, source, raterFunctionId, level, evidence, correction }) => [
            functionId,
            source,
            raterFunctionId,
            level,
            evidence,
            correction?.reason ?? null,
          ],
        ),
      ).toEqual([
        ['housekeeping', 'SELF', null, 3, 'Second workshop', null],
        ['housekeeping', 'PEER', 'front-desk', 2, null, 'Front desk re-rated after the joint review'],
        ['housekeeping', 'PEER', 'maintenance', 3, null, null],
        ['maintenance', 'SELF', null, 2, null, null],
      ]);
    });

    it('should be empty before the assessment is opened', () => {
      expect(effectiveRatings(assessmentDecider.initialState())).toEqual([]);
    });
  });
});
