import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { FIELD_COSTS } from '../graphql/query-cost';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { HistoryService, IntegrityService, type Principal } from '@app/application';
import { HistoryConnection, HistoryFilterInput } from './history.model';
import { IntegrityReport } from './integrity-report.model';
import { toHistoryConnection } from './history.mapper';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly historyService: HistoryService,
    private readonly integrityService: IntegrityService,
  ) {}

  @Query(() => HistoryConnection, {
    complexity: FIELD_COSTS.history,
    description:
      "The organisation's events (its own, its assessments' and investments'), oldest first (newest first with newestFirst).",
  })
  async history(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('filter', { type: () => HistoryFilterInput, nullable: true }) filter: HistoryFilterInput | null,
    @Args('newestFirst', {
      type: () => Boolean,
      nullable: true,
      description:
        'True: the newest events first, and each next page (after its endCursor) holds the events recorded before it. Left out or false: oldest first.',
    })
    newestFirst: boolean | null,
  ): Promise<HistoryConnection> {
    return toHistoryConnection(
      await this.historyService.page(organizationId, after, first, filter ?? {}, newestFirst ?? false),
    );
  }

  @Query(() => IntegrityReport, {
    complexity: FIELD_COSTS.verifyIntegrity,
    description:
      "Recomputes every hash and chain link: the organisation's streams; without organizationId, the whole store for an ADMIN token, and the streams of the token's own organisations for any other. Where positions are gap-free (SQLite, PostgreSQL) it also checks that no position up to the head is empty, without reading other organisations' events.",
  })
  verifyIntegrity(
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId: string | null,
    @Args('since', {
      type: () => String,
      nullable: true,
      description:
        "A fingerprint's text kept from an earlier check of the same scope: the check then also fails when anything up to its head position changed or vanished.",
    })
    since: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IntegrityReport> {
    // Left out, the arguments arrive undefined.
    if ((organizationId ?? null) === null && !principal.allOrganizations)
      return this.integrityService.verifyOrganizations(principal.organizationIds, undefined, since);
    return this.integrityService.verify(organizationId, undefined, since);
  }
}
