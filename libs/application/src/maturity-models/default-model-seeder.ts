import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DEFAULT_MATURITY_MODEL,
  EVENT_SCHEMA_VERSIONS,
  maturityModelDecider,
  maturityModelStream,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { SYSTEM_CONTEXT } from '../command-handling/command-context';
import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../command-handling/clock';

/**
 * The default model is an event like any other, published by the first process to open a store.
 * A fixed commandId makes concurrent first starts (api and cli) publish it once.
 */
@Injectable()
export class DefaultModelSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly streams: StreamStateLoader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stream = maturityModelStream(DEFAULT_MATURITY_MODEL.id);
    const { revision } = await this.streams.load(stream, maturityModelDecider);
    if (revision !== null) return;
    const { id, name, levels, capabilities, sourceWeights } = DEFAULT_MATURITY_MODEL;
    await this.executor.execute({
      stream,
      decider: maturityModelDecider,
      command: {
        type: 'PublishMaturityModel',
        data: { id, name, levels, capabilities, sourceWeights: sourceWeights ?? null },
      },
      organizationId: null,
      loadContext: () => Promise.resolve({ now: this.clock() }),
      context: { ...SYSTEM_CONTEXT, commandId: 'publish-default-maturity-model' },
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
  }
}
