import { createHash, randomBytes } from 'node:crypto';

/**
 * An id for an entity the client did not name. Derived from the commandId when there is one, so
 * a repeated command lands on the same stream and appends nothing; the organisation is part of
 * it, so two organisations using the same commandId never land on each other's streams.
 */
export function makeIdentifier(
  prefix: string,
  commandId: string | null,
  organizationId: string | null,
): string {
  const suffix =
    commandId === null
      ? randomBytes(6).toString('hex')
      : createHash('sha256')
          .update(JSON.stringify([prefix, organizationId, commandId]))
          .digest('hex')
          .slice(0, 16);
  return `${prefix}-${suffix}`;
}
