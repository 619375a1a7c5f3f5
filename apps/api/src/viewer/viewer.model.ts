import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../graphql/enums/enums';

@ObjectType({
  description:
    'The signed-in API token: its role, the organisations it reaches and the operations the access policy lets it run. A client shows only what the token may do.',
})
export class Viewer {
  @Field(() => ID, { description: 'The token’s id (not its secret).' })
  tokenId!: string;

  @Field(() => String, { nullable: true, description: 'The label given when the token was issued.' })
  label!: string | null;

  @Field(() => Role, { description: 'The token’s role.' })
  role!: Role;

  @Field({ description: 'True when the token reaches every organisation (ADMIN).' })
  allOrganizations!: boolean;

  @Field(() => [ID], {
    description: 'The organisations the token reaches; empty when `allOrganizations` is true.',
  })
  organizationIds!: string[];

  @Field(() => [String], {
    description:
      'Names of the queries and mutations this token’s role may run (e.g. `planInvestment`), from the access policy. Each still checks the organisation it touches.',
  })
  allowedOperations!: string[];
}
