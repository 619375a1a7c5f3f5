/**
 * Resolves once the event loop has served what was waiting (I/O first, as a /health request).
 * Long work on the event loop awaits it between slices, so no slice holds the process for long.
 */
export const yieldToOtherWork = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });
