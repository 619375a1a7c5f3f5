// graphql-js completes a list in one go once its resolver has answered: an operation asking every
// rating of every assessment would hold the event loop for all of them at once. Resolvers that hand
// over long lists take turns instead, one per event-loop iteration within an operation, so other
// requests are served between them (the answer is the same, only spread out).
const lastTurns = new WeakMap<object, Promise<void>>();

/**
 * Resolves when it is the caller's turn in `operation` (its GraphQL context): after the previous
 * turn's list was completed and the event loop has served what was waiting.
 */
export function nextTurn(operation: object): Promise<void> {
  const previous = lastTurns.get(operation) ?? Promise.resolve();
  // An immediate queued while the check phase runs waits for the next iteration, after I/O.
  const turn = previous.then(
    () =>
      new Promise<void>((resolve) => {
        setImmediate(resolve);
      }),
  );
  lastTurns.set(operation, turn);
  return turn;
}
