import type { ReportLensDB } from './schema';
import { pageKey } from './page-key';

/*
 * Pages the reader removed from the library, and when. A tab still open on such a page reports again
 * whenever the page adds content (late paragraphs, a lazy article body); that must not put the page
 * back behind the reader's back, whichever page they removed it from (the popup, the library, "clear
 * all"). Only a report of the page as read before the removal is refused: reading it again — a reload,
 * a later visit — saves it as any report page is saved.
 *
 * The notes live in the database, next to the pages, so the removal and its note are one transaction
 * and a save checks the note inside its own: IndexedDB runs read-write transactions over the same
 * tables one after the other, so no report can be checked before a removal and written after it.
 * They matter only to tabs open before the removal, so the browser's start clears them (dropRemovalNotes).
 */

/** The key of the note "clear all" writes; page keys are URLs and never equal it. */
const ALL = '*';

/** Notes the removal of these pages (or, with 'all', of every page). Call inside a transaction over db.removals. */
export async function noteRemoval(db: ReportLensDB, urls: string[] | 'all', at: number): Promise<void> {
  if (urls === 'all') {
    // Every earlier note is older than this one and says less.
    await db.removals.clear();
    await db.removals.put({ url: ALL, at });
  } else {
    await db.removals.bulkPut(urls.map((url) => ({ url: pageKey(url), at })));
  }
}

/**
 * Whether the page was removed at or after `readAt` (ms since the epoch), the time the tab read it.
 * Call inside a transaction over db.removals to make the answer hold until that transaction writes.
 */
export async function removedSince(db: ReportLensDB, url: string, readAt: number): Promise<boolean> {
  const [all, one] = await db.removals.bulkGet([ALL, pageKey(url)]);
  const at = Math.max(all?.at ?? -Infinity, one?.at ?? -Infinity);
  return at >= readAt;
}

/** Drops every note: at the browser's start no tab holds a read from before it. Never throws. */
export async function dropRemovalNotes(db: ReportLensDB): Promise<void> {
  try {
    await db.removals.clear();
  } catch {
    // A database that cannot be written now: the notes stay, and refuse only reads older than them.
  }
}

/** A full disk fails any write, a note's too; deleting must still work then, so it goes without one. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string })?.name;
  const inner = (e as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}
