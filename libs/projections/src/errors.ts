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
