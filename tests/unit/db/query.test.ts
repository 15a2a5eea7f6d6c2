import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  compareGroups,
  filterTargets,
  loadFacets,
  niceTicks,
  pageIndex,
  headable,
  queryHead,
  queryTargets,
  sortTargets,
  unitScale,
  unitsOf,
  type TargetFilter,
} from '../../../lib/db/query';
import { ReportLensDB, type TargetRecord } from '../../../lib/db/schema';
import { page, target } from './library-fixtures';

const pages = [
  page(1, { region: '衡南縣', regionKey: '衡南县', title: '衡南縣2022年政府工作報告' }),
  page(2, { region: null, regionKey: null, title: '湖南地方动态_资讯列表' }),
  page(3, { region: '衡阳市', regionKey: '衡阳市', year: 2021, title: '衡阳市2021年政府工作报告' }),
];
const index = pageIndex(pages);
const rows: TargetRecord[] = [
  target(1, '地区生产总值', 8.5),
  target(1, '固定资产投资', 10),
  target(1, '进出口总额', 15, { qualifier: '左右' }),
  target(2, '地区生产总值', 8, { regionKey: null, qualifier: '' }),
  target(2, '地区生产总值', 7.5, { regionKey: null }),
  target(2, '地区生产总值', 3400, { regionKey: null, unit: '亿元', year: 2026, kind: 'other', qualifier: '' }),
  target(2, '高质量跨越式发展迈出更大步伐', null, { regionKey: null, year: 2026, kind: 'goal', unit: '', qualifier: '' }),
  target(3, '地区生产总值', 7, { regionKey: '衡阳市', year: 2021, valueMax: 7.5, qualifier: '' }),
  target(3, '城镇调查失业率', 5.5, { regionKey: '衡阳市', year: null, direction: 'level', qualifier: '以内', sentence: '城鎮調查失業率控制在5.5%以內' }),
];
const indicators = (ts: TargetRecord[]) => ts.map((t) => `${t.indicator}:${t.value}`);

describe('filterTargets', () => {
  it('returns every row for an empty filter', () => {
    expect(filterTargets(rows, {}, index)).toHaveLength(rows.length);
    expect(filterTargets(rows, { text: '   ' }, index)).toHaveLength(rows.length);
  });

  it('filters by region, with null meaning "region not recognised"', () => {
    expect(filterTargets(rows, { regionKey: '衡南县' }, index).every((t) => t.pageId === 1)).toBe(true);
    expect(filterTargets(rows, { regionKey: '衡南县' }, index)).toHaveLength(3);
    expect(filterTargets(rows, { regionKey: null }, index)).toHaveLength(4);
  });

  it('filters by year (null = unknown), indicator and kind, all together', () => {
    expect(filterTargets(rows, { year: 2026 }, index)).toHaveLength(2);
    expect(filterTargets(rows, { year: null }, index).map((t) => t.indicator)).toEqual(['城镇调查失业率']);
    expect(indicators(filterTargets(rows, { indicatorKey: '地区生产总值', year: 2022 }, index))).toEqual(['地区生产总值:8.5', '地区生产总值:8', '地区生产总值:7.5']);
    expect(filterTargets(rows, { kind: 'goal' }, index)).toHaveLength(1);
    expect(filterTargets(rows, { kind: 'main', regionKey: null, year: 2022 }, index)).toHaveLength(2);
  });

  it('searches text across script and width: every word must occur somewhere in the row or its page', () => {
    expect(filterTargets(rows, { text: '失业率' }, index)).toHaveLength(1); // the sentence is traditional
    expect(filterTargets(rows, { text: '衡南縣' }, index)).toHaveLength(3); // region key and page title
    expect(filterTargets(rows, { text: '资讯列表 生产总值' }, index)).toHaveLength(3);
    expect(filterTargets(rows, { text: 'ＸＹＺ' }, index)).toHaveLength(0);
  });
});

