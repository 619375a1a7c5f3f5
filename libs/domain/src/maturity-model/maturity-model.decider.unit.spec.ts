import { foldEvents } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { DEFAULT_MATURITY_MODEL } from './default-maturity-model';
import { DEFAULT_SOURCE_WEIGHTS } from './maturity-model';
import type { CapabilityInput, PublishMaturityModel } from './maturity-model.commands';
import { maturityModelDecider } from './maturity-model.decider';
import { MATURITY_MODEL_ERROR_CODES } from './maturity-model.errors';
import type { MaturityModelPublished } from './maturity-model.events';
import { maturityModelVersion } from './maturity-model.state';

const now = new Date('2024-04-02T09:30:00.000Z');
const spec = deciderSpecification(maturityModelDecider, { now });

const threeLevels = [
  { value: 1, name: 'Ad hoc', description: 'Nothing is written down.' },
  { value: 2, name: 'Repeatable' },
  { value: 3, name: 'Leading', description: null },
];

const publish = (overrides: Partial<PublishMaturityModel['data']> = {}): PublishMaturityModel => ({
  type: 'PublishMaturityModel',
  data: {
    id: 'lean-service',
    name: 'Lean service',
    levels: threeLevels,
    capabilities: [
      {
        id: 'listening',
        name: 'Listening',
        dimension: 'Insight',
        descriptors: ['Deaf', 'Hearing', 'Listening'],
      },
      { id: 'recovery', name: 'Recovery', dimension: 'Delivery', weight: 2 },
    ],
    ...overrides,
  },
});

const published = (version: number): MaturityModelPublished => ({
  type: 'MaturityModelPublished',
  data: {
    id: 'lean-service',
    version,
    name: 'Lean service',
    levels: [
      { value: 1, name: 'Ad hoc', description: 'Nothing is written down.' },
      { value: 2, name: 'Repeatable', description: null },
      { value: 3, name: 'Leading', description: null },
    ],
    capabilities: [
      {
        id: 'listening',
        name: 'Listening',
        dimension: 'Insight',
        weight: 1,
        descriptors: ['Deaf', 'Hearing', 'Listening'],
      },
      { id: 'recovery', name: 'Recovery', dimension: 'Delivery', weight: 2, descriptors: [] },
    ],
    sourceWeights: DEFAULT_SOURCE_WEIGHTS,
    publishedAt: now.toISOString(),
  },
});

const withCapability = (capability: Partial<CapabilityInput>): PublishMaturityModel =>
  publish({ capabilities: [{ id: 'listening', name: 'Listening', dimension: 'Insight', ...capability }] });

