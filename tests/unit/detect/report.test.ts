import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { detectReport, extractRegion } from '../../../lib/detect/report';
import { foldText } from '../../../lib/text/normalize';
import type { PageInput, ReportInfo, ReportKind } from '../../../lib/types';
import { pageInputFromHtml, pageInputFromText } from '../helpers/page-input';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const seed = (name: string) => readFileSync(join(FIXTURES, 'seeds', name), 'utf8');
const negative = (name: string) => readFileSync(join(FIXTURES, 'negative', name), 'utf8');

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface Expected {
  kind: ReportKind;
  region: string | null;
  regionKey: string | null;
  year: number | null;
}

/**
 * What each seed is, read off the text (no title or URL is given: the .txt seeds are page text only).
 * - 000: 政策解读 article "政府工作报告解读④丨实干2022年…我的衡阳我的奋斗(下)". The page never writes
 *   衡阳市/衡阳县 — only the bare 衡阳 — so no region is claimed; year from the headline.
 * - 001: "衡阳目标篇②" / 关键词 N / 目标： / 措施一 newspaper piece. Region from the bare headline stem
 *   confirmed by 《衡阳市三江六岸滨水区域规划条例》 in the body; year 2020 is the only year the text
 *   names (确保2020年农民工工资基本无拖欠 — it explains the 2020 report).
 * - 002: 中国共产党衡陽市第十一届委员会…就制定"十四五"规划和二〇三五年远景目标提出以下建议. Year 2020:
 *   the 建议 is written in 2020 (预计2020年…); 二〇三五年 is the horizon, not the document's year.
 * - 003: news list with four full 2022 work reports (邵阳市, 娄底市, 常德市, 怀化市), each delivered
 *   2021年12月 for 2022. Kind work-report (the page carries the reports' own text, openings and all);
 *   region null because naming one of four cities would scope the wrong local glossary onto the
 *   other three.
 * - 004: 衡南縣2022年政府工作報告, date line 2022年3月23日在衡南縣第十八屆人民代表大會第二次會議上.
 */
const SEEDS: Record<string, Expected> = {
  '000_d8a3dfe0b7b7e560.txt': { kind: 'interpretation', region: null, regionKey: null, year: 2022 },
  '001_0d3b50ca717e674d.txt': { kind: 'goals', region: '衡阳市', regionKey: '衡阳市', year: 2020 },
  '002_bc3763cfde610e31.txt': { kind: 'plan', region: '衡陽市', regionKey: '衡阳市', year: 2020 },
  '003_50feab6190b6776d.txt': { kind: 'work-report', region: null, regionKey: null, year: 2022 },
  '004_020949d135bebf3b.txt': { kind: 'work-report', region: '衡南縣', regionKey: '衡南县', year: 2022 },
};

const NEGATIVES = [
  'novel-chapter.html',
  'readme-zh.html',
  'tech-newsletter.html',
  'sports-news.html',
  'finance-article.html',
  // A 官场 chapter that sets the speech's opening out as unquoted paragraphs (review item 1a).
  'novel-unquoted-speech.html',
];

/**
 * Pages in a report's frame or full of report titles that are still no government report (the detection
 * audit): a court's and a village committee's report to their congress, a listed company's board report,
 * a search engine's results. Their scores may reach the frame's; what rejects them is the speaker or the
 * excerpts, so they are not held to the score bound of NEGATIVES.
 */
const NOT_GOVERNMENT_REPORTS = ['court-report.html', 'village-report.html', 'company-board-report.html', 'search-results.html'];

const pick = (r: ReportInfo) => ({ kind: r.kind, region: r.region, regionKey: r.regionKey, year: r.year });

