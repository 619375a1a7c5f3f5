import { UpcasterRegistry } from '@app/event-store';
import { EVENT_UPCASTS } from '@app/domain';

/**
 * Upcasters for older event schemas, applied on read; stored events are never rewritten. Each
 * domain module lists its (type, fromSchemaVersion) steps next to its events (EVENT_UPCASTS) and
 * bumps the version in EVENT_SCHEMA_VERSIONS.
 */
export const upcasters = new UpcasterRegistry(EVENT_UPCASTS);
