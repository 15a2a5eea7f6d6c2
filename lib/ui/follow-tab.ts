import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { isExtensionPageNotice, isTabNotice } from '../messaging/senders';

/**
 * Calls `changed` whenever what the popup shows of `tabId` may be out of date, until `signal` aborts:
 * the tab's content script read its page again, had its report answered or toggled its script — by
 * the shortcut or the context menu, which the popup does not hear of otherwise (pageChanged), or the
 * library deleted, cleared or imported pages (libraryChanged) — the popup otherwise showed what it read
 * when it opened, however the page or the library changed under it. The notices carry nothing to show:
 * `changed` reads the tab's state again through the background, which checks it against the library.
 */
export function followTab(tabId: number, changed: () => void, signal: AbortSignal): void {
  const extensionId = browser.runtime.id;
  const extensionBase = browser.runtime.getURL('/');
  const stops = [
    onMessage('pageChanged', ({ sender }) => {
      if (isTabNotice(sender, extensionId, tabId)) changed();
    }),
    onMessage('libraryChanged', ({ sender }) => {
      if (isExtensionPageNotice(sender, extensionId, extensionBase)) changed();
    }),
  ];
  signal.addEventListener('abort', () => stops.forEach((stop) => stop()), { once: true });
}
