import { savePageReportIf } from '../db/pages';
import { isQuotaError } from '../db/removals';
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
  options: { autoSave: boolean; force?: boolean },
): Promise<SaveResult> {
  const wanted = options.force || (report.report.isReport && (report.requested || options.autoSave));
  try {
    const outcome = await savePageReportIf(db, report, {
      // A page in the library is kept up to date by its later reports (content the page adds), also with
      // automatic saving off: the reader saved it from the popup, and a later report must neither leave
      // the record behind nor tell the popup it is not saved.
      onlyIfStored: !wanted,
      // Removed from the library after this tab read it: not put back — unless it was saved again since
      // (the popup's save), which a report keeps up to date as usual.
      readAt: options.force ? undefined : report.readAt,
    });
    if ('pageId' in outcome) return { pageId: outcome.pageId, saved: true };
    return outcome.refused === 'removed' ? { pageId: null, saved: false, removed: true } : { pageId: null, saved: false };
  } catch (e) {
    return { pageId: null, saved: false, error: describeError(e) };
  }
}

export function describeError(e: unknown): string {
  // Dexie wraps the DOMException; isQuotaError reads the inner name too.
  if (isQuotaError(e)) return 'QuotaExceededError: the disk or the browser storage quota is full; nothing was saved';
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
