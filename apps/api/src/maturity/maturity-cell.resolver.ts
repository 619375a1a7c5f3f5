import { MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS } from '@app/domain';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ratingsForCaller, type Principal } from '@app/application';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CellRating } from './cell-rating.model';
import { MaturityCell } from './maturity-view.model';

/** A cell's ratings as the caller may read them, wherever a cell is served (view, subscription, simulation). */
@Resolver(() => MaturityCell)
export class MaturityCellResolver {
  @ResolveField(() => [CellRating], {
    description: `The ratings behind the level, from the assessment that decides the cell, that the caller may read: none for a PLANNER, and none of a CUSTOMER or PEER group of fewer than ${MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS} respondents (groups has its figures).`,
  })
  ratings(@Parent() cell: MaturityCell, @CurrentPrincipal() principal: Principal): CellRating[] {
    const placed = cell.ratings.map((rating) => ({
      rating,
      functionId: cell.functionId,
      capabilityId: cell.capabilityId,
      source: rating.source,
      raterFunctionId: rating.raterFunctionId,
      respondentId: rating.respondentId,
      level: rating.level,
    }));
    return ratingsForCaller(principal.roles, placed).shown.map(({ rating }) => rating);
  }
}
