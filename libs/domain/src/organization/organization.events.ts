import type { DomainEvent } from '../shared';

export type OrganizationRegisteredData = {
  organizationId: string;
  name: string;
  /** The organisation's "why". */
  purpose: string | null;
  valueProposition: string | null;
  modelId: string;
  modelVersion: number;
  /** ISO-8601, from the command context. */
  registeredAt: string;
};

export type FunctionAddedData = {
  organizationId: string;
  functionId: string;
  name: string;
  customerFacing: boolean;
  partner: boolean;
};

/** The function's name and flags as they now stand (its id never changes). */
export type FunctionUpdatedData = FunctionAddedData;

export type FunctionRetiredData = {
  organizationId: string;
  functionId: string;
  /** ISO-8601 valid time: views as of this instant or later leave the function out. */
  effectiveFrom: string;
  reason: string;
  /** The function that took over its work; null when it simply ended. */
  mergedIntoFunctionId: string | null;
};

export type FunctionsLinkedData = {
  organizationId: string;
  /** Undirected: (from, to) and (to, from) are the same link; a later event replaces the weight. */
  from: string;
  to: string;
  weight: number;
};

export type FunctionsUnlinkedData = {
  organizationId: string;
  /** Undirected, as linked: the pair no longer co-delivers. */
  from: string;
  to: string;
};

export type TargetSetData = {
  organizationId: string;
  capabilityId: string;
  /** null: the capability's target for all functions; otherwise this function's override. */
  functionId: string | null;
  level: number;
};

export type TargetClearedData = {
  organizationId: string;
  capabilityId: string;
  /** null: the capability's target for all functions is gone; otherwise this function's override. */
  functionId: string | null;
};

export type OrganizationRegistered = DomainEvent<'OrganizationRegistered', OrganizationRegisteredData>;
export type FunctionAdded = DomainEvent<'FunctionAdded', FunctionAddedData>;
export type FunctionUpdated = DomainEvent<'FunctionUpdated', FunctionUpdatedData>;
export type FunctionRetired = DomainEvent<'FunctionRetired', FunctionRetiredData>;
export type FunctionsLinked = DomainEvent<'FunctionsLinked', FunctionsLinkedData>;
export type FunctionsUnlinked = DomainEvent<'FunctionsUnlinked', FunctionsUnlinkedData>;
export type TargetSet = DomainEvent<'TargetSet', TargetSetData>;
export type TargetCleared = DomainEvent<'TargetCleared', TargetClearedData>;

export type OrganizationEvent =
  | OrganizationRegistered
  | FunctionAdded
  | FunctionUpdated
  | FunctionRetired
  | FunctionsLinked
  | FunctionsUnlinked
  | TargetSet
  | TargetCleared;
export type OrganizationEventType = OrganizationEvent['type'];

export const ORGANIZATION_EVENT_SCHEMA_VERSIONS: Record<OrganizationEventType, number> = {
  OrganizationRegistered: 1,
  FunctionAdded: 1,
  FunctionUpdated: 1,
  FunctionRetired: 1,
  FunctionsLinked: 1,
  FunctionsUnlinked: 1,
  TargetSet: 1,
  TargetCleared: 1,
};
