import fc from 'fast-check';
import { RATING_SOURCES } from '../maturity-model';
import { foldEvents } from '../shared';
import { HOTEL_ID, hotel, model, NOW } from '../shared/testing/fixtures';
import type { AssessmentCommand } from './assessment.commands';
import { assessmentDecider } from './assessment.decider';
import type { AssessmentEvent } from './assessment.events';
import { effectiveRatings } from './effective-ratings';
import { ratingKey } from './assessment-ratings';
import type { AssessmentState } from './assessment.state';

const functions = ['front-desk', 'housekeeping', 'maintenance'];
const capabilities = ['customer-insight', 'cross-functional-cooperation', 'service-recovery'];
const context = { now: NOW, organization: hotel, model };

// Valid rating commands only: the property is about supersession, not about refusals.
const ratingCommand: fc.Arbitrary<AssessmentCommand> = fc
  .record({
    functionId: fc.constantFrom(...functions),
    capabilityId: fc.constantFrom(...capabilities),
    level: fc.integer({ min: 1, max: 5 }),
    source: fc.constantFrom(...RATING_SOURCES),
    rater: fc.constantFrom(...functions),
    correction: fc.boolean(),
  })
  .filter(({ source, rater, functionId }) => source !== 'PEER' || rater !== functionId)
  .map(({ functionId, capabilityId, level, source, rater, correction }) => {
    const raterFunctionId = source === 'PEER' ? rater : null;
    return correction
      ? {
          type: 'CorrectRating',
          data: { functionId, capabilityId, level, source, raterFunctionId, reason: 'Re-rated' },
        }
      : { type: 'RecordRating', data: { functionId, capabilityId, level, source, raterFunctionId } };
  });

describe('effectiveRatings (property)', () => {
  it('should hold exactly the latest level per (function, capability, source, rater), whatever the order', () => {
    fc.assert(
      fc.property(
        fc.array(ratingCommand, { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (commands, closeAt) => {
          let state: AssessmentState = foldEvents(assessmentDecider, []);
          const events: AssessmentEvent[] = [];
          const apply = (command: AssessmentCommand) => {
            for (const event of assessmentDecider.decide(command, state, context)) {
              events.push(event);
              state = assessmentDecider.evolve(state, event);
            }
          };
          apply({
            type: 'OpenAssessment',
            data: {
              assessmentId: 'property',
              organizationId: HOTEL_ID,
              title: 'Property',
              periodEnd: '2024-03-31',
            },
          });
          const expected = new Map<string, number>();
          commands.forEach((command, index) => {
            // Closing midway must not change what corrections can do.
            if (index === closeAt) apply({ type: 'CloseAssessment' });
            if (state.status === 'CLOSED' && command.type === 'RecordRating') return;
            if (command.type !== 'RecordRating' && command.type !== 'CorrectRating') return;
            const key = ratingKey({ ...command.data, raterFunctionId: command.data.raterFunctionId ?? null });
            // A correction to the level in force changes nothing and is refused.
            if (command.type === 'CorrectRating' && expected.get(key) === command.data.level) return;
            apply(command);
            expected.set(key, command.data.level);
          });

          const ratings = effectiveRatings(state);
          expect(new Map(ratings.map((rating) => [ratingKey(rating), rating.level]))).toEqual(expected);
          expect(ratings).toHaveLength(expected.size);
          // Stable order: folding the same events again gives the same list.
          expect(effectiveRatings(foldEvents(assessmentDecider, events))).toEqual(ratings);
          const cells = ratings.map((rating) => `${rating.functionId}/${rating.capabilityId}`);
          expect(cells).toEqual([...cells].sort());
        },
      ),
    );
  });
});
