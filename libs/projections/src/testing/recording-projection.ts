// A projection for tests: records the position and type of each event it is given.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '@app/event-store';
import type { Projection, ProjectionTransaction } from '../projection';

export class RecordingProjection implements Projection {
  readonly eventTypes: readonly string[];
  applyCalls = 0;
  /** Throws while applying an event of this type (to test rollback). */
  failOnType: string | null = null;

  constructor(
    readonly name: string,
    eventTypes: readonly string[],
    readonly version = 1,
  ) {
    this.eventTypes = eventTypes;
  }

  setUp(transaction: ProjectionTransaction): void {
    transaction.exec(
      `CREATE TABLE IF NOT EXISTS "${this.name}" (position INTEGER PRIMARY KEY, type TEXT NOT NULL) STRICT`,
    );
  }

  drop(transaction: ProjectionTransaction): void {
    transaction.exec(`DROP TABLE IF EXISTS "${this.name}"`);
  }

  apply(events: readonly RecordedEvent[], transaction: ProjectionTransaction): void {
    this.applyCalls += 1;
    const insert = transaction.prepare<[number, string]>(
      `INSERT INTO "${this.name}" (position, type) VALUES (?, ?)`,
    );
    for (const event of events) {
      insert.run(event.position, event.type);
      if (event.type === this.failOnType) throw new Error(`cannot apply ${event.type}`);
    }
  }

  rows(database: Database.Database): { position: number; type: string }[] {
    return database
      .prepare<[], { position: number; type: string }>(
        `SELECT position, type FROM "${this.name}" ORDER BY position`,
      )
      .all();
  }
}

export const newEvent = (type: string, data: NewEvent['data'] = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'test', role: 'ADMIN' },
});
