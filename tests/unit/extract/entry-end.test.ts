import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { buildOutline, detectHeadings } from '../../../lib/extract/sections';
import { foldText } from '../../../lib/text/normalize';

const fold = (text: string) => foldText(text).folded;
/** The plan's title and chapters come as DOM headings (h1, h2), as on the page. */
const dom = (text: string) =>
  text.split('\n').flatMap((line, i, lines) => {
    const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    return i === 0 ? [{ start, text: line, level: 1 }] : /^第.章/.test(line) ? [{ start, text: line, level: 2 }] : [];
  });
const outline = (text: string, year: number | null = 2021) => buildOutline(detectHeadings(fold(text)), dom(text), year);
const at = (text: string, needle: string) => {
  const states = outline(text);
  const pos = text.indexOf(needle);
  return [...states].reverse().find((s) => s.start <= pos)!;
};

// A plan's indicator table as the page text gives it: one cell per line, "—" for an empty cell.
const plan = (cell: string) => `娄底市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
第二章 主要目标
到2025年，全市地区生产总值年均增长7%左右。
指标
2020年
2025年
研发经费投入增长（%）
${cell}
${cell}
12以上
第三章 坚持创新驱动发展
全市高新技术企业数量达到600家以上，每万人口高价值发明专利拥有量达到3件。`;

describe('entry ends of listing pages versus empty table cells (P5)', () => {
  it('keeps the outline across table cells of one or two dashes', () => {
    for (const cell of ['—', '——', '-', '--', '/']) {
      const st = at(plan(cell), '全市高新技术企业');
      expect([cell, st.path]).toEqual([cell, ['娄底市国民经济和社会发展第十四个…', '第三章 坚持创新驱动发展']]);
      expect(st.mode).toBe('plan');
      // The chapter's targets keep the plan's reading.
      expect(extractTargets({ text: plan(cell), headings: dom(plan(cell)), year: 2021 }).map((t) => `${t.indicator}${t.value}${t.unit}|${t.section}`)).toEqual([
        '地区生产总值7%|娄底市国民经济和社会发展第十四个… › 第二章 主要目标',
        '高新技术企业数量600家|娄底市国民经济和社会发展第十四个… › 第三章 坚持创新驱动发展',
        '每万人口高价值发明专利拥有量3件|娄底市国民经济和社会发展第十四个… › 第三章 坚持创新驱动发展',
      ]);
    }
  });

  it('still ends an entry at a rule of three or more dashes and at a bare date', () => {
    for (const sep of ['———', '---', '______', '2025-07-02']) {
      const st = at(plan(sep), '全市高新技术企业');
      // The separator ends the entry: the 第三章 heading after it opens a fresh outline.
      expect([sep, st.path]).toEqual([sep, ['第三章 坚持创新驱动发展']]);
      expect(st.mode).toBe('unknown');
    }
  });
});
