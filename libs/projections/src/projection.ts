import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';

/** The read-model database inside the runner's open transaction: write through it, never commit. */
export type ProjectionTransaction = Database.Database;

/**
 * A read model built from events. `apply` runs synchronously inside the transaction that also
 * stores the projection's checkpoint, so what it built and where it stopped never disagree.
 */
export interface Projection {
  /** Unique among the runner's projections; keys its checkpoint. */
  readonly name: string;
  /** Bump when the tables or their meaning change: a stored older version is rebuilt at start. */
  readonly version: number;
  /** Only events of these types reach `apply`. */
  readonly eventTypes: readonly string[];
  /** Creates the tables when missing (idempotent). */
  setUp(transaction: ProjectionTransaction): void;
  /** Drops everything it built, before a replay from the start. */
  drop(transaction: ProjectionTransaction): void;
  /** Applies events in position order; they are all of `eventTypes` and after the checkpoint. */
  apply(events: readonly RecordedEvent[], transaction: ProjectionTransaction): void;
}
