// A list of records read from the api, with the records mutations answered shown at once (by id,
// in place or added) until the next read; `reload` reads again.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { useRequest } from './use-request';

export interface Records<T> {
  /** null until the first answer. */
  items: T[] | null;
  error: ApiError | null;
  reload: () => void;
  /** Shows a record as a mutation answered it. */
  put: (record: T) => void;
}

export function useRecords<T extends { id: string }>(
  key: string,
  load: (signal: AbortSignal) => Promise<T[]>,
): Records<T> {
  const [attempt, setAttempt] = useState(0);
  const listing = useRequest(`${key}/${attempt}`, load);
  const [changed, setChanged] = useState<ReadonlyMap<string, T>>(new Map());
  // A new read knows every change so far: the records kept from answers give way to it.
  useEffect(() => {
    setChanged(new Map());
  }, [listing.data]);
  const items = useMemo(() => {
    if (listing.data === null) return null;
    const merged = new Map(listing.data.map((record) => [record.id, record]));
    for (const [id, record] of changed) merged.set(id, record);
    return [...merged.values()];
  }, [listing.data, changed]);
  return {
    items,
    error: listing.error,
    reload: () => {
      setAttempt((value) => value + 1);
    },
    put: (record) => {
      setChanged((previous) => new Map(previous).set(record.id, record));
    },
  };
}
