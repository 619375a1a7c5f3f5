import {
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

  constructor(
    readonly runner: ProjectionRunner,
    private readonly openIndexReader: () => OrganizationIndexReader,
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

  rebuild(onProgress?: RebuildProgress): Promise<RebuildResult> {
    return this.runner.rebuild(onProgress);
  }
}
