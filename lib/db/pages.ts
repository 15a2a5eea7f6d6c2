import type { PageReport } from '../messaging/protocol';
import type { PageRecord, ReportLensDB, TargetRecord } from './schema';
import { pageKey } from './page-key';
import { noteRemoved } from './removals';

export { pageKey };

/**
 * Stores (or refreshes) a page and replaces its targets in one transaction, so a visit either lands
 * whole or not at all, and visiting again updates the record instead of duplicating it.
 */
export async function savePageReport(db: ReportLensDB, report: PageReport, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.pages, db.targets, async () => {
    const url = pageKey(report.url);
    const existing = await db.pages.where('url').equals(url).first();
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
    return pageId;
  });
}

type PageRecordInput = Omit<PageRecord, 'id'>;

/** Removes a saved page and its targets; a tab still open on it will not save it back (lib/db/removals). */
export async function removePage(db: ReportLensDB, url: string): Promise<boolean> {
  // Noted first: a report checked after the note is refused; noted after the delete, one checked in
  // between was let through and saved the page back. A note without a delete (the delete failed)
  // refuses nothing while the page is still saved. Nothing saved under the URL: nothing noted.
  if (!(await db.pages.where('url').equals(pageKey(url)).count())) return false;
  await noteRemoved([url]);
  return db.transaction('rw', db.pages, db.targets, async () => {
    const page = await db.pages.where('url').equals(pageKey(url)).first();
    if (!page) return false;
    await db.targets.where('pageId').equals(page.id).delete();
    await db.pages.delete(page.id);
    return true;
  });
}
