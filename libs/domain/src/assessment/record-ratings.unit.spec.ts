import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotel, model, NOW } from '../shared/testing/fixtures';
import type { RecordRating } from './assessment.commands';
import { assessmentDecider } from './assessment.decider';
import { ASSESSMENT_ERROR_CODES } from './assessment.errors';
import type { AssessmentEvent } from './assessment.events';
import { MAX_RATINGS_PER_CALL } from './rating-rules';

const spec = deciderSpecification(assessmentDecider, { now: NOW, organization: hotel, model });
const ids = { assessmentId: 'q1-2024', organizationId: HOTEL_ID };
const opened: AssessmentEvent = {
  type: 'AssessmentOpened',
  data: {
    ...ids,
    title: 'Q1',
    periodEnd: '2024-03-31T00:00:00.000Z',
    modelId: 'customer-centricity',
    modelVersion: 1,
    openedAt: '2024-03-01T08:00:00.000Z',
  },
};
const rating = (overrides: Partial<RecordRating['data']> = {}): RecordRating['data'] => ({
  functionId: 'housekeeping',
  capabilityId: 'self-service',
  level: 2,
  source: 'SELF',
  ...overrides,
});

describe('RecordRatings', () => {
  it('should record every rating of the batch, each as recordRating would', () => {
    spec
      .given([opened])
      .when({
        type: 'RecordRatings',
        data: {
          ratings: [
            rating(),
            rating({
              source: 'PEER',
              raterFunctionId: 'front-desk',
              evidence: 'form 3',
              respondentId: 'ana',
            }),
          ],
        },
      })
      .then([
        {
          type: 'RatingRecorded',
          data: {
            ...ids,
            functionId: 'housekeeping',
            capabilityId: 'self-service',
            level: 2,
            source: 'SELF',
            raterFunctionId: null,
            respondentId: null,
            evidence: null,
          },
        },
        {
          type: 'RatingRecorded',
          data: {
            ...ids,
            functionId: 'housekeeping',
            capabilityId: 'self-service',
            level: 2,
            source: 'PEER',
            raterFunctionId: 'front-desk',
            respondentId: 'ana',
            evidence: 'form 3',
          },
        },
      ]);
  });

  it('should name the rating at fault and record none', () => {
    spec
      .given([opened])
      .when({ type: 'RecordRatings', data: { ratings: [rating(), rating({ source: 'PEER' })] } })
      .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.raterRequired, 'ratings[1].raterFunctionId');
    spec
      .given([opened])
      .when({ type: 'RecordRatings', data: { ratings: [rating({ level: Number.NaN })] } })
      .thenThrows('invalid_input', 'VALIDATION.NOT_AN_INTEGER', 'ratings[0].level');
  });

  it('should refuse a CLOSED assessment on the assessment, not on a rating', () => {
    spec
      .given([opened, { type: 'AssessmentClosed', data: { ...ids, closedAt: '2024-04-01T08:00:00.000Z' } }])
      .when({ type: 'RecordRatings', data: { ratings: [rating()] } })
      .thenThrows('conflict', ASSESSMENT_ERROR_CODES.closed, 'assessmentId');
  });

  it('should refuse an empty batch and one over the limit', () => {
    spec
      .given([opened])
      .when({ type: 'RecordRatings', data: { ratings: [] } })
      .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.noRatings, 'ratings');
    spec
      .given([opened])
      .when({
        type: 'RecordRatings',
        data: { ratings: Array.from({ length: MAX_RATINGS_PER_CALL + 1 }, () => rating()) },
      })
      .thenThrows('invalid_input', ASSESSMENT_ERROR_CODES.tooManyRatings, 'ratings');
  });
});
