import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  /** Sets the total when it becomes known. */
  setTotal(total: number): void;
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on standard error (standard output stays clean for data, e.g. `export`).
 * Without a terminal it prints a line every few seconds instead, so CI logs stay readable.
 */
export function startProgress(label: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% {value}/{total} ({eta_formatted} left)`,
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    return {
      setTotal: (value) => {
        bar.setTotal(Math.max(value, 1));
      },
      update: (done) => {
        bar.update(done);
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let currentTotal = total;
  let lastPrinted = 0;
  let lastDone = 0;
  return {
    setTotal: (value) => {
      currentTotal = value;
    },
    update: (done) => {
      lastDone = done;
      const now = Date.now();
      if (now - lastPrinted >= 2000) {
        lastPrinted = now;
        process.stderr.write(`${label}: ${done}/${currentTotal}\n`);
      }
    },
    stop: () => {
      // stop() also runs when the work was refused before it began (in a finally): "0/0 done"
      // above the refusal read as if something had been done.
      if (currentTotal === 0 && lastDone === 0) return;
      // ...and when it failed part way: "742/12100 done" above the error read as a finished run.
      const finished = currentTotal === 0 || lastDone >= currentTotal;
      process.stderr.write(
        finished
          ? `${label}: ${lastDone}/${currentTotal} done\n`
          : `${label}: stopped at ${lastDone}/${currentTotal}\n`,
      );
    },
  };
}
