import { Module } from '@nestjs/common';
import { ApiTokensResolver } from './api-tokens.resolver';

@Module({ providers: [ApiTokensResolver] })
export class ApiTokensApiModule {}
