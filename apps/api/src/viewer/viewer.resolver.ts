import { Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@app/application';
import { allowedOperationsOf } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Role } from '../graphql/enums/enums';
import { Viewer } from './viewer.model';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is signed in: the calling token’s role, reach and permissions.' })
  me(@CurrentPrincipal() principal: Principal): Viewer {
    return {
      tokenId: principal.tokenId,
      label: principal.label,
      role: Role[principal.role],
      allOrganizations: principal.allOrganizations,
      organizationIds: principal.allOrganizations ? [] : [...principal.organizationIds],
      allowedOperations: allowedOperationsOf(principal.role),
    };
  }
}
