import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { htmlPageInput } from '../../../lib/cli/input';
import { bundledMatcher } from '../../../lib/glossary/bundled';
import { extractTargets } from '../../../lib/extract';
import { foldText, toOriginalSpan } from '../../../lib/text/normalize';
import { rejoinFolded, wrapCuts } from '../../../lib/text/rejoin';
import type { Target } from '../../../lib/types';

/** The text with the cut ranges left out. */
function joined(text: string): string {
  const { cuts } = wrapCuts(text);
  let out = '';
  let pos = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    out += text.slice(pos, cuts[i]);
    pos = cuts[i + 1]!;
  }
  return out + text.slice(pos);
}

const show = (ts: Target[]) => ts.map((t) => `${t.kind} ${t.indicator}|${t.value}${t.unit}${t.qualifier}`);

describe('wrapCuts: a hard-wrapped text is read as written before it was wrapped', () => {
  it('joins lines wrapped at one width inside names and numbers', () => {
    const text = [
      '标题行',
      '　　今年全市经济社会发展的主要预期目标是：地区生产',
      '总值增长6%左右；规模以上工业增加值增长7%；城镇调查',
      '失业率控制在5.5%以内；城镇新增就业4.5万人以上，居',
      '民消费价格涨幅3%左右，粮食总产量稳定在62万吨以上。',
      '　　围绕上述目标，重点抓好以下工作。',
    ].join('\n');
    expect(joined(text)).toBe(
      '标题行\n　　今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；规模以上工业增加值增长7%；城镇调查失业率控制在5.5%以内；城镇新增就业4.5万人以上，居民消费价格涨幅3%左右，粮食总产量稳定在62万吨以上。\n　　围绕上述目标，重点抓好以下工作。',
    );
  });

  it('joins a number and an English token cut at the wrap (PM2.⏎5, 3⏎0)', () => {
    const text = ['题', '深入实施大气污染防治行动，全市细颗粒物浓度力争降到较低水平，PM2.', '5平均浓度控制在30微克/立方米以内，地表水国控断面水质优良比例达到9', '5%以上，全年空气质量优良天数比率稳定在百分之九十左右。'].join('\n');
    expect(joined(text)).toContain('PM2.5平均浓度控制在30微克/立方米以内，地表水国控断面水质优良比例达到95%以上');
  });

  it('leaves out page numbers and the running header between pages, keeping the title at the top', () => {
    const text = [
      '砚川县2026年政府工作报告',
      '　　2025年，全县地区生产总值完成326.5亿元，增长6.1%；规模以上工业增',
      '— 1 —',
      '',
      '砚川县2026年政府工作报告',
      '加值增长8.3%；固定资产投资增长7.2%；社会消费品零售总额突破150亿元。',
      '全年新建农村公路126公里，改造农村危房1200户，新增城镇就业4860人，粮',
      '食播种面积稳定在85万亩以上。',
      '第2页',
    ].join('\n');
    const out = joined(text);
    expect(out.startsWith('砚川县2026年政府工作报告\n')).toBe(true);
    expect(out).toContain('规模以上工业增加值增长8.3%');
    expect(out).toContain('粮食播种面积');
    expect(out).not.toContain('— 1 —');
    expect(out).not.toContain('第2页');
    expect(out.split('砚川县2026年政府工作报告').length).toBe(2);
  });

  it('joins across the blank lines a web page puts between lines (each line its own <p>)', () => {
    const text = '题\n\n今年全市经济社会发展的主要预期目标是：地区生产总值增\n\n长6%左右；规模以上工业增加值增长7%；城镇调查失业率控\n\n制在5.5%以内。\n';
    expect(joined(text)).toContain('地区生产总值增长6%左右；规模以上工业增加值增长7%；城镇调查失业率控制在5.5%以内。');
  });

  it('keeps poems and short lines apart', () => {
    const poem = '春天的报告\n河水把冰面\n一页一页翻过\n增长\n是燕子衔来的\n六粒种子\n左右\n是风吹开的田埂';
    expect(wrapCuts(poem).cuts).toEqual([]);
    const items = '2026年主要预期目标\n地区生产总值增长6%左右\n规模以上工业增加值增长7%\n城镇新增就业4.5万人以上\n城镇调查失业率5.5%以内';
    expect(wrapCuts(items).cuts).toEqual([]);
  });

  it('keeps a list of one item per line apart, and label lines', () => {
    const list = '题\n今年全市经济社会发展的主要预期目标是：\n地区生产总值增长8%左右；\n一般公共预算收入增长6%；\n城镇调查失业率控制在5.5%以内；\n粮食产量稳定在50万吨。';
    expect(wrapCuts(list).cuts).toEqual([]);
    const labels = '题\n规模以上工业增加值：增长6%—6.5%，力争更高水平\n固定资产投资：增长5%以上，重点项目投资增长8%\n城镇调查失业率：控制在5.5%以下';
    expect(wrapCuts(labels).cuts).toEqual([]);
  });

  it('keeps paragraphs of unwrapped text apart: sentence ends, headlines over articles, bylines, indented lines, marks', () => {
    // (A headline over a body no longer than the wrap would be joined: a news list whose summaries are one short line.)
    const news = '鹤城区规模工业企业全面复产彰显区域活力\n2021年,湖南省怀化市鹤城区规模工业企业已全部恢复生产,彰显了区域经济的强劲活力和韧性,全区规上工业增加值同比增长12.3%。\n湖南省建立六机制助推规模工业企业加速成长\n湖南省正重点推进招商引资工作,深入开展"新增规模以上工业企业"专项行动,建立企业培育库、政策支持、要素保障等六项机制。';
    expect(wrapCuts(news).cuts).toEqual([]);
    const qa = '题\n问：2025年全市经济运行情况如何？今年有哪些新的考虑和安排？\n答：2025年，全市地区生产总值达到4865亿元，比上年增长5.6%。';
    expect(wrapCuts(qa).cuts).toEqual([]);
    const byline = '题\n来源：棠溪市人民政府办公室　发布时间：2026-01-28　字号：大\n报告提出，今年全市地区生产总值预期增长6%左右，城镇新增就业3万人';
    expect(wrapCuts(byline).cuts).toEqual([]);
    const marks = '题\n　　今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右\n（一）扩大有效投资。全年实施市级重点项目260个，完成投资850亿\n　　（二）保障和改善民生。新增公办幼儿园学位3000个，改造老旧小区';
    expect(wrapCuts(marks).cuts).toEqual([]);
  });

  it('does not glue two English words', () => {
    const text = '题\nThe city plans to keep its surveyed urban unemployment rate around\nfive and a half percent, and to create forty-five thousand new urban\njobs in the year ahead, as its government work report says.';
    expect(wrapCuts(text).cuts).toEqual([]);
  });

  it('keeps apart what the caller says is a heading', () => {
    const text = '题\n全市经济社会发展的主要预期目标和今年政府工作的总体要求及重点\n今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城';
    expect(wrapCuts(text).cuts.length).toBe(2);
    expect(wrapCuts(text, (ls) => ls === 2).cuts).toEqual([]);
  });
});

