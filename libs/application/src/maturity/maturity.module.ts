import { Global, Module } from '@nestjs/common';
import { MaturityChanges } from './maturity-changes';
import { MaturityQueryService } from './maturity-query.service';

/** Maturity views over the read models; ReadModelsModule and the model catalog come from the application. */
@Global()
@Module({
  providers: [MaturityQueryService, MaturityChanges],
  exports: [MaturityQueryService, MaturityChanges],
})
export class MaturityModule {}
