import { UpcasterRegistry } from '@app/event-store';

/**
 * Upcasters for older event schemas, applied on read; stored events are never rewritten.
 * Every event is at schema version 1 so far: register (type, fromVersion) steps here when a
 * schema changes, and bump the version in the domain's EVENT_SCHEMA_VERSIONS.
 */
export const upcasters = new UpcasterRegistry();
