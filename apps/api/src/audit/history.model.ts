import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { JsonObject } from '@app/event-store';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { JsonScalar } from '../graphql/scalars/json.scalar';

@ObjectType({
  description: 'One event exactly as recorded (data as stored, not upcast), with its integrity chain.',
})
export class HistoryEvent {
  @Field(() => Int, { description: 'Global position in the store.' })
  position!: number;

  @Field()
  stream!: string;

  @Field(() => Int, { description: 'Revision within the stream, from 0.' })
  revision!: number;

  @Field()
  type!: string;

  @Field(() => JsonScalar)
  data!: JsonObject;

  @Field()
  actor!: string;

  @Field()
  role!: string;

  @Field(() => ID, { nullable: true })
  commandId!: string | null;

  @Field(() => Int, { description: 'Schema version of data as recorded.' })
  schemaVersion!: number;

  @Field(() => DateTimeScalar, { description: 'Transaction time: when the store recorded it.' })
  recordedAt!: string;

  @Field({ description: 'SHA-256 over canonical JSON of {stream, revision, type, data, metadata}.' })
  hash!: string;

  @Field(() => String, {
    nullable: true,
    description: "The previous event of the stream's hash; null at revision 0.",
  })
  prevHash!: string | null;
}

@ObjectType()
export class HistoryEdge {
  @Field()
  cursor!: string;

  @Field(() => HistoryEvent)
  node!: HistoryEvent;
}

@ObjectType()
export class HistoryPageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: "An organisation's events in global order, oldest first (Relay-style)." })
export class HistoryConnection {
  @Field(() => Int, { description: 'Events matching the filter, over every page.' })
  totalCount!: number;

  @Field(() => [HistoryEdge])
  edges!: HistoryEdge[];

  @Field(() => HistoryPageInfo)
  pageInfo!: HistoryPageInfo;
}

@InputType({ description: 'Narrows the history; every criterion given must hold.' })
export class HistoryFilterInput {
  @Field(() => [String], { nullable: true, description: 'Event types, exactly, e.g. ["RatingCorrected"].' })
  types?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the stream name, e.g. "assessment-".' })
  stream?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the actor (the token's label and id), case-insensitive.",
  })
  actor?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or after this instant.' })
  recordedFrom?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or before this instant.' })
  recordedTo?: string | null;
}
