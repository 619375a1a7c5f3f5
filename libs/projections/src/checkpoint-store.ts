import type Database from 'better-sqlite3';

export interface StoredCheckpoint {
  position: number;
  version: number;
}

interface CheckpointRow {
  name: string;
  position: number;
  version: number;
}

/** One row per projection: the last position it applied, and the version that applied it. */
export class CheckpointStore {
  private readonly selectAll: Database.Statement<[], CheckpointRow>;
  private readonly upsert: Database.Statement<[string, number, number]>;

  constructor(database: Database.Database) {
    database.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      version INTEGER NOT NULL
    ) STRICT`);
    this.selectAll = database.prepare('SELECT name, position, version FROM projection_checkpoints');
    this.upsert = database.prepare(
      `INSERT INTO projection_checkpoints (name, position, version) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version`,
    );
  }

  readAll(): Map<string, StoredCheckpoint> {
    return new Map(
      this.selectAll.all().map((row) => [row.name, { position: row.position, version: row.version }]),
    );
  }

  /** Call inside the transaction that wrote what the projection built up to `position`. */
  write(name: string, checkpoint: StoredCheckpoint): void {
    this.upsert.run(name, checkpoint.position, checkpoint.version);
  }
}
