import type { PageReport } from '../messaging/protocol';
import type { PageRecord, ReportLensDB, TargetRecord } from './schema';
import { pageKey } from './page-key';
import { isQuotaError, noteRemoval, removedSince } from './removals';

export { pageKey };

/** When a save must not write: the page is not in the library and… */
export interface SaveGuard {
  /** …was removed from it at or after this time, when the tab read it (lib/db/removals). */
  readAt?: number;
  /** …is only to be kept up to date, never added. */
  onlyIfStored?: boolean;
}

export type SaveOutcome = { pageId: number } | { refused: 'removed' | 'not-stored' };

/**
 * Stores (or refreshes) a page and replaces its targets in one transaction, so a visit either lands
 * whole or not at all, and visiting again updates the record instead of duplicating it. The guard is
 * checked inside that transaction: a removal cannot fall between the check and the write.
 */
export async function savePageReportIf(db: ReportLensDB, report: PageReport, guard: SaveGuard, now = Date.now()): Promise<SaveOutcome> {
  return db.transaction('rw', db.pages, db.targets, db.removals, async (): Promise<SaveOutcome> => {
    const url = pageKey(report.url);
    const existing = await db.pages.where('url').equals(url).first();
    if (!existing && guard.onlyIfStored) return { refused: 'not-stored' };
    if (!existing && guard.readAt !== undefined && (await removedSince(db, url, guard.readAt))) return { refused: 'removed' };
    const fields = {
      url,
      title: report.title,
      kind: report.report.kind,
      score: report.report.score,
      region: report.report.region,
      regionKey: report.report.regionKey,
      year: report.report.year,
      termCount: report.termCount,
      targetCount: report.targets.length,
      lastSeen: now,
    };
    let pageId: number;
    if (existing) {
      pageId = existing.id;
      await db.pages.update(pageId, fields);
      await db.targets.where('pageId').equals(pageId).delete();
    } else {
      pageId = (await db.pages.add({ ...fields, firstSeen: now } as PageRecordInput)) as number;
    }
    const rows = report.targets.map(({ prefix, suffix, ...t }): Omit<TargetRecord, 'id'> => ({
      ...t,
      pageId,
      regionKey: t.regionKey ?? report.report.regionKey,
      quote: { exact: t.sentence, prefix, suffix },
    }));
    if (rows.length) await db.targets.bulkAdd(rows as TargetRecord[]);
    return { pageId };
  });
}

/** Stores (or refreshes) a page unconditionally; see savePageReportIf. */
export async function savePageReport(db: ReportLensDB, report: PageReport, now = Date.now()): Promise<number> {
  const outcome = await savePageReportIf(db, report, {}, now);
  if (!('pageId' in outcome)) throw new Error('unreachable: an unguarded save was refused');
  return outcome.pageId;
}

type PageRecordInput = Omit<PageRecord, 'id'>;

/**
 * Removes a saved page and its targets, and notes the removal in the same transaction, so a tab still
 * open on the page does not save it back (lib/db/removals). Nothing saved under the URL: nothing noted.
 */
export async function removePage(db: ReportLensDB, url: string, now = Date.now()): Promise<boolean> {
  const remove = (note: boolean) =>
    db.transaction('rw', db.pages, db.targets, db.removals, async () => {
      const page = await db.pages.where('url').equals(pageKey(url)).first();
      if (!page) return false;
      if (note) await noteRemoval(db, [url], now);
      await db.targets.where('pageId').equals(page.id).delete();
      await db.pages.delete(page.id);
      return true;
    });
  try {
    return await remove(true);
  } catch (e) {
    // A full disk refuses the note's few bytes, and the reader is deleting to make room: the page goes
    // without its note (an open tab may save it back when the page adds content).
    if (!isQuotaError(e)) throw e;
    return remove(false);
  }
}
