import type { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { loadInterlodgeDemo } from '@app/application';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { withApplication } from '../cli-runtime';
import { startProgress } from '../progress';

/** `demo`: loads the Interlodge hotel case; a second run finds every command applied and changes nothing. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo organisation "interlodge": a hotel whose front desk, housekeeping and maintenance do not cooperate, with two years of quarterly assessments and investments to compare. Safe to run again.',
    )
    .action(async () => {
      const { summary, newEvents } = await withApplication(async (app) => {
        const store = app.get<EventStore>(EVENT_STORE);
        const before = await store.headPosition();
        const progress = startProgress('Loading the interlodge demo', 0);
        try {
          const loaded = await loadInterlodgeDemo(app.get(CommandBus), (done, total) => {
            progress.setTotal(total);
            progress.update(done);
          });
          return { summary: loaded, newEvents: (await store.headPosition()) - before };
        } finally {
          progress.stop();
        }
      });
      // The outcome goes to standard error like every other command's report; standard output stays for data.
      console.error(
        newEvents === 0
          ? `Demo organisation "${summary.organizationId}" was already loaded: nothing changed.`
          : `Demo organisation "${summary.organizationId}" is ready: ${summary.assessments} quarterly assessments and ${summary.investments} investments (${newEvents} events recorded).`,
      );
      console.error(
        'Open the dashboard at the address npm start printed (start the api if it is not running) and pick "Interlodge Hotels".',
      );
    });
}
