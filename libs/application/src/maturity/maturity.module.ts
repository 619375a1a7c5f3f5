import { Global, Module } from '@nestjs/common';
import { CurrentMaturityViews } from './current-maturity-views';
import { MaturityChangeFeed } from './maturity-change-feed';
import { MaturityChanges } from './maturity-changes';
import { MaturityQueryService } from './maturity-query.service';

/** Maturity views over the read models; the read models and the scoring inputs come from the application. */
@Global()
@Module({
  providers: [MaturityChangeFeed, CurrentMaturityViews, MaturityQueryService, MaturityChanges],
  exports: [MaturityChangeFeed, MaturityQueryService, MaturityChanges],
})
export class MaturityModule {}
