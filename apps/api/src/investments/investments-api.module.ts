import { Module } from '@nestjs/common';
import { InvestmentsResolver } from './investments.resolver';

@Module({ providers: [InvestmentsResolver] })
export class InvestmentsApiModule {}
