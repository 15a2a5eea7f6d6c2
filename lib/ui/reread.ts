/**
 * Pauses between the popup's reads of a tab that could not be read yet: one navigating (Chrome answers
 * "Receiving end does not exist" or "message port closed" while the old document is gone and the new
 * one's content script has not started), or one whose content script has not finished its first read.
 * The page's own notice when its read is done (lib/ui/follow-tab) is what usually ends the wait; these
 * reads are for a notice that never comes (sent while no popup was listening). Bounded: once spent, the
 * popup says it could not read the page yet and offers a retry, rather than poll for as long as it is open.
 */
export const REREAD_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000];

export interface Rereader {
  /** Schedules the next read; false, with nothing scheduled, once all are spent. */
  later(): boolean;
  /** Starts over (a notice came, a state was shown, the reader retried): cancels the pending read. */
  reset(): void;
}

export function rereader(read: () => void, signal: AbortSignal, delays: readonly number[] = REREAD_DELAYS_MS): Rereader {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  signal.addEventListener('abort', cancel, { once: true });
  return {
    later() {
      cancel();
      const delay = delays[attempt];
      if (signal.aborted || delay === undefined) return false;
      attempt++;
      timer = setTimeout(() => {
        timer = null;
        if (!signal.aborted) read();
      }, delay);
      return true;
    },
    reset() {
      cancel();
      attempt = 0;
    },
  };
}