describe('names in either script (a traditional page’s 地區生產總值, a simplified page’s 地区生产总值)', () => {
  const mixed = [
    target(1, '地區生產總值', 8.5, { indicatorKey: '地区生产总值', sentence: '地區生產總值增長8.5%以上' }),
    target(3, '地区生产总值', 7, { regionKey: '衡阳市' }),
    target(3, '固定资产投资', 10, { regionKey: '衡阳市' }),
  ];

  it('are one indicator for the indicator filter and the chart, which go by the key', () => {
    expect(indicators(filterTargets(mixed, { indicatorKey: '地区生产总值' }, index))).toEqual(['地區生產總值:8.5', '地区生产总值:7']);
    expect(compareGroups(mixed, '地区生产总值', '%').map((g) => [g.regionKey, g.points.map((p) => p.target.indicator)])).toEqual([
      ['衡南县', ['地區生產總值']],
      ['衡阳市', ['地区生产总值']],
    ]);
  });

  it('are found by a search in either script', () => {
    for (const text of ['地區生產總值', '地区生产总值', '生產总值']) expect(indicators(filterTargets(mixed, { text }, index))).toEqual(['地區生產總值:8.5', '地区生产总值:7']);
    expect(filterTargets(mixed, { text: '地區生產總值', regionKey: '衡阳市' }, index)).toHaveLength(1);
  });
});

describe('sections in either script (saved before and after sections kept the page’s script)', () => {
  const mixed = [
    target(1, '糧食總產量', 62, { indicatorKey: '粮食总产量', section: '衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定' }),
    // A record saved before: its section is folded (simplified).
    target(1, '粮食总产量', 60, { section: '衡南县2022年政府工作报告 › 2022年工作安排 › 坚定不移保稳定' }),
    target(1, '地区生产总值', 8.5, { section: '衡南县2022年政府工作报告 › 2022年工作安排' }),
  ];

  it('are found by a search for the heading in either script', () => {
    for (const text of ['堅定不移保穩定', '坚定不移保稳定', '坚定不移 保穩定']) {
      expect(indicators(filterTargets(mixed, { text }, index)), text).toEqual(['糧食總產量:62', '粮食总产量:60']);
    }
    expect(indicators(filterTargets(mixed, { text: '2022年工作安排 堅定' }, index))).toEqual(['糧食總產量:62', '粮食总产量:60']);
  });
});

describe('sortTargets', () => {
  it('sorts numbers numerically, both ways, within their unit (the most used first), unknown values last either way', () => {
    const asc = sortTargets(rows, { key: 'value', dir: 'asc' }, index).map((t) => t.value);
    expect(asc).toEqual([5.5, 7, 7.5, 8, 8.5, 10, 15, 3400, null]);
    const desc = sortTargets(rows, { key: 'value', dir: 'desc' }, index).map((t) => t.value);
    expect(desc).toEqual([15, 10, 8.5, 8, 7.5, 7, 5.5, 3400, null]);
    const years = sortTargets(rows, { key: 'year', dir: 'desc' }, index).map((t) => t.year);
    expect(years.at(-1)).toBeNull();
    expect(years[0]).toBe(2026);
  });

  it('compares values in their unit’s own measure: 万, 亿, 千 and their combinations scale the number', () => {
    const mixed = [
      target(1, '旅游收入', 600, { unit: '亿元' }),
      target(1, '接待游客', 7800, { unit: '万人次' }),
      target(1, '人均地区生产总值', 7, { unit: '万元' }),
      target(1, '新型职业农民', 5000, { unit: '名' }),
      target(1, '地区生产总值', 3400, { unit: '亿元' }),
      target(1, '农产品加工销售收入', 9000, { unit: '万元' }),
      target(1, '游客', 1.2, { unit: '亿人次' }),
      target(1, '地方一般公共预算收入', 1.1, { unit: '万亿元' }),
    ];
    const show = (dir: 'asc' | 'desc') => sortTargets(mixed, { key: 'value', dir }, index).map((t) => `${t.value}${t.unit}`);
    // Before: by the raw number, 9000万元 and 7800万人次 above 3400亿元.
    expect(show('desc')).toEqual(['1.1万亿元', '3400亿元', '600亿元', '9000万元', '7万元', '1.2亿人次', '7800万人次', '5000名']);
    expect(show('asc')).toEqual(['7万元', '9000万元', '600亿元', '3400亿元', '1.1万亿元', '7800万人次', '1.2亿人次', '5000名']);
    expect(unitScale('万千瓦')).toEqual({ base: '瓦', factor: 1e7 });
    expect(unitScale('千米')).toEqual({ base: '米', factor: 1e3 });
    expect(unitScale('个百分点')).toEqual({ base: '个百分点', factor: 1 });
    expect(unitScale('万')).toEqual({ base: '', factor: 1e4 });
  });

  it('is stable and keeps database order among equal keys', () => {
    const byRegion = sortTargets(rows, { key: 'region', dir: 'asc' }, index);
    expect(byRegion.slice(0, 3).map((t) => t.indicator)).toEqual(['地区生产总值', '固定资产投资', '进出口总额']);
    expect(byRegion.slice(-4).every((t) => t.regionKey === null)).toBe(true);
  });

  it('sorts names written in either script together (a traditional page’s 地區生產總值 with 地区生产总值)', () => {
    const mixed = [
      target(1, '地區生產總值', 8.5, { indicatorKey: '地区生产总值' }),
      target(3, '固定资产投资', 10),
      target(3, '地区生产总值', 7),
      target(1, '固定資產投資', 9, { indicatorKey: '固定资产投资' }),
    ];
    for (const dir of ['asc', 'desc'] as const) {
      const keys = sortTargets(mixed, { key: 'indicator', dir }, index).map((t) => t.indicatorKey);
      expect(keys[0]).toBe(keys[1]);
      expect(keys[2]).toBe(keys[3]);
    }
    expect(sortTargets(mixed, { key: 'indicator', dir: 'asc' }, index).map((t) => `${t.indicator}:${t.value}`)).toEqual([
      '地區生產總值:8.5',
      '地区生产总值:7',
      '固定资产投资:10',
      '固定資產投資:9',
    ]);
  });

  it('sorts by page title and kind', () => {
    expect(sortTargets(rows, { key: 'page', dir: 'asc' }, index).map((t) => t.pageId)[0]).toBeDefined();
    expect(sortTargets(rows, { key: 'kind', dir: 'desc' }, index)[0]!.kind).toBe('goal');
  });

  it('does not change its input', () => {
    const copy = rows.slice();
    sortTargets(rows, { key: 'indicator', dir: 'desc' }, index);
    expect(rows).toEqual(copy);
  });
});

