import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import type { Clock } from './command-handling/clock';
import { EventStoreModule } from './event-store/event-store.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PersonalDataCommandHandler } from './personal-data/personal-data.command';
import { ForgottenRespondents } from './personal-data/forgotten-respondents';
import { ErasureFollower } from './personal-data/erasure-follower';
import { EventSourcedExecutor } from './command-handling/event-sourced-executor';
import { StreamStateLoader } from './streams/stream-state-loader';
import { MaturityModelCatalog } from './maturity-models/maturity-model-catalog';
import { DefaultModelSeeder } from './maturity-models/default-model-seeder';
import { PublishMaturityModelHandler } from './maturity-models/publish-maturity-model.command';
import { OrganizationCommandHandler } from './organizations/organization.command';
import { OrganizationReader } from './organizations/organization-reader';
import { AssessmentCommandHandler } from './assessments/assessment.command';
import { AssessmentReader } from './assessments/assessment-reader';
import {
  AnswerQuestionHandler,
  SetQuestionAsideHandler,
  AnswerTimes,
  CampaignReader,
  InvitationCheck,
  InvitationIndex,
  InviteRatersHandler,
  RecentlyIssuedLinks,
  RevokeInvitationHandler,
  ReissueInvitationHandler,
  ReissueInvitationsHandler,
} from './campaigns';
import { InvestmentCommandHandler } from './investments/investment.command';
import { InvestmentReader } from './investments/investment-reader';
import { ScenarioCommandHandler } from './scenarios/scenario.command';
import { ScenarioReader } from './scenarios/scenario-reader';
import { ReadModelsModule } from './projections/read-models.module';
import { MaturityModule } from './maturity/maturity.module';
import { ApiTokenIndex } from './api-tokens/api-token-index';
import { AdminTokenBootstrap } from './api-tokens/admin-token-bootstrap';
import { IssueApiTokenHandler, RevokeApiTokenHandler } from './api-tokens/api-token.command';
import { SimulationQueries } from './simulation/simulation-queries';
import { HeavyWork } from './heavy-work/heavy-work';
import { ScoringInputsReader } from './scoring/scoring-inputs.reader';
import { auditProviders } from './audit';
import { ReportDocuments, ReportQueries } from './reports';

const readers = [
  HeavyWork,
  MaturityModelCatalog,
  OrganizationReader,
  AssessmentReader,
  CampaignReader,
  InvestmentReader,
  ScenarioReader,
  ScoringInputsReader,
  SimulationQueries,
  ReportQueries,
  ReportDocuments,
  ForgottenRespondents,
];

export interface ApplicationOptions {
  /** False: write nothing at start (no default model, no admin token), for cli import and restore into an untouched store. */
  seedOnStartup?: boolean;
  /** An event store to use instead of the configured one (the demo records its history in memory). */
  eventStore?: EventStore;
}

/** Everything the api and the cli share: store, command handlers, readers. */
@Global()
@Module({})
export class ApplicationModule {
  static forRoot(config: AppConfig, clock?: Clock, options: ApplicationOptions = {}): DynamicModule {
    return {
      module: ApplicationModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        EventStoreModule.forRoot(options.eventStore),
        PersonalDataModule,
        CqrsModule.forRoot(),
        ReadModelsModule,
        MaturityModule,
      ],
      providers: [
        StreamStateLoader,
        EventSourcedExecutor,
        ...(options.seedOnStartup === false ? [] : [DefaultModelSeeder, AdminTokenBootstrap]),
        ...readers,
        ...auditProviders,
        PublishMaturityModelHandler,
        OrganizationCommandHandler,
        AssessmentCommandHandler,
        AnswerTimes,
        InvitationIndex,
        InvitationCheck,
        RecentlyIssuedLinks,
        InviteRatersHandler,
        RevokeInvitationHandler,
        ReissueInvitationHandler,
        ReissueInvitationsHandler,
        AnswerQuestionHandler,
        SetQuestionAsideHandler,
        InvestmentCommandHandler,
        ScenarioCommandHandler,
        PersonalDataCommandHandler,
        ErasureFollower,
        ApiTokenIndex,
        IssueApiTokenHandler,
        RevokeApiTokenHandler,
      ],
      exports: [
        StreamStateLoader,
        EventSourcedExecutor,
        ...readers,
        ...auditProviders,
        ApiTokenIndex,
        InvitationIndex,
        InvitationCheck,
        // The api checks a batch of ratings by its dry run (checkRatings) before recording it.
        AssessmentCommandHandler,
      ],
    };
  }
}
