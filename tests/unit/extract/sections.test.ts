import { describe, expect, it } from 'vitest';
import { buildOutline, classifyHeading, detectHeadings, SectionCursor } from '../../../lib/extract/sections';
import { splitSentences } from '../../../lib/extract/sentences';
import { maskNoise } from '../../../lib/extract/noise';
import { detectReportYear, horizonYear } from '../../../lib/extract/years';
import { foldText } from '../../../lib/text/normalize';
import { seed } from './helpers';

/** The pipeline works on folded text (half-width punctuation). */
const fold = (text: string) => foldText(text).folded;
const outline = (text: string, year: number | null = 2022) => buildOutline(detectHeadings(fold(text)), [], year);

describe('inline headings of flattened reports', () => {
  const text =
    '2022年某市政府工作报告\n各位代表：现在报告工作。 一、过去五年工作回顾五年来，坚持质量第 一、创新为要。 二、今后五年目标任务今后五年，任务艰巨。 一、聚焦产业，持续发力。 二、聚焦民生，持续改善。 三、2022年主要工作2022年，是关键之年。 一、做大做强实体经济。推进项目。 四、切实加强政府自身建设各位代表！';
  const states = outline(text);

  it('follows the numbering sequence and rejects look-alikes', () => {
    expect(states.slice(1).map((s) => s.path.join(' › '))).toEqual([
      '2022年某市政府工作报告',
      '2022年某市政府工作报告 › 过去五年工作回顾',
      '2022年某市政府工作报告 › 今后五年目标任务',
      '2022年某市政府工作报告 › 今后五年目标任务 › 聚焦产业',
      '2022年某市政府工作报告 › 今后五年目标任务 › 聚焦民生',
      '2022年某市政府工作报告 › 2022年主要工作',
      '2022年某市政府工作报告 › 2022年主要工作 › 做大做强实体经济',
      '2022年某市政府工作报告 › 切实加强政府自身建设',
    ]);
  });

  it('marks review and plan sections, children inheriting', () => {
    expect(states.slice(1).map((s) => s.mode)).toEqual(['unknown', 'review', 'plan', 'plan', 'plan', 'plan', 'plan', 'unknown']);
    expect(states.find((s) => s.path.at(-1) === '聚焦产业')!.horizon).toBe(2026);
    expect(states.find((s) => s.path.at(-1) === '做大做强实体经济')!.horizon).toBe(2022);
  });

  it('looks sections up by position', () => {
    // Folding keeps offsets, so positions in the original text look up directly.
    const cursor = new SectionCursor(states);
    expect(cursor.at(text.indexOf('坚持质量')).mode).toBe('review');
    expect(cursor.at(text.indexOf('推进项目')).path.at(-1)).toBe('做大做强实体经济');
  });
});

describe('heading-like lines', () => {
  it('reads 关键词 N / 措施X： lines of 解读 articles (seed 001)', () => {
    const hits = detectHeadings(maskNoise(foldText(seed('001')).folded));
    expect(hits.filter((h) => h.style === 'kw').map((h) => h.label)).toEqual([
      '关键词 1 城乡面貌',
      '关键词 2 三大攻坚战',
      '关键词 3 一号工程',
      '关键词 4 改善民生',
    ]);
    expect(hits.filter((h) => h.style === 'ow:措施').map((h) => h.label).slice(0, 3)).toEqual(['措施一', '措施二', '措施三']);
  });

  it('reads 第X章 and standalone title lines', () => {
    const text = '第一章 总体要求\n发展环境\n' + '这是一段很长的正文，'.repeat(10);
    const hits = detectHeadings(text);
    expect(hits.map((h) => [h.style, h.label])).toEqual([
      ['ch:章', '第一章 总体要求'],
      ['line', '发展环境'],
    ]);
  });

  it('treats the spam token 关键词2 as noise, not as a heading', () => {
    const folded = foldText(seed('004')).folded;
    const masked = maskNoise(folded);
    expect(masked.length).toBe(folded.length);
    expect(masked).not.toContain('关键词2');
    expect(detectHeadings(masked).some((h) => h.style === 'kw')).toBe(false);
  });

  it('classifies headings', () => {
    expect(classifyHeading('2021年工作回顾', 2022).mode).toBe('review');
    expect(classifyHeading('2021年主要工作和五年发展成就', 2022).mode).toBe('review');
    expect(classifyHeading('2022年工作安排', 2022).mode).toBe('plan');
    expect(classifyHeading('未来五年总体要求和2022年重点工作', 2022).mode).toBe('plan');
    expect(classifyHeading('《政府工作报告》相关名词解释', 2022).mode).toBe('notes');
    expect(classifyHeading('聚焦推动产业发展', 2022).mode).toBeNull();
  });
});

describe('sentences and years', () => {
  it('splits at 。！？； with closing quotes, never at commas or 、', () => {
    const s = '他说：“增长8%。”然后，城、乡收入分别增长；完成！';
    expect(splitSentences(s).map((x) => s.slice(x.start, x.end))).toEqual(['他说：“增长8%。”', '然后，城、乡收入分别增长；', '完成！']);
  });

  it('detects the report year from a title line, "YYYY年是", or the most frequent year', () => {
    expect(detectReportYear(foldText(seed('004')).folded)).toBe(2022);
    expect(detectReportYear(foldText(seed('001')).folded)).toBe(2020);
    // 002 names 二〇三五年 far more often than 2020, but only as a horizon (到/远景).
    expect(detectReportYear(foldText(seed('002')).folded)).toBe(2020);
  });

  it('maps horizons to years', () => {
    expect(horizonYear('“十四五”时期', 2020)).toBe(2025);
    expect(horizonYear('今后五年', 2022)).toBe(2026);
    expect(horizonYear('明年的主要预期目标', 2022)).toBe(2022);
    expect(horizonYear('今年是实施“十四五”规划的关键之年', 2022)).toBe(2022);
  });
});