describe('detectReport on the seed pages', () => {
  for (const [name, expected] of Object.entries(SEEDS)) {
    it(`${name} → ${expected.kind} ${expected.regionKey ?? '(no region)'} ${expected.year}`, () => {
      const r = detectReport(pageInputFromText(seed(name)));
      expect(r.isReport).toBe(true);
      expect(pick(r)).toEqual(expected);
      expect(r.score).toBeGreaterThanOrEqual(0.5);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.reasons.length).toBeGreaterThan(0);
    });
  }

  it('names the signals that fired', () => {
    const r004 = detectReport(pageInputFromText(seed('004_020949d135bebf3b.txt')));
    expect(r004.reasons).toEqual(
      expect.arrayContaining(['text:各位代表', 'heading:政府工作报告', 'text:在…人民代表大会…会议上', 'text:我代表人民政府向大会报告']),
    );
    const r000 = detectReport(pageInputFromText(seed('000_d8a3dfe0b7b7e560.txt')));
    expect(r000.reasons).toEqual(expect.arrayContaining(['heading:报告解读', 'breadcrumb:解读']));
    const r001 = detectReport(pageInputFromText(seed('001_0d3b50ca717e674d.txt')));
    expect(r001.reasons).toContain('heading:目标篇');
    expect(r001.reasons.some((x) => x.startsWith('heading:关键词'))).toBe(true);
    const r002 = detectReport(pageInputFromText(seed('002_bc3763cfde610e31.txt')));
    expect(r002.reasons).toContain('text:提出规划建议');
  });

  it('says that the news list carries several reports', () => {
    const r = detectReport(pageInputFromText(seed('003_50feab6190b6776d.txt')));
    expect(r.reasons).toContain('multi:4 reports (邵阳市/娄底市/常德市/怀化市)');
  });

  it('does not let 004’s 名词解释 appendix or its 关键词2 spam change the kind', () => {
    const r = detectReport(pageInputFromText(seed('004_020949d135bebf3b.txt')));
    expect(r.kind).toBe('work-report');
    expect(r.reasons.some((x) => x.startsWith('heading:关键词'))).toBe(false);
  });

  it('uses title and URL when the page has them', () => {
    const text = seed('004_020949d135bebf3b.txt');
    const r = detectReport(pageInputFromText(text, '衡南縣2022年政府工作報告_衡南縣人民政府', 'https://www.example.gov.cn/zfgzbg/2022/0323.html'));
    expect(pick(r)).toEqual(SEEDS['004_020949d135bebf3b.txt']);
    expect(r.reasons).toEqual(expect.arrayContaining(['title:政府工作报告', 'url:gov.cn', 'url:zfgzbg']));
  });

  it('accepts a pre-folded text and gives the same answer', () => {
    const text = seed('003_50feab6190b6776d.txt');
    const input = pageInputFromText(text);
    expect(detectReport(input, foldText(text))).toEqual(detectReport(input));
  });
});

describe('other kinds and tricky positives', () => {
  it('recognises a page that is only the 名词解释 list as a glossary', () => {
    const text = seed('004_020949d135bebf3b.txt');
    const from = text.indexOf('《政府工作報告》相關名詞解釋');
    expect(from).toBeGreaterThan(0);
    const r = detectReport(pageInputFromText(text.slice(from), '《政府工作報告》相關名詞解釋'));
    expect(r.isReport).toBe(true);
    expect(r.kind).toBe('glossary');
  });

  it('recognises the national report (我代表国务院, 第十四届全国人民代表大会) without a region', () => {
    const text = [
      '政府工作报告',
      '——2023年3月5日在第十四届全国人民代表大会第一次会议上',
      '国务院总理 李克强',
      '各位代表：',
      '现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。',
      '一、过去一年和五年工作回顾',
      '过去一年，我国发展遇到国内外多重超预期因素冲击。',
      '二、对今年政府工作的建议',
      '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。',
    ].join('\n');
    const r = detectReport(pageInputFromText(text));
    expect(r).toMatchObject({ isReport: true, kind: 'work-report', region: null, year: 2023 });
  });

  it('recognises a plan by its title and 篇/专栏 structure', () => {
    const text = [
      '衡州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      '第一篇 开启全面建设社会主义现代化新征程',
      '第一章 发展基础',
      '“十三五”时期，全市经济社会发展取得显著成就，地区生产总值年均增长7.8%。',
      '专栏1 “十四五”时期经济社会发展主要指标',
      '第二篇 坚持创新驱动发展',
      '专栏2 科技创新重大工程',
    ].join('\n');
    const r = detectReport(pageInputFromText(text, '衡州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要'));
    // 二〇三五年 is the horizon, not the plan's year; with no dateline the 十四五 纲要 is dated to the
    // year it is adopted, the period's first (2021).
    expect(pick(r)).toEqual({ kind: 'plan', region: '衡州市', regionKey: '衡州市', year: 2021 });
    expect(r.isReport).toBe(true);
  });

  it('takes the region of an interpretation from its headline', () => {
    const text = '首页 > 政务公开 > 政策解读\n一图读懂衡州市2023年政府工作报告\n发布时间：2023-01-16\n今年全市地区生产总值预期增长6.5%左右。';
    const r = detectReport(pageInputFromText(text));
    expect(r).toMatchObject({ isReport: true, kind: 'interpretation', region: '衡州市', year: 2023 });
  });

  it('reads a report page rendered as HTML', () => {
    const html = `<html><head><title>2022年邵阳市政府工作报告 - 邵阳市人民政府</title></head><body>
      <div class="crumb">首页 &gt; 政务公开 &gt; 政府工作报告</div>
      <h1>2022年邵阳市政府工作报告</h1>
      <p>——2021年12月30日在邵阳市第十七届人民代表大会第一次会议上</p>
      <p>各位代表：</p>
      <p>现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和列席人员提出意见。</p>
      <h2>一、2021年工作回顾</h2><p>过去一年，全市地区生产总值增长7.5%。</p>
      <h2>二、2022年工作安排</h2><p>今年经济社会发展的主要预期目标是：地区生产总值增长7.5%左右。</p></body></html>`;
    const r = detectReport(pageInputFromHtml(html, 'https://www.example.gov.cn/zwgk/zfgzbg/202201/t20220110.html'));
    expect(pick(r)).toEqual({ kind: 'work-report', region: '邵阳市', regionKey: '邵阳市', year: 2022 });
  });
});

