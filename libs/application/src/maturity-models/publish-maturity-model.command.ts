import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  EVENT_SCHEMA_VERSIONS,
  type MaturityModel,
  type PublishMaturityModel,
  maturityModelDecider,
  maturityModelStream,
  maturityModelVersion,
  requireSlug,
} from '@app/domain';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';

export class PublishMaturityModelCommand extends Command<MaturityModel> {
  constructor(
    readonly data: PublishMaturityModel['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PublishMaturityModelCommand)
export class PublishMaturityModelHandler implements ICommandHandler<PublishMaturityModelCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ data, context }: PublishMaturityModelCommand): Promise<MaturityModel> {
    const { state } = await this.executor.execute({
      stream: maturityModelStream(requireSlug('id', data.id)),
      decider: maturityModelDecider,
      command: { type: 'PublishMaturityModel', data },
      organizationId: null,
      loadContext: () => Promise.resolve({ now: this.clock() }),
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    const model = maturityModelVersion(state);
    if (!model) throw new Error('a published model must have a version');
    return model;
  }
}