describe('maturityModelDecider', () => {
  describe('PublishMaturityModel', () => {
    it('should publish version 1 with default weights and descriptors filled in', () => {
      spec
        .given([])
        .when(publish())
        .then([published(1)]);
    });

    it('should bump the version when an existing id is republished', () => {
      spec
        .given([published(1), published(2)])
        .when(publish())
        .then([published(3)]);
    });

    it('should keep every version readable', () => {
      const state = foldEvents(maturityModelDecider, [published(1), published(2)]);
      expect(maturityModelVersion(state)?.version).toBe(2);
      expect(maturityModelVersion(state, 1)?.version).toBe(1);
      expect(maturityModelVersion(state, 3)).toBeUndefined();
    });

    it('should sort levels given out of order', () => {
      const [event] = maturityModelDecider.decide(
        publish({ levels: [threeLevels[2]!, threeLevels[0]!, threeLevels[1]!] }),
        maturityModelDecider.initialState(),
        { now },
      );
      expect(event?.data.levels.map((level) => level.value)).toEqual([1, 2, 3]);
    });

    it('should take partial source weights over the defaults', () => {
      const [event] = maturityModelDecider.decide(
        publish({ sourceWeights: { CUSTOMER: 3 } }),
        maturityModelDecider.initialState(),
        { now },
      );
      expect(event?.data.sourceWeights).toEqual({ ...DEFAULT_SOURCE_WEIGHTS, CUSTOMER: 3 });
    });

    it('should publish the default model unchanged', () => {
      const { id, name, levels, capabilities, sourceWeights } = DEFAULT_MATURITY_MODEL;
      spec
        .given([])
        .when({ type: 'PublishMaturityModel', data: { id, name, levels, capabilities, sourceWeights } })
        .then([
          {
            type: 'MaturityModelPublished',
            data: {
              ...DEFAULT_MATURITY_MODEL,
              sourceWeights: DEFAULT_SOURCE_WEIGHTS,
              publishedAt: now.toISOString(),
            },
          },
        ]);
    });

    describe('refusals', () => {
      it('should refuse an id that is not a slug', () => {
        spec
          .given([])
          .when(publish({ id: 'Lean Service' }))
          .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'id');
      });

      it('should refuse a name over 200 characters', () => {
        spec
          .given([])
          .when(publish({ name: 'n'.repeat(201) }))
          .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'name');
      });

      it('should refuse fewer than two levels', () => {
        spec
          .given([])
          .when(publish({ levels: [{ value: 1, name: 'Only' }] }))
          .thenThrows('invalid_input', MATURITY_MODEL_ERROR_CODES.tooFewLevels, 'levels');
      });

      it('should refuse levels with a gap', () => {
        spec
          .given([])
          .when(
            publish({
              levels: [
                { value: 1, name: 'One' },
                { value: 3, name: 'Three' },
              ],
            }),
          )
          .thenThrows('invalid_input', MATURITY_MODEL_ERROR_CODES.levelsNotConsecutive, 'levels[1].value');
      });

      it('should refuse levels that do not start at 1', () => {
        spec
          .given([])
          .when(
            publish({
              levels: [
                { value: 0, name: 'Zero' },
                { value: 1, name: 'One' },
              ],
            }),
          )
          .thenThrows('invalid_input', MATURITY_MODEL_ERROR_CODES.levelsNotConsecutive, 'levels[0].value');
      });

      it('should refuse a repeated level', () => {
        spec
          .given([])
          .when(
            publish({
              levels: [
                { value: 1, name: 'One' },
                { value: 2, name: 'Two' },
                { value: 2, name: 'Again' },
              ],
            }),
          )
          .thenThrows('invalid_input', MATURITY_MODEL_ERROR_CODES.levelsNotConsecutive, 'levels[2].value');
      });

      it('should refuse a model without capabilities', () => {
        spec
          .given([])
          .when(publish({ capabilities: [] }))
          .thenThrows('invalid_input', MATURITY_MODEL_ERROR_CODES.noCapabilities, 'capabilities');
      });

      it('should refuse a capability id that is not a slug', () => {
        spec
          .given([])
          .when(withCapability({ id: 'Listening!' }))
          .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'capabilities[0].id');
      });

      it('should refuse a capability id used twice', () => {
        spec
          .given([])
          .when(
            publish({
              capabilities: [
                { id: 'listening', name: 'Listening', dimension: 'Insight' },
                { id: 'listening', name: 'Listening again', dimension: 'Insight' },
              ],
            }),
          )
          .thenThrows('invalid_input', MATURITY_MODEL_ERROR_CODES.duplicateCapability, 'capabilities[1].id');
      });

      it.each([0, -1])('should refuse a capability weight of %d', (weight) => {
        spec
          .given([])
          .when(withCapability({ weight }))
          .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'capabilities[0].weight');
      });

      it('should refuse a capability name over 200 characters', () => {
        spec
          .given([])
          .when(withCapability({ name: 'n'.repeat(201) }))
          .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'capabilities[0].name');
      });

      it('should refuse descriptors that do not match the levels', () => {
        spec
          .given([])
          .when(withCapability({ descriptors: ['Deaf', 'Hearing'] }))
          .thenThrows(
            'invalid_input',
            MATURITY_MODEL_ERROR_CODES.descriptorCount,
            'capabilities[0].descriptors',
          );
      });

      it('should refuse a source weight of zero', () => {
        spec
          .given([])
          .when(publish({ sourceWeights: { SELF: 0 } }))
          .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'sourceWeights.SELF');
      });
    });
  });
});
