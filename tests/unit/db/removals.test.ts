import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeReport } from '../../../lib/background/save';
import { clearLibrary } from '../../../lib/db/import';
import { removePage, savePageReport } from '../../../lib/db/pages';
import { dropRemovalNotes, removedSince } from '../../../lib/db/removals';
import { ReportLensDB } from '../../../lib/db/schema';
import type { PageReport } from '../../../lib/messaging/protocol';

const URL_A = 'https://www.hengnan.gov.cn/a.html';
const URL_B = 'https://www.hengnan.gov.cn/b.html';
const T = 1_700_000_000_000;

const report = (url: string, readAt: number, termCount = 1): PageReport => ({
  url, title: '衡南县2022年政府工作报告', script: 'simplified', termCount, terms: [], targets: [], requested: false, readAt,
  report: { isReport: true, score: 0.9, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2022 },
});
const quotaError = () => new DOMException('Quota exceeded', 'QuotaExceededError');

let db: ReportLensDB;
beforeEach(() => {
  db = new ReportLensDB(`removals-${Math.random()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('pages removed from the library', () => {
  it('are removed since a read before the removal, not since one after it; per page, fragment ignored', async () => {
    await savePageReport(db, report(URL_A, T));
    expect(await removePage(db, `${URL_A}#part1`, T)).toBe(true);
    expect(await removedSince(db, URL_A, T - 5000)).toBe(true);
    expect(await removedSince(db, `${URL_A}#part2`, T)).toBe(true);
    expect(await removedSince(db, URL_A, T + 1)).toBe(false);
    expect(await removedSince(db, URL_B, T - 5000)).toBe(false);
  });

  it('"clear all" covers every page read before it and replaces the notes of single pages', async () => {
    await savePageReport(db, report(URL_A, T));
    await removePage(db, URL_A, T);
    await clearLibrary(db, T + 10);
    expect(await removedSince(db, URL_A, T + 5)).toBe(true);
    expect(await removedSince(db, URL_B, T + 10)).toBe(true);
    expect(await removedSince(db, URL_B, T + 11)).toBe(false);
    expect(await db.removals.toArray()).toEqual([{ url: '*', at: T + 10 }]);
  });

  it('removing a page that is not saved notes nothing', async () => {
    await savePageReport(db, report(URL_A, T));
    expect(await removePage(db, URL_B, T)).toBe(false);
    expect(await db.removals.count()).toBe(0);
    expect(await db.pages.count()).toBe(1);
  });

  it('a report checked while a removal is under way cannot put the page back', async () => {
    await savePageReport(db, report(URL_A, T));
    // The removal starts right after the report's first look at the database, before its write;
    // checked outside the save's transaction (as before), the report wrote the page back once the
    // removal had committed.
    const where = db.pages.where.bind(db.pages);
    let removal: Promise<boolean> | undefined;
    vi.spyOn(db.pages, 'where').mockImplementation(((index: string) => {
      // Outside the save's transaction, as the library or another message handler would run it.
      removal ??= Dexie.ignoreTransaction(() => removePage(db, URL_A, T + 10));
      return where(index);
    }) as typeof db.pages.where);
    const saved = await storeReport(db, report(URL_A, T + 5, 9), { autoSave: true });
    expect(await removal).toBe(true);
    // The report went first and updated the page; the removal then took it away.
    expect(saved).toMatchObject({ saved: true });
    expect(await db.pages.count()).toBe(0);
    expect(await db.targets.count()).toBe(0);
    // The tab reports again: refused.
    expect(await storeReport(db, report(URL_A, T + 5, 9), { autoSave: true })).toEqual({ pageId: null, saved: false, removed: true });
    expect(await db.pages.count()).toBe(0);
  });

  it('a full disk refuses the note, not the deletion', async () => {
    await savePageReport(db, report(URL_A, T));
    await savePageReport(db, report(URL_B, T));
    vi.spyOn(db.removals, 'bulkPut').mockImplementation(() => {
      throw quotaError();
    });
    vi.spyOn(db.removals, 'put').mockImplementation(() => {
      throw quotaError();
    });
    expect(await removePage(db, URL_A, T)).toBe(true);
    expect((await db.pages.toArray()).map((p) => p.url)).toEqual([URL_B]);
    await clearLibrary(db, T);
    expect(await db.pages.count()).toBe(0);
    expect(await db.removals.count()).toBe(0);
  });

  it('any other failure of the removal leaves the page and the notes as they were', async () => {
    await savePageReport(db, report(URL_A, T));
    vi.spyOn(db.targets, 'where').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    await expect(removePage(db, URL_A, T)).rejects.toThrow('disk I/O error');
    expect(await db.pages.count()).toBe(1);
    expect(await db.removals.count()).toBe(0);
  });

  it('the browser start drops every note', async () => {
    await savePageReport(db, report(URL_A, T));
    await removePage(db, URL_A, T);
    await dropRemovalNotes(db);
    expect(await removedSince(db, URL_A, 0)).toBe(false);
  });
});

describe('storeReport after a removal', () => {
  it('does not put back a page removed after it was read, and writes nothing', async () => {
    await savePageReport(db, report(URL_A, T - 100));
    await removePage(db, URL_A, T);
    expect(await storeReport(db, report(URL_A, T - 50), { autoSave: true })).toEqual({ pageId: null, saved: false, removed: true });
    expect(await db.pages.count()).toBe(0);
  });

  it('saves a read made after the removal, keeps a page saved again since up to date, and saves when forced', async () => {
    await savePageReport(db, report(URL_A, T - 100));
    await removePage(db, URL_A, T);
    expect(await storeReport(db, report(URL_A, T + 1), { autoSave: true })).toMatchObject({ saved: true });
    expect(await storeReport(db, report(URL_A, T - 50, 4), { autoSave: true })).toMatchObject({ saved: true });
    expect((await db.pages.toArray()).map((p) => p.termCount)).toEqual([4]);
    await removePage(db, URL_A, T + 2);
    expect(await storeReport(db, report(URL_A, T - 50), { autoSave: true, force: true })).toMatchObject({ saved: true });
  });

  it('with automatic saving off, refuses the removed page as a page not to be added', async () => {
    await savePageReport(db, report(URL_A, T - 100));
    await removePage(db, URL_A, T);
    expect(await storeReport(db, report(URL_A, T - 50), { autoSave: false })).toEqual({ pageId: null, saved: false });
    expect(await db.pages.count()).toBe(0);
  });
});
