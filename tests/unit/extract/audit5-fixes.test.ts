/**
 * Rules the fifth audit (tests/fixtures/text/a5-*.txt) found missing, each probed with sentences beyond the
 * audit texts, positives next to the cases it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { statedYear } from '../../../lib/extract/years';
import type { Target } from '../../../lib/types';

const rows = (ts: Target[]) => ts.map((t) => `${t.kind}:${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.direction}|${t.year}`);
const plan = (body: string) => rows(extractTargets({ text: `二、2026年工作安排\n${body}`, year: 2026 }));

describe('截至<year> counts up to a date: it is no year a target is due by', () => {
  it('a count after 截至2025年底 is for the year the sentence looks ahead to', () => {
    expect(plan('截至2025年底，全县新能源汽车保有量达到4万辆，今年新增充电桩1200个以上。')).toEqual(['other:新增充电桩|1200个以上|level|2026']);
    expect(plan('截止到2025年末，全市累计建成口袋公园60个，今年力争新建口袋公园30个以上。')).toEqual(['other:新建口袋公园|30个以上|level|2026']);
  });

  it('到<year> still dates a target, and a 截至 of a year ahead is still that year', () => {
    const s = '截至2025年底建成3000个，到2027年建成5000个';
    expect(statedYear(s, 0, s.length, 2026)).toBe(2027);
    const t = '截至2027年底，累计建成5G基站1万个';
    expect(statedYear(t, 0, t.length, 2026)).toBe(2027);
    expect(plan('到2028年，全市新增充电桩1.2万个以上。')).toEqual(['other:新增充电桩|1.2万个以上|level|2028']);
  });
});
