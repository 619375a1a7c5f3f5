/** The same stream, calling `release` once when it ends (returned, thrown into, or done). */
export function releasedOnEnd<Value>(
  stream: AsyncIterableIterator<Value>,
  release: () => void,
): AsyncIterableIterator<Value> {
  return {
    next: async () => {
      const result = await stream.next();
      if (result.done === true) release();
      return result;
    },
    return: async (value?: unknown) => {
      release();
      return (await stream.return?.(value)) ?? { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      release();
      if (stream.throw) return stream.throw(error);
      throw error instanceof Error ? error : new Error(String(error));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
