import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, LIMIT_ERROR_CODES } from '@app/application';
import { TooManyRequestsError } from '../auth/access-errors';

/**
 * At most HEAVY_WORK_PER_TOKEN heavy operations (portfolio optimisations, simulations) of one
 * API token run or wait at once, so one caller cannot fill the worker threads' queue alone.
 */
@Injectable()
export class HeavyWorkPerToken {
  private readonly running = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async run<Result>(tokenId: string, work: () => Promise<Result>): Promise<Result> {
    const count = this.running.get(tokenId) ?? 0;
    if (count >= this.config.heavyWorkPerToken) {
      // The message may be shown as it is on a page: it names no setting (the reason does).
      throw new TooManyRequestsError(
        count === 1
          ? 'This API token already runs a heavy operation (a portfolio optimisation or simulation), as many as it may at once: wait for it to finish'
          : `This API token already runs ${count} heavy operations (portfolio optimisations or simulations), as many as it may at once: wait for one to finish`,
        1,
        LIMIT_ERROR_CODES.heavyWorkPerToken,
      );
    }
    this.running.set(tokenId, count + 1);
    try {
      return await work();
    } finally {
      const left = (this.running.get(tokenId) ?? 1) - 1;
      if (left === 0) this.running.delete(tokenId);
      else this.running.set(tokenId, left);
    }
  }
}
