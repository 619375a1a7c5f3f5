import type { OrganizationEvent } from './organization.events';

/** When and why a function left the organisation's structure (docs/adr/0015-retiring-functions.md). */
export type FunctionRetirement = {
  /** ISO-8601 valid time: views as of this instant or later leave the function out. */
  effectiveFrom: string;
  reason: string;
  mergedIntoFunctionId: string | null;
};

export type OrganizationFunction = {
  id: string;
  name: string;
  customerFacing: boolean;
  partner: boolean;
  /** Absent while the function is in place; a retired function keeps its history. */
  retirement?: FunctionRetirement;
};

/** An undirected, weighted interaction between two functions that co-deliver an experience. */
export type FunctionLink = {
  from: string;
  to: string;
  weight: number;
};

export type MaturityTarget = {
  capabilityId: string;
  /** null for the capability's target, a function id for that function's override. */
  functionId: string | null;
  level: number;
};

export type Organization = {
  id: string;
  name: string;
  purpose: string | null;
  valueProposition: string | null;
  modelId: string;
  modelVersion: number;
  /** ISO-8601: the earliest a function can have been retired from. */
  registeredAt: string;
  /** In the order they were added, retired ones included. */
  functions: OrganizationFunction[];
  /** One per unordered pair, in the order first linked. */
  interactions: FunctionLink[];
  /** One per (capability, function or null), in the order first set. */
  targets: MaturityTarget[];
};

export type OrganizationState = { status: 'NONE' } | ({ status: 'REGISTERED' } & Organization);
export type RegisteredOrganizationState = Extract<OrganizationState, { status: 'REGISTERED' }>;

export const initialOrganizationState = (): OrganizationState => ({ status: 'NONE' });

export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  if (event.type === 'OrganizationRegistered') {
    const { organizationId, name, purpose, valueProposition, modelId, modelVersion, registeredAt } =
      event.data;
    return {
      status: 'REGISTERED',
      id: organizationId,
      name,
      purpose,
      valueProposition,
      modelId,
      modelVersion,
      registeredAt,
      functions: [],
      interactions: [],
      targets: [],
    };
  }
  // Anything else before registration cannot have been decided; ignore rather than invent state.
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'FunctionAdded': {
      const { functionId, name, customerFacing, partner } = event.data;
      return { ...state, functions: [...state.functions, { id: functionId, name, customerFacing, partner }] };
    }
    case 'FunctionUpdated': {
      const { functionId, name, customerFacing, partner } = event.data;
      return {
        ...state,
        functions: state.functions.map((existing) =>
          existing.id === functionId ? { ...existing, name, customerFacing, partner } : existing,
        ),
      };
    }
    case 'FunctionRetired': {
      const { functionId, effectiveFrom, reason, mergedIntoFunctionId } = event.data;
      return {
        ...state,
        functions: state.functions.map((existing) =>
          existing.id === functionId
            ? { ...existing, retirement: { effectiveFrom, reason, mergedIntoFunctionId } }
            : existing,
        ),
      };
    }
    case 'FunctionsUnlinked': {
      const { from, to } = event.data;
      return { ...state, interactions: state.interactions.filter((link) => !linksSamePair(link, from, to)) };
    }
    case 'FunctionsLinked': {
      const { from, to, weight } = event.data;
      const link = { from, to, weight };
      const exists = state.interactions.some((existing) => linksSamePair(existing, from, to));
      return {
        ...state,
        interactions: exists
          ? state.interactions.map((existing) => (linksSamePair(existing, from, to) ? link : existing))
          : [...state.interactions, link],
      };
    }
    case 'TargetSet': {
      const { capabilityId, functionId, level } = event.data;
      const target = { capabilityId, functionId, level };
      const sameKey = (existing: MaturityTarget) =>
        existing.capabilityId === capabilityId && existing.functionId === functionId;
      return {
        ...state,
        targets: state.targets.some(sameKey)
          ? state.targets.map((existing) => (sameKey(existing) ? target : existing))
          : [...state.targets, target],
      };
    }
    case 'TargetCleared': {
      const { capabilityId, functionId } = event.data;
      return {
        ...state,
        targets: state.targets.filter(
          (existing) => !(existing.capabilityId === capabilityId && existing.functionId === functionId),
        ),
      };
    }
    default:
      // Events of the stream's other decider (personal data) change nothing here.
      return state;
  }
}

export const linksSamePair = (link: FunctionLink, first: string, second: string): boolean =>
  (link.from === first && link.to === second) || (link.from === second && link.to === first);
