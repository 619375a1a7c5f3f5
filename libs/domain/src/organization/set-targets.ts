// Setting targets: one cell, a row, a column or every cell. The rule for one target lives here
// once; a batch applies it to each entry (named `targets[i]` when refused) and records every
// change in one append, so a default for all cells is all or nothing.
import { type MaturityModel, requireCapability, requireLevel } from '../maturity-model';
import { invalidInput, withinField } from '../shared';
import type { SetTargets, TargetLevel } from './organization.commands';
import { ORGANIZATION_ERROR_CODES } from './organization.errors';
import type { TargetCleared, TargetSet } from './organization.events';
import { requireFunctionInPlace } from './organization.lookups';
import type { MaturityTarget, Organization } from './organization.state';

/**
 * A target checked against the organisation and its model: known capability, a function still in
 * place (a retired one is in no view any more, so its target would count nowhere) and level.
 */
export function validTarget(
  organization: Organization,
  model: MaturityModel,
  request: TargetLevel,
): MaturityTarget {
  const capabilityId = requireCapability(model, 'capabilityId', request.capabilityId).id;
  const { functionId: requestedFunction } = request;
  const functionId =
    requestedFunction === undefined || requestedFunction === null
      ? null
      : requireFunctionInPlace(organization, 'functionId', requestedFunction).id;
  return { capabilityId, functionId, level: requireLevel(model, 'level', request.level) };
}

const sameCell = (target: MaturityTarget, capabilityId: string, functionId: string | null): boolean =>
  target.capabilityId === capabilityId && target.functionId === functionId;

/** TargetSet when the level changes; nothing when the cell already has it. */
export function targetChange(organization: Organization, target: MaturityTarget): TargetSet[] {
  const current = organization.targets.find((candidate) =>
    sameCell(candidate, target.capabilityId, target.functionId),
  );
  if (current?.level === target.level) return [];
  return [{ type: 'TargetSet', data: { organizationId: organization.id, ...target } }];
}

export function decideSetTargets(
  command: SetTargets,
  organization: Organization,
  model: MaturityModel,
): (TargetSet | TargetCleared)[] {
  const { targets: requests } = command.data;
  if (requests.length === 0) {
    throw invalidInput(
      'targets',
      'targets must name at least one target to set',
      ORGANIZATION_ERROR_CODES.noTargets,
    );
  }
  // By cell, to name a repeated one and to keep the overrides the batch sets itself.
  const placeOf = new Map<string, number>();
  const cellKey = (capabilityId: string, functionId: string | null) =>
    `${capabilityId}\u0000${functionId ?? ''}`;
  const targets = requests.map((request, index) => {
    const target = withinField(`targets[${index}]`, () => validTarget(organization, model, request));
    const key = cellKey(target.capabilityId, target.functionId);
    const earlier = placeOf.get(key);
    if (earlier !== undefined) {
      throw invalidInput(
        `targets[${index}]`,
        `targets[${index}] sets the same target as targets[${earlier}] (${target.capabilityId}, ${target.functionId ?? 'every function'}): give each cell once`,
        ORGANIZATION_ERROR_CODES.targetRepeated,
      );
    }
    placeOf.set(key, index);
    return target;
  });
  const changes: (TargetSet | TargetCleared)[] = targets.flatMap((target) =>
    targetChange(organization, target),
  );
  if (command.data.replaceOverrides !== true) return changes;
  // An override of a capability given for every function goes, unless the batch sets it too.
  const replacedCapabilities = new Set(
    targets.filter((target) => target.functionId === null).map((target) => target.capabilityId),
  );
  for (const override of organization.targets) {
    if (override.functionId === null || !replacedCapabilities.has(override.capabilityId)) continue;
    if (placeOf.has(cellKey(override.capabilityId, override.functionId))) continue;
    changes.push({
      type: 'TargetCleared',
      data: {
        organizationId: organization.id,
        capabilityId: override.capabilityId,
        functionId: override.functionId,
      },
    });
  }
  return changes;
}
