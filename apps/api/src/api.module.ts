import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_GUARD } from '@nestjs/core';
import { AuthenticationGuard } from './auth/authentication.guard';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApplicationModule, type AppConfig, type Clock } from '@app/application';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { MaturityModelsApiModule } from './maturity-models/maturity-models-api.module';
import { OrganizationsApiModule } from './organizations/organizations-api.module';
import { AssessmentsApiModule } from './assessments/assessments-api.module';
import { InvestmentsApiModule } from './investments/investments-api.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApplicationModule.forRoot(config, clock),
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        MaturityModelsApiModule,
        OrganizationsApiModule,
        AssessmentsApiModule,
        InvestmentsApiModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AuthenticationGuard }],
    };
  }
}
