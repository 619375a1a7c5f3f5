// Runs an api request whenever its key changes. The previous data stays on screen while the next
// answer loads (no layout jump), and an answer that arrives after a newer request is dropped.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export interface RequestState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('SERVER', error instanceof Error ? error.message : String(error));
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** `load` is called with an abort signal; pass `key: null` to stay idle. */
export function useRequest<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({ data: null, error: null, loading: key !== null });

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState((previous) => ({ data: previous.data, error: toApiError(error), loading: false }));
      },
    );
    return () => {
      controller.abort();
    };
    // `load` closes over what `key` describes; the key is the dependency by design.
  }, [key]);

  return state;
}
