import { DEFAULT_MATURITY_MODEL, type MaturityModel } from '../maturity-model';
import { foldEvents } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import { HOTEL_ID, hotelEvents, model, NOW, NOW_ISO } from '../shared/testing/fixtures';
import type { RegisterOrganization, RetireFunction } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { ORGANIZATION_ERROR_CODES } from './organization.errors';
import type { OrganizationEvent } from './organization.events';
import { findInteraction, targetLevel } from './organization.lookups';

const spec = deciderSpecification(organizationDecider, { now: NOW, model });

const register = (overrides: Partial<RegisterOrganization['data']> = {}): RegisterOrganization => ({
  type: 'RegisterOrganization',
  data: {
    id: 'grand-hotel',
    name: ' Grand Hotel ',
    purpose: 'Rested guests',
    modelId: model.id,
    ...overrides,
  },
});

const linked = (from: string, to: string, weight: number): OrganizationEvent => ({
  type: 'FunctionsLinked',
  data: { organizationId: HOTEL_ID, from, to, weight },
});

describe('organizationDecider', () => {
  describe('RegisterOrganization', () => {
    it('should register pinned to the model version in the context', () => {
      spec
        .given([])
        .when(register())
        .then([
          {
            type: 'OrganizationRegistered',
            data: {
              organizationId: 'grand-hotel',
              name: 'Grand Hotel',
              purpose: 'Rested guests',
              valueProposition: null,
              modelId: 'customer-centricity',
              modelVersion: 1,
              registeredAt: NOW_ISO,
            },
          },
        ]);
    });

    it('should refuse an id registered before', () => {
      spec
        .given(hotelEvents)
        .when(register())
        .thenThrows('conflict', ORGANIZATION_ERROR_CODES.alreadyRegistered, 'id');
    });

    it('should refuse an id that is not a slug', () => {
      spec
        .given([])
        .when(register({ id: 'Grand Hotel' }))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'id');
    });

    it('should refuse a name over 200 characters', () => {
      spec
        .given([])
        .when(register({ name: 'n'.repeat(201) }))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'name');
    });

    it('should refuse an unknown model', () => {
      spec
        .given([])
        .when(register({ modelId: 'nonexistent' }), { now: NOW, model: undefined })
        .thenThrows('not_found', 'MATURITY_MODEL.NOT_FOUND', 'modelId');
    });

    it('should refuse a model version that is not the one loaded', () => {
      spec
        .given([])
        .when(register({ modelVersion: 7 }))
        .thenThrows('not_found', 'MATURITY_MODEL.NOT_FOUND', 'modelVersion');
    });
  });

  describe('AddFunction', () => {
    it('should add a function, flags defaulting to false', () => {
      spec
        .given(hotelEvents)
        .when({
          type: 'AddFunction',
          data: { functionId: 'restaurant', name: 'Restaurant', customerFacing: true },
        })
        .then([
          {
            type: 'FunctionAdded',
            data: {
              organizationId: HOTEL_ID,
              functionId: 'restaurant',
              name: 'Restaurant',
              customerFacing: true,
              partner: false,
            },
          },
        ]);
    });

    it('should refuse a function id added before', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'AddFunction', data: { functionId: 'housekeeping', name: 'Housekeeping' } })
        .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionAlreadyExists, 'functionId');
    });

    it('should refuse a function id that is not a slug', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'AddFunction', data: { functionId: 'Front Desk', name: 'Front desk' } })
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'functionId');
    });

    it('should refuse a name over 200 characters', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'AddFunction', data: { functionId: 'spa', name: 's'.repeat(201) } })
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'name');
    });

    it('should refuse an organization that is not registered', () => {
      spec
        .given([])
        .when({ type: 'AddFunction', data: { functionId: 'spa', name: 'Spa' } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.notFound, 'organizationId');
    });
  });

  describe('LinkFunctions', () => {
    it('should link two functions with weight 1 by default', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'LinkFunctions', data: { from: 'front-desk', to: 'housekeeping' } })
        .then([linked('front-desk', 'housekeeping', 1)]);
    });

    it('should update the weight when the same pair is linked again, in either direction', () => {
      spec
        .given([...hotelEvents, linked('front-desk', 'housekeeping', 1)])
        .when({ type: 'LinkFunctions', data: { from: 'housekeeping', to: 'front-desk', weight: 3 } })
        .then([linked('housekeeping', 'front-desk', 3)]);
      const organization = foldEvents(organizationDecider, [
        ...hotelEvents,
        linked('front-desk', 'housekeeping', 1),
        linked('housekeeping', 'front-desk', 3),
      ]);
      expect(organization.status === 'REGISTERED' && organization.interactions).toEqual([
        { from: 'housekeeping', to: 'front-desk', weight: 3 },
      ]);
      expect(
        organization.status === 'REGISTERED' && findInteraction(organization, 'front-desk', 'housekeeping'),
      ).toEqual({ from: 'housekeeping', to: 'front-desk', weight: 3 });
    });

    it('should record nothing when the pair already has that weight', () => {
      spec
        .given([...hotelEvents, linked('front-desk', 'housekeeping', 2)])
        .when({ type: 'LinkFunctions', data: { from: 'housekeeping', to: 'front-desk', weight: 2 } })
        .then([]);
    });

    it('should refuse a link of a function to itself', () => {
      const error = spec
        .given(hotelEvents)
        .when({ type: 'LinkFunctions', data: { from: 'front-desk', to: 'front-desk' } })
        .thenThrows('invalid_input', ORGANIZATION_ERROR_CODES.selfLink, 'to');
      // Said in the user's words, not as a rule between two field names.
      expect(error.message).toBe(
        'to: a function cannot be linked to itself ("front-desk" is both from and to); choose another function to link it to',
      );
    });

    it.each([0, -0.5, Number.NaN])('should refuse a weight of %d', (weight) => {
      spec
        .given(hotelEvents)
        .when({ type: 'LinkFunctions', data: { from: 'front-desk', to: 'housekeeping', weight } })
        .thenThrows(
          'invalid_input',
          Number.isNaN(weight) ? 'VALIDATION.NOT_A_NUMBER' : 'VALIDATION.OUT_OF_RANGE',
          'weight',
        );
    });

    it('should refuse an unknown function', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'LinkFunctions', data: { from: 'front-desk', to: 'spa' } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.functionNotFound, 'to');
    });
  });

  describe('SetTarget', () => {
    it('should set the capability target and a function override', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'SetTarget', data: { capabilityId: 'cross-functional-cooperation', level: 4 } })
        .then([
          {
            type: 'TargetSet',
            data: {
              organizationId: HOTEL_ID,
              capabilityId: 'cross-functional-cooperation',
              functionId: null,
              level: 4,
            },
          },
        ]);
      spec
        .given(hotelEvents)
        .when({
          type: 'SetTarget',
          data: { capabilityId: 'self-service', functionId: 'front-desk', level: 5 },
        })
        .then([
          {
            type: 'TargetSet',
            data: {
              organizationId: HOTEL_ID,
              capabilityId: 'self-service',
              functionId: 'front-desk',
              level: 5,
            },
          },
        ]);
    });

    it('should resolve a function override before the capability target', () => {
      const organization = foldEvents(organizationDecider, [
        ...hotelEvents,
        {
          type: 'TargetSet',
          data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: null, level: 3 },
        },
        {
          type: 'TargetSet',
          data: {
            organizationId: HOTEL_ID,
            capabilityId: 'self-service',
            functionId: 'front-desk',
            level: 5,
          },
        },
        {
          type: 'TargetSet',
          data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: null, level: 2 },
        },
      ]);
      if (organization.status !== 'REGISTERED') throw new Error('expected a registered organization');
      expect(targetLevel(organization, 'self-service', 'front-desk')).toBe(5);
      expect(targetLevel(organization, 'self-service', 'housekeeping')).toBe(2);
      expect(targetLevel(organization, 'service-recovery', 'housekeeping')).toBeNull();
      expect(organization.targets).toHaveLength(2);
    });

    it.each([0, 6, 2.5])('should refuse a target level of %d outside 1..5', (level) => {
      spec
        .given(hotelEvents)
        .when({ type: 'SetTarget', data: { capabilityId: 'self-service', level } })
        .thenThrows(
          'invalid_input',
          level === 2.5 ? 'VALIDATION.NOT_AN_INTEGER' : 'VALIDATION.OUT_OF_RANGE',
          'level',
        );
    });

    it('should refuse an unknown capability', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'SetTarget', data: { capabilityId: 'telepathy', level: 3 } })
        .thenThrows('not_found', 'MATURITY_MODEL.CAPABILITY_NOT_FOUND', 'capabilityId');
    });

    it('should refuse an unknown function', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'SetTarget', data: { capabilityId: 'self-service', functionId: 'spa', level: 3 } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.functionNotFound, 'functionId');
    });

    it('should refuse when the pinned model version is not in the context', () => {
      const republished: MaturityModel = { ...DEFAULT_MATURITY_MODEL, version: 2 };
      spec
        .given(hotelEvents)
        .when(
          { type: 'SetTarget', data: { capabilityId: 'self-service', level: 3 } },
          { now: NOW, model: republished },
        )
        .thenThrows('not_found', 'MATURITY_MODEL.NOT_FOUND', 'modelId');
    });
  });

  describe('UpdateFunction', () => {
    it('should rename a function and change its flags, keeping its id', () => {
      spec
        .given(hotelEvents)
        .when({
          type: 'UpdateFunction',
          data: { functionId: 'housekeeping', name: ' Housekeeping & linen ', customerFacing: true },
        })
        .then([
          {
            type: 'FunctionUpdated',
            data: {
              organizationId: HOTEL_ID,
              functionId: 'housekeeping',
              name: 'Housekeeping & linen',
              customerFacing: true,
              partner: false,
            },
          },
        ]);
    });

    it('should record nothing when nothing changes', () => {
      spec
        .given(hotelEvents)
        .when({
          type: 'UpdateFunction',
          data: { functionId: 'laundry', name: 'Laundry service', partner: true },
        })
        .then([]);
    });

    it('should show the new name in the organisation', () => {
      const organization = foldEvents(organizationDecider, [
        ...hotelEvents,
        {
          type: 'FunctionUpdated',
          data: {
            organizationId: HOTEL_ID,
            functionId: 'maintenance',
            name: 'Engineering',
            customerFacing: false,
            partner: false,
          },
        },
      ]);
      if (organization.status !== 'REGISTERED') throw new Error('expected a registered organization');
      expect(organization.functions.map((business) => business.name)).toEqual([
        'Front desk',
        'Housekeeping',
        'Engineering',
        'Laundry service',
      ]);
    });

    it('should refuse an unknown function and an empty name', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'UpdateFunction', data: { functionId: 'spa', name: 'Spa' } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.functionNotFound, 'functionId');
      spec
        .given(hotelEvents)
        .when({ type: 'UpdateFunction', data: { functionId: 'front-desk', name: '  ' } })
        .thenThrows('invalid_input', 'VALIDATION.REQUIRED', 'name');
    });
  });

  describe('UnlinkFunctions', () => {
    it('should unlink a pair linked in the other direction', () => {
      spec
        .given([...hotelEvents, linked('front-desk', 'housekeeping', 2)])
        .when({ type: 'UnlinkFunctions', data: { from: 'housekeeping', to: 'front-desk' } })
        .then([
          {
            type: 'FunctionsUnlinked',
            data: { organizationId: HOTEL_ID, from: 'housekeeping', to: 'front-desk' },
          },
        ]);
      const organization = foldEvents(organizationDecider, [
        ...hotelEvents,
        linked('front-desk', 'housekeeping', 2),
        linked('front-desk', 'maintenance', 1),
        {
          type: 'FunctionsUnlinked',
          data: { organizationId: HOTEL_ID, from: 'housekeeping', to: 'front-desk' },
        },
      ]);
      if (organization.status !== 'REGISTERED') throw new Error('expected a registered organization');
      expect(organization.interactions).toEqual([{ from: 'front-desk', to: 'maintenance', weight: 1 }]);
    });

    it('should refuse a pair that is not linked', () => {
      spec
        .given(hotelEvents)
        .when({ type: 'UnlinkFunctions', data: { from: 'front-desk', to: 'laundry' } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.linkNotFound, 'to');
    });
  });

  describe('ClearTarget', () => {
    const withTargets: OrganizationEvent[] = [
      ...hotelEvents,
      {
        type: 'TargetSet',
        data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: null, level: 3 },
      },
      {
        type: 'TargetSet',
        data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: 'front-desk', level: 5 },
      },
    ];

    it('should clear a function override, which then follows the capability target', () => {
      spec
        .given(withTargets)
        .when({ type: 'ClearTarget', data: { capabilityId: 'self-service', functionId: 'front-desk' } })
        .then([
          {
            type: 'TargetCleared',
            data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: 'front-desk' },
          },
        ]);
      const organization = foldEvents(organizationDecider, [
        ...withTargets,
        {
          type: 'TargetCleared',
          data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: 'front-desk' },
        },
      ]);
      if (organization.status !== 'REGISTERED') throw new Error('expected a registered organization');
      expect(targetLevel(organization, 'self-service', 'front-desk')).toBe(3);
    });

    it('should refuse a target that is not set', () => {
      spec
        .given(withTargets)
        .when({ type: 'ClearTarget', data: { capabilityId: 'self-service', functionId: 'housekeeping' } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.targetNotFound, 'functionId');
      spec
        .given(hotelEvents)
        .when({ type: 'ClearTarget', data: { capabilityId: 'self-service' } })
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.targetNotFound, 'capabilityId');
    });
  });
  describe('RetireFunction', () => {
    const retire = (overrides: Partial<RetireFunction['data']> = {}): RetireFunction => ({
      type: 'RetireFunction',
      data: {
        functionId: 'laundry',
        effectiveFrom: '2024-03-01T00:00:00Z',
        reason: ' Merged into housekeeping ',
        mergedIntoFunctionId: 'housekeeping',
        ...overrides,
      },
    });
    const retired = (functionId: string, mergedIntoFunctionId: string | null = null): OrganizationEvent => ({
      type: 'FunctionRetired',
      data: {
        organizationId: HOTEL_ID,
        functionId,
        effectiveFrom: '2024-03-01T00:00:00.000Z',
        reason: 'Closed',
        mergedIntoFunctionId,
      },
    });

    it('should retire a function from a date, naming the function it merged into', () => {
      spec
        .given(hotelEvents)
        .when(retire())
        .then([
          {
            type: 'FunctionRetired',
            data: {
              organizationId: HOTEL_ID,
              functionId: 'laundry',
              effectiveFrom: '2024-03-01T00:00:00.000Z',
              reason: 'Merged into housekeeping',
              mergedIntoFunctionId: 'housekeeping',
            },
          },
        ]);
    });

    it('should keep a retired function, with its retirement, in the state', () => {
      const organization = foldEvents(organizationDecider, [
        ...hotelEvents,
        retired('laundry', 'housekeeping'),
      ]);
      if (organization.status !== 'REGISTERED') throw new Error('expected a registered organization');
      expect(organization.functions.map((business) => business.id)).toEqual([
        'front-desk',
        'housekeeping',
        'maintenance',
        'laundry',
      ]);
      expect(organization.functions[3]?.retirement).toEqual({
        effectiveFrom: '2024-03-01T00:00:00.000Z',
        reason: 'Closed',
        mergedIntoFunctionId: 'housekeeping',
      });
      expect(organization.functions[0]?.retirement).toBeUndefined();
    });

    it('should keep the retirement when a retired function is renamed', () => {
      const organization = foldEvents(organizationDecider, [
        ...hotelEvents,
        retired('laundry'),
        {
          type: 'FunctionUpdated',
          data: {
            organizationId: HOTEL_ID,
            functionId: 'laundry',
            name: 'Old laundry',
            customerFacing: false,
            partner: true,
          },
        },
      ]);
      if (organization.status !== 'REGISTERED') throw new Error('expected a registered organization');
      expect(organization.functions[3]?.retirement?.effectiveFrom).toBe('2024-03-01T00:00:00.000Z');
    });

    it('should retire without a merge when mergedIntoFunctionId is left out', () => {
      spec
        .given(hotelEvents)
        .when(retire({ mergedIntoFunctionId: null, reason: 'Outsourced' }))
        .then([
          {
            type: 'FunctionRetired',
            data: {
              organizationId: HOTEL_ID,
              functionId: 'laundry',
              effectiveFrom: '2024-03-01T00:00:00.000Z',
              reason: 'Outsourced',
              mergedIntoFunctionId: null,
            },
          },
        ]);
    });

    it('should refuse an unknown function', () => {
      spec
        .given(hotelEvents)
        .when(retire({ functionId: 'spa' }))
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.functionNotFound, 'functionId');
    });

    it('should refuse a function retired before', () => {
      spec
        .given([...hotelEvents, retired('laundry')])
        .when(retire())
        .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'functionId');
    });

    it('should refuse a merge into itself, into an unknown or into a retired function', () => {
      spec
        .given(hotelEvents)
        .when(retire({ mergedIntoFunctionId: 'laundry' }))
        .thenThrows('invalid_input', ORGANIZATION_ERROR_CODES.mergedIntoItself, 'mergedIntoFunctionId');
      spec
        .given(hotelEvents)
        .when(retire({ mergedIntoFunctionId: 'spa' }))
        .thenThrows('not_found', ORGANIZATION_ERROR_CODES.functionNotFound, 'mergedIntoFunctionId');
      spec
        .given([...hotelEvents, retired('housekeeping')])
        .when(retire())
        .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'mergedIntoFunctionId');
    });

    it('should refuse a date before the day the organization was registered, in the future or not a date', () => {
      const registeredAtNoon = hotelEvents.map((event) =>
        event.type === 'OrganizationRegistered'
          ? { ...event, data: { ...event.data, registeredAt: '2024-01-01T12:00:00.000Z' } }
          : event,
      );
      spec
        .given(registeredAtNoon)
        .when(retire({ effectiveFrom: '2024-01-01' }))
        .then([
          {
            type: 'FunctionRetired',
            data: {
              organizationId: HOTEL_ID,
              functionId: 'laundry',
              effectiveFrom: '2024-01-01T00:00:00.000Z',
              reason: 'Merged into housekeeping',
              mergedIntoFunctionId: 'housekeeping',
            },
          },
        ]);
      spec
        .given(registeredAtNoon)
        .when(retire({ effectiveFrom: '2023-12-31T23:59:59Z' }))
        .thenThrows('invalid_input', ORGANIZATION_ERROR_CODES.retirementDateOutOfRange, 'effectiveFrom');
      spec
        .given(hotelEvents)
        .when(retire({ effectiveFrom: '2024-04-03T00:00:00Z' }))
        .thenThrows('invalid_input', ORGANIZATION_ERROR_CODES.retirementDateOutOfRange, 'effectiveFrom');
      spec
        .given(hotelEvents)
        .when(retire({ effectiveFrom: 'last spring' }))
        .thenThrows('invalid_input', 'VALIDATION.MALFORMED_DATE', 'effectiveFrom');
    });

    it('should refuse an empty reason', () => {
      spec
        .given(hotelEvents)
        .when(retire({ reason: '  ' }))
        .thenThrows('invalid_input', 'VALIDATION.REQUIRED', 'reason');
    });

    describe('after the retirement', () => {
      const withLaundryRetired = [...hotelEvents, linked('front-desk', 'laundry', 2), retired('laundry')];

      it('should refuse a target of the retired function, one or in a batch, naming the field', () => {
        spec
          .given(withLaundryRetired)
          .when({
            type: 'SetTarget',
            data: { capabilityId: 'self-service', functionId: 'laundry', level: 4 },
          })
          .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'functionId');
        spec
          .given(withLaundryRetired)
          .when({
            type: 'SetTargets',
            data: {
              targets: [
                { capabilityId: 'self-service', functionId: 'front-desk', level: 4 },
                { capabilityId: 'self-service', functionId: 'laundry', level: 4 },
              ],
            },
          })
          .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'targets[1].functionId');
      });

      it("should still set a target for every function and clear the retired function's own", () => {
        spec
          .given(withLaundryRetired)
          .when({ type: 'SetTarget', data: { capabilityId: 'self-service', level: 4 } })
          .then([
            {
              type: 'TargetSet',
              data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: null, level: 4 },
            },
          ]);
        spec
          .given([
            ...hotelEvents,
            {
              type: 'TargetSet',
              data: {
                organizationId: HOTEL_ID,
                capabilityId: 'self-service',
                functionId: 'laundry',
                level: 3,
              },
            },
            retired('laundry'),
          ])
          .when({ type: 'ClearTarget', data: { capabilityId: 'self-service', functionId: 'laundry' } })
          .then([
            {
              type: 'TargetCleared',
              data: { organizationId: HOTEL_ID, capabilityId: 'self-service', functionId: 'laundry' },
            },
          ]);
      });

      it('should refuse a link to or from the retired function and still unlink it', () => {
        spec
          .given(withLaundryRetired)
          .when({ type: 'LinkFunctions', data: { from: 'housekeeping', to: 'laundry' } })
          .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'to');
        spec
          .given(withLaundryRetired)
          .when({ type: 'LinkFunctions', data: { from: 'laundry', to: 'housekeeping' } })
          .thenThrows('conflict', ORGANIZATION_ERROR_CODES.functionRetired, 'from');
        spec
          .given(withLaundryRetired)
          .when({ type: 'UnlinkFunctions', data: { from: 'front-desk', to: 'laundry' } })
          .then([
            {
              type: 'FunctionsUnlinked',
              data: { organizationId: HOTEL_ID, from: 'front-desk', to: 'laundry' },
            },
          ]);
      });
    });
  });
});
