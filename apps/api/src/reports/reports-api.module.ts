import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';

@Module({ providers: [ReportsResolver], controllers: [ReportsController] })
export class ReportsApiModule {}
