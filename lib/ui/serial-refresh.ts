/**
 * Reads something the page shows again each time it is asked to, one read at a time: asks that come while
 * a read is on its way share one more read after it (that read may have been answered before what asked
 * for this one happened), so a burst of notices costs two reads, and answers are applied in the order the
 * reads started — an older answer never lands over a newer one. Nothing is applied once `signal` aborts.
 *
 * The returned promise settles once a read started after the ask has been applied (or has failed).
 */
export function serialRefresh<T>(
  read: () => Promise<T>,
  apply: (value: T) => void,
  options: { signal?: AbortSignal; onError?: (e: unknown) => void } = {},
): () => Promise<void> {
  const { signal, onError } = options;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const once = async () => {
    try {
      const value = await read();
      if (!signal?.aborted) apply(value);
    } catch (e) {
      if (!signal?.aborted) onError?.(e);
    }
  };
  const refresh = (): Promise<void> => {
    if (signal?.aborted) return Promise.resolve();
    if (!running) {
      running = once().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return refresh();
    });
    return queued;
  };
  return refresh;
}
