/**
 * News, 数读 lines and answers name the change as the goal before its value, with no verb of their own
 * ("地区生产总值增长目标定为5.5%左右", "能耗下降目标为3%"), and a budget line puts its modal there ("赤字率拟按3%左右
 * 安排"): the name drops those words, the direction keeps the change.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.direction}`);
const read = (text: string) => show(extractTargets({ text, year: 2025 }));

describe('a change named as the goal', () => {
  it('keeps its direction, and leaves the name', () => {
    expect(read('今年全省地区生产总值增长目标定为5.5%左右。')).toEqual(['地区生产总值|5.5%左右|increase']);
    expect(read('今年单位地区生产总值能耗下降目标为3%左右。')).toEqual(['单位地区生产总值能耗|3%左右|decrease']);
    expect(read('今年GDP增长目标为5%左右。')).toEqual(['GDP|5%左右|increase']);
    expect(read('今年全市GDP增速目标设定在6%左右，高于全国1个百分点。')).toEqual(['GDP|6%左右|increase']);
  });

  it('a goal without a change word stays a level', () => {
    expect(read('城镇新增就业目标为60万人以上，居民消费价格涨幅目标2%左右。')).toEqual(['城镇新增就业|60万人以上|level', '居民消费价格涨幅|2%左右|level']);
  });

  it('drops the modal of a budget line from the name', () => {
    expect(read('今年赤字率拟按3%左右安排。')).toEqual(['赤字率|3%左右|level']);
    expect(read('今年拟安排地方政府专项债券额度1800亿元以上。')).toEqual(['地方政府专项债券额度|1800亿元以上|level']);
    expect(read('今年拟发行超长期特别国债1.3万亿元，比上年增加3000亿元。')).toEqual(['超长期特别国债|1.3万亿元|level']);
    // 模拟/虚拟 end in 拟 of their own.
    expect(read('今年力争开展应急演练模拟100次以上。')).toEqual(['开展应急演练模拟|100次以上|level']);
    // Last year's budget line is no target, and a value glued to other words still needs a bound.
    expect(read('去年赤字率按3%左右安排。')).toEqual([]);
    expect(read('今年安排专项资金5亿元用于老旧小区改造。')).toEqual([]);
  });
});

describe('净增 right before a value', () => {
  const plan = (body: string) => show(extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 }));

  it('is the net change of the indicator named before it', () => {
    expect(plan('高新技术企业数量达到1000家，净增200家以上。')).toEqual(['高新技术企业数量|1000家|increase', '高新技术企业数量|200家以上|increase']);
  });

  it('inside a name it stays the name’s, and with no name before it there is no indicator', () => {
    expect(plan('净增市场主体1万户以上。')).toEqual(['净增市场主体|1万户以上|level']);
    expect(plan('全市净增200家以上。')).toEqual([]);
  });
});