describe('compareGroups', () => {
  it('groups one indicator in one unit by (region, year): regions sorted, unknown region last', () => {
    const groups = compareGroups(rows, '地区生产总值', '%');
    expect(groups.map((g) => [g.regionKey, g.year, g.points.length, g.min, g.max])).toEqual([
      ['衡南县', 2022, 1, 8.5, 8.5],
      ['衡阳市', 2021, 1, 7, 7.5], // a range 7–7.5 reaches its upper end
      [null, 2022, 2, 7.5, 8],
    ]);
    expect(compareGroups(rows, '地区生产总值', '亿元').map((g) => [g.year, g.max])).toEqual([[2026, 3400]]);
    expect(compareGroups(rows, '不存在', '%')).toEqual([]);
  });

  it('lists the units an indicator is given in, most frequent first, ignoring rows without a value', () => {
    expect(unitsOf(rows.filter((t) => t.indicatorKey === '地区生产总值'))).toEqual(['%', '亿元']);
    expect(unitsOf(rows.filter((t) => t.kind === 'goal'))).toEqual([]);
  });
});

describe('niceTicks', () => {
  it('starts at zero and ends at a round number at or above the maximum', () => {
    expect(niceTicks(7, 8.5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(3400, 3400)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(0.1, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(-2, 5)).toEqual([-2, 0, 2, 4, 6]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  it('works at any magnitude an import can hold, and falls back to a plain axis where none can be drawn', () => {
    // 1e-200 made toFixed(202) throw a RangeError and the whole library page went blank.
    expect(niceTicks(1e-200, 1e-200)).toEqual([0, 2e-201, 4e-201, 6e-201, 8e-201, 1e-200]);
    expect(niceTicks(1e300, 1e300)).toEqual([0, 2e299, 4e299, 6e299, 8e299, 1e300]);
    expect(niceTicks(-1e12, 1e12)).toEqual([-1e12, -5e11, 0, 5e11, 1e12]);
    // ±1e308 span more than Number.MAX_VALUE: the axis was NaN and every mark drawn at y="NaN".
    expect(niceTicks(-1e308, 1e308)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN, 5)).toEqual([0, 1]);
    expect(niceTicks(0, Number.POSITIVE_INFINITY)).toEqual([0, 1]);
    for (const [lo, hi] of [[1e-200, 1e-200], [1e300, 1e300], [-1e12, 1e12], [0.07, 0.3], [-7.3e-9, 2.1e-8]] as const) {
      const ticks = niceTicks(lo, hi);
      expect(ticks.every(Number.isFinite), `${lo}..${hi}`).toBe(true);
      expect(ticks[0]! <= Math.min(0, lo) && ticks.at(-1)! >= hi, `${lo}..${hi}`).toBe(true);
      expect(new Set(ticks).size, `${lo}..${hi}`).toBe(ticks.length);
    }
  });
});

describe('queryTargets and loadFacets (IndexedDB)', () => {
  let db: ReportLensDB;
  beforeEach(async () => {
    db = new ReportLensDB(`query-${Math.random()}`);
    await db.pages.bulkAdd(pages);
    await db.targets.bulkAdd(rows);
  });
  afterEach(async () => {
    await db.delete();
  });

  const same = async (filter: TargetFilter) => {
    const fromDb = await queryTargets(db, filter, index);
    expect(fromDb.map((t) => t.id).sort(), JSON.stringify(filter)).toEqual(filterTargets(rows, filter, index).map((t) => t.id).sort());
    return fromDb;
  };

  it('gives the same rows as the in-memory filter, through whichever index is most selective', async () => {
    expect(await same({})).toHaveLength(rows.length);
    expect(await same({ regionKey: '衡南县' })).toHaveLength(3);
    expect(await same({ regionKey: null })).toHaveLength(4);
    expect(await same({ indicatorKey: '地区生产总值', year: 2022, kind: 'main' })).toHaveLength(3);
    expect(await same({ year: null })).toHaveLength(1);
    expect(await same({ regionKey: '衡阳市', text: '失业' })).toHaveLength(1);
    expect(await same({ kind: 'goal', regionKey: '衡南县' })).toHaveLength(0);
  });

  it('reads the filter menus from the indexes', async () => {
    const facets = await loadFacets(db);
    expect(facets).toMatchObject({
      regions: ['衡南县', '衡阳市'],
      years: [2026, 2022, 2021],
      kinds: ['main', 'other', 'goal'],
      unknownRegion: true,
      unknownYear: true,
      total: rows.length,
    });
    expect(facets.indicators).toContain('地区生产总值');
    expect(new Set(facets.indicators).size).toBe(facets.indicators.length);
  });

  it('reads the first rows of a one-index filter in list order, with the whole filter\'s count', async () => {
    for (const filter of [{}, { regionKey: '衡南县' }, { indicatorKey: '地区生产总值' }, { year: 2026 }, { kind: 'main' }] as TargetFilter[]) {
      const every = await queryTargets(db, filter, index);
      for (const limit of [1, 2, 100]) {
        const head = await queryHead(db, filter, limit);
        expect(head, JSON.stringify(filter)).toBeDefined();
        expect(head!.count, JSON.stringify(filter)).toBe(every.length);
        // The same order the full read lists them in, so the rest continues where the head stops.
        expect(head!.rows.map((t) => t.id), JSON.stringify(filter)).toEqual(every.slice(0, limit).map((t) => t.id));
      }
    }
  });

  it('leaves filters no single index answers to queryTargets', async () => {
    expect(await queryHead(db, { regionKey: null }, 10)).toBeUndefined();
    expect(await queryHead(db, { year: null }, 10)).toBeUndefined();
    expect(await queryHead(db, { regionKey: '衡南县', kind: 'main' }, 10)).toBeUndefined();
    expect(await queryHead(db, { text: '失业' }, 10)).toBeUndefined();
    expect(await queryHead(db, { text: '  ' }, 10)).toBeDefined();
    // headable says the same without a query, so the page knows at once which way a filter goes.
    for (const filter of [{ regionKey: null }, { year: null }, { regionKey: '衡南县', kind: 'main' as const }, { text: '失业' }]) expect(headable(filter)).toBe(false);
    for (const filter of [{}, { text: '  ' }, { kind: 'main' as const }, { year: 2022 }]) expect(headable(filter)).toBe(true);
  });
});
