import { createHash, randomBytes } from 'node:crypto';

/**
 * An id for an entity the client did not name. Derived from the commandId when there is one, so
 * a repeated command lands on the same stream and appends nothing.
 */
export function makeIdentifier(prefix: string, commandId: string | null): string {
  const suffix =
    commandId === null
      ? randomBytes(6).toString('hex')
      : createHash('sha256').update(`${prefix}|${commandId}`).digest('hex').slice(0, 12);
  return `${prefix}-${suffix}`;
}
