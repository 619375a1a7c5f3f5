import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { apiTokenDecider, apiTokenStream, EVENT_SCHEMA_VERSIONS } from '@app/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../command-handling/clock';
import { SYSTEM_CONTEXT } from '../command-handling/command-context';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { ApiTokenIndex } from './api-token-index';
import { ADMIN_TOKEN_ID, formatToken, generateSecret, hashSecret } from './api-token-secrets';

/** What this process did about the admin token at start, for main to tell the operator. */
export type AdminTokenOutcome =
  | { kind: 'adopted'; source: 'ADMIN_TOKEN' }
  | { kind: 'created'; token: string }
  | { kind: 'already-issued'; adminTokenMatches: boolean | null };

/**
 * The first process (api or cli) to open a store where no token was ever issued adopts ADMIN_TOKEN
 * as the admin token, or creates one to print once. One fixed stream and commandId make
 * concurrent first starts issue exactly one.
 */
@Injectable()
export class AdminTokenBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminTokenBootstrap.name);
  private result: AdminTokenOutcome | null = null;

  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly streams: StreamStateLoader,
    private readonly index: ApiTokenIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get outcome(): AdminTokenOutcome | null {
    return this.result;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.index.ready();
    this.result = this.index.anyIssued ? await this.alreadyIssued() : await this.issueAdminToken();
  }

  private async issueAdminToken(): Promise<AdminTokenOutcome> {
    const adopted = this.config.adminToken;
    const secret = adopted ?? generateSecret();
    const stream = apiTokenStream(ADMIN_TOKEN_ID);
    const secretHash = hashSecret(secret);
    await this.executor.execute({
      stream,
      decider: apiTokenDecider,
      command: {
        type: 'IssueApiToken',
        data: { tokenId: ADMIN_TOKEN_ID, role: 'ADMIN', organizationIds: [], label: 'admin', secretHash },
      },
      organizationId: null,
      loadContext: () => Promise.resolve({ now: this.clock() }),
      context: { ...SYSTEM_CONTEXT, commandId: 'issue-admin-token' },
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    // Read back what is stored: a process starting at the same moment may have issued it first, and
    // the same commandId makes our append an idempotent no-op rather than an error.
    const { state } = await this.streams.load(stream, apiTokenDecider);
    this.index.remember(state);
    if (state.status === 'NONE' || state.secretHash !== secretHash) return this.alreadyIssued();
    return adopted === undefined
      ? { kind: 'created', token: formatToken(ADMIN_TOKEN_ID, secret) }
      : { kind: 'adopted', source: 'ADMIN_TOKEN' };
  }

  private async alreadyIssued(): Promise<AdminTokenOutcome> {
    if (this.config.adminToken === undefined) return { kind: 'already-issued', adminTokenMatches: null };
    const matches = (await this.index.authenticate(this.config.adminToken))?.roles.includes('ADMIN') ?? false;
    if (!matches) {
      this.logger.warn(
        'ADMIN_TOKEN is ignored: this store already had API tokens, and ADMIN_TOKEN is not one of its admin tokens',
      );
    }
    return { kind: 'already-issued', adminTokenMatches: matches };
  }
}
