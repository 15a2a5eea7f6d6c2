/**
 * Section paths in the page's own script. Headings are read, cut and classified in the folded
 * (simplified) text; each label keeps the folded offsets it was cut from and is shown with the page's
 * characters there, so a traditional page's path reads 衡南縣2022年政府工作報告 › 堅定不移保穩定 while
 * `path` (what the outline compares) stays simplified.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { maskNoise } from '../../../lib/extract/noise';
import { buildOutline, detectHeadings } from '../../../lib/extract/sections';
import { htmlPageInput } from '../../../lib/cli/input';
import { foldChars, foldText } from '../../../lib/text/normalize';
import { domHeadings } from '../helpers/dom-headings';
import { seed } from './helpers';

/** Heading hits of a page text as extractTargets reads them: folded, noise masked, the fold given. */
const hitsOf = (text: string) => {
  const f = foldText(text);
  return detectHeadings(maskNoise(f.folded), f);
};
const page = (name: string) => readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('heading labels as the page writes them', () => {
  it('seed 004: the report title and its outline in traditional script, labels folded as before', () => {
    const hits = hitsOf(seed('004')).filter((h) => h.style !== 'ar');
    expect(hits.map((h) => [h.style, h.label, h.shown])).toEqual([
      ['title', '衡南县2022年政府工作报告', '衡南縣2022年政府工作報告'],
      ['cn', '2021年工作回顾', '2021年工作回顧'],
      ['pcn', '坚持不懈推进产业发展', '堅持不懈推進產業發展'],
      ['pcn', '精准施策激发发展活力', '精準施策激發發展活力'],
      ['pcn', '多措并举统筹城乡发展', '多措並舉統籌城鄉發展'],
      ['pcn', '全力以赴增进民生福祉', '全力以赴增進民生福祉'],
      ['pcn', '持之以恒加强自身建设', '持之以恒加強自身建設'],
      ['cn', '2022年工作安排', '2022年工作安排'],
      ['pcn', '坚定不移保稳定', '堅定不移保穩定'],
      ['pcn', '千方百计谋发展', '千方百計謀發展'],
      ['line', '竭尽全力惠民生', '竭盡全力惠民生'],
      ['pcn', '驰而不息转作风', '馳而不息轉作風'],
      ['line', '《政府工作报告》相关名词解释', '《政府工作報告》相關名詞解釋'],
    ]);
  });

  it('seed 002: the pinyin residue of the mirror (發(fā)展戰(zhàn)略) stays out, and does not count against the length cut', () => {
    const text = seed('002');
    expect(text).toContain('一、扎實推進“一體兩翼”發(fā)展戰(zhàn)略');
    expect(text).toContain('二、“十四五”時期發(fā)展指導方針和主要目標');
    const hits = hitsOf(text);
    expect(hits.slice(0, 5).map((h) => [h.label, h.shown])).toEqual([
      ['扎实推进“一体两翼”发展战略', '扎實推進“一體兩翼”發展戰略'],
      ['全面建成小康社会取得决定性成就', '全面建成小康社會取得決定性成就'],
      ['新发展阶段面临新机遇新挑战', '新發展階段面臨新機遇新挑戰'],
      ['二〇三五年远景目标', '二〇三五年遠景目標'],
      // 16 characters of the heading, then …: the residue dropped by the fold is not among them.
      ['“十四五”时期发展指导方针和主要…', '“十四五”時期發展指導方針和主要…'],
    ]);
    for (const h of hits) {
      expect(h.shown).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
      expect(foldChars(h.shown)).toBe(h.label);
    }
  });

  it('simplified seeds: every label is shown exactly as it is folded', () => {
    for (const id of ['000', '001', '003'] as const) {
      const hits = hitsOf(seed(id));
      expect(hits.length, id).toBeGreaterThan(10);
      for (const h of hits) expect(h.shown, `${id}: ${h.label}`).toBe(h.label);
    }
  });

  it('without the page’s fold, the label is what is shown (folded)', () => {
    const f = foldText(seed('004'));
    const hits = detectHeadings(maskNoise(f.folded));
    expect(hits[0]!.shown).toBe('衡南县2022年政府工作报告');
    for (const h of hits) expect(h.shown).toBe(h.label);
  });

  it('关键词 lines keep one space for a run of blanks, and half-width digits where the page wrote full-width ones', () => {
    const body = '這是一段很長的正文，說明城鄉面貌發生的變化和今後的工作安排。'.repeat(2);
    const hits = hitsOf(`關鍵詞　１　城鄉面貌\n${body}\n路徑５：\n${body}\n措施 二：\n${body}\n第三章　堅持創新驅動發展\n${body}`);
    expect(hits.map((h) => [h.style, h.label, h.shown])).toEqual([
      ['kw', '关键词 1 城乡面貌', '關鍵詞 1 城鄉面貌'],
      ['ow:路径', '路径5', '路徑5'],
      // The word and its ordinal, without the blank between them (as the folded label has it).
      ['ow:措施', '措施二', '措施二'],
      ['ch:章', '第三章 坚持创新驱动发展', '第三章 堅持創新驅動發展'],
    ]);
  });

  it('inline headings of a flattened traditional report, cut at the comma as the folded label is', () => {
    const text = '衡山市2022年政府工作報告\n各位代表：現在報告工作。 一、過去五年工作回顧五年來，堅持質量第一。 二、今後五年目標任務，任務艱巨。 一、聚焦產業，持續發力。';
    const hits = hitsOf(text);
    expect(hits.map((h) => [h.inline, h.label, h.shown])).toEqual([
      [false, '衡山市2022年政府工作报告', '衡山市2022年政府工作報告'],
      [true, '过去五年工作回顾', '過去五年工作回顧'],
      [true, '今后五年目标任务', '今後五年目標任務'],
      [true, '聚焦产业', '聚焦產業'],
    ]);
  });

  it('a run-on chapter line of a flattened page: 16 characters and …, counted in the folded text', () => {
    const line = '第一章　總體要求' + '堅持穩中求進工作總基調'.repeat(1000);
    const hits = hitsOf(`${line}\n`);
    expect(hits.map((h) => [h.style, h.label, h.shown])).toEqual([['ch:章', '第一章 总体要求坚持稳中求进工作…', '第一章 總體要求堅持穩中求進工作…']]);
  });

  it('a footnote marker the extractor blanks does not come back in the label', () => {
    const hits = hitsOf('二、2022年工作安排\n（一）堅定［１２］不移保穩定\n');
    // The mask is zero-width spaces, one per unit, so the label reads 堅定不移保穩定 on screen.
    expect(hits.map((h) => [h.label, h.shown])).toEqual([
      ['2022年工作安排', '2022年工作安排'],
      ['坚定\u200b\u200b\u200b\u200b不移保稳定', '堅定\u200b\u200b\u200b\u200b不移保穩定'],
    ]);
  });
});

