/**
 * 主要指标 tables the first reading got wrong: a header over two rows, cells merged down in middle
 * columns (a unit, a 年均 figure, a 属性) or across two (a goal over 2025年 and 年均), 万/亿 written in a
 * cell, and the unit of a 年均 or 累计 figure. The fixtures are made up (plan-indicators-split.html,
 * plan-indicators-merged.html); the text tables below are written the way the text model gives a
 * table: a row a line, its cells split by '\t', a cell merged from above missing from the row.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { htmlPageInput } from '../../../lib/cli/input';
import { findIndicatorTables } from '../../../lib/extract/indicator-table';
import { bundledMatcher } from '../../../lib/glossary/bundled';
import type { ParsedPageEntry } from '../../../lib/glossary/page';
import type { Target } from '../../../lib/types';

const fixture = (path: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)), 'utf8');
type Row = [indicator: string, value: number | null, unit: string, qualifier: string, direction: Target['direction'], hedge: string];
const rows = (ts: Target[]): Row[] => ts.map((t) => [t.indicator, t.value, t.unit, t.qualifier, t.direction, t.hedge]);
const table = (r: string[][]) => r.map((c) => c.join('\t')).join('\n');
const read = (text: string, year: number | null = 2021) =>
  findIndicatorTables(text, year).flatMap((t) => t.targets.map((x) => [x.indicator.text, x.value, x.unit, x.qualifier, x.hedge]));

describe('a province’s table with a header over two rows (plan-indicators-split.html, made up)', () => {
  const input = htmlPageInput(fixture('pages/plan-indicators-split.html'));
  const r = analyzePage(input, { matchers: [bundledMatcher()] });

  it('is a plan; every row lines up under 规划目标’s 2020年 | 2025年 | 年均增长/累计, merged cells taken from above', () => {
    expect([r.report.isReport, r.report.kind, r.report.region, r.report.year]).toEqual([true, 'plan', '青岚省', 2021]);
    expect(rows(r.targets)).toEqual<Row[]>([
      ['地区生产总值', 40000, '亿元', '', 'level', '预期性'],
      ['地区生产总值年均增长', 7, '%', '左右', 'increase', '预期性'],
      // 7左右 and 预期性 are merged over this row too; 元 is its own.
      ['人均地区生产总值', 87000, '元', '', 'level', '预期性'],
      ['人均地区生产总值年均增长', 7, '%', '左右', 'increase', '预期性'],
      ['常住人口城镇化率', 64, '%', '', 'level', '预期性'],
      // A total of a rate that is a level: 个百分点 or %, the table does not say.
      ['常住人口城镇化率(累计)', 5.2, '', '', 'increase', '预期性'],
      // 5050万左右 under an empty 单位.
      ['常住人口规模', 5050, '万', '左右', 'level', '预期性'],
      ['研发经费投入强度', 2.8, '%', '', 'level', '预期性'],
      ['研发经费投入强度年均增长', 0.14, '个百分点', '', 'increase', '预期性'],
      ['每万人口高价值发明专利拥有量', 6, '件', '', 'level', '预期性'],
      ['城镇居民人均可支配收入', 58000, '元', '', 'level', '预期性'],
      ['城镇居民人均可支配收入年均增长', 7, '%', '', 'increase', '预期性'],
      // 元 merged down from the row above; the row's own 8.5 stays in the 年均 column.
      ['农村居民人均可支配收入', 26000, '元', '', 'level', '预期性'],
      ['农村居民人均可支配收入年均增长', 8.5, '%', '', 'increase', '预期性'],
      ['城镇新增就业', 60, '万人', '以上', 'level', '预期性'],
      ['城镇新增就业(累计)', 300, '万人', '', 'increase', '预期性'],
      // One goal across 2025年 and 年均 (colspan): once, not the row above's figure.
      ['单位地区生产总值能源消耗降低完成国家下达任务', null, '', '', 'decrease', '约束性'],
      ['森林覆盖率', 60.2, '%', '', 'level', '约束性'],
      ['森林覆盖率(累计)', 0.3, '', '', 'increase', '约束性'],
    ]);
    for (const t of r.targets) expect(input.text.slice(t.start, t.end)).toBe(t.sentence);
    expect(new Set(r.targets.map((t) => t.section.split(' › ').pop()))).toEqual(new Set(['专栏1 青岚省“十四五”时期经济社会发展主要指标']));
  });

  it('gives nothing for the table of past years (完成情况 over 2019年 | 2020年)', () => {
    const past = input.text.indexOf('附表');
    expect(past).toBeGreaterThan(0);
    expect(r.targets.filter((t) => t.start > past)).toEqual([]);
  });

  it('takes its 名词解释 table (序号 | 名词 | 解释) as the page’s own glossary, and marks the terms in the text', () => {
    expect(r.pageGlossary.map((e) => [e.term, e.marker, e.definition])).toEqual([
      ['一核两翼', '1.', '以省会都市圈为核心，以东部沿江经济带和西部生态经济区为两翼的全省区域发展总体布局。'],
      ['三链协同', '2.', '推动产业链、创新链、人才链协同发展，围绕重点产业链布局创新链、配置人才链的工作机制。'],
    ]);
    expect(r.terms.filter((t) => t.source === 'page').map((t) => t.text)).toEqual(['一核两翼', '一核两翼', '三链协同']);
  });
});

describe('a city’s page laid out in a table (plan-indicators-merged.html, made up)', () => {
  const input = htmlPageInput(fixture('pages/plan-indicators-merged.html'));
  const r = analyzePage(input, { matchers: [bundledMatcher()] });

  it('reads 2025年 over 目标值 | 年均增长（%）, a 序号 column, 万/亿 in cells, and a second table’s merged 单位', () => {
    expect([r.report.kind, r.report.region, r.report.year]).toEqual(['plan', '沅溪市', 2021]);
    expect(rows(r.targets.filter((t) => t.hedge))).toEqual<Row[]>([
      ['地区生产总值', 2100, '亿元', '', 'level', '预期性'],
      ['地区生产总值年均增长', 7.5, '%', '', 'increase', '预期性'],
      // 7.5 merged over this row: the row is short by it and its 类别, not by its base year's figure.
      ['规模以上工业增加值', 750, '亿元', '', 'level', '预期性'],
      ['规模以上工业增加值年均增长', 7.5, '%', '', 'increase', '预期性'],
      // 1.3亿 of a row counted in 人次.
      ['年接待游客', 1.3, '亿人次', '', 'level', '预期性'],
      ['年接待游客年均增长', 6, '%', '', 'increase', '预期性'],
      ['城镇新增就业', 11, '万人', '以上', 'level', '预期性'],
      ['城镇调查失业率', 5.5, '%', '以内', 'level', '预期性'],
      ['人均预期寿命', 79, '岁', '', 'level', '预期性'],
      ['人均预期寿命(累计)', 0.8, '岁', '', 'increase', '预期性'],
      ['城乡居民基本养老保险参保率', 95, '%', '', 'level', '约束性'],
      ['城乡居民基本养老保险参保率(累计)', 2, '', '', 'increase', '约束性'],
      // % merged down from the row above.
      ['基本医疗保险参保率', 96, '%', '以上', 'level', '约束性'],
      ['劳动年龄人口平均受教育年限提高(年均)', 0.1, '年', '', 'increase', '约束性'],
      // 年均/累计 names no growth: a flow's yearly amount, in its unit.
      ['城镇新增就业人数(年均)', 2.2, '万人', '', 'increase', '预期性'],
      ['每千人口拥有3岁以下婴幼儿托位数', 4, '个', '', 'level', '预期性'],
    ]);
    for (const t of r.targets) expect(input.text.slice(t.start, t.end)).toBe(t.sentence);
  });

  it('the layout table keeps the article’s lines: its sentences give their targets, its past its achievement', () => {
    expect(input.text).toContain('\n今后五年，全市坚持“双核驱动”，经济总量和质量效益稳步提升。到2025年，全市地区生产总值突破2100亿元，城乡居民收入增长和经济增长基本同步。\n');
    // The article's 2100亿元 is the table's, said first: one target, the table's row with its 属性, in the
    // article's place.
    expect(r.targets.filter((t) => !t.hedge)).toEqual([]);
    const gdp = r.targets.filter((t) => t.indicatorKey === '地区生产总值' && t.value === 2100);
    expect(gdp.map((t) => [t.hedge, t.sentence.includes('\t')])).toEqual([['预期性', true]]);
    expect(r.targets.indexOf(gdp[0]!)).toBe(0);
  });

  it('gives nothing for the 十三五 table (2020年规划目标 | 2020年实际完成 in a 2021 plan)', () => {
    const past = input.text.indexOf('附表');
    expect(r.targets.filter((t) => t.start > past)).toEqual([]);
  });

  it('takes a glossary table headed only by its own header row (名词 | 释义); prose after it is no entry', () => {
    expect((r.pageGlossary as ParsedPageEntry[]).map((e) => [e.term, e.label, e.definition])).toEqual([
      ['双核驱动', '双核驱动', '以沅溪主城和临港新区为两个增长核心，带动全市产业布局和城镇发展的总体战略。'],
      ['三个一批', '“三个一批”', '签约一批、开工一批、投产一批的重大项目推进机制。'],
    ]);
    expect(r.terms.filter((t) => t.source === 'page').map((t) => t.text)).toEqual(['双核驱动', '三个一批']);
  });
});

describe('headers over two rows', () => {
  it('a group over the years (规划目标, 指标值) or a year over its own columns (2025年 over 目标值 | 年均增长)', () => {
    expect(
      read(table([['类别', '指标', '单位', '规划目标', '属性'], ['2020年', '2025年', '年均增长/累计'], ['经济发展', '地区生产总值', '亿元', '2856', '4000', '7左右', '预期性']])),
    ).toEqual([
      ['地区生产总值', 4000, '亿元', '', '预期性'],
      ['地区生产总值年均增长', 7, '%', '左右', '预期性'],
    ]);
    expect(read(table([['指标', '指标值', '属性'], ['2020年（基期）', '2025年'], ['森林覆盖率（%）', '65.2', '65.5', '约束性']]))).toEqual([['森林覆盖率', 65.5, '%', '', '约束性']]);
    expect(
      read(table([['指标名称', '2020年', '2025年', '指标属性'], ['目标值', '年均增长（%）'], ['地区生产总值（亿元）', '1450', '2100', '7.5', '预期性']])),
    ).toEqual([
      ['地区生产总值', 2100, '亿元', '', '预期性'],
      ['地区生产总值年均增长', 7.5, '%', '', '预期性'],
    ]);
  });

  it('a table of past years over two rows gives nothing, nor does a second row the rows below do not fit', () => {
    expect(read(table([['指标', '单位', '完成情况', '年均增长（%）'], ['2019年', '2020年'], ['地区生产总值', '亿元', '27600', '28650', '6.9']]), null)).toEqual([]);
    // Three columns below a one-cell group, where the rows hold four figures: the split is not the rows'.
    expect(read(table([['指标', '规划目标', '属性'], ['2020年', '2025年'], ['地区生产总值', '1', '2', '3', '4', '预期性']]))).toEqual([]);
  });
});

describe('cells merged down or across', () => {
  const head = ['类别', '指标', '单位', '2020年', '2025年', '年均/累计', '属性'];
  it('a unit merged over two rows is the second row’s too; so is a 年均 figure with its 属性', () => {
    expect(
      read(table([head, ['民生', '城镇居民人均可支配收入', '元', '41200', '58000', '〔16800〕', '预期性'], ['农村居民人均可支配收入', '17400', '26000', '〔8600〕', '预期性']])),
    ).toEqual([
      ['城镇居民人均可支配收入', 58000, '元', '', '预期性'],
      ['城镇居民人均可支配收入(累计)', 16800, '元', '', '预期性'],
      ['农村居民人均可支配收入', 26000, '元', '', '预期性'],
      ['农村居民人均可支配收入(累计)', 8600, '元', '', '预期性'],
    ]);
    expect(read(table([head, ['经济', '财政收入增长', '%', '5.1', '—', '6', '预期性'], ['税收收入增长', '%', '4.2', '—']]))).toEqual([
      ['财政收入增长(年均)', 6, '%', '', '预期性'],
      ['税收收入增长(年均)', 6, '%', '', '预期性'],
    ]);
  });

  it('a goal across 2025年 and 年均 is read once, and the row above’s figure is not the row’s', () => {
    expect(
      read(table([head, ['绿色', '森林覆盖率', '%', '59.9', '60.2', '〔0.3〕', '约束性'], ['单位GDP二氧化碳排放降低', '%', '—', '完成省下达任务', '约束性']])),
    ).toEqual([
      ['森林覆盖率', 60.2, '%', '', '约束性'],
      ['森林覆盖率(累计)', 0.3, '', '', '约束性'],
      ['单位GDP二氧化碳排放降低完成省下达任务', null, '', '', '约束性'],
    ]);
  });
});

describe('万 and 亿 written in a cell', () => {
  const head = ['指标', '单位', '2020年', '2025年', '属性'];
  it('join the unit the row gives, or stand alone where it gives none', () => {
    expect(
      read(
        table([
          head,
          ['常住人口', '', '1280万', '1300万', '预期性'],
          ['城镇新增就业', '人', '—', '>55万', '预期性'],
          ['社会消费品零售总额', '万元', '9800万', '1.2亿', '预期性'],
          ['城镇新增就业（万人）', '', '—', '>1100', '预期性'],
        ]),
      ),
    ).toEqual([
      ['常住人口', 1300, '万', '', '预期性'],
      ['城镇新增就业', 55, '万人', '以上', '预期性'],
      ['社会消费品零售总额', 1.2, '亿元', '', '预期性'],
      ['城镇新增就业', 1100, '万人', '以上', '预期性'],
    ]);
  });
});

describe('the unit of a 年均 or 累计 figure', () => {
  it('is the cell’s or the header’s; else the row’s only where the row measures the change; else none', () => {
    const text = table([
      ['指标', '2020年', '2025年', '年均/累计', '属性'],
      ['地区生产总值增长（%）', '3.5', '—', '6左右', '预期性'],
      ['常住人口城镇化率（%）', '58.8', '64', '1', '预期性'],
      ['研发经费投入强度（%）', '2.1', '2.8', '0.14个百分点', '预期性'],
      ['空气质量优良天数比率提高（百分点）', '—', '—', '〔2〕', '约束性'],
      ['地区生产总值（亿元）', '2856', '4000', '7', '预期性'],
      ['人均预期寿命（岁）', '78.2', '79', '〔0.8〕', '预期性'],
    ]);
    expect(read(text)).toEqual([
      ['地区生产总值增长(年均)', 6, '%', '左右', '预期性'],
      ['常住人口城镇化率', 64, '%', '', '预期性'],
      ['常住人口城镇化率(年均)', 1, '', '', '预期性'],
      ['研发经费投入强度', 2.8, '%', '', '预期性'],
      ['研发经费投入强度(年均)', 0.14, '个百分点', '', '预期性'],
      ['空气质量优良天数比率提高(累计)', 2, '百分点', '', '约束性'],
      ['地区生产总值', 4000, '亿元', '', '预期性'],
      // 年均 of an amount under a header that does not say growth: a yearly amount or a rate, not said.
      ['地区生产总值(年均)', 7, '', '', '预期性'],
      ['人均预期寿命', 79, '岁', '', '预期性'],
      ['人均预期寿命(累计)', 0.8, '岁', '', '预期性'],
    ]);
    // 年均增长 says growth: a rate, in %; 年均提高（个百分点） says its unit for every row.
    expect(read(table([['指标', '2020年', '2025年', '年均增长', '属性'], ['地区生产总值（亿元）', '2856', '4000', '7', '预期性']]))).toEqual([
      ['地区生产总值', 4000, '亿元', '', '预期性'],
      ['地区生产总值年均增长', 7, '%', '', '预期性'],
    ]);
    expect(read(table([['指标', '2020年', '2025年', '年均提高（个百分点）', '属性'], ['常住人口城镇化率（%）', '58.8', '64', '1', '预期性']]))).toEqual([
      ['常住人口城镇化率', 64, '%', '', '预期性'],
      ['常住人口城镇化率(年均)', 1, '个百分点', '', '预期性'],
    ]);
  });
});
