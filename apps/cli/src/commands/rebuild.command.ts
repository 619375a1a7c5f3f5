import type { Command } from 'commander';
import { ReadModels } from '@app/application';
import { withApplication } from '../cli-runtime';
import { startProgress } from '../progress';

/** `rebuild`: drops the read models and replays every event into them. */
export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description(
      'Drop the read models (DATA_DIR/read-models.db: the organisation index and lists behind maturity views) and rebuild them from every event in the store. The events are not touched. Safe while the api runs; it is faster with the api stopped.',
    )
    .action(async () => {
      const result = await withApplication(
        async (app) => {
          const progress = startProgress('Rebuilding the read models', 0);
          try {
            return await app.get(ReadModels).rebuild((done, total) => {
              progress.setTotal(total);
              progress.update(done);
            });
          } finally {
            progress.stop();
          }
        },
        // A rebuild only reads the store: it must not seed a model or a token into it.
        { seedOnStartup: false },
      );
      const seconds = result.milliseconds / 1000;
      console.error(
        `Read models rebuilt from ${result.events} events in ${seconds.toFixed(1)} s (${Math.round(result.events / Math.max(seconds, 0.001))} events/s).`,
      );
    });
}
