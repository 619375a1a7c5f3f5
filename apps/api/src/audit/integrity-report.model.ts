import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'What an auditor writes down after a check, to compare a later check with (pass `text` back as `since`).',
})
export class IntegrityFingerprint {
  @Field(() => Int, {
    description: "The store's head position when checked: the fingerprint covers the events up to it.",
  })
  headPosition!: number;

  @Field(() => Int, { description: "The checked streams' events at positions up to headPosition." })
  eventCount!: number;

  @Field({
    description:
      "SHA-256 (hex) over each checked stream's last event up to headPosition (stream, revision and hash), streams in name order.",
  })
  streamHeadsDigest!: string;

  @Field({ description: 'When the check ran (ISO-8601).' })
  checkedAt!: string;

  @Field({
    description:
      'What was checked, headPosition, eventCount and streamHeadsDigest as one copyable line: v2:org=<organizationId>:<head>:<count>:<digest> for one organisation, v2:store:… for the whole store. A check of another scope refuses it (BAD_USER_INPUT on since) rather than comparing counts of different events; a v1:<head>:<count>:<digest> line, which does not name its scope, is still read.',
  })
  text!: string;
}

@ObjectType({
  description: 'Every hash recomputed and every chain link checked over the events as recorded.',
})
export class IntegrityReport {
  @Field({ description: 'True when nothing was found changed, removed or reordered.' })
  ok!: boolean;

  @Field(() => Int, { description: 'How many events were checked.' })
  checkedEvents!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The stream of the first break; null when a break names no stream (a missing position).',
  })
  firstBrokenStream!: string | null;

  @Field(() => Int, { nullable: true, description: 'The revision of the first break in firstBrokenStream.' })
  firstBrokenRevision!: number | null;

  @Field(() => String, { nullable: true, description: 'What was checked, or what broke.' })
  message!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What this check cannot prove on this store (where positions may have gaps, a deleted last event of a stream), or null.',
  })
  limit!: string | null;

  @Field(() => IntegrityFingerprint, {
    nullable: true,
    description: 'What to write down and compare later; null when the check failed.',
  })
  fingerprint!: IntegrityFingerprint | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the events up to the fingerprint passed as `since` are as they were then; null when none was passed.',
  })
  matchesFingerprint!: boolean | null;
}
