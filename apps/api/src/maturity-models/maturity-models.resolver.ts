import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  MaturityModelCatalog,
  PublishMaturityModelCommand,
  commandContextOf,
  type Principal,
} from '@app/application';
import { MaturityModel } from './maturity-model.model';
import { PublishMaturityModelInput } from './publish-maturity-model.input';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

@Resolver(() => MaturityModel)
export class MaturityModelsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly catalog: MaturityModelCatalog,
  ) {}

  @Query(() => [MaturityModel], {
    description: 'The latest version of every maturity model, the default first.',
  })
  maturityModels(): Promise<MaturityModel[]> {
    return this.catalog.list();
  }

  @Mutation(() => MaturityModel)
  publishMaturityModel(
    @Args('input') input: PublishMaturityModelInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MaturityModel> {
    const { commandId, ...data } = input;
    return this.commandBus.execute(
      new PublishMaturityModelCommand(data, commandContextOf(principal, commandId)),
    );
  }
}
