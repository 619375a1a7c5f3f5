import { Query, Resolver } from '@nestjs/graphql';
import { ACCESS_ERROR_CODES, type Principal } from '@app/application';
import { forbidden } from '../auth/access-errors';
import { allowedOperationsOf } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Role } from '../graphql/enums/enums';
import { SignInMethod, Viewer } from './viewer.model';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is signed in: the caller’s roles, reach and permissions.' })
  me(@CurrentPrincipal() principal: Principal): Viewer {
    // The access policy keeps rater links out; a link asks for its questionnaire, not who it is.
    if (principal.kind === 'invitation')
      throw forbidden('me: a rater’s link may not run this operation', ACCESS_ERROR_CODES.role);
    const roles = principal.roles.map((role) => Role[role]);
    const apiToken = principal.kind === 'api-token';
    return {
      signedInWith: apiToken ? SignInMethod.API_TOKEN : SignInMethod.IDENTITY_PROVIDER,
      subject: principal.subject,
      name: principal.name,
      tokenId: apiToken ? principal.tokenId : null,
      label: apiToken ? principal.name : null,
      role: Role[principal.roles[0]],
      roles,
      allOrganizations: principal.allOrganizations,
      organizationIds: principal.allOrganizations ? [] : [...principal.organizationIds],
      expiresAt: apiToken ? null : new Date(principal.expiresAt * 1000).toISOString(),
      allowedOperations: allowedOperationsOf(principal.roles),
    };
  }
}
