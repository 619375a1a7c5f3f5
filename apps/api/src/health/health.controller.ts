import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ReadModels } from '@app/application';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Public } from '../auth/public.decorator';

interface Readiness {
  status: 'ready' | 'not-ready';
  projections: string;
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
   * store unreachable, a projection failed), so a load balancer sends traffic elsewhere.
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
    if (reason === undefined && status.state !== 'live')
      reason =
        status.state === 'failed'
          ? `a projection failed: ${status.error ?? 'unknown error'}`
          : `the read models are ${status.state}, not yet following the store`;
    const readiness: Readiness = {
      status: reason === undefined ? 'ready' : 'not-ready',
      projections: status.state,
      checkpoint: status.checkpoint,
      head,
      lag: head === null ? null : Math.max(0, head - status.checkpoint),
      ...(reason === undefined ? {} : { reason }),
    };
    if (reason !== undefined) throw new ServiceUnavailableException(readiness);
    return readiness;
  }
}
