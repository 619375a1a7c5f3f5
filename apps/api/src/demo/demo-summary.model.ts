import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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
}
