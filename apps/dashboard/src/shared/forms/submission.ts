// What one form sends: running, the answer, and the api's error. The error names a field
// (`extensions.field`) when the api could; the form shows it next to that field.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client';
import { isAbort, toApiError } from '../use-request';

export interface Submission<TResult> {
  running: boolean;
  error: ApiError | null;
  /** The last answer; cleared when the user edits again (`touch`). */
  result: TResult | null;
  /** Sends; a second call while one runs replaces it. */
  run(perform: (signal: AbortSignal) => Promise<TResult>): void;
  /** The user changed something: the success message and a stale error go away. */
  touch(): void;
}

export function useSubmission<TResult>(onSuccess?: (result: TResult) => void): Submission<TResult> {
  const [state, setState] = useState<{ running: boolean; error: ApiError | null; result: TResult | null }>({
    running: false,
    error: null,
    result: null,
  });
  const current = useRef<AbortController | null>(null);
  const succeeded = useRef(onSuccess);
  succeeded.current = onSuccess;

  useEffect(
    () => () => {
      current.current?.abort();
    },
    [],
  );

  return {
    ...state,
    run(perform) {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ running: true, error: null, result: null });
      // A synchronous throw (a check before sending) is answered like the api's refusal.
      Promise.resolve()
        .then(() => perform(controller.signal))
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            setState({ running: false, error: null, result });
            succeeded.current?.(result);
          },
          (error: unknown) => {
            if (controller.signal.aborted || isAbort(error)) return;
            setState({ running: false, error: toApiError(error), result: null });
          },
        );
    },
    touch() {
      if (state.result !== null || state.error !== null)
        setState((previous) => ({ ...previous, result: null, error: null }));
    },
  };
}

/**
 * The field of a form that an api field path belongs to: `input.` is dropped; an exact name wins,
 * else the longest shown field the path starts with (`effects[2].low` -> `effects[2]` or `effects`).
 */
export function fieldFor(apiField: string | null, shown: Iterable<string>): string | null {
  if (apiField === null) return null;
  const path = apiField.replace(/^input\./, '');
  let best: string | null = null;
  for (const name of shown) {
    const matches =
      name === path || path.startsWith(`${name}.`) || path.startsWith(`${name}[`) || name === apiField;
    if (matches && (best === null || name.length > best.length)) best = name;
  }
  return best;
}
