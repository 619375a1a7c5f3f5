// maturityChanged's fan-out: one view per change shared by every watcher, handed over a slice at a
// time so that a thousand watchers never hold the event loop (and /health) in one turn.
import { MaturityChanges } from './maturity-changes';
import type { MaturityChangeFeed, MaturityChangeListener } from './maturity-change-feed';
import type { MaturityQueryService } from './maturity-query.service';
import type { MaturityView } from './maturity-view';
import type { ReadModels } from '../projections/read-models';

const WATCHERS = 120;

/** MaturityChanges over a query that counts its computations and a feed the test triggers. */
function changesOfOneOrganization(): {
  changes: MaturityChanges;
  change: () => void;
  computations: () => number;
} {
  let computed = 0;
  const maturity = {
    maturity: (organizationId: string) => {
      computed += 1;
      return Promise.resolve({ organizationId, computed } as unknown as MaturityView);
    },
  } as unknown as MaturityQueryService;
  let listener: MaturityChangeListener = () => undefined;
  const feed = {
    onChange: (added: MaturityChangeListener) => {
      listener = added;
      return () => undefined;
    },
  } as unknown as MaturityChangeFeed;
  const readModels = { runner: { start: () => Promise.resolve() } } as unknown as ReadModels;
  return {
    changes: new MaturityChanges(maturity, feed, readModels),
    change: () => {
      listener(new Set(['hotel']));
    },
    computations: () => computed,
  };
}

/** Watchers that have taken their first view: the first alone, so the others find its view ready. */
async function watchersWithTheirFirstView(
  changes: MaturityChanges,
): Promise<AsyncIterableIterator<MaturityView>[]> {
  const first = changes.watch('hotel');
  await first.next();
  const others = Array.from({ length: WATCHERS - 1 }, () => changes.watch('hotel'));
  await Promise.all(others.map((watcher) => watcher.next()));
  return [first, ...others];
}

describe('MaturityChanges (unit)', () => {
  it('should hand one change to many watchers over several turns of the event loop, the same view to each', async () => {
    const { changes, change, computations } = changesOfOneOrganization();
    const watchers = await watchersWithTheirFirstView(changes);
    expect(computations()).toBe(1);

    const received: MaturityView[] = [];
    let receivedWhenTheLoopTurned: number | null = null;
    const nextViews = watchers.map(async (watcher) => {
      const next = await watcher.next();
      if (received.length === 0)
        setImmediate(() => {
          receivedWhenTheLoopTurned = received.length;
        });
      received.push(next.value as MaturityView);
    });
    change();
    await Promise.all(nextViews);

    // Handed over in one go, every watcher would have had the view before the loop turned once.
    expect(receivedWhenTheLoopTurned).not.toBeNull();
    expect(receivedWhenTheLoopTurned).toBeLessThan(WATCHERS);
    expect(received).toHaveLength(WATCHERS);
    expect(new Set(received).size).toBe(1);
    expect(received[0]).toMatchObject({ computed: 2 });
    expect(computations()).toBe(2);
    await Promise.all(
      watchers.map(async (watcher) => {
        await watcher.return?.();
      }),
    );
  });

  it('should give a watcher that arrives while a change is handed over the new view at once', async () => {
    const { changes, change } = changesOfOneOrganization();
    const watchers = await watchersWithTheirFirstView(changes);
    const nextViews = Promise.all(watchers.map((watcher) => watcher.next()));
    change();
    // The first slice has its view; later watchers are still waiting for theirs.
    await new Promise((resolve) => setImmediate(resolve));
    const latecomer = changes.watch('hotel');
    const [latecomersFirst, delivered] = await Promise.all([latecomer.next(), nextViews]);
    expect(latecomersFirst.value).toMatchObject({ computed: 2 });
    expect(latecomersFirst.value).toBe(delivered[0]?.value);
    await Promise.all(
      [...watchers, latecomer].map(async (watcher) => {
        await watcher.return?.();
      }),
    );
  });
});