describe('negative pages', () => {
  for (const name of NEGATIVES) {
    it(`${name} is not a report`, () => {
      const html = negative(name);
      expect(Buffer.byteLength(html)).toBeGreaterThan(2 * 1024);
      expect(Buffer.byteLength(html)).toBeLessThan(8 * 1024);
      const r = detectReport(pageInputFromHtml(html, `https://example.com/${name}`));
      expect(r.isReport).toBe(false);
      expect(r.kind).toBe('other');
      expect(r.region).toBeNull();
      expect(r.regionKey).toBeNull();
      expect(r.score).toBeLessThan(0.4);
    });
  }

  for (const name of NOT_GOVERNMENT_REPORTS) {
    it(`${name} is not a report, on any host`, () => {
      for (const url of ['https://example.com/', 'https://www.example.gov.cn/zfgzbg/index.html']) {
        const r = detectReport(pageInputFromHtml(negative(name), url));
        expect(r.isReport, url).toBe(false);
        expect(r.kind, url).toBe('other');
        expect(r.region, url).toBeNull();
      }
    });
  }

  it('a region + report phrase in passing (the README’s code sample) does not make a report', () => {
    const input = pageInputFromHtml(negative('readme-zh.html'), 'https://github.com/lanqiao-dev/fanjian');
    // The helper does find the name; detection still says no.
    expect(extractRegion(input.text)?.regionKey).toBe('衡南县');
    expect(detectReport(input).isReport).toBe(false);
  });

  it('a gov.cn URL, even under /zfgzbg/, does not make a report', () => {
    for (const url of ['https://www.example.gov.cn/art/2023/10/30/index.html', 'https://www.example.gov.cn/zfgzbg/index.html']) {
      for (const name of NEGATIVES) {
        const r = detectReport(pageInputFromHtml(negative(name), url));
        expect(r.isReport, `${name} ${url}`).toBe(false);
      }
    }
  });

  it('every seed scores above every negative', () => {
    const seeds = Object.keys(SEEDS).map((n) => detectReport(pageInputFromText(seed(n))).score);
    const negs = NEGATIVES.map((n) => detectReport(pageInputFromHtml(negative(n), 'https://example.com/')).score);
    expect(Math.min(...seeds)).toBeGreaterThan(Math.max(...negs));
  });

  it('a column page that lists reports is not a report', () => {
    const html = `<html><head><title>政府工作报告_衡州市人民政府</title></head><body>
      <div class="crumb">首页 &gt; 政务公开 &gt; 政府工作报告</div><h1>政府工作报告</h1>
      <ul><li><h3>2023年衡州市政府工作报告</h3><span>2023-01-16</span></li>
      <li><h3>2022年衡州市政府工作报告</h3><span>2022-01-10</span></li>
      <li><h3>2021年衡州市政府工作报告</h3><span>2021-01-18</span></li></ul>
      <p>共3条 第1页</p></body></html>`;
    const r = detectReport(pageInputFromHtml(html, 'https://www.example.gov.cn/zfgzbg/index.html'));
    expect(r.isReport).toBe(false);
  });

  it('news about the report (a hearing, a resolution) is not an interpretation', () => {
    const hearing = pageInputFromText(
      '衡州市召开2023年政府工作报告征求意见座谈会\n1月5日，市人民政府召开座谈会，就《政府工作报告（征求意见稿）》听取民主党派和工商联意见。与会人员围绕产业发展、民生保障等提出建议。',
      '衡州市召开2023年政府工作报告征求意见座谈会_衡州市人民政府',
      'https://www.example.gov.cn/xwzx/2023/0105.html',
    );
    expect(detectReport(hearing).isReport).toBe(false);
    const resolution = pageInputFromText(
      '衡州市第十五届人民代表大会第三次会议关于政府工作报告的决议\n衡州市第十五届人民代表大会第三次会议听取和审议了市长所作的政府工作报告。会议充分肯定过去一年的工作，同意报告提出的今年工作安排，决定批准这个报告。',
      '',
      'https://www.example.gov.cn/rd/2023/0110.html',
    );
    expect(detectReport(resolution).isReport).toBe(false);
  });

  it('a report quoted in fiction or news is not one', () => {
    const text =
      '电视里，市长的声音传出来：“各位代表，现在，我代表市人民政府，向大会作政府工作报告，请予审议。”\n' +
      '报纸上写着：二〇二二年一月六日在江州市第十五届人民代表大会第一次会议上，市长作了政府工作报告。';
    expect(detectReport(pageInputFromText(text)).isReport).toBe(false);
  });
});