describe('DOM headings', () => {
  it('are shown in their own characters, from their own fold', () => {
    const heading = '（二）推動綠色發(fā)展';
    const fold = foldText(heading);
    const states = buildOutline([], [{ start: 0, text: fold.folded, level: 3, fold }], 2022);
    expect(states[1]!.path).toEqual(['推动绿色发展']);
    expect(states[1]!.shown).toEqual(['推動綠色發展']);
  });

  it('lose their blanks and their marker, and keep half-width digits where they wrote full-width ones', () => {
    const fold = foldText('　二、２０２３年工作安排　');
    const states = buildOutline([], [{ start: 0, text: fold.folded, level: 2, fold }], 2023);
    expect([states[1]!.path, states[1]!.shown]).toEqual([['2023年工作安排'], ['2023年工作安排']]);
  });

  it('without their fold, or with a fold of other text, are shown folded', () => {
    const fold = foldText('推動綠色發展');
    const other = foldText('堅持創新驅動');
    const states = buildOutline(
      [],
      [
        { start: 0, text: fold.folded, level: 2 },
        { start: 10, text: fold.folded, level: 2, fold: other },
      ],
      2022,
    );
    expect(states.slice(1).map((s) => s.shown)).toEqual([['推动绿色发展'], ['推动绿色发展']]);
  });

  it('seed-004.html: every section path as the page writes it, the folded path as before', () => {
    const input = htmlPageInput(page('seed-004.html'));
    const ts = extractTargets({ text: input.text, headings: input.headings });
    expect([...new Set(ts.map((t) => t.section))]).toEqual([
      '衡南縣2022年政府工作報告 › 2022年工作安排',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 千方百計謀發展',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 竭盡全力惠民生',
    ]);
    expect([...new Set(ts.map((t) => foldChars(t.section)))]).toEqual([
      '衡南县2022年政府工作报告 › 2022年工作安排',
      '衡南县2022年政府工作报告 › 2022年工作安排 › 坚定不移保稳定',
      '衡南县2022年政府工作报告 › 2022年工作安排 › 千方百计谋发展',
      '衡南县2022年政府工作报告 › 2022年工作安排 › 竭尽全力惠民生',
    ]);
  });

  it('a simplified report with one traditional heading shows that heading as written, the rest simplified', () => {
    const text = '衡山市2023年政府工作报告\n二、2023年工作安排\n地区生产总值增长8%以上。\n（一）推動綠色發(fā)展\n力争单位地区生产总值能耗下降3%以上。\n';
    const sections = extractTargets({ text, headings: domHeadings(text) }).map((t) => t.section);
    expect(sections).toEqual(['衡山市2023年政府工作报告 › 2023年工作安排', '衡山市2023年政府工作报告 › 2023年工作安排 › 推動綠色發展']);
    expect(extractTargets({ text }).map((t) => t.section)).toEqual(sections);
  });
});

describe('targets of the seeds', () => {
  it('seed 004: every section in traditional script, folding to the path it had', () => {
    const sections = [...new Set(extractTargets({ text: seed('004') }).map((t) => t.section))];
    expect(sections).toEqual([
      '衡南縣2022年政府工作報告 › 2022年工作安排',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 千方百計謀發展',
      '衡南縣2022年政府工作報告 › 千方百計謀發展 › 竭盡全力惠民生',
    ]);
    expect(sections.map(foldChars)).toEqual([
      '衡南县2022年政府工作报告 › 2022年工作安排',
      '衡南县2022年政府工作报告 › 2022年工作安排 › 坚定不移保稳定',
      '衡南县2022年政府工作报告 › 2022年工作安排 › 千方百计谋发展',
      '衡南县2022年政府工作报告 › 千方百计谋发展 › 竭尽全力惠民生',
    ]);
  });

  it('seed 001 (simplified): sections as before', () => {
    const sections = new Set(extractTargets({ text: seed('001') }).map((t) => t.section));
    for (const s of sections) expect(foldChars(s)).toBe(s);
    expect(sections).toContain('关键词 1 城乡面貌 › 措施二');
  });
});
