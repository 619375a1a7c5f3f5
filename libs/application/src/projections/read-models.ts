import {
  OrganizationHistoryReader,
  OrganizationIndexReader,
  type ProjectionRunner,
  type RebuildProgress,
  type RebuildResult,
} from '@app/projections';

/**
 * The read models of this process: the runner that keeps them caught up, and the queries over
 * them. Queries call `ready()` first: it waits until every event in the store when the query
 * began is applied, so a client reads its own writes (and those of every other process).
 */
export class ReadModels {
  private indexReader: OrganizationIndexReader | null = null;
  private historyReader: OrganizationHistoryReader | null = null;

  constructor(
    readonly runner: ProjectionRunner,
    private readonly openIndexReader: () => OrganizationIndexReader,
    private readonly openHistoryReader: () => OrganizationHistoryReader,
  ) {}

  async ready(): Promise<void> {
    await this.runner.waitForHead();
  }

  /** Prepared on first use: the runner creates the tables when it loads its checkpoints. */
  get index(): OrganizationIndexReader {
    if (this.indexReader === null) {
      this.runner.prepare();
      this.indexReader = this.openIndexReader();
    }
    return this.indexReader;
  }

  /** Where each of an organisation's events is, for the history's pages; prepared on first use. */
  get history(): OrganizationHistoryReader {
    if (this.historyReader === null) {
      this.runner.prepare();
      this.historyReader = this.openHistoryReader();
    }
    return this.historyReader;
  }

  rebuild(onProgress?: RebuildProgress): Promise<RebuildResult> {
    return this.runner.rebuild(onProgress);
  }
}
