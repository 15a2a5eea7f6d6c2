/**
 * A plan's running total over a period ahead is a target, 累计完成 or not: "“十五五”期间，全市累计完成
 * 固定资产投资1.5万亿元以上". Without a period ahead, 累计完成 in a plan is still done (tense.test.ts), and a
 * period that ends in the report's year or before sums up what was done.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.year}`);
const plan = (heading: string, body: string, year = 2025) => show(extractTargets({ text: `${heading}\n${body}`, year }));

describe('running totals over a period ahead', () => {
  it('are targets, and so is the rest of their sentence', () => {
    expect(plan('二、“十五五”时期主要目标', '“十五五”期间，全市累计完成固定资产投资1.5万亿元以上，年均增长6%左右。')).toEqual([
      '固定资产投资|1.5万亿元以上|2030',
      '固定资产投资|6%左右|2030',
    ]);
    expect(plan('二、2025年工作安排', '今后五年，全市累计完成投资3000亿元以上。')).toEqual(['投资|3000亿元以上|2029']);
    expect(plan('二、2025年工作安排', '到2027年，全市累计完成造林面积50万亩以上。')).toEqual(['造林面积|50万亩以上|2027']);
  });

  it('not without a period, nor over one that ends by the report’s year, nor where nothing says plan', () => {
    expect(plan('二、2025年工作安排', '全市累计完成投资500亿元以上。')).toEqual([]);
    expect(plan('二、2025年工作安排', '“十四五”期间，全市累计完成投资3000亿元以上。')).toEqual([]);
    expect(plan('二、2026年工作安排', '到2025年底，全市累计完成投资3000亿元以上。', 2026)).toEqual([]);
    expect(show(extractTargets({ text: '“十五五”期间，全市累计完成投资3000亿元以上。', year: 2025 }))).toEqual([]);
  });
});
