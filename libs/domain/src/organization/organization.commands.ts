import type { MaturityModel } from '../maturity-model';

export type RegisterOrganization = {
  type: 'RegisterOrganization';
  data: {
    id: string;
    name: string;
    purpose?: string | null;
    valueProposition?: string | null;
    modelId: string;
    /** The organisation is pinned to this version; absent means the version in the context. */
    modelVersion?: number | null;
  };
};

export type AddFunction = {
  type: 'AddFunction';
  data: {
    functionId: string;
    name: string;
    /** Absent means false. */
    customerFacing?: boolean | null;
    /** An external organisation that co-delivers; absent means false. */
    partner?: boolean | null;
  };
};

export type UpdateFunction = {
  type: 'UpdateFunction';
  data: {
    functionId: string;
    name: string;
    /** Absent keeps the current value. */
    customerFacing?: boolean | null;
    /** Absent keeps the current value. */
    partner?: boolean | null;
  };
};

export type RetireFunction = {
  type: 'RetireFunction';
  data: {
    functionId: string;
    /** ISO-8601: views as of this instant or later leave the function out. */
    effectiveFrom: string;
    reason: string;
    /** The function it merged into, when it did; absent or null when it simply ended. */
    mergedIntoFunctionId?: string | null;
  };
};

export type LinkFunctions = {
  type: 'LinkFunctions';
  data: {
    from: string;
    to: string;
    /** Defaults to 1. */
    weight?: number | null;
  };
};

export type UnlinkFunctions = {
  type: 'UnlinkFunctions';
  data: { from: string; to: string };
};

export type SetTarget = {
  type: 'SetTarget';
  data: {
    capabilityId: string;
    /** Absent: the target of the capability for every function; given: that function's override. */
    functionId?: string | null;
    level: number;
  };
};

/** One target of a SetTargets batch: as SetTarget, for one cell, one function's row or one capability. */
export type TargetLevel = SetTarget['data'];

/** Many targets at once (a default for every cell, a row or a column), recorded in one append. */
export type SetTargets = {
  type: 'SetTargets';
  data: {
    targets: readonly TargetLevel[];
    /**
     * True: a capability's target for every function (functionId absent) also removes that
     * capability's function overrides not given in the same batch, so every cell shows it.
     * Absent means false: overrides stay.
     */
    replaceOverrides?: boolean | null;
  };
};

export type ClearTarget = {
  type: 'ClearTarget';
  data: {
    capabilityId: string;
    /** Absent: the capability's target for every function; given: that function's override. */
    functionId?: string | null;
  };
};

export type OrganizationCommand =
  | RegisterOrganization
  | AddFunction
  | UpdateFunction
  | RetireFunction
  | LinkFunctions
  | UnlinkFunctions
  | SetTarget
  | SetTargets
  | ClearTarget;

export type OrganizationContext = {
  now: Date;
  /**
   * RegisterOrganization: the model named by the command (undefined when unknown).
   * SetTarget, SetTargets: the organisation's pinned model. Other commands do not read it.
   */
  model?: MaturityModel | undefined;
};