describe('script independence', () => {
  const cases: [string, (s: string) => string][] = [
    ['004_020949d135bebf3b.txt', toSimplified],
    ['002_bc3763cfde610e31.txt', toSimplified],
    ['000_d8a3dfe0b7b7e560.txt', toTraditional],
    ['001_0d3b50ca717e674d.txt', toTraditional],
    ['003_50feab6190b6776d.txt', toTraditional],
  ];
  for (const [name, convert] of cases) {
    it(`${name}: traditional and simplified agree`, () => {
      const a = detectReport(pageInputFromText(seed(name)));
      const b = detectReport(pageInputFromText(convert(seed(name))));
      expect({ isReport: b.isReport, kind: b.kind, regionKey: b.regionKey, year: b.year }).toEqual({
        isReport: a.isReport,
        kind: a.kind,
        regionKey: a.regionKey,
        year: a.year,
      });
    });
  }

  it('the region is returned as the page writes it', () => {
    const simplified = detectReport(pageInputFromText(toSimplified(seed('004_020949d135bebf3b.txt'))));
    expect(simplified.region).toBe('衡南县');
    const full = detectReport(pageInputFromText(seed('004_020949d135bebf3b.txt').replace(/2022/g, '２０２２')));
    expect(full.year).toBe(2022);
  });
});

describe('bad input', () => {
  it('empty page', () => {
    const r = detectReport({ text: '', title: '', url: '', headings: [] });
    expect(r).toEqual({ isReport: false, score: 0, kind: 'other', reasons: [], region: null, regionKey: null, year: null });
  });

  it('malformed input does not throw', () => {
    expect(() => detectReport({} as unknown as PageInput)).not.toThrow();
    expect(() => detectReport({ text: '各位代表：', title: 1, url: null, headings: [{}] } as unknown as PageInput)).not.toThrow();
    expect(() => detectReport({ text: 'x', title: '', url: 'not a url', headings: [] })).not.toThrow();
  });

  it('only junk tags', () => {
    const junk = '<legend id="h4sia"></legend><samp id="h4sia"></samp>\n  • <input id="h4sia"><address id="h4sia"></address>\n'.repeat(500);
    const r = detectReport(pageInputFromText(junk));
    expect(r.isReport).toBe(false);
    expect(r.score).toBe(0);
  });

  it('1 MB of noise is handled quickly', () => {
    let x = 20220323;
    const rand = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
    const alphabet = '政府工作报告各位代表我人民大会第届次会议在县市区省年月日一二三四五六七八九十〇0123456789“”（）(),，。:：\n 　的了是和关键词目标措施解读规划名词解释';
    let noise = '';
    for (let i = 0; i < 1 << 20; i++) noise += alphabet[Math.floor(rand() * alphabet.length)];
    const r = detectReport(pageInputFromText(noise, noise.slice(0, 200)));
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('repeated anchors do not backtrack', () => {
    const inputs = [
      '政府工作报告'.repeat(40000),
      '第第第第届届届人民代表大会'.repeat(20000),
      '在'.repeat(200000) + '县第一届人民代表大会第一次会议上',
      '各位代表'.repeat(50000),
      '我代表'.repeat(60000) + '人民政府',
      '衡'.repeat(300000) + '市人民政府',
      '('.repeat(100000) + '產(chǎn)'.repeat(10000),
      '1."'.repeat(100000),
    ];
    // No clock here (timings belong to `npm run bench`): catastrophic backtracking would not
    // finish at all, and the runner's test timeout catches that.
    for (const text of inputs) {
      expect(() => detectReport({ text, title: text.slice(0, 300), url: '', headings: [{ text: text.slice(0, 100), level: 1, start: 0 }] })).not.toThrow();
    }
  });
});

it('fixtures directory holds exactly the negative pages', () => {
  expect(readdirSync(join(FIXTURES, 'negative')).sort()).toEqual([...NEGATIVES, ...NOT_GOVERNMENT_REPORTS].sort());
});
