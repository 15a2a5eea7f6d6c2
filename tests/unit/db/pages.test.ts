import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageKey, removePage, savePageReport } from '../../../lib/db/pages';
import { ReportLensDB } from '../../../lib/db/schema';
import type { PageReport, ReportedTarget } from '../../../lib/messaging/protocol';

function target(indicator: string, value: number): ReportedTarget {
  return {
    kind: 'main', indicator, indicatorKey: indicator, value, valueMax: null, unit: '%', qualifier: '以上',
    direction: 'increase', hedge: '', year: 2022, section: '主要预期目标', sentence: `${indicator}增长${value}%以上`,
    start: 10, end: 20, prefix: '今年', suffix: '。',
  };
}

function report(url: string, targets: ReportedTarget[]): PageReport {
  return {
    url, title: '衡南縣2022年政府工作報告', script: 'traditional', termCount: 3, terms: [], targets, requested: false, readAt: 1_700_000_000_000,
    report: { isReport: true, score: 0.9, kind: 'work-report', reasons: ['title:政府工作报告'], region: '衡南縣', regionKey: '衡南县', year: 2022 },
  };
}

let db: ReportLensDB;
beforeEach(() => {
  db = new ReportLensDB(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('savePageReport', () => {
  it('stores the page and its targets with a text-quote anchor', async () => {
    const id = await savePageReport(db, report('https://www.hengnan.gov.cn/a.html', [target('地区生产总值', 8)]), 1000);
    const page = await db.pages.get(id);
    expect(page).toMatchObject({ url: 'https://www.hengnan.gov.cn/a.html', regionKey: '衡南县', year: 2022, targetCount: 1, firstSeen: 1000, lastSeen: 1000 });
    const rows = await db.targets.where('pageId').equals(id).toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ indicator: '地区生产总值', value: 8, regionKey: '衡南县', quote: { exact: '地区生产总值增长8%以上', prefix: '今年', suffix: '。' } });
    expect(rows[0]).not.toHaveProperty('prefix');
  });

  it('updates a revisited page instead of duplicating it, and replaces its targets', async () => {
    const url = 'https://www.hengnan.gov.cn/a.html';
    const first = await savePageReport(db, report(url, [target('地区生产总值', 8), target('财政收入', 6)]), 1000);
    const second = await savePageReport(db, report(`${url}#part2`, [target('地区生产总值', 8.5)]), 2000);
    expect(second).toBe(first);
    expect(await db.pages.count()).toBe(1);
    expect(await db.pages.get(first)).toMatchObject({ firstSeen: 1000, lastSeen: 2000, targetCount: 1 });
    expect((await db.targets.toArray()).map((t) => t.value)).toEqual([8.5]);
  });

  it('removes a page with its targets', async () => {
    const url = 'https://www.hengnan.gov.cn/a.html';
    await savePageReport(db, report(url, [target('地区生产总值', 8)]));
    expect(await removePage(db, url)).toBe(true);
    expect(await removePage(db, url)).toBe(false);
    expect(await db.pages.count()).toBe(0);
    expect(await db.targets.count()).toBe(0);
  });
});

describe('pageKey', () => {
  it('drops the fragment only', () => {
    expect(pageKey('https://a.gov.cn/x.html?id=2#top')).toBe('https://a.gov.cn/x.html?id=2');
    expect(pageKey('https://a.gov.cn/x.html')).toBe('https://a.gov.cn/x.html');
  });
});
