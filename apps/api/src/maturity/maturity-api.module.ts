import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ReadModels } from '@app/application';
import { MaturityResolver } from './maturity.resolver';
import { MaturityCellResolver } from './maturity-cell.resolver';
import { SubscriptionRegistry } from '../subscriptions/subscription-registry';

@Module({ providers: [MaturityResolver, MaturityCellResolver, SubscriptionRegistry] })
export class MaturityApiModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReadModels');

  constructor(private readonly readModels: ReadModels) {}

  /** The api tails events from the start, so subscriptions hear of changes without a query first. */
  onApplicationBootstrap(): void {
    // Not awaited: a long catch-up must not hold back /health; queries wait for it themselves.
    this.readModels.runner.start().catch((error: unknown) => {
      this.logger.error(
        `the read models could not catch up: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
}
