import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../command-handling/command-context';

export const ROLES = ['ADMIN', 'ASSESSOR', 'PLANNER', 'AUDITOR'] as const;
export type RoleName = (typeof ROLES)[number];

/** The authenticated caller: an API token's identity, role and organisation scope. */
export interface Principal {
  tokenId: string;
  label: string | null;
  role: RoleName;
  /** The organisations this token reaches; ignored when `allOrganizations`. */
  organizationIds: readonly string[];
  allOrganizations: boolean;
}

/** The metadata of a command: who asks, and its commandId (which also correlates repeats). */
export function commandContextOf(
  principal: Principal,
  commandId: string | null | undefined,
  correlationId: string = commandId ?? randomUUID(),
): CommandContext {
  return {
    actor: principal.label ? `${principal.label} (${principal.tokenId})` : principal.tokenId,
    role: principal.role,
    commandId: commandId ?? null,
    correlationId,
  };
}
