// A small hotel (the demo case, docs/reference/dashboard.md) on the default model, shared by the decider tests.
import { DEFAULT_MATURITY_MODEL, type MaturityModel } from '../../maturity-model';
import { foldEvents } from '../fold';
import { organizationDecider, type OrganizationEvent, type OrganizationState } from '../../organization';

export const NOW = new Date('2024-04-02T09:30:00.000Z');
export const NOW_ISO = NOW.toISOString();

export const model: MaturityModel = DEFAULT_MATURITY_MODEL;

export const HOTEL_ID = 'grand-hotel';

export const hotelEvents: OrganizationEvent[] = [
  {
    type: 'OrganizationRegistered',
    data: {
      organizationId: HOTEL_ID,
      name: 'Grand Hotel',
      purpose: 'Guests leave rested and want to return',
      valueProposition: null,
      modelId: model.id,
      modelVersion: model.version,
      registeredAt: '2024-01-01T00:00:00.000Z',
    },
  },
  {
    type: 'FunctionAdded',
    data: {
      organizationId: HOTEL_ID,
      functionId: 'front-desk',
      name: 'Front desk',
      customerFacing: true,
      partner: false,
    },
  },
  {
    type: 'FunctionAdded',
    data: {
      organizationId: HOTEL_ID,
      functionId: 'housekeeping',
      name: 'Housekeeping',
      customerFacing: false,
      partner: false,
    },
  },
  {
    type: 'FunctionAdded',
    data: {
      organizationId: HOTEL_ID,
      functionId: 'maintenance',
      name: 'Maintenance',
      customerFacing: false,
      partner: false,
    },
  },
  {
    type: 'FunctionAdded',
    data: {
      organizationId: HOTEL_ID,
      functionId: 'laundry',
      name: 'Laundry service',
      customerFacing: false,
      partner: true,
    },
  },
];

export const hotel: OrganizationState = foldEvents(organizationDecider, hotelEvents);

/** One of the hotel's functions retired from `effectiveFrom`, merged into none. */
export const functionRetired = (functionId: string, effectiveFrom: string): OrganizationEvent => ({
  type: 'FunctionRetired',
  data: {
    organizationId: HOTEL_ID,
    functionId,
    effectiveFrom,
    reason: 'Outsourced',
    mergedIntoFunctionId: null,
  },
});
