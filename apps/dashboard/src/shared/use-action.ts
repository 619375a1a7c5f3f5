// A request the user starts (a button), rather than one that follows the page's state.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { isAbort, toApiError } from './use-request';

export interface ActionState<T> {
  data: T | null;
  error: ApiError | null;
  running: boolean;
}

export function useAction<TInput, TResult>(
  perform: (input: TInput, signal: AbortSignal) => Promise<TResult>,
): [ActionState<TResult>, (input: TInput) => void] {
  const [state, setState] = useState<ActionState<TResult>>({ data: null, error: null, running: false });
  const current = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      current.current?.abort();
    },
    [],
  );

  const run = (input: TInput) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setState((previous) => ({ ...previous, error: null, running: true }));
    perform(input, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, running: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState((previous) => ({ ...previous, error: toApiError(error), running: false }));
      },
    );
  };

  return [state, run];
}
