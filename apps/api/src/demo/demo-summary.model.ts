import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

export enum DemoRecording {
  HISTORY = 'HISTORY',
  NOW = 'NOW',
  ALREADY_LOADED = 'ALREADY_LOADED',
}

registerEnumType(DemoRecording, {
  name: 'DemoRecording',
  description: 'How loading the demo recorded its events.',
  valuesMap: {
    HISTORY: { description: 'At the dates the story happened (a recorded history, imported).' },
    NOW: {
      description:
        'Through the command bus, recorded now: the store (EventStoreDB) cannot import recorded events.',
    },
    ALREADY_LOADED: { description: 'The demo was already there: nothing was recorded.' },
  },
});

@ObjectType({ description: 'What loading the demo organisation did.' })
export class DemoSummary {
  @Field(() => ID, { description: 'The demo organisation, `interlodge`.' })
  organizationId!: string;

  @Field(() => Int, { description: 'Quarterly assessments in the demo.' })
  assessments!: number;

  @Field(() => Int, { description: 'Investments in the demo, deployed and planned.' })
  investments!: number;

  @Field(() => Int, {
    description: 'Events this call recorded: 0 when the demo was already loaded (nothing changed).',
  })
  recordedEvents!: number;

  @Field(() => DemoRecording, { description: 'How the events were recorded.' })
  recording!: DemoRecording;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Transaction time of the story's first event; null when nothing was recorded as history.",
  })
  recordedFrom!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Transaction time of the story's last event; null when nothing was recorded as history.",
  })
  recordedUntil!: string | null;
}
