// Loads the Interlodge demo into the store: its history recorded as it happened (2024 to 2026),
// imported like an export, so "as known at" a past date shows what was known then. Only into a
// store with no organisation yet, so a demo's dated events never mix with real records.
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { conflict, DEFAULT_MATURITY_MODEL_ID, type ErrorCodeOf } from '@app/domain';
import { KEY_STORE, type KeyStore } from '@app/key-store';
import {
  canImportRecorded,
  EVENT_STORE,
  type EventStore,
  type ImportRecordedResult,
  ImportRefusedError,
} from '@app/event-store';
import { CLOCK, type Clock } from '../command-handling/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MaturityModelCatalog } from '../maturity-models/maturity-model-catalog';
import { ReadModels } from '../projections/read-models';
import { interlodgeCommands } from './interlodge-commands';
import { INTERLODGE_ID, INVESTMENTS, QUARTERS } from './interlodge-story';
import { type DemoProgress, recordDemoHistory } from './record-demo-history';

export type { DemoProgress } from './record-demo-history';

// The services come from the whole application (a resolver's ModuleRef looks only in its module by default).
const ANYWHERE = { strict: false } as const;

export const DEMO_ERROR_CODES = {
  storeHasOrganizations: 'DEMO.STORE_HAS_ORGANIZATIONS',
  storyInTheFuture: 'DEMO.STORY_IN_THE_FUTURE',
  modelMissing: 'DEMO.MODEL_MISSING',
} as const;

export type DemoErrorCode = ErrorCodeOf<typeof DEMO_ERROR_CODES>;

declare module '@app/domain' {
  interface DomainErrorCodes {
    demo: DemoErrorCode;
  }
}

export interface DemoSummary {
  organizationId: string;
  assessments: number;
  investments: number;
  /** Events this load added: 0 when the demo was already there. */
  recordedEvents: number;
  /**
   * How the events were recorded: HISTORY at the dates of the story; NOW through the command bus,
   * when the store cannot import recorded events (EventStoreDB); ALREADY_LOADED: nothing recorded.
   */
  recording: 'HISTORY' | 'NOW' | 'ALREADY_LOADED';
  /** Transaction time of the first and last events of the story (null when nothing was recorded). */
  recordedFrom: string | null;
  recordedUntil: string | null;
}

const summary = (
  recording: DemoSummary['recording'],
  recordedEvents: number,
  recordedFrom: string | null = null,
  recordedUntil: string | null = null,
): DemoSummary => ({
  organizationId: INTERLODGE_ID,
  assessments: QUARTERS.length,
  investments: INVESTMENTS.length,
  recordedEvents,
  recording,
  recordedFrom,
  recordedUntil,
});

/** Refuses a store that holds organisations other than the demo's; true when the demo is already there. */
async function alreadyLoaded(readModels: ReadModels): Promise<boolean> {
  await readModels.ready();
  const organizationIds = readModels.index.organizationIds();
  if (organizationIds.includes(INTERLODGE_ID)) return true;
  if (organizationIds.length > 0)
    throw conflict(
      `The demo is a recorded history dated 2024 to 2026, and this store already holds ${organizationIds.length} organisation(s): it loads only into a store without organisations, so its dated events never mix with real records. Load it into its own data directory, e.g. DATA_DIR=./demo-data npm run cli -- demo, then start the api with the same DATA_DIR.`,
      DEMO_ERROR_CODES.storeHasOrganizations,
    );
  return false;
}

/**
 * Loads the demo into the application's store. Safe to repeat: the second time it finds the
 * demo organisation and records nothing.
 */
export async function loadInterlodgeDemo(
  app: Pick<INestApplicationContext, 'get'>,
  onProgress?: DemoProgress,
): Promise<DemoSummary> {
  if (await alreadyLoaded(app.get(ReadModels, ANYWHERE))) return summary('ALREADY_LOADED', 0);
  if ((await app.get(MaturityModelCatalog, ANYWHERE).find(DEFAULT_MATURITY_MODEL_ID, 1)) === undefined)
    throw conflict(
      `The demo is assessed against the default model "${DEFAULT_MATURITY_MODEL_ID}" version 1, which this store does not hold. Start the api (or any cli command) once on it, which publishes the model, then load the demo.`,
      DEMO_ERROR_CODES.modelMissing,
    );
  const store = app.get<EventStore>(EVENT_STORE, ANYWHERE);
  const commands = interlodgeCommands();
  if (!canImportRecorded(store)) {
    // EventStoreDB cannot take recorded events: the same commands, recorded now.
    const before = await store.headPosition();
    const commandBus = app.get(CommandBus, ANYWHERE);
    for (const [position, dated] of commands.entries()) {
      await commandBus.execute(dated.command);
      onProgress?.(position + 1, commands.length);
    }
    return summary('NOW', (await store.headPosition()) - before);
  }
  const last = commands.at(-1)?.at;
  const now = app.get<Clock>(CLOCK, ANYWHERE)();
  if (last !== undefined && last > now)
    throw conflict(
      `The demo's history runs until ${last.toISOString()}, after this machine's clock (${now.toISOString()}): a store never holds events recorded in the future. Check the clock.`,
      DEMO_ERROR_CODES.storyInTheFuture,
    );
  const history = await recordDemoHistory(commands, app.get<AppConfig>(APP_CONFIG, ANYWHERE), onProgress);
  let result: ImportRecordedResult;
  try {
    // The keys first: once the events are in, the evidence they seal can be read.
    await app.get<KeyStore>(KEY_STORE, ANYWHERE).importRecords(history.keys);
    result = await store.importRecorded(history.events);
  } catch (error) {
    // Another load won the race: its import holds the same history, and this one wrote nothing.
    if (error instanceof ImportRefusedError && (await alreadyLoaded(app.get(ReadModels, ANYWHERE))))
      return summary('ALREADY_LOADED', 0);
    throw error;
  }
  return summary(
    'HISTORY',
    result.imported,
    history.events[0]?.metadata.recordedAt ?? null,
    history.events.at(-1)?.metadata.recordedAt ?? null,
  );
}
