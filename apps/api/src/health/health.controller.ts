import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ReadModels } from '@app/application';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { RunnerStatus } from '@app/projections';
import { Public } from '../auth/public.decorator';

interface Readiness {
  status: 'ready' | 'not-ready';
  projections: string;
  /** While the read models retry: why (disk_full, locked, read_only, io_error, event_store_unavailable). */
  retryReason?: string;
  checkpoint: number;
  head: number | null;
  lag: number | null;
  reason?: string;
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** 200 once the api serves (the store opened at start, or the process would have exited). */
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Liveness: the process answers. Restart it only when this fails. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the store answers and this replica's read models have caught up with the store's
   * head since start and follow it live. 503 with the reason otherwise (starting, rebuilding,
   * store unreachable, the read-model disk full, a projection failed), so a load balancer sends
   * traffic elsewhere.
   */
  @Get('ready')
  async ready(): Promise<Readiness> {
    const status = this.readModels.runner.status();
    let head: number | null = null;
    let reason: string | undefined;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      reason = `the event store does not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (reason === undefined && status.state !== 'live') reason = notFollowingReason(status);
    const readiness: Readiness = {
      status: reason === undefined ? 'ready' : 'not-ready',
      projections: status.state,
      ...(status.retryReason === null ? {} : { retryReason: status.retryReason }),
      checkpoint: status.checkpoint,
      head,
      lag: head === null ? null : Math.max(0, head - status.checkpoint),
      ...(reason === undefined ? {} : { reason }),
    };
    if (reason !== undefined) throw new ServiceUnavailableException(readiness);
    return readiness;
  }
}

function notFollowingReason(status: RunnerStatus): string {
  switch (status.state) {
    case 'failed':
      return `a projection failed: ${status.error ?? 'unknown error'}`;
    case 'retrying':
      return `the read models are retrying from position ${status.checkpoint}: ${status.error ?? 'unknown error'}`;
    case 'idle':
    case 'catching-up':
    case 'live':
    case 'stopped':
      return `the read models are ${status.state}, not yet following the store`;
  }
}
