import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Mutation, Resolver } from '@nestjs/graphql';
import { loadInterlodgeDemo } from '@app/application';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { DemoSummary } from './demo-summary.model';

@Resolver(() => DemoSummary)
export class DemoResolver {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Mutation(() => DemoSummary, {
    description:
      'Loads the demo organisation "interlodge" (a hotel, two years of quarterly assessments, five investments) through the same commands a user sends, as `npm run cli -- demo` does. Safe to repeat: a second call records nothing.',
  })
  async loadDemo(): Promise<DemoSummary> {
    const before = await this.store.headPosition();
    const summary = await loadInterlodgeDemo(this.commandBus);
    return {
      organizationId: summary.organizationId,
      assessments: summary.assessments,
      investments: summary.investments,
      recordedEvents: (await this.store.headPosition()) - before,
    };
  }
}
