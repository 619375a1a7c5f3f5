// Heavy work (portfolio optimisation, Monte Carlo simulation) runs in worker threads with a
// bounded queue, so the event loop keeps serving /health and reads while it runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { yieldToOtherWork } from '@app/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  type HeavyTaskInput,
  type HeavyTaskName,
  type HeavyTaskOutcome,
  type HeavyTaskOutput,
  runHeavyTask,
  valueOf,
} from './heavy-tasks';

/** The queue of heavy work is full: the server is at capacity; mapped to SERVICE_UNAVAILABLE. */
export class HeavyWorkQueueFullError extends Error {
  override name = 'HeavyWorkQueueFullError';

  constructor(readonly queueLimit: number) {
    // Shown as it is on a page: it names no setting (the reason, LIMIT.HEAVY_WORK_QUEUE, does).
    super(
      `The server is busy with heavy work (${queueLimit} ${queueLimit === 1 ? 'task' : 'tasks'} queued, as many as it takes): retry in a few seconds`,
    );
  }
}

@Injectable()
export class HeavyWork implements OnApplicationShutdown {
  private readonly logger = new Logger(HeavyWork.name);
  private readonly pool: Piscina | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Built code runs the worker's .js file; code run from TypeScript sources (jest) has none, and
    // runs the task in this thread after yielding once.
    const workerFile = path.join(__dirname, 'heavy-work.worker.js');
    this.pool = existsSync(workerFile)
      ? new Piscina({
          filename: workerFile,
          minThreads: 0,
          maxThreads: config.heavyWorkThreads,
          maxQueue: config.heavyWorkQueue,
          idleTimeout: 30_000,
        })
      : null;
  }

  async run<Name extends HeavyTaskName>(
    name: Name,
    input: HeavyTaskInput<Name>,
  ): Promise<HeavyTaskOutput<Name>> {
    if (this.pool === null) {
      await yieldToOtherWork();
      return runHeavyTask({ name, input });
    }
    if (this.pool.queueSize >= this.config.heavyWorkQueue)
      throw new HeavyWorkQueueFullError(this.config.heavyWorkQueue);
    let outcome: HeavyTaskOutcome;
    try {
      outcome = (await this.pool.run({ name, input })) as HeavyTaskOutcome;
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message))
        throw new HeavyWorkQueueFullError(this.config.heavyWorkQueue);
      throw error;
    }
    return valueOf<Name>(outcome);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy().catch((error: unknown) => {
      this.logger.warn(`heavy work pool: ${String(error)}`);
    });
  }
}
