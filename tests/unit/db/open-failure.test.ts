import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeReport } from '../../../lib/background/save';
import { getDb } from '../../../lib/db/schema';
import type { PageReport } from '../../../lib/messaging/protocol';

const report: PageReport = {
  url: 'https://www.hengnan.gov.cn/a.html', title: '衡南县2022年政府工作报告', script: 'simplified', termCount: 1, terms: [], targets: [], requested: false, readAt: 1_700_000_000_000,
  report: { isReport: true, score: 0.9, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2022 },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the shared database after an open that failed', () => {
  it('opens again on the next use: a disk that has room again takes the next save', async () => {
    // What Chrome says when it cannot open the database's files (a full disk, a profile in trouble).
    // Dexie tries an UnknownError twice; both fail here.
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    });
    const failed = await storeReport(getDb(), report, { autoSave: true });
    expect(failed).toMatchObject({ saved: false, error: expect.stringContaining('UnknownError') });
    open.mockRestore();
    // Before: Dexie keeps a failed open for good — DatabaseClosedError for every later call, and in the
    // background until Chrome stopped the worker, however much room the disk had again.
    expect(await storeReport(getDb(), report, { autoSave: true })).toMatchObject({ saved: true });
    expect(await getDb().pages.count()).toBe(1);
  });
});
