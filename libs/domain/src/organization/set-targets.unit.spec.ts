import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotelEvents, model, NOW } from '../shared/testing/fixtures';
import type { TargetLevel } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { ORGANIZATION_ERROR_CODES } from './organization.errors';
import type { OrganizationEvent } from './organization.events';

const spec = deciderSpecification(organizationDecider, { now: NOW, model });

const targetSet = (capabilityId: string, functionId: string | null, level: number): OrganizationEvent => ({
  type: 'TargetSet',
  data: { organizationId: HOTEL_ID, capabilityId, functionId, level },
});
const targetCleared = (capabilityId: string, functionId: string | null): OrganizationEvent => ({
  type: 'TargetCleared',
  data: { organizationId: HOTEL_ID, capabilityId, functionId },
});

const withTargets = [
  ...hotelEvents,
  targetSet('self-service', null, 2),
  targetSet('self-service', 'front-desk', 5),
  targetSet('service-recovery', 'laundry', 4),
];

describe('SetTargets', () => {
  it('should set every capability for every function in one decision', () => {
    const targets: TargetLevel[] = model.capabilities.map((capability) => ({
      capabilityId: capability.id,
      level: 3,
    }));
    spec
      .given(hotelEvents)
      .when({ type: 'SetTargets', data: { targets } })
      .then(model.capabilities.map((capability) => targetSet(capability.id, null, 3)));
  });

  it('should record only the targets that change', () => {
    spec
      .given(withTargets)
      .when({
        type: 'SetTargets',
        data: {
          targets: [
            { capabilityId: 'self-service', level: 2 },
            { capabilityId: 'self-service', functionId: 'front-desk', level: 4 },
          ],
        },
      })
      .then([targetSet('self-service', 'front-desk', 4)]);
  });

  it('should fill a function row with overrides', () => {
    spec
      .given(withTargets)
      .when({
        type: 'SetTargets',
        data: {
          targets: ['self-service', 'service-recovery'].map((capabilityId) => ({
            capabilityId,
            functionId: 'laundry',
            level: 2,
          })),
        },
      })
      .then([targetSet('self-service', 'laundry', 2), targetSet('service-recovery', 'laundry', 2)]);
  });

  it('should keep overrides unless asked to replace them', () => {
    spec
      .given(withTargets)
      .when({ type: 'SetTargets', data: { targets: [{ capabilityId: 'self-service', level: 3 }] } })
      .then([targetSet('self-service', null, 3)]);
  });

  it("should remove the overrides of the capabilities it sets for every function when replacing, and no other's", () => {
    spec
      .given(withTargets)
      .when({
        type: 'SetTargets',
        data: { targets: [{ capabilityId: 'self-service', level: 3 }], replaceOverrides: true },
      })
      .then([targetSet('self-service', null, 3), targetCleared('self-service', 'front-desk')]);
  });

  it('should keep an override the same batch sets, even when replacing', () => {
    spec
      .given(withTargets)
      .when({
        type: 'SetTargets',
        data: {
          targets: [
            { capabilityId: 'self-service', level: 3 },
            { capabilityId: 'self-service', functionId: 'front-desk', level: 5 },
          ],
          replaceOverrides: true,
        },
      })
      .then([targetSet('self-service', null, 3)]);
  });

  it('should refuse an empty batch', () => {
    spec
      .given(hotelEvents)
      .when({ type: 'SetTargets', data: { targets: [] } })
      .thenThrows('invalid_input', ORGANIZATION_ERROR_CODES.noTargets, 'targets');
  });

  it('should name the entry of a bad level, capability or function', () => {
    spec
      .given(hotelEvents)
      .when({
        type: 'SetTargets',
        data: {
          targets: [
            { capabilityId: 'self-service', level: 3 },
            { capabilityId: 'service-recovery', level: 9 },
          ],
        },
      })
      .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'targets[1].level');
    spec
      .given(hotelEvents)
      .when({ type: 'SetTargets', data: { targets: [{ capabilityId: 'telepathy', level: 3 }] } })
      .thenThrows('not_found', 'MATURITY_MODEL.CAPABILITY_NOT_FOUND', 'targets[0].capabilityId');
    const refusal = spec
      .given(hotelEvents)
      .when({
        type: 'SetTargets',
        data: { targets: [{ capabilityId: 'self-service', functionId: 'spa', level: 3 }] },
      })
      .thenThrows('not_found', ORGANIZATION_ERROR_CODES.functionNotFound, 'targets[0].functionId');
    expect(refusal.message).toMatch(/^targets\[0\]\.functionId/);
  });

  it('should refuse the same cell twice in one batch, naming both entries', () => {
    const refusal = spec
      .given(hotelEvents)
      .when({
        type: 'SetTargets',
        data: {
          targets: [
            { capabilityId: 'self-service', functionId: 'laundry', level: 3 },
            { capabilityId: 'service-recovery', level: 3 },
            { capabilityId: 'self-service', functionId: 'laundry', level: 4 },
          ],
        },
      })
      .thenThrows('invalid_input', ORGANIZATION_ERROR_CODES.targetRepeated, 'targets[2]');
    expect(refusal.message).toContain('targets[0]');
  });
});
