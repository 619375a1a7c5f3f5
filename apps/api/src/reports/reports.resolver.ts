import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { type Principal, ReportQueries } from '@app/application';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { INCLUDE_OPEN_ASSESSMENTS } from '../maturity/include-open-assessments.arg';
import { MaturityChange } from './maturity-change.model';
import { OrganizationComparison } from './organization-comparison.model';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportQueries) {}

  @Query(() => MaturityChange, {
    description:
      'The maturity as of `from` and as of `to` (both as known at `knownAt`), with the change of every cell rated at either.',
  })
  maturityChange(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('from', { type: () => DateTimeScalar, description: 'The earlier valid time.' }) from: string,
    @Args('to', { type: () => DateTimeScalar, description: 'The later valid time; not before `from`.' })
    to: string,
    @Args('knownAt', {
      type: () => DateTimeScalar,
      nullable: true,
      description: 'Transaction time: ignore every event recorded after it.',
    })
    knownAt: string | null,
    @Args('includeOpenAssessments', INCLUDE_OPEN_ASSESSMENTS) includeOpenAssessments: boolean | null,
  ): Promise<MaturityChange> {
    return this.reports.maturityChange(organizationId, from, to, knownAt, includeOpenAssessments);
  }

  @Query(() => [OrganizationComparison], {
    description:
      'Organisations on the same maturity model side by side, in the order asked: indices and the level of each capability.',
  })
  compareOrganizations(
    @Args('organizationIds', {
      type: () => [ID],
      description: 'One to fifty organisations, each once, all on one model and reachable by the token.',
    })
    organizationIds: string[],
    @Args('asOf', { type: () => DateTimeScalar, nullable: true, description: 'Valid time; absent: now.' })
    asOf: string | null,
    @Args('knownAt', {
      type: () => DateTimeScalar,
      nullable: true,
      description: 'Transaction time; absent: everything recorded.',
    })
    knownAt: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrganizationComparison[]> {
    // The token's reach is checked with the lookup, so an unreachable id reads as an unknown one.
    return this.reports.compareOrganizations(organizationIds, asOf, knownAt, principal);
  }
}
