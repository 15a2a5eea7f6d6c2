import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePage, mergeSpans } from '../../lib/analyze';
import { bundledMatcher } from '../../lib/glossary/bundled';
import type { TermSpan } from '../../lib/types';
import { pageInputFromHtml, pageInputFromText } from './helpers/page-input';

const seed = (n: string) => readFileSync(new URL(`../fixtures/seeds/${n}`, import.meta.url), 'utf8');
const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const matchers = [bundledMatcher()];

describe('analyzePage', () => {
  it('gives each target of a news list the region of the report it sits in', () => {
    const a = analyzePage(pageInputFromText(seed('003_50feab6190b6776d.txt'), '湖南地方动态', 'http://www.hunan.gov.cn/list.html'), { matchers });
    expect(a.report.regionKey).toBeNull();
    expect(new Set(a.targets.map((t) => t.regionKey))).toEqual(new Set(['邵阳市', '娄底市', '常德市', '怀化市']));
    const gdp = a.targets.filter((t) => t.kind === 'main' && t.indicatorKey === '地区生产总值' && t.unit === '%');
    expect(gdp.map((t) => [t.regionKey, t.value])).toContainEqual(['怀化市', expect.any(Number)]);
  });

  it('reads each report’s region from its title in the section path, in traditional script too', () => {
    const text =
      '湖南地方動態\n邵陽市2022年政府工作報告\n各位代表：\n一、2021年工作回顧\n全市地區生產總值增長7.5%。\n二、2022年工作安排\n全市地區生產總值增長7%以上。\n' +
      '2022-01-10\n懷化市2022年政府工作報告\n各位代表：\n二、2022年工作安排\n全市地區生產總值增長8%左右。\n';
    const a = analyzePage(pageInputFromText(text, '湖南地方動態', 'http://www.hunan.gov.cn/list.html'), { matchers });
    expect(a.targets.map((t) => [t.section, t.regionKey, t.value])).toEqual([
      ['邵陽市2022年政府工作報告 › 2022年工作安排', '邵阳市', 7],
      ['懷化市2022年政府工作報告 › 2022年工作安排', '怀化市', 8],
    ]);
  });

  it('uses the page region when the page is one report', () => {
    const a = analyzePage(pageInputFromText(seed('004_020949d135bebf3b.txt'), '衡南縣2022年政府工作報告', 'http://www.hengnan.gov.cn/a.html'), { matchers });
    expect(a.report.regionKey).toBe('衡南县');
    expect(new Set(a.targets.map((t) => t.regionKey))).toEqual(new Set(['衡南县']));
  });

  it('marks nothing and extracts nothing on a page that is not a report, unless forced', () => {
    const input = pageInputFromHtml(fixture('negative/finance-article.html'), 'https://finance.example.com/a.html');
    const plain = analyzePage(input, { matchers });
    expect(plain.report.isReport).toBe(false);
    expect(plain.terms).toEqual([]);
    expect(plain.targets).toEqual([]);
    const forced = analyzePage(input, { matchers, force: true });
    expect(forced.terms.map((t) => t.text)).toEqual(expect.arrayContaining(['六穩', '六保']));
  });

  it('links glossary terms the page also defines to the page entry', () => {
    const a = analyzePage(pageInputFromText(seed('004_020949d135bebf3b.txt'), '衡南縣2022年政府工作報告', 'http://www.hengnan.gov.cn/a.html'), { matchers });
    const sgsx = a.terms.find((t) => t.text === '三高四新')!;
    expect(sgsx.source).toBe('glossary');
    expect(a.pageGlossary[sgsx.pageEntry!]!.definition).toContain('三個高地');
  });
});

describe('mergeSpans', () => {
  const s = (start: number, end: number, source: TermSpan['source'] = 'glossary'): TermSpan => ({ start, end, text: '', source, entry: null });
  it('keeps the first list on overlaps and stays sorted', () => {
    expect(mergeSpans([s(2, 4), s(10, 12)], [s(0, 1, 'page'), s(3, 5, 'page'), s(6, 8, 'page'), s(11, 13, 'page'), s(20, 22, 'page')]).map((x) => [x.start, x.source])).toEqual([
      [0, 'page'],
      [2, 'glossary'],
      [6, 'page'],
      [10, 'glossary'],
      [20, 'page'],
    ]);
  });
});
