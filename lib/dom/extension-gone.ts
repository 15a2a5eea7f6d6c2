import { browser } from 'wxt/browser';

/**
 * Whether the extension this content script belongs to has gone: reloaded, updated, disabled or removed
 * while the page stayed open. Chrome leaves the old script running in the page, cut off — runtime.id is
 * undefined, every message throws "Extension context invalidated", browser.i18n is gone — and injects no
 * new one by itself.
 */
export function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** Never settles: the answer a cut-off script's messages get, so nothing goes on with half an answer. */
const NEVER = new Promise<never>(() => {});

/**
 * `send` (a message to the extension) for a content script that may be cut off: once the extension has
 * gone, `onGone` runs — the script lets go of the page — and the message never answers, instead of
 * rejecting into callers that run from timers and observers (`void flush()`), whose rejections went
 * uncaught into the page's console at every change of the page. Other failures reject as before.
 */
export function whileConnected<F extends (...args: never[]) => Promise<unknown>>(send: F, onGone: () => void): F {
  return ((...args: Parameters<F>) => {
    if (extensionGone()) {
      onGone();
      return NEVER;
    }
    let sent: Promise<unknown>;
    try {
      sent = send(...args);
    } catch (e) {
      sent = Promise.reject(e);
    }
    return sent.catch((e: unknown) => {
      // Cut off while the message was under way.
      if (!extensionGone()) throw e;
      onGone();
      return NEVER;
    });
  }) as F;
}
