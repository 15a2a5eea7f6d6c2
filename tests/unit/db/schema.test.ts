/**
 * Schema upgrades: a database written by an older release must open with the current schema and keep
 * its data. The old schemas are frozen here as literals — never import them from lib/db/schema.ts, or
 * the test would upgrade the current schema to itself. When lib/db/schema.ts gains version(N), add
 * V{N-1} below and a test that writes V{N-1} data and checks what the upgrade function made of it.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { removePage, savePageReport } from '../../../lib/db/pages';
import { removedSince } from '../../../lib/db/removals';
import { queryTargets } from '../../../lib/db/query';
import { ReportLensDB } from '../../../lib/db/schema';

const V1 = {
  pages: '++id, &url, kind, regionKey, year, lastSeen',
  targets: '++id, pageId, indicatorKey, regionKey, year, kind',
  userEntries: '&id, term, hidden',
};

/** Records exactly as release 1 stored them (field names and shapes of that release). */
const V1_PAGE = {
  url: 'https://www.hengnan.gov.cn/zwgk/2022/report.html', title: '衡南縣2022年政府工作報告', kind: 'work-report', score: 0.99,
  region: '衡南縣', regionKey: '衡南县', year: 2022, termCount: 34, targetCount: 2, firstSeen: 1_650_000_000_000, lastSeen: 1_650_000_000_000,
};
const v1Target = (pageId: number, indicator: string, value: number) => ({
  pageId, kind: 'main', indicator, indicatorKey: indicator, value, valueMax: null, unit: '%', qualifier: '以上', direction: 'increase',
  hedge: '预期', year: 2022, section: '衡南县2022年政府工作报告 › 2022年工作安排', sentence: `${indicator}增長${value}%以上`, start: 100, end: 112,
  regionKey: '衡南县', quote: { exact: `${indicator}增長${value}%以上`, prefix: '主要預期目標', suffix: '，' },
});
const V1_USER_ENTRY = {
  id: 'user-san-gao', term: '三高四新', aliases: [], components: [], definition: '…', gloss: 'three highs, four news',
  scope: { level: 'province', region: '湖南省' }, related: [], sources: [], hidden: false, updatedAt: 1,
};

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function writeV1(name: string): Promise<number> {
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(V1);
  const pageId = (await v1.table('pages').add(V1_PAGE)) as number;
  await v1.table('targets').bulkAdd([v1Target(pageId, '地区生产总值', 8.5), v1Target(pageId, '固定资产投资', 10)]);
  await v1.table('userEntries').add(V1_USER_ENTRY);
  v1.close();
  return pageId;
}

describe('opening a version 1 database with the current schema', () => {
  it('keeps every page, target and user entry, and their indexes answer queries', async () => {
    const name = `upgrade-${Math.random()}`;
    const pageId = await writeV1(name);

    const db = new ReportLensDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(await db.pages.toArray()).toEqual([{ ...V1_PAGE, id: pageId }]);
    expect((await db.targets.toArray()).map((t) => [t.indicator, t.value, t.quote.prefix])).toEqual([
      ['地区生产总值', 8.5, '主要預期目標'],
      ['固定资产投资', 10, '主要預期目標'],
    ]);
    expect(await db.userEntries.get('user-san-gao')).toEqual(V1_USER_ENTRY);

    expect(await db.pages.where('url').equals(V1_PAGE.url).count()).toBe(1);
    const pages = new Map((await db.pages.toArray()).map((p) => [p.id, p]));
    expect(await queryTargets(db, { regionKey: '衡南县', indicatorKey: '地区生产总值', year: 2022, kind: 'main' }, pages)).toHaveLength(1);
    db.close();
  });

  it('lets the current code update an old page in place (the unique url index survived)', async () => {
    const name = `upgrade-${Math.random()}`;
    const pageId = await writeV1(name);
    const db = new ReportLensDB(name);
    const report = {
      url: V1_PAGE.url, title: V1_PAGE.title, script: 'traditional' as const, termCount: 35, terms: [], requested: false, readAt: 1_700_000_000_000, targets: [],
      report: { isReport: true, score: 0.99, kind: 'work-report' as const, reasons: [], region: '衡南縣', regionKey: '衡南县', year: 2022 },
    };
    expect(await savePageReport(db, report, 1_700_000_000_000)).toBe(pageId);
    expect(await db.pages.get(pageId)).toMatchObject({ firstSeen: V1_PAGE.firstSeen, lastSeen: 1_700_000_000_000, termCount: 35 });
    expect(await db.targets.count()).toBe(0);
    db.close();
  });

  it('gains the removal notes (version 2): removing an old page notes it, keeps the rest', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV1(name);
    const db = new ReportLensDB(name);
    expect(await removePage(db, V1_PAGE.url, 1_700_000_000_000)).toBe(true);
    expect(db.verno).toBe(2);
    expect(await db.removals.toArray()).toEqual([{ url: V1_PAGE.url, at: 1_700_000_000_000 }]);
    expect(await removedSince(db, V1_PAGE.url, V1_PAGE.lastSeen)).toBe(true);
    expect(await db.pages.count()).toBe(0);
    expect(await db.targets.count()).toBe(0);
    expect(await db.userEntries.get('user-san-gao')).toEqual(V1_USER_ENTRY);
    db.close();
  });
});
