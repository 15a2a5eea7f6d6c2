import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Subscribes to a Dexie live query: it re-runs when the rows it read change — in this page or in
 * another context of the extension (the background saving a page), which Dexie relays between them.
 * When `deps` change, the previous value stays until the new query answers, so views do not flash empty.
 * Subscribed in a layout effect: Preact runs plain effects only after the next frame, which held every
 * query back by a frame (the library's first rows, each filter change) for nothing — subscribing only
 * starts an IndexedDB request, whose answer comes back in a later task anyway.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error(e) });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
