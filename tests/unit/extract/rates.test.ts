/**
 * Rates and multiples a plan sets with a verb alone (no 以上/左右, no 力争): 下降1‰, 较2023年增加一倍 are
 * targets as 增长6% is, and 千分之五 reads as 5‰. Each positive sits next to a negative.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.direction}|${t.year}`);
const plan = (body: string) => show(extractTargets({ text: `二、2025年主要目标\n${body}`, year: 2025 }));

describe('per mille values', () => {
  it('reads 千分之 in a target as ‰, with its bound', () => {
    expect(plan('人口自然增长率控制在千分之五以内，婴儿死亡率控制在4‰以内。')).toEqual([
      '人口自然增长率|5‰以内|level|2025',
      '婴儿死亡率|4‰以内|level|2025',
    ]);
  });

  it('a plan sets a change in ‰ with its verb alone; a review reports one', () => {
    expect(plan('孕产妇死亡率下降0.5‰。')).toEqual(['孕产妇死亡率|0.5‰|decrease|2025']);
    const text = '青川市2025年政府工作报告\n一、2024年工作回顾\n孕产妇死亡率下降0.5‰。\n二、2025年工作安排\n人口出生率稳定在千分之八。';
    expect(show(extractTargets({ text }))).toEqual(['人口出生率|8‰|level|2025']);
  });
});

describe('multiples', () => {
  it('a plan sets 增加一倍 / 提高2倍 with the verb alone, as it does 增长45%', () => {
    expect(plan('报废汽车回收量较2023年增加一倍，二手车交易量较2023年增长45%。')).toEqual([
      '报废汽车回收量|1倍|increase|2025',
      '二手车交易量|45%|increase|2025',
    ]);
    expect(plan('农产品网络零售额提高2倍。')).toEqual(['农产品网络零售额|2倍|increase|2025']);
  });

  it('but not a multiple without a verb, nor one the past reports', () => {
    // 3倍 names a comparison, not a change to reach.
    expect(plan('全市研发投入是全省平均水平的3倍。')).toEqual([]);
    expect(plan('2024年，全市农产品网络零售额增长了一倍。')).toEqual([]);
  });

  it('where no heading says plan, a multiple still needs a bound or a hedge', () => {
    const read = (text: string) => show(extractTargets({ text, year: 2025 }));
    expect(read('全市农产品网络零售额增长一倍。')).toEqual([]);
    expect(read('力争全市农产品网络零售额增长一倍。')).toEqual(['农产品网络零售额|1倍|increase|2025']);
  });
});

describe('a multiple the next value restates', () => {
  it('is a doubling said in figures: the amount after it is the target, as after 翻一番', () => {
    expect(plan('地区生产总值比2020年增长一倍，达到6000亿元以上。')).toEqual(['地区生产总值|6000亿元以上|increase|2025']);
    expect(plan('地区生产总值比2020年增长一倍，二手车交易量增长一倍。')).toEqual([
      '地区生产总值|1倍|increase|2025',
      '二手车交易量|1倍|increase|2025',
    ]);
  });
});
