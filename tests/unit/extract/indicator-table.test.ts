/**
 * A plan's 主要指标 table, read from the page text as the text model writes it (rows as lines, cells
 * separated by tabs). The national table's figures are those of the 14th Five-Year Plan's 专栏1
 * (tests/fixtures/pages/plan-indicators.html); the city one is made up (plan-indicators-mirror.html).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { htmlPageInput } from '../../../lib/cli/input';
import { extractTargets } from '../../../lib/extract';
import { findIndicatorTables, readValue } from '../../../lib/extract/indicator-table';
import type { Target } from '../../../lib/types';

const fixture = (path: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)), 'utf8');

type TableRow = [kind: Target['kind'], indicator: string, value: number | null, unit: string, qualifier: string, direction: Target['direction'], hedge: string, year: number | null];
const tableRows = (ts: Target[]): TableRow[] => ts.map((t) => [t.kind, t.indicator, t.value, t.unit, t.qualifier, t.direction, t.hedge, t.year]);

describe('the national 十四五 main-indicator table (plan-indicators.html)', () => {
  const input = htmlPageInput(fixture('pages/plan-indicators.html'));
  const targets = extractTargets({ text: input.text, headings: input.headings, year: 2021 });

  it('gives every row: the 2025 column as a figure or, in words, a goal; never the 2020 column', () => {
    expect(tableRows(targets)).toEqual<TableRow[]>([
      ['goal', '国内生产总值(GDP)增长保持在合理区间、各年度视情提出', null, '', '', 'increase', '预期性', 2025],
      ['goal', '全员劳动生产率增长高于GDP增长', null, '', '', 'increase', '预期性', 2025],
      ['other', '常住人口城镇化率', 65, '%', '', 'level', '预期性', 2025],
      // >7、力争投入强度高于“十三五”时期实际: the figure, the words after it a remark.
      ['other', '全社会研发经费投入增长', 7, '%', '以上', 'increase', '预期性', 2025],
      ['other', '每万人口高价值发明专利拥有量', 12, '件', '', 'level', '预期性', 2025],
      ['other', '数字经济核心产业增加值占GDP比重', 10, '%', '', 'level', '预期性', 2025],
      ['goal', '居民人均可支配收入增长与GDP增长基本同步', null, '', '', 'increase', '预期性', 2025],
      ['other', '城镇调查失业率', 5.5, '%', '以内', 'level', '预期性', 2025],
      ['other', '劳动年龄人口平均受教育年限', 11.3, '年', '', 'level', '约束性', 2025],
      ['other', '每千人口拥有执业(助理)医师数', 3.2, '人', '', 'level', '预期性', 2025],
      ['other', '基本养老保险参保率', 95, '%', '', 'level', '预期性', 2025],
      ['other', '每千人口拥有3岁以下婴幼儿托位数', 4.5, '个', '', 'level', '预期性', 2025],
      // 〔〕内为5年累计数: one year more over the five years.
      ['other', '人均预期寿命(累计)', 1, '岁', '', 'increase', '预期性', 2025],
      ['other', '单位GDP能源消耗降低(累计)', 13.5, '%', '', 'decrease', '约束性', 2025],
      ['other', '单位GDP二氧化碳排放降低(累计)', 18, '%', '', 'decrease', '约束性', 2025],
      ['other', '地级及以上城市空气质量优良天数比率', 87.5, '%', '', 'level', '约束性', 2025],
      ['other', '地表水达到或好于Ⅲ类水体比例', 85, '%', '', 'level', '约束性', 2025],
      ['other', '森林覆盖率', 24.1, '%', '', 'level', '约束性', 2025],
      ['other', '粮食综合生产能力', 6.5, '亿吨', '以上', 'level', '约束性', 2025],
      ['other', '能源综合生产能力', 46, '亿吨标准煤', '以上', 'level', '约束性', 2025],
    ]);
    expect(targets.every((t) => t.valueMax === null)).toBe(true);
  });

  it('quotes each row as the page writes it, at its offsets, under the table’s caption', () => {
    for (const t of targets) expect(input.text.slice(t.start, t.end)).toBe(t.sentence);
    expect(targets[0]!.sentence).toBe('经济发展\t1.国内生产总值（GDP）增长（%）\t2.3\t保持在合理区间、各年度视情提出\t预期性');
    expect(targets[1]!.sentence).toBe('2.全员劳动生产率增长（%）\t2.5\t高于GDP增长\t预期性');
    expect(new Set(targets.map((t) => t.section.split(' › ').pop()))).toEqual(new Set(['专栏1 “十四五”时期经济社会发展主要指标']));
    expect(new Set(targets.map((t) => t.indicatorKey)).size).toBe(20);
  });

  it('a page recognised as the plan gets them from the whole pass, its five-year targets as other targets (not the year’s main ones)', () => {
    const analysis = analyzePage(input, { matchers: [] });
    expect(analysis.report).toMatchObject({ isReport: true, kind: 'plan', year: 2021 });
    expect(tableRows(analysis.targets)).toEqual(tableRows(targets));
  });
});

describe('a city table on a traditional mirror (plan-indicators-mirror.html, made up)', () => {
  const input = htmlPageInput(fixture('pages/plan-indicators-mirror.html'));
  const { targets } = analyzePage(input, { matchers: [] });

  it('reads <br> headers, <p>/<span>/<font> cells, full-width digits and a 年均增長/累計 column; names in the page’s script', () => {
    expect(tableRows(targets)).toEqual<TableRow[]>([
      ['other', '地區生產總值', 4000, '亿元', '', 'level', '预期性', 2025],
      ['other', '地區生產總值年均增長', 7, '%', '左右', 'increase', '预期性', 2025],
      ['other', '一般公共預算收入', 240, '亿元', '', 'level', '预期性', 2025],
      ['other', '一般公共預算收入年均增長', 5.6, '%', '', 'increase', '预期性', 2025],
      ['other', '常住人口城鎮化率', 63, '%', '', 'level', '预期性', 2025],
      ['other', '研發經費投入強度', 2.5, '%', '', 'level', '预期性', 2025],
      ['other', '每萬人口高價值發明專利擁有量', 4, '件', '', 'level', '预期性', 2025],
      ['other', '城鎮調查失業率', 5.5, '%', '以内', 'level', '预期性', 2025],
      ['goal', '居民人均可支配收入增長與經濟增長基本同步', null, '', '', 'increase', '预期性', 2025],
      ['other', '人均預期壽命', 78.8, '岁', '', 'level', '预期性', 2025],
      ['other', '單位地區生產總值能耗降低(累計)', 14, '%', '', 'decrease', '约束性', 2025],
      ['other', '森林覆蓋率', 65.5, '%', '', 'level', '约束性', 2025],
      ['other', '糧食綜合生產能力', 310, '万吨', '以上', 'level', '约束性', 2025],
    ]);
    expect(targets.map((t) => t.indicatorKey).slice(0, 2)).toEqual(['地区生产总值', '地区生产总值年均增长']);
    for (const t of targets) expect(input.text.slice(t.start, t.end)).toBe(t.sentence);
  });

  it('gives nothing for the table of past years below it (2019年 | 2020年 | 比上年增長)', () => {
    const past = input.text.indexOf('附表');
    expect(past).toBeGreaterThan(0);
    expect(targets.filter((t) => t.start > past)).toEqual([]);
  });
});

describe('findIndicatorTables', () => {
  const table = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

  it('needs a header naming the indicator and a year ahead', () => {
    const body = [['地区生产总值（亿元）', '2856', '4000', '预期性']];
    // 属性 says the year is ahead, so does 目标, and so does a year after the report's.
    expect(findIndicatorTables(table([['指标', '2020年', '2025年', '属性'], ...body]), null)[0]!.targets).toHaveLength(1);
    expect(findIndicatorTables(table([['指标', '2020年', '2025年目标', '备注'], ...body]), null)[0]!.targets).toHaveLength(1);
    expect(findIndicatorTables(table([['指标', '2020年', '2025年', '备注'], ...body]), 2021)[0]!.targets).toHaveLength(1);
    // Nothing says so: a table of figures.
    expect(findIndicatorTables(table([['指标', '2020年', '2025年', '备注'], ...body]), null)).toEqual([]);
    // A past plan's table, read in a later report (十三五 in a 2021 plan).
    expect(findIndicatorTables(table([['指标', '2015年', '2020年', '属性'], ...body]), 2021)).toEqual([]);
    // No 指标 column.
    expect(findIndicatorTables(table([['项目', '2020年', '2025年', '属性'], ...body]), null)).toEqual([]);
  });

  it('gives nothing for a statistics table of past years, whatever the report year', () => {
    const stats = table([
      ['指标', '单位', '2019年', '2020年', '比上年增长（%）'],
      ['地区生产总值', '亿元', '2741', '2856', '4.2'],
      ['社会消费品零售总额', '亿元', '1203', '1189', '-1.2'],
    ]);
    for (const year of [null, 2020, 2021]) expect(findIndicatorTables(stats, year)).toEqual([]);
  });

  it('gives nothing for a league table or a news list', () => {
    const league = table([
      ['球员', '得分', '篮板', '助攻', '出场时间'],
      ['马库斯', '31', '9', '4', '36分12秒'],
    ]);
    const news = table([
      ['标题', '发布日期'],
      ['衡阳市人民政府关于印发2025年重点工作任务分解方案的通知', '2025-02-10'],
    ]);
    expect(findIndicatorTables(league, 2025)).toEqual([]);
    expect(findIndicatorTables(news, 2025)).toEqual([]);
  });

  it('lines up rows a merged 类别 cell left short from the right, and takes a merged 属性 from above', () => {
    const text = table([
      ['类别', '指标', '2020年', '2025年', '属性'],
      ['绿色生态', '森林覆盖率（%）', '23.2*', '24.1', '约束性'],
      ['单位GDP能源消耗降低（%）', '—', '〔13.5〕'],
    ]);
    const [t] = findIndicatorTables(text, 2021);
    expect(t!.targets.map((x) => [x.indicator.text, x.value, x.unit, x.hedge])).toEqual([
      ['森林覆盖率', 24.1, '%', '约束性'],
      ['单位GDP能源消耗降低(累计)', 13.5, '%', '约束性'],
    ]);
  });

  it('takes a separate 单位 column and a 年均增长（%） column, and ends at the note below', () => {
    const text = `${table([
      ['指标名称', '单位', '2020年', '2025年', '年均增长（%）', '属性'],
      ['地区生产总值', '亿元', '2856', '4000', '7左右', '预期性'],
    ])}\n注：〔〕内为五年累计数。\n地区生产总值增长7%左右`;
    const [t] = findIndicatorTables(text, 2021);
    expect(t!.targets.map((x) => [x.indicator.text, x.value, x.unit, x.qualifier, x.direction])).toEqual([
      ['地区生产总值', 4000, '亿元', '', 'level'],
      ['地区生产总值年均增长', 7, '%', '左右', 'increase'],
    ]);
    expect(text.slice(t!.start, t!.end).endsWith('预期性')).toBe(true);
  });
});

describe('readValue', () => {
  it('reads figures, bounds, totals and ranges; words are goals; a dash is nothing', () => {
    expect(readValue('65')).toEqual({ kind: 'value', value: 65, valueMax: null, unit: '', qualifier: '', cumulative: false });
    expect(readValue('60.6*')).toMatchObject({ value: 60.6 });
    expect(readValue('>6.5')).toMatchObject({ value: 6.5, qualifier: '以上' });
    expect(readValue('≥310')).toMatchObject({ value: 310, qualifier: '以上' });
    expect(readValue('<5.5')).toMatchObject({ value: 5.5, qualifier: '以内' });
    expect(readValue('不超过5.5')).toMatchObject({ value: 5.5, qualifier: '以内' });
    expect(readValue('7.5左右')).toMatchObject({ value: 7.5, qualifier: '左右' });
    expect(readValue('6-6.5')).toMatchObject({ value: 6, valueMax: 6.5 });
    expect(readValue('〔13.5〕')).toMatchObject({ value: 13.5, cumulative: true });
    expect(readValue('>7、力争投入强度高于“十三五”时期实际')).toMatchObject({ value: 7, qualifier: '以上' });
    expect(readValue('高于GDP增长')).toEqual({ kind: 'goal' });
    expect(readValue('与GDP增长基本同步')).toEqual({ kind: 'goal' });
    for (const none of ['—', '--', '', '/', '2.3倍']) expect(readValue(none)).toBeNull();
    // A note mark after the figure is the note's.
    expect(readValue('65①')).toMatchObject({ value: 65 });
    expect(readValue('〔18〕*')).toMatchObject({ value: 18, cumulative: true });
  });
});

describe('other table shapes', () => {
  const table = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

  it('a work report’s table for its own year gives the year’s main targets; its 完成 column is the past', () => {
    const text = `2024年政府工作报告\n${table([
      ['指标', '2023年完成', '2024年目标'],
      ['地区生产总值增长（%）', '4.6', '5左右'],
      ['城镇新增就业（万人）', '4.2', '>4'],
    ])}`;
    const ts = extractTargets({ text, year: 2024 });
    expect(ts.map((t) => [t.kind, t.indicator, t.value, t.unit, t.qualifier, t.year, t.hedge])).toEqual([
      ['main', '地区生产总值增长', 5, '%', '左右', 2024, ''],
      ['main', '城镇新增就业', 4, '万人', '以上', 2024, ''],
    ]);
  });

  it('a header cell spanning 序号 and the name lines up from the right', () => {
    const text = table([
      ['类别', '指标', '2020年', '2025年', '属性'],
      ['经济发展', '1', '常住人口城镇化率（%）', '60.6*', '65', '预期性'],
      ['2', '森林覆盖率（%）★', '23.2*', '24.1', '约束性'],
    ]);
    const [t] = findIndicatorTables(text, 2021);
    expect(t!.targets.map((x) => [x.indicator.text, x.value, x.hedge])).toEqual([
      ['常住人口城镇化率', 65, '预期性'],
      ['森林覆盖率', 24.1, '约束性'],
    ]);
  });

  it('reads a long text with a lone tab at its end in one scan', () => {
    const text = `${'一行没有制表符的文字。\n'.repeat(50_000)}甲\t乙`;
    const t0 = performance.now();
    expect(findIndicatorTables(text, 2021)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('a table’s targets through the message check and the library’s JSON export and import', () => {
  it('keep every field, the 属性 in the hedge and the tab-separated row as the sentence', async () => {
    const { parseTarget } = await import('../../../lib/messaging/validate');
    const { toJson } = await import('../../../lib/db/export');
    const { parseImport } = await import('../../../lib/db/import');
    const input = htmlPageInput(fixture('pages/plan-indicators-mirror.html'));
    const { targets } = analyzePage(input, { matchers: [] });
    for (const [i, t] of targets.entries()) expect(parseTarget(JSON.parse(JSON.stringify(t)), `targets[${i}]`)).toMatchObject(t);
    const page = {
      id: 1, url: 'https://www.example.gov.cn/plan.html', title: '雲溪市…綱要', kind: 'plan' as const, score: 0.9, region: '雲溪市',
      regionKey: '云溪市', year: 2021, termCount: 0, targetCount: targets.length, firstSeen: 1000, lastSeen: 2000,
    };
    const records = targets.map((t, i) => ({ ...t, id: i + 1, pageId: 1, regionKey: t.regionKey ?? null, quote: { exact: t.sentence, prefix: '', suffix: '' } }));
    const back = parseImport(toJson([page], records));
    expect(back.targets).toHaveLength(targets.length);
    back.targets.forEach((t, i) => {
      const { id: _id, pageId: _pageId, ...rest } = records[i]!;
      expect(t).toMatchObject(rest);
    });
    expect(back.targets.map((t) => t.hedge)).toContain('约束性');
  });
});

describe('header wordings', () => {
  const table = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
  it('finds the target year in 规划目标（2025年）, and reads 2021—2025年年均增长 as the 年均 column', () => {
    const text = table([
      ['指标', '基期（2020年）', '规划目标（2025年）', '2021—2025年年均增长（%）'],
      ['地区生产总值（亿元）', '2856', '4000', '7'],
    ]);
    const [t] = findIndicatorTables(text, null);
    expect(t!.targets.map((x) => [x.indicator.text, x.value, x.unit, x.year])).toEqual([
      ['地区生产总值', 4000, '亿元', 2025],
      ['地区生产总值年均增长', 7, '%', 2025],
    ]);
  });
});

describe('terms on a table page', () => {
  it('are found inside cells and never run across two', async () => {
    const { bundledMatcher } = await import('../../../lib/glossary/bundled');
    const text = ['类别\t指标\t2020年\t2025年\t属性', '经济发展\t三高\t四新\t六稳\t预期性', '1.“十四五”末常住人口城镇化率（%）\t60.6*\t65\t预期性'].join('\n');
    const { terms } = analyzePage({ text, title: '', url: '', headings: [] }, { matchers: [bundledMatcher()], force: true });
    expect(terms.map((t) => t.text)).toEqual(['六稳', '十四五']);
  });
});

describe('tables in a row', () => {
  it('a second table’s header starts a table of its own; a short line after the last row is not the table’s', () => {
    const table = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
    const text = [
      '专栏1 经济发展主要指标',
      table([['指标', '2020年', '2025年', '属性'], ['地区生产总值（亿元）', '2856', '4000', '预期性']]),
      '专栏2 生态环境主要指标',
      table([['指标', '2020年', '2025年', '属性'], ['森林覆盖率（%）', '65.2', '65.5', '约束性']]),
      '第四章 创新驱动',
    ].join('\n');
    const tables = findIndicatorTables(text, 2021);
    expect(tables.map((t) => [text.slice(t.caption!.start, t.caption!.end), t.targets.map((x) => [x.indicator.text, x.value])])).toEqual([
      ['专栏1 经济发展主要指标', [['地区生产总值', 4000]]],
      ['专栏2 生态环境主要指标', [['森林覆盖率', 65.5]]],
    ]);
    expect(text.slice(tables[1]!.end)).toBe('\n第四章 创新驱动');
  });
});
