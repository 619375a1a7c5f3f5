import type { Command } from 'commander';
import { OrganizationEvents } from '@app/application';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { KEY_STORE, type KeyStore } from '@app/key-store';
import { withApplication } from '../cli-runtime';
import { toEventLine, toKeyLine } from '../event-file/event-file-format';
import { openOutput } from '../event-file/output';
import { startProgress } from '../progress';

const PAGE_SIZE = 1000;

interface ExportOptions {
  org?: string;
}

/** `export [file]`: every event (or one organisation's) as NDJSON in global order, exactly as recorded. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write every event, in global order and exactly as recorded (ids, streams, revisions, data, metadata with recordedAt, hashes), as NDJSON that `import` recreates exactly.',
    )
    .argument('[file]', 'the NDJSON file to write; standard output when left out')
    .option('--org <id>', "only this organisation's events (its own, its assessments' and its investments')")
    .action(async (file: string | undefined, options: ExportOptions) => {
      const count = await withApplication(
        async (app) => {
          const output = openOutput(file);
          try {
            const count =
              options.org === undefined
                ? await exportAll(app.get<EventStore>(EVENT_STORE), output.write)
                : await exportOrganization(app.get(OrganizationEvents), options.org, output.write);
            // The keys after the events: an import needs them to open the sealed text.
            for (const record of await app.get<KeyStore>(KEY_STORE).records(options.org))
              await output.write(toKeyLine(record));
            return count;
          } finally {
            await output.close();
          }
        },
        { seedOnStartup: false },
      );
      console.error(`exported ${count} event(s)${file === undefined ? '' : ` to ${file}`}`);
    });
}

async function exportAll(store: EventStore, write: (text: string) => Promise<void>): Promise<number> {
  const progress = startProgress('Exporting', await store.headPosition());
  let after = 0;
  let count = 0;
  try {
    for (;;) {
      const page = await store.readAll({ after, maxCount: PAGE_SIZE, raw: true });
      for (const event of page) await write(toEventLine(event));
      count += page.length;
      progress.update(count);
      const last = page.at(-1);
      if (last === undefined || page.length < PAGE_SIZE) return count;
      after = last.position;
    }
  } finally {
    progress.stop();
  }
}

async function exportOrganization(
  organizationEvents: OrganizationEvents,
  organizationId: string,
  write: (text: string) => Promise<void>,
): Promise<number> {
  await organizationEvents.requireRegistered(organizationId);
  const events = await organizationEvents.all(organizationId);
  const progress = startProgress(`Exporting ${organizationId}`, events.length);
  try {
    for (const [index, event] of events.entries()) {
      await write(toEventLine(event));
      if (index % PAGE_SIZE === 0) progress.update(index);
    }
    progress.update(events.length);
  } finally {
    progress.stop();
  }
  return events.length;
}
