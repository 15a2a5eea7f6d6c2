import { storage } from 'wxt/utils/storage';
import { pageKey } from './page-key';

/*
 * Pages the reader removed from the library in this browser session, and when. A tab still open on
 * such a page reports again whenever the page adds content (late paragraphs, a lazy article body);
 * that must not put the page back behind the reader's back, whichever page they removed it from
 * (the popup, the library, "clear all"). Only a report of the page as read before the removal is
 * refused: reading it again — a reload, a later visit — saves it as any report page is saved.
 *
 * storage.session: only the extension's own pages and worker can reach it (not content scripts), it
 * survives the worker being stopped, and it ends with the browser session, as do the tabs it is about.
 */
const removedAll = storage.defineItem<number>('session:removedAll', { fallback: 0 });
const removedKey = (url: string) => `session:removed:${pageKey(url)}` as const;

/** Records that the pages (or, with 'all', every page) were removed now. Never throws: removal stands without it. */
export async function noteRemoved(urls: string[] | 'all', at = Date.now()): Promise<void> {
  try {
    if (urls === 'all') await removedAll.setValue(at);
    else await storage.setItems(urls.map((url) => ({ key: removedKey(url), value: at })));
  } catch {
    // storage.session missing or full: a page may come back if it adds content later, as before.
  }
}

/** Whether the page was removed at or after `readAt` (ms since the epoch), the time it was read. */
export async function removedSince(url: string, readAt: number): Promise<boolean> {
  try {
    const [all, one] = await Promise.all([removedAll.getValue(), storage.getItem<number>(removedKey(url))]);
    return Math.max(all, one ?? 0) >= readAt;
  } catch {
    return false;
  }
}
