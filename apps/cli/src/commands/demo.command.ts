import type { Command } from 'commander';
import { type DemoSummary, loadInterlodgeDemo, storeSettingOf } from '@app/application';
import { withApplication } from '../cli-runtime';
import { startProgress } from '../progress';

const day = (instant: string | null): string => instant?.slice(0, 10) ?? '?';

function outcome(summary: DemoSummary): string {
  const contents = `${summary.assessments} quarterly assessments and ${summary.investments} investments`;
  switch (summary.recording) {
    case 'ALREADY_LOADED':
      return `Demo organisation "${summary.organizationId}" was already loaded: nothing changed.`;
    case 'HISTORY':
      return `Demo organisation "${summary.organizationId}" is ready: ${contents}, a recorded history of ${summary.recordedEvents} events dated ${day(summary.recordedFrom)} to ${day(summary.recordedUntil)} (actor "demo loader"), so "as known at" a past date shows what was known then.`;
    case 'NOW':
      return `Demo organisation "${summary.organizationId}" is ready: ${contents} (${summary.recordedEvents} events). This store cannot import a recorded history, so every event is recorded now: views "as known at" a past date show nothing of it.`;
  }
}

/** `demo`: loads the Interlodge hotel case as a recorded history; a second run changes nothing. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo organisation "interlodge": a hotel whose front desk, housekeeping and maintenance do not cooperate, with two years of quarterly assessments (recorded at the dates they happened, 2024 to 2026, corrections included) and investments to compare. Only into a store without organisations; safe to run again.',
    )
    .action(async () => {
      let storeSetting = 'DATA_DIR';
      const summary = await withApplication(async (app, config) => {
        storeSetting = storeSettingOf(config);
        const progress = startProgress('Recording the interlodge demo', 0);
        try {
          return await loadInterlodgeDemo(app, (done, total) => {
            progress.setTotal(total);
            progress.update(done);
          });
        } finally {
          progress.stop();
        }
      });
      // The outcome goes to standard error like every other command's report; standard output stays for data.
      console.error(outcome(summary));
      console.error(
        // A demo loaded into a new store printed its admin token above; npm start will not print it again.
        `Open the dashboard at the address npm start prints (start it with the same ${storeSetting} if it is not running), sign in with the admin token and pick "Interlodge Hotels".`,
      );
    });
}
