import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/application';
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
      throw new TooManyRequestsError(
        `This API token already runs ${count} heavy operations (portfolio optimisations or simulations), its limit (HEAVY_WORK_PER_TOKEN): wait for one to finish`,
        1,
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
