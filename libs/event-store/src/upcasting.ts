// Upcasters turn an old schema of an event's data into the next one, on read; stored events are
// never rewritten (docs/reference/event-store.md). Decision: `metadata.schemaVersion` always stays as
// recorded (it is covered by the hash), and the version of the returned `data` is exposed as
// `RecordedEvent.dataSchemaVersion`. A raw read returns the stored data, with
// dataSchemaVersion equal to metadata.schemaVersion.
import type { JsonObject } from './event-store.port';

/** Data at `fromSchemaVersion` -> data at `fromSchemaVersion + 1`. Must not mutate its input. */
export type Upcaster = (data: JsonObject) => JsonObject;

export interface UpcasterDefinition {
  eventType: string;
  fromSchemaVersion: number;
  upcast: Upcaster;
}

export interface UpcastResult {
  data: JsonObject;
  schemaVersion: number;
}

export class UpcasterRegistry {
  private readonly upcastersByType = new Map<string, Map<number, Upcaster>>();

  constructor(definitions: readonly UpcasterDefinition[] = []) {
    for (const definition of definitions)
      this.register(definition.eventType, definition.fromSchemaVersion, definition.upcast);
  }

  register(eventType: string, fromSchemaVersion: number, upcast: Upcaster): this {
    if (!Number.isInteger(fromSchemaVersion) || fromSchemaVersion < 1) {
      throw new RangeError(
        `Upcaster for ${eventType}: fromSchemaVersion must be an integer >= 1, got ${fromSchemaVersion}`,
      );
    }
    let byVersion = this.upcastersByType.get(eventType);
    if (byVersion === undefined) {
      byVersion = new Map();
      this.upcastersByType.set(eventType, byVersion);
    }
    if (byVersion.has(fromSchemaVersion)) {
      throw new Error(
        `An upcaster for ${eventType} from schema version ${fromSchemaVersion} is already registered`,
      );
    }
    byVersion.set(fromSchemaVersion, upcast);
    return this;
  }

  /** True when some upcaster exists for this event type (a cheap check on the read path). */
  handles(eventType: string): boolean {
    return this.upcastersByType.has(eventType);
  }

  /** Applies the registered upcasters in order, starting at `schemaVersion`, until none is left. */
  upcast(eventType: string, schemaVersion: number, data: JsonObject): UpcastResult {
    const byVersion = this.upcastersByType.get(eventType);
    if (byVersion === undefined) return { data, schemaVersion };
    let version = schemaVersion;
    let current = data;
    for (let upcaster = byVersion.get(version); upcaster !== undefined; upcaster = byVersion.get(version)) {
      current = upcaster(current);
      version += 1;
    }
    return { data: current, schemaVersion: version };
  }
}

export const NO_UPCASTERS = new UpcasterRegistry();
