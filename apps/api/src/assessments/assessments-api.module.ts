import { Module } from '@nestjs/common';
import { AssessmentsResolver } from './assessments.resolver';

@Module({ providers: [AssessmentsResolver] })
export class AssessmentsApiModule {}
