import { Module } from '@nestjs/common';
import { ScenariosResolver } from './scenarios.resolver';

@Module({ providers: [ScenariosResolver] })
export class ScenariosApiModule {}
