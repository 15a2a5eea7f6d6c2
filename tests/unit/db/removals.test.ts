import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storeReport } from '../../../lib/background/save';
import { clearLibrary } from '../../../lib/db/import';
import { removePage, savePageReport } from '../../../lib/db/pages';
import { noteRemoved, removedSince } from '../../../lib/db/removals';
import { ReportLensDB } from '../../../lib/db/schema';
import type { PageReport } from '../../../lib/messaging/protocol';

const URL_A = 'https://www.hengnan.gov.cn/a.html';
const URL_B = 'https://www.hengnan.gov.cn/b.html';
const T = 1_700_000_000_000;

const report = (url: string, readAt: number): PageReport => ({
  url, title: '衡南县2022年政府工作报告', script: 'simplified', termCount: 1, terms: [], targets: [], requested: false, readAt,
  report: { isReport: true, score: 0.9, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2022 },
});

let db: ReportLensDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ReportLensDB(`removals-${Math.random()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('pages removed from the library', () => {
  it('are removed since a read before the removal, not since one after it; per page, fragment ignored', async () => {
    await noteRemoved([URL_A], T);
    expect(await removedSince(URL_A, T - 5000)).toBe(true);
    expect(await removedSince(`${URL_A}#part2`, T - 1)).toBe(true);
    expect(await removedSince(URL_A, T + 1)).toBe(false);
    expect(await removedSince(URL_B, T - 5000)).toBe(false);
  });

  it('"clear all" covers every page read before it', async () => {
    await noteRemoved('all', T);
    expect(await removedSince(URL_A, T - 1)).toBe(true);
    expect(await removedSince(URL_B, T - 1)).toBe(true);
    expect(await removedSince(URL_B, T + 1)).toBe(false);
  });

  it('removePage and clearLibrary record the removal; removing nothing records nothing', async () => {
    await savePageReport(db, report(URL_A, T));
    const before = Date.now();
    expect(await removePage(db, URL_B)).toBe(false);
    expect(await removedSince(URL_B, before - 1)).toBe(false);
    expect(await removePage(db, URL_A)).toBe(true);
    expect(await removedSince(URL_A, before - 1)).toBe(true);
    await clearLibrary(db);
    expect(await removedSince(URL_B, before - 1)).toBe(true);
  });

  it('notes the removal while the page is still saved, so no report checked in between puts it back', async () => {
    await savePageReport(db, report(URL_A, T));
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const pagesAtNote: number[] = [];
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      pagesAtNote.push(await db.pages.count());
      return set(items);
    });
    expect(await removePage(db, URL_A)).toBe(true);
    await savePageReport(db, report(URL_B, T));
    await clearLibrary(db);
    // Before: 0 and 0 — the note came after the delete had committed.
    expect(pagesAtNote).toEqual([1, 1]);
    expect(await db.pages.count()).toBe(0);
  });

  it('a broken session storage neither fails the removal nor refuses reports', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('no session storage'));
    await savePageReport(db, report(URL_A, T));
    expect(await removePage(db, URL_A)).toBe(true);
    expect(await db.pages.count()).toBe(0);
    expect(await removedSince(URL_A, 0)).toBe(false);
  });
});

describe('storeReport after a removal', () => {
  it('does not put back a page removed after it was read, and writes nothing', async () => {
    expect(await storeReport(db, report(URL_A, T), { autoSave: true, removedSinceRead: true })).toEqual({ pageId: null, saved: false, removed: true });
    expect(await db.pages.count()).toBe(0);
  });

  it('keeps a page saved again since (the popup) up to date, and saves when forced', async () => {
    await savePageReport(db, report(URL_A, T));
    expect(await storeReport(db, report(URL_A, T), { autoSave: true, removedSinceRead: true })).toMatchObject({ saved: true });
    await db.pages.clear();
    expect(await storeReport(db, report(URL_A, T), { autoSave: true, force: true, removedSinceRead: true })).toMatchObject({ saved: true });
  });
});
