// `import <file>` of an export: into an empty store only, every line parsed and every chain
// verified before anything is written, then written as recorded (ids, revisions, hashes kept).
import { existsSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { IntegrityService, type IntegrityReport } from '@app/application';
import {
  canImportRecorded,
  EVENT_STORE,
  type EventStore,
  ImportRefusedError,
  type RecordedEvent,
  verifyStreamChain,
} from '@app/event-store';
import { KEY_STORE, KeyImportRefusedError, type KeyRecord, type KeyStore } from '@app/key-store';
import { CliError, EXIT } from '../exit-codes';
import { parseEventLine, parseKeyLine } from '../event-file/event-file-format';
import { readLines } from '../event-file/read-lines';
import { startProgress } from '../progress';

const BATCH_SIZE = 1000;

export interface EventImportSummary {
  imported: number;
  report: IntegrityReport;
}

export async function importEvents(app: INestApplicationContext, file: string): Promise<EventImportSummary> {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`, EXIT.usage);
  const store = app.get<EventStore>(EVENT_STORE);
  if (!canImportRecorded(store))
    throw new CliError(
      'the configured event store cannot import recorded events; import into the embedded SQLite store',
    );
  const head = await store.headPosition();
  if (head > 0)
    throw new CliError(
      `the store in DATA_DIR is not empty (it holds ${head} event(s)); nothing was imported. Import only into an empty store: point DATA_DIR at a new directory.`,
      EXIT.refused,
    );
  const { count: total, keys } = await checkFile(file);
  // The keys first: once the events are in, the text they seal can be read.
  try {
    await app.get<KeyStore>(KEY_STORE).importRecords(keys);
  } catch (error) {
    if (error instanceof KeyImportRefusedError) throw new CliError(error.message, EXIT.refused);
    throw error;
  }
  const progress = startProgress('Importing', total);
  let imported = 0;
  try {
    let batch: RecordedEvent[] = [];
    const flush = async (): Promise<void> => {
      // Only the first batch may find the store empty; a concurrent writer makes it refuse.
      await store.importRecorded(batch, { requireEmptyStore: imported === 0 });
      imported += batch.length;
      batch = [];
      progress.update(imported);
    };
    for await (const { text, lineNumber } of readLines(file)) {
      if (parseKeyLine(text, lineNumber) !== null) continue;
      batch.push(parseEventLine(text, lineNumber));
      if (batch.length === BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    if (error instanceof ImportRefusedError) throw new CliError(error.message, EXIT.refused);
    throw error;
  } finally {
    progress.stop();
  }
  return { imported, report: await app.get(IntegrityService).verify() };
}

/** First pass: every line parses and every stream's chain verifies; returns the event count and the keys. */
async function checkFile(file: string): Promise<{ count: number; keys: KeyRecord[] }> {
  const keys: KeyRecord[] = [];
  const tips = new Map<string, { revision: number; hash: string }>();
  const ids = new Set<string>();
  let count = 0;
  for await (const { text, lineNumber } of readLines(file)) {
    const key = parseKeyLine(text, lineNumber);
    if (key !== null) {
      keys.push(key);
      continue;
    }
    const event = parseEventLine(text, lineNumber);
    if (ids.has(event.id))
      throw new CliError(
        `line ${lineNumber}: event id ${event.id} appears twice; nothing was imported`,
        EXIT.refused,
      );
    ids.add(event.id);
    const tip = tips.get(event.stream);
    const verification = verifyStreamChain([event], {
      startRevision: tip === undefined ? 0 : tip.revision + 1,
      previousHash: tip?.hash ?? null,
    });
    if (!verification.valid)
      throw new CliError(`line ${lineNumber}: ${verification.message}; nothing was imported`, EXIT.refused);
    tips.set(event.stream, { revision: event.revision, hash: event.hash });
    count += 1;
  }
  return { count, keys };
}
