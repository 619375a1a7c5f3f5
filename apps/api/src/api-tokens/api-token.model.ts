import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { Role } from '../graphql/enums/enums';

@ObjectType({ description: 'A token just issued: its secret is in `token` and is never shown again.' })
export class IssuedToken {
  @Field({ description: 'Send as "Authorization: Bearer <token>". Only its hash is stored.' }) token!: string;
  @Field(() => ID) tokenId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [ID], { description: 'Empty for ADMIN, which reaches every organisation.' })
  organizationIds!: string[];
  @Field(() => String, { nullable: true }) label!: string | null;
}

@ObjectType({ description: 'An issued API token, without its secret.' })
export class ApiToken {
  @Field(() => ID) tokenId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [ID]) organizationIds!: string[];
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => DateTimeScalar) issuedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
  @Field() revoked!: boolean;
}
