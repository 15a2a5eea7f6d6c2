/**
 * Where no heading says plan (news, 解读), a sentence with a past cue keeps a clause that says it is ahead
 * (计划, 力争, 目标 …) when the sentence's own time, opening it, is ahead: "今年，我市计划新建5G基站1500个
 * 以上，目前已建成1200个". A clause that does not say so stays the year so far. The name drops who plans
 * (我市) and the planning word before the action (计划|新建, 拟|新增), never 计划生育.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.year}`);
const news = (body: string) => show(extractTargets({ text: `青川新闻\n${body}`, year: 2025 }));

describe('a news sentence ahead by its opening time', () => {
  it('keeps the clause that plans, drops the one that reports', () => {
    expect(news('今年，我市计划新建5G基站1500个以上，目前已建成1200个。')).toEqual(['新建5G基站|1500个以上|2025']);
    expect(news('今年，全市力争新增市场主体2万户以上，去年新增1.8万户。')).toEqual(['新增市场主体|2万户以上|2025']);
  });

  it('not a clause that only reports, nor a past year’s plan', () => {
    expect(news('今年，全市新增市场主体2万户以上，已完成全年目标。')).toEqual([]);
    expect(news('去年，全市计划新建5G基站1500个以上，实际建成1600个。')).toEqual([]);
    expect(news('今年以来，全市计划新建5G基站1500个以上，目前已建成1200个。')).toEqual([]);
  });
});

describe('who plans is no part of the name', () => {
  it('drops 我市 and 计划/拟 before an action', () => {
    expect(news('我省拟新增高标准农田100万亩以上。')).toEqual(['新增高标准农田|100万亩以上|2025']);
    expect(news('今年我市计划实施重点项目300个以上。')).toEqual(['实施重点项目|300个以上|2025']);
  });

  it('keeps 计划 where it is the name', () => {
    expect(news('今年计划生育家庭特别扶助金标准提高到每人每月800元以上。')).toEqual(['计划生育家庭特别扶助金标准|800元以上|2025']);
  });
});

describe('a standard paid per person, month or mu', () => {
  it('keeps the verb before 每人每月 / 每亩, and the per-unit out of the name', () => {
    const plan = (body: string) => extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 });
    expect(plan('城乡居民基础养老金最低标准提高到每人每月200元。').map((t) => [t.indicator, t.value, t.unit, t.direction])).toEqual([
      ['城乡居民基础养老金最低标准', 200, '元', 'increase'],
    ]);
    expect(plan('粮食单产达到每亩1200斤以上。').map((t) => [t.indicator, t.value, t.unit, t.qualifier])).toEqual([['粮食单产', 1200, '斤', '以上']]);
    // A per-unit without a verb before it stays in the name.
    expect(plan('每人每月补助100元以上。').map((t) => t.indicator)).toEqual(['每人每月补助']);
  });
});
