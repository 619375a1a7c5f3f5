// The per-token limit of heavy work, as its refusal reads: in words a page may show as they are
// (no setting named, "1 heavy operation" in the singular), with the reason and when to retry.
import type { AppConfig } from '@app/application';
import { HeavyWorkQueueFullError } from '@app/application';
import { TooManyRequestsError } from '../auth/access-errors';
import { HeavyWorkPerToken } from './heavy-work-per-token';

const limitOf = (heavyWorkPerToken: number) => new HeavyWorkPerToken({ heavyWorkPerToken } as AppConfig);

/** Runs `count` operations of the token that finish when the returned function is called. */
function holdRunning(limit: HeavyWorkPerToken, count: number): () => void {
  const releases: (() => void)[] = [];
  for (let index = 0; index < count; index += 1)
    void limit.run('token', () => new Promise<void>((resolve) => releases.push(resolve)));
  return () => {
    for (const release of releases) release();
  };
}

describe(HeavyWorkPerToken.name, () => {
  it('should refuse a second heavy operation of a token allowed one, saying so in the singular and naming no setting', async () => {
    const limit = limitOf(1);
    const release = holdRunning(limit, 1);
    const refusal = await limit.run('token', () => Promise.resolve()).catch((error: unknown) => error);
    release();
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect(refusal).toMatchObject({
      message:
        'This API token already runs a heavy operation (a portfolio optimisation or simulation), as many as it may at once: wait for it to finish',
      reason: 'LIMIT.HEAVY_WORK_PER_TOKEN',
      retryAfterSeconds: 1,
    });
  });

  it('should let another token run while one is at its limit', async () => {
    const limit = limitOf(1);
    const release = holdRunning(limit, 1);
    await expect(limit.run('other', () => Promise.resolve('ran'))).resolves.toBe('ran');
    release();
  });
});

describe(HeavyWorkQueueFullError.name, () => {
  it('should say the server is busy without naming its setting', () => {
    expect(new HeavyWorkQueueFullError(1).message).toBe(
      'The server is busy with heavy work (1 task queued, as many as it takes): retry in a few seconds',
    );
    expect(new HeavyWorkQueueFullError(32).message).not.toMatch(/HEAVY_WORK|tasks? queued,.*[A-Z]{4}/);
  });
});
