import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeReport } from '../../../lib/background/save';
import { ReportLensDB } from '../../../lib/db/schema';
import type { PageReport } from '../../../lib/messaging/protocol';

const report = (isReport: boolean, requested = false): PageReport => ({
  url: 'https://www.hengnan.gov.cn/a.html', title: '衡南县2022年政府工作报告', script: 'simplified', termCount: 1, terms: [], targets: [], requested, readAt: 1_700_000_000_000,
  report: { isReport, score: isReport ? 0.9 : 0.1, kind: isReport ? 'work-report' : 'other', reasons: [], region: null, regionKey: null, year: 2022 },
});

let db: ReportLensDB;
beforeEach(() => {
  db = new ReportLensDB(`save-${Math.random()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('storeReport', () => {
  it('saves recognised reports automatically, and not when auto-save is off unless the user asked', async () => {
    expect(await storeReport(db, report(true), { autoSave: true })).toMatchObject({ saved: true });
    await db.pages.clear();
    expect(await storeReport(db, report(true), { autoSave: false })).toEqual({ pageId: null, saved: false });
    expect(await storeReport(db, report(true, true), { autoSave: false })).toMatchObject({ saved: true });
  });

  it('keeps a page the reader saved up to date with its later reports, also with auto-save off', async () => {
    // The popup's save (force), then the page adds content and reports again.
    await storeReport(db, report(true), { autoSave: false, force: true });
    const later = { ...report(true), termCount: 7 };
    // Before: { saved: false } — the popup turned back to "Save" and the record kept the old count.
    expect(await storeReport(db, later, { autoSave: false })).toMatchObject({ saved: true });
    expect((await db.pages.toArray()).map((p) => p.termCount)).toEqual([7]);
  });

  it('never saves a page that is not a report unless forced', async () => {
    expect(await storeReport(db, report(false, true), { autoSave: true })).toEqual({ pageId: null, saved: false });
    expect(await storeReport(db, report(false), { autoSave: true, force: true })).toMatchObject({ saved: true });
  });

  it('turns a full disk into a clear error and writes nothing', async () => {
    vi.spyOn(db.pages, 'add').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const result = await storeReport(db, report(true), { autoSave: true });
    expect(result.saved).toBe(false);
    expect(result.error).toMatch(/^QuotaExceededError: .*full/);
    expect(await db.pages.count()).toBe(0);
    expect(await db.targets.count()).toBe(0);
  });
});
