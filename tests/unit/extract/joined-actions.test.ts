/**
 * 新建、改扩建公办幼儿园50所: a plan's count of work whose verb is two actions joined by 、 is one count,
 * not a list of names the value does not split (业主委员会、物业管理小区各100个 still is).
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.year}`);
const plan = (body: string) => show(extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 }));

describe('two actions joined by 、', () => {
  it('count as one verb of a planned count', () => {
    expect(plan('新建、改扩建公办幼儿园50所，新增公办学位1.5万个。')).toEqual(['新建、改扩建公办幼儿园|50所|2025', '新增公办学位|1.5万个|2025']);
    expect(plan('新建、改造农村公路300公里。')).toEqual(['新建、改造农村公路|300公里|2025']);
  });

  it('but a list of names is still no indicator, and a review still no plan', () => {
    expect(plan('新建业主委员会、物业管理小区各100个。')).toEqual([]);
    expect(plan('新建学校、医院80个。')).toEqual([]);
    const text = '青川市2025年政府工作报告\n一、2024年工作回顾\n新建、改扩建公办幼儿园40所。\n二、2025年工作安排\n新建、改扩建公办幼儿园50所。';
    expect(show(extractTargets({ text }))).toEqual(['新建、改扩建公办幼儿园|50所|2025']);
  });
});
