/** The runner stopped on an error (a failing projection); reads would be stale until it is fixed. */
export class ProjectionFailedError extends Error {
  override name = 'ProjectionFailedError';
  readonly code = 'PROJECTION.FAILED';
}

/** The read models did not reach a position in time (e.g. a long catch-up after an upgrade). */
export class ProjectionLagTimeoutError extends Error {
  override name = 'ProjectionLagTimeoutError';
  readonly code = 'PROJECTION.LAGGING';

  constructor(
    readonly position: number,
    readonly checkpoint: number,
    timeoutMs: number,
  ) {
    super(
      `The read models are still catching up (at position ${checkpoint}, waiting for ${position}) after ${timeoutMs} ms; retry shortly.`,
    );
  }
}

export class ProjectionRunnerStoppedError extends Error {
  override name = 'ProjectionRunnerStoppedError';
  readonly code = 'PROJECTION.STOPPED';

  constructor() {
    super('The projection runner was stopped.');
  }
}

/** Why the read-model file cannot be written now; a label of the runner's state metric. */
export type ReadModelsUnavailableReason = 'disk_full' | 'locked' | 'read_only' | 'io_error';

/**
 * The read-model file cannot be written now (a full disk, a lock held too long, a read-only file, an
 * I/O error). Nothing of the batch was kept: the runner retries from its stored checkpoint and the
 * read models catch up by themselves once the cause is gone. Reads meanwhile answer this error.
 */
export class ReadModelsUnavailableError extends Error {
  override name = 'ReadModelsUnavailableError';
  readonly code = 'PROJECTION.READ_MODELS_UNAVAILABLE';

  constructor(
    readonly reason: ReadModelsUnavailableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
