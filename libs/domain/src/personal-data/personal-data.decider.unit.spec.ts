import { VALIDATION_ERROR_CODES } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotelEvents, NOW, NOW_ISO } from '../shared/testing/fixtures';
import type { PersonalDataContext, RedactEvidence } from './personal-data.commands';
import { decidePersonalData, personalDataDecider } from './personal-data.decider';
import { PERSONAL_DATA_ERROR_CODES } from './personal-data.errors';

const sealedOnly: PersonalDataContext = {
  now: NOW,
  evidence: { sealed: 2, plain: 0 },
  respondentRecorded: true,
  assessmentOrganizationId: HOTEL_ID,
};
const spec = deciderSpecification(personalDataDecider, sealedOnly);
const registered = hotelEvents.slice(0, 1);

const redact = (overrides: Partial<RedactEvidence['data']> = {}): RedactEvidence => ({
  type: 'RedactEvidence',
  data: {
    assessmentId: 'q1',
    functionId: 'front-desk',
    capabilityId: 'customer-insight',
    source: 'SELF',
    reason: ' wrong paste ',
    ...overrides,
  },
});

describe('personalDataDecider', () => {
  describe('ForgetRespondent', () => {
    it('should record who was forgotten, when and why, and nothing else', () => {
      spec
        .given(registered)
        .when({ type: 'ForgetRespondent', data: { respondentId: 'r-17', reason: 'request 2026-113' } })
        .then([
          {
            type: 'RespondentForgotten',
            data: {
              organizationId: HOTEL_ID,
              respondentId: 'r-17',
              reason: 'request 2026-113',
              forgottenAt: NOW_ISO,
            },
          },
        ]);
    });

    it('should refuse a respondent the organisation never invited nor recorded (a mistyped id), erasing nothing', () => {
      const error = spec
        .given(registered)
        .when(
          { type: 'ForgetRespondent', data: { respondentId: 'r-71', reason: 'request' } },
          { ...sealedOnly, evidence: { sealed: 0, plain: 0 }, respondentRecorded: false },
        )
        .thenThrows('not_found', PERSONAL_DATA_ERROR_CODES.respondentNotFound, 'respondentId');
      expect(error.message).toMatch(/^respondentId: no respondent "r-71"/);
    });

    it('should refuse a respondent forgotten before, recording nothing', () => {
      const error = spec
        .given([
          ...registered,
          {
            type: 'RespondentForgotten',
            data: {
              organizationId: HOTEL_ID,
              respondentId: 'r-17',
              reason: 'request 1',
              forgottenAt: NOW_ISO,
            },
          },
        ])
        .when({ type: 'ForgetRespondent', data: { respondentId: 'r-17', reason: 'request 2' } })
        .thenThrows('conflict', PERSONAL_DATA_ERROR_CODES.alreadyErased, 'respondentId');
      expect(error.message).toContain(`since ${NOW_ISO}`);
    });

    it('should forget an invited respondent who never gave evidence (nothing can be recorded for them later)', () => {
      spec
        .given(registered)
        .when(
          { type: 'ForgetRespondent', data: { respondentId: 'r-18', reason: 'request' } },
          { ...sealedOnly, evidence: { sealed: 0, plain: 0 } },
        )
        .then([expect.objectContaining({ type: 'RespondentForgotten' }) as never]);
    });

    it('should refuse evidence stored in the clear before sealing, erasing nothing', () => {
      const error = spec
        .given(registered)
        .when(
          { type: 'ForgetRespondent', data: { respondentId: 'r-17', reason: 'request' } },
          { ...sealedOnly, evidence: { sealed: 1, plain: 2 } },
        )
        .thenThrows('conflict', PERSONAL_DATA_ERROR_CODES.recordedBeforeSealing);
      expect(error.message).toContain('2 recording(s)');
    });

    it('should refuse an unknown organisation, a bad respondent id and a blank reason, naming the field', () => {
      spec
        .given([])
        .when({ type: 'ForgetRespondent', data: { respondentId: 'r-17', reason: 'request' } })
        .thenThrows('not_found', 'ORGANIZATION.NOT_FOUND', 'organizationId');
      spec
        .given(registered)
        .when({ type: 'ForgetRespondent', data: { respondentId: 'Carol Jones', reason: 'request' } })
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'respondentId');
      spec
        .given(registered)
        .when({ type: 'ForgetRespondent', data: { respondentId: 'r-17', reason: '  ' } })
        .thenThrows('invalid_input', 'VALIDATION.REQUIRED', 'reason');
    });
  });

  describe('RedactEvidence', () => {
    it("should record which rating's evidence was erased, when and why", () => {
      spec
        .given(registered)
        .when(redact())
        .then([
          {
            type: 'EvidenceRedacted',
            data: {
              organizationId: HOTEL_ID,
              assessmentId: 'q1',
              functionId: 'front-desk',
              capabilityId: 'customer-insight',
              source: 'SELF',
              raterFunctionId: null,
              respondentId: null,
              reason: 'wrong paste',
              redactedAt: NOW_ISO,
            },
          },
        ]);
    });

    it('should refuse evidence already erased (every sealed recording), writing nothing', () => {
      spec
        .given(registered)
        .when(redact(), {
          ...sealedOnly,
          erased: { recordings: 2, lastErasedAt: '2026-01-02T00:00:00.000Z' },
        })
        .thenThrows('conflict', PERSONAL_DATA_ERROR_CODES.alreadyErased, 'capabilityId');
    });

    it('should still erase a rating of which only some recordings are erased', () => {
      const decided = decidePersonalData(
        redact(),
        { organizationId: HOTEL_ID, forgotten: {} },
        { ...sealedOnly, erased: { recordings: 1, lastErasedAt: '2026-01-02T00:00:00.000Z' } },
      );
      expect(decided.map((event) => event.type)).toEqual(['EvidenceRedacted']);
    });

    it('should refuse a rating without evidence, and an assessment of another organisation', () => {
      spec
        .given(registered)
        .when(redact(), { ...sealedOnly, evidence: { sealed: 0, plain: 0 } })
        .thenThrows('not_found', PERSONAL_DATA_ERROR_CODES.nothingToRedact, 'capabilityId');
      spec
        .given(registered)
        .when(redact(), { ...sealedOnly, assessmentOrganizationId: 'other-hotel' })
        .thenThrows('not_found', 'ASSESSMENT.NOT_FOUND', 'assessmentId');
      spec
        .given(registered)
        .when(redact({ source: 'GUESS' as never }))
        .thenThrows('invalid_input', VALIDATION_ERROR_CODES.notAllowed, 'source');
    });
  });
});
