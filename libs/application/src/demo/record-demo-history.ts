// Records the demo's history as it happened: the story's commands run through the real command
// handlers and deciders of a throw-away application, on an in-memory store whose clock is the
// story's, so each event carries the date it happened as its transaction time. The live store's
// clock is never moved: the events recorded here enter it only through a recorded import.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { InMemoryEventStore, type RecordedEvent } from '@app/event-store';
import { KEY_STORE, type KeyRecord, type KeyStore } from '@app/key-store';
import { parseStreamName } from '@app/domain';
import { ApplicationModule } from '../application.module';
import type { AppConfig } from '../config/app-config';
import type { DatedDemoCommand } from './interlodge-commands';

export type DemoProgress = (done: number, total: number) => void;

/** Streams every store already has (models, API tokens): the demo's history leaves them out. */
const STORE_WIDE_CATEGORIES: ReadonlySet<string> = new Set(['maturity-model', 'api-token']);

const PAGE = 5_000;

async function demoStreamEvents(store: InMemoryEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ maxCount: PAGE, raw: true }); page.length > 0;) {
    for (const event of page)
      if (!STORE_WIDE_CATEGORIES.has(parseStreamName(event.stream)?.category ?? '')) events.push(event);
    page = await store.readAll({ after: page.at(-1)?.position ?? 0, maxCount: PAGE, raw: true });
  }
  return events;
}

/** A recorded history and the keys that open the personal data sealed in it. */
export interface DemoHistory {
  events: RecordedEvent[];
  keys: KeyRecord[];
}

/**
 * The events of the demo's own streams (its organisation, assessments and investments), in the
 * order they were recorded, hashed and chained, each stamped at its command's `at`; with the keys
 * of the throw-away key store, without which the demo's evidence could not be read.
 */
export async function recordDemoHistory(
  commands: readonly DatedDemoCommand[],
  config: AppConfig,
  onProgress?: DemoProgress,
): Promise<DemoHistory> {
  const first = commands[0];
  if (first === undefined) return { events: [], keys: [] };
  let now = first.at;
  const clock = (): Date => now;
  const store = new InMemoryEventStore({ clock });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-history-'));
  try {
    const app = await NestFactory.createApplicationContext(
      ApplicationModule.forRoot(
        {
          ...config,
          dataDir,
          databaseUrl: undefined,
          eventStoreConnectionString: undefined,
          // The throw-away store adopts a random admin token: nothing is printed, nothing kept.
          adminToken: randomBytes(32).toString('hex'),
        },
        clock,
        { eventStore: store },
      ),
      { logger: false },
    );
    try {
      const commandBus = app.get(CommandBus);
      for (const [position, dated] of commands.entries()) {
        now = dated.at;
        await commandBus.execute(dated.command);
        onProgress?.(position + 1, commands.length);
      }
      return { events: await demoStreamEvents(store), keys: await app.get<KeyStore>(KEY_STORE).records() };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
