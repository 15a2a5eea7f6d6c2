import { pageKey, savePageReport } from '../db/pages';
import type { ReportLensDB } from '../db/schema';
import type { PageReport, SaveResult } from '../messaging/protocol';

/**
 * Saves a page report when it should be saved: recognised reports, automatically unless the user
 * turned that off, or whenever the user asked. A failing database — a full disk raises
 * QuotaExceededError, a profile in use raises something else — becomes an error the popup shows;
 * nothing is half-written (savePageReport is one transaction) and the page keeps its annotations.
 */
export async function storeReport(
  db: ReportLensDB,
  report: PageReport,
  options: { autoSave: boolean; force?: boolean; removedSinceRead?: boolean },
): Promise<SaveResult> {
  const stored = async () => (await db.pages.where('url').equals(pageKey(report.url)).count()) > 0;
  const wanted = options.force || (report.report.isReport && (report.requested || options.autoSave));
  // A page in the library is kept up to date by its later reports (content the page adds), also with
  // automatic saving off: the reader saved it from the popup, and a later report must neither leave the
  // record behind nor tell the popup it is not saved.
  if (!wanted && !(await stored())) return { pageId: null, saved: false };
  // Removed from the library after this tab read it: not put back — unless it was saved again since
  // (the popup's save), which a report keeps up to date as usual.
  if (!options.force && options.removedSinceRead && !(await stored())) {
    return { pageId: null, saved: false, removed: true };
  }
  try {
    return { pageId: await savePageReport(db, report), saved: true };
  } catch (e) {
    return { pageId: null, saved: false, error: describeError(e) };
  }
}

export function describeError(e: unknown): string {
  const name = (e as { name?: string })?.name;
  const inner = (e as { inner?: { name?: string } })?.inner?.name;
  // Dexie wraps the DOMException; the inner name is the one that says what happened.
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'QuotaExceededError: the disk or the browser storage quota is full; nothing was saved';
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
