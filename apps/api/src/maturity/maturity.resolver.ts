import { FIELD_COSTS } from '../graphql/query-cost';
import { Args, Context, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { MaturityChanges, MaturityQueryService, callerKeyOf, type Principal } from '@app/application';
import { CurrentPrincipal, type OperationContext } from '../auth/current-principal.decorator';
import { releasedOnEnd } from '../subscriptions/released-on-end';
import { SubscriptionRegistry } from '../subscriptions/subscription-registry';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { MaturityPoint } from './maturity-point.model';
import { MaturityView } from './maturity-view.model';
import { toMaturityView } from './maturity.mapper';
import { INCLUDE_OPEN_ASSESSMENTS } from './include-open-assessments.arg';

@Resolver(() => MaturityView)
export class MaturityResolver {
  constructor(
    private readonly maturityQueries: MaturityQueryService,
    private readonly maturityChanges: MaturityChanges,
    private readonly subscriptions: SubscriptionRegistry,
  ) {}

  @Query(() => MaturityView, {
    description:
      'Scores as of a valid time (assessments with periodEnd <= asOf; all when absent), as known at a transaction time (events recorded <= knownAt; all when absent).',
  })
  async maturity(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: string | null,
    @Args('knownAt', { type: () => DateTimeScalar, nullable: true }) knownAt: string | null,
    @Args('includeOpenAssessments', INCLUDE_OPEN_ASSESSMENTS) includeOpenAssessments: boolean | null,
  ): Promise<MaturityView> {
    return toMaturityView(
      await this.maturityQueries.maturity(organizationId, { asOf, knownAt, includeOpenAssessments }),
    );
  }

  @Query(() => [MaturityPoint], {
    complexity: FIELD_COSTS.maturityTimeline,
    description:
      "A point at each assessment's periodEnd within [from, to], indices as of that date, as known at knownAt (all that is known when absent).",
  })
  maturityTimeline(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from: string | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to: string | null,
    @Args('knownAt', {
      type: () => DateTimeScalar,
      nullable: true,
      description: 'Transaction time: ignore every event recorded after it.',
    })
    knownAt: string | null,
    @Args('includeOpenAssessments', INCLUDE_OPEN_ASSESSMENTS) includeOpenAssessments: boolean | null,
  ): Promise<MaturityPoint[]> {
    return this.maturityQueries.maturityTimeline(organizationId, {
      from,
      to,
      knownAt,
      includeOpenAssessments,
    });
  }

  @Subscription(() => MaturityView, {
    description:
      "The organisation's current view at once, then each time the read models have applied a change to it.",
    resolve: (view: MaturityView): MaturityView => view,
  })
  maturityChanged(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @CurrentPrincipal() principal: Principal,
    @Context() context: OperationContext,
  ): AsyncIterableIterator<MaturityView> {
    // The application's views already have the GraphQL shape (see toMaturityView).
    let views: AsyncIterableIterator<MaturityView> | undefined;
    const release = this.subscriptions.admit(
      callerKeyOf(principal),
      context.socket,
      () => {
        void views?.return?.();
      },
      principal.kind === 'identity-provider' ? principal.expiresAt * 1000 : null,
    );
    try {
      views = this.maturityChanges.watch(organizationId);
    } catch (error) {
      release();
      throw error;
    }
    return releasedOnEnd(views, release);
  }
}
