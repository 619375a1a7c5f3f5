import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ExpectedErrorsFilter } from './graphql/expected-errors.filter';
import { AuthenticationGuard } from './auth/authentication.guard';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApplicationModule, type AppConfig, type Clock } from '@app/application';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { ObservabilityModule } from './observability/observability.module';
import { MaturityModelsApiModule } from './maturity-models/maturity-models-api.module';
import { OrganizationsApiModule } from './organizations/organizations-api.module';
import { PersonalDataApiModule } from './personal-data/personal-data-api.module';
import { AssessmentsApiModule } from './assessments/assessments-api.module';
import { InvestmentsApiModule } from './investments/investments-api.module';
import { ScenariosApiModule } from './scenarios/scenarios-api.module';
import { MaturityApiModule } from './maturity/maturity-api.module';
import { SimulationApiModule } from './simulation/simulation-api.module';
import { AuditApiModule } from './audit/audit-api.module';
import { ApiTokensApiModule } from './api-tokens/api-tokens-api.module';
import { ViewerApiModule } from './viewer/viewer-api.module';
import { DemoApiModule } from './demo/demo-api.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { Authenticator } from './auth/authenticator';
import { SignInOptionsController } from './auth/sign-in-options.controller';
import { IdentityProviderVerifier } from './auth/identity-provider/identity-provider-verifier';
import { FailedAuthenticationThrottle, RateLimiter } from './auth/rate-limiter';
import { ResourceOrganizations } from './auth/resource-organizations';
import { RaterAuthenticator } from './auth/rater-authenticator';
import { CampaignsApiModule } from './campaigns/campaigns-api.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApplicationModule.forRoot(config, clock),
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        ObservabilityModule,
        MaturityModelsApiModule,
        OrganizationsApiModule,
        AssessmentsApiModule,
        PersonalDataApiModule,
        CampaignsApiModule,
        InvestmentsApiModule,
        ScenariosApiModule,
        MaturityApiModule,
        SimulationApiModule,
        AuditApiModule,
        ApiTokensApiModule,
        ViewerApiModule,
        DemoApiModule,
        ReportsApiModule,
      ],
      controllers: [HealthController, SignInOptionsController],
      providers: [
        { provide: APP_FILTER, useClass: ExpectedErrorsFilter },
        RateLimiter,
        FailedAuthenticationThrottle,
        ResourceOrganizations,
        IdentityProviderVerifier,
        Authenticator,
        RaterAuthenticator,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
      ],
    };
  }
}