describe('rejoinFolded: offsets still lead to the page text', () => {
  it('maps each joined character back to its own', () => {
    const text = '題\n今年全市經濟社會發展的主要預期目標是：地區生產總值增\n長6%左右；規模以上工業增加值增長7%；城鎮調查失業率控\n制在5.5%以內。';
    const f = foldText(text);
    const r = rejoinFolded(f, f.folded, wrapCuts(text).cuts);
    const at = r.folded.folded.indexOf('增长6%');
    expect(at).toBeGreaterThan(0);
    const span = toOriginalSpan(r.folded, at, at + 4);
    expect(text.slice(span.start, span.end)).toBe('增\n長6%');
    expect(r.folded.toOriginal[r.folded.folded.length]).toBe(text.length);
  });

  it('gives targets whose spans and names come from the page (a traditional, wrapped list)', () => {
    const text =
      '霧溪市2026年政府工作報告\n二、2026年工作安排\n　　全市經濟社會發展的主要預期目標是：地區生產總值增長6%左右；\n規模以上工業增加值增長6.5%以上；固定資產投資增長5%；社會消費\n品零售總額增長6%；城鎮新增就業3萬人以上，城鎮調查失業率控制\n在5.5%以內；糧食總產量穩定在48萬噸以上。';
    const ts = extractTargets({ text });
    expect(show(ts)).toEqual([
      'main 地區生產總值|6%左右',
      'main 規模以上工業增加值|6.5%以上',
      'main 固定資產投資|5%',
      'main 社會消費品零售總額|6%',
      'main 城鎮新增就業|3万人以上',
      'main 城鎮調查失業率|5.5%以内',
      'main 糧食總產量|48万吨以上',
    ]);
    const retail = ts[3]!;
    // The sentence is the page's text between the target's offsets, its line break included.
    expect(retail.sentence).toBe(text.slice(retail.start, retail.end));
    expect(retail.sentence).toBe('社會消費\n品零售總額增長6%；');
  });
});

describe('web forms of a hard-wrapped text: each line after a <br>, or each line its own <p>', () => {
  const dir = fileURLToPath(new URL('../../fixtures', import.meta.url));
  const expected = JSON.parse(readFileSync(join(dir, 'text/a6-expected.json'), 'utf8')) as Record<string, { targets: string[] }>;
  const row = (t: Target) => `${t.kind}:${t.indicator}|${t.value}${t.valueMax !== null ? `-${t.valueMax}` : ''}${t.unit}${t.qualifier}|${t.direction}|${t.year}`;
  for (const [page, text] of [
    ['a6-br-wrapped.html', 'a6-province-report-wrap.txt'],
    ['a6-p-lines.html', 'a6-trad-mirror-wrap.txt'],
  ] as const) {
    it(`${page} gives the targets of ${text}, each span the page's own text`, () => {
      const input = htmlPageInput(readFileSync(join(dir, 'pages', page), 'utf8'));
      const r = analyzePage(input, { matchers: [bundledMatcher()] });
      expect(r.targets.map(row)).toEqual(expected[text]!.targets);
      for (const t of r.targets) expect(input.text.slice(t.start, t.end)).toBe(t.sentence);
    });
  }
});
