import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../graphql/enums/enums';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

export enum SignInMethod {
  API_TOKEN = 'API_TOKEN',
  IDENTITY_PROVIDER = 'IDENTITY_PROVIDER',
}

registerEnumType(SignInMethod, {
  name: 'SignInMethod',
  description: 'How the caller proved who it is.',
  valuesMap: {
    API_TOKEN: { description: 'A bearer API token issued by this platform.' },
    IDENTITY_PROVIDER: {
      description: 'An access token of the organisation’s identity provider (OpenID Connect).',
    },
  },
});

@ObjectType({
  description:
    'Who is signed in (an API token or a person of the identity provider): roles, the organisations reached and the operations the access policy allows. A client shows only what the caller may do.',
})
export class Viewer {
  @Field(() => SignInMethod, { description: 'How the caller signed in.' })
  signedInWith!: SignInMethod;

  @Field(() => ID, {
    description:
      'Who is calling: the API token’s id, or the identity provider’s subject (`sub`). Events record it as their actor.',
  })
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description: 'For people to read: the token’s label, or the person’s name at the identity provider.',
  })
  name!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The API token’s id (not its secret); null when signed in with the identity provider.',
  })
  tokenId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The label given when the token was issued; null when signed in with the identity provider.',
  })
  label!: string | null;

  @Field(() => Role, { description: 'The first of `roles` (an API token has exactly one).' })
  role!: Role;

  @Field(() => [Role], {
    description: 'Every role of the caller; it may do what any of them allows.',
  })
  roles!: Role[];

  @Field({ description: 'True when the caller reaches every organisation (ADMIN).' })
  allOrganizations!: boolean;

  @Field(() => [ID], {
    description: 'The organisations the caller reaches; empty when `allOrganizations` is true.',
  })
  organizationIds!: string[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the identity provider’s access token expires (the page refreshes it before); null for API tokens.',
  })
  expiresAt!: string | null;

  @Field(() => [String], {
    description:
      'Names of the queries, mutations and downloads the caller’s roles may run (e.g. `planInvestment`, `history.csv` for GET /reports/history.csv), from the access policy. Each still checks the organisation it touches.',
  })
  allowedOperations!: string[];
}
