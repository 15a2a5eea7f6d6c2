import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';
import { useDatabaseState } from '../database-gate';

/**
 * Subscribes to a Dexie live query: it re-runs when the rows it read change — in this page or in
 * another context of the extension (the background saving a page), which Dexie relays between them.
 * When `deps` change, the previous value stays until the new query answers, so views do not flash empty.
 * Subscribed in a layout effect: Preact runs plain effects only after the next frame, which held every
 * query back by a frame (the library's first rows, each filter change) for nothing — subscribing only
 * starts an IndexedDB request, whose answer comes back in a later task anyway.
 *
 * A query that fails (the database cannot be opened) ends its subscription: inside a DatabaseGate the
 * failure is reported there, which says so and offers a retry, and the query subscribes again when the
 * retry opened the database (its `attempt`); the last value stays meanwhile.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const database = useDatabaseState();
  const report = database?.report ?? ((e: unknown) => console.error(e));
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: report });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, database?.attempt]);
  return value;
}
