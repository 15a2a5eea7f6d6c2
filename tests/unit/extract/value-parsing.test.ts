/**
 * How a clause's values are read: which figures are values, which verb and name they have, and the units
 * and multipliers they carry. Each case pins indicator, value, valueMax, unit, qualifier and direction.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';

/** A plan section around the sentences, so they are read as this year's work. */
const plan = (body: string): string => `二、2022年工作安排\n${body}`;
type Full = [indicator: string, value: number | null, valueMax: number | null, unit: string, qualifier: string, direction: string];
const read = (body: string): Full[] =>
  extractTargets({ text: plan(body), year: 2022 }).map((t) => [t.indicator, t.value, t.valueMax, t.unit, t.qualifier, t.direction]);

describe('a verb that reaches its value in a year (增加到2025年的5000亿元)', () => {
  it('keeps the verb and the name; the year and the starting figure are neither value nor name', () => {
    expect(read('地区生产总值由2020年的3509亿元增加到2025年的5000亿元以上。')).toEqual<Full[]>([
      ['地区生产总值', 5000, null, '亿元', '以上', 'increase'],
    ]);
    expect(read('常住人口城镇化率从2023年的58%提高到2024年的59.5%。')).toEqual<Full[]>([
      ['常住人口城镇化率', 59.5, null, '%', '', 'increase'],
    ]);
    expect(read('城镇化率提高到2025年底的65%以上。')).toEqual<Full[]>([['城镇化率', 65, null, '%', '以上', 'increase']]);
  });

  it('never makes the starting figure a target of its own, even with a qualifier', () => {
    expect(read('地区生产总值由2020年的3500亿元左右增加到5000亿元以上。')).toEqual<Full[]>([
      ['地区生产总值', 5000, null, '亿元', '以上', 'increase'],
    ]);
    expect(read('常住人口城镇化率从58%左右提高到60%以上。')).toEqual<Full[]>([['常住人口城镇化率', 60, null, '%', '以上', 'increase']]);
  });

  it('reads a year after a verb with no value after it as no target', () => {
    expect(read('规划期限延长到2025年。')).toEqual([]);
    expect(read('各项指标达到2025年的要求。')).toEqual([]);
  });
});
