import { Module } from '@nestjs/common';
import { MaturityModelsResolver } from './maturity-models.resolver';

@Module({ providers: [MaturityModelsResolver] })
export class MaturityModelsApiModule {}
