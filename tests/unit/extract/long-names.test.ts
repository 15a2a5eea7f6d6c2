/**
 * Names longer than the indicator limit (24 characters) keep their end, the statistic — but a list is
 * split into its members before any cut, and a scope list the name opens with goes whole, never cut
 * in the middle of a member.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const names = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}`);
const plan = (body: string) => names(extractTargets({ text: `二、主要目标\n${body}`, year: 2025 }));

describe('long indicator names', () => {
  it('splits a 分别 list before cutting, so the first member keeps its head', () => {
    expect(plan('规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。')).toEqual([
      '规模以上工业企业数字化研发设计工具普及率|90%',
      '关键工序数控化率|75%',
    ]);
  });

  it('drops a scope list (…等领域) whole, not from the middle of a member', () => {
    expect(plan('工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模较2023年增长25%以上。')).toEqual(['设备投资规模|25%']);
    // Without 等: from the last member on.
    expect(plan('城市更新、老旧小区改造、城中村改造、危旧房屋改造项目投资额达到120亿元。')).toEqual(['危旧房屋改造项目投资额|120亿元']);
  });

  it('leaves a name within the limit, and a long name without a list, as before', () => {
    expect(plan('工业、农业等领域设备投资规模增长25%以上。')).toEqual(['工业、农业等领域设备投资规模|25%']);
    // A long name without a list keeps its last 24 characters, as it did.
    expect(plan('全市规模以上工业企业研究开发费用占营业收入比重平均水平提高到2.5%。')).toEqual(['模以上工业企业研究开发费用占营业收入比重平均水平|2.5%']);
  });
});
