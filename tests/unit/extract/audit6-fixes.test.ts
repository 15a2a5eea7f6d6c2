import { describe, expect, it } from 'vitest';
import { textPageInput } from '../../../lib/cli/input';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.kind} ${t.indicator}|${t.value}${t.unit}${t.qualifier}`);

describe('sixth audit: text from a PDF or a Word file', () => {
  it('a circled footnote mark after a figure is no part of it (分别增长6%、7%①)', () => {
    const text = '砚川县2026年政府工作报告\n二、2026年目标任务\n今年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；城乡居民人均可支配收入分别增长6%、7%①；粮食播种面积稳定在86万亩以上。\n注：①为名义增速。';
    expect(show(extractTargets({ text }))).toEqual([
      'main 地区生产总值|6.5%左右',
      'main 城镇居民人均可支配收入|6%',
      'main 农村居民人均可支配收入|7%',
      'main 粮食播种面积|86万亩以上',
    ]);
    // An inline enumeration (主要包括：①…；②…) loses only its marks.
    const listed = '青川市2026年政府工作报告\n二、2026年工作安排\n重点做好以下民生实事：①新建农村公路80公里；②新增普惠托位500个。';
    expect(show(extractTargets({ text: listed }))).toEqual(['other 新建农村公路|80公里', 'other 新增普惠托位|500个']);
  });

  it('a text file’s wrapped line is no heading (its section would begin mid-sentence)', () => {
    const text = '青川市2026年政府工作报告\n二、2026年工作安排\n　　2026年全市经济社会发展的主要预期目标是：地区生产总值增\n长6%左右；规模以上工业增加值增长7%；城镇调查失业率控制在\n5.5%以内；居民消费价格涨幅3%左右，粮食总产量62万吨以上。';
    const input = textPageInput(text);
    expect(input.headings!.map((h) => h.text)).toEqual(['青川市2026年政府工作报告', '二、2026年工作安排']);
    expect(show(extractTargets({ text, headings: input.headings }))).toEqual([
      'main 地区生产总值|6%左右',
      'main 规模以上工业增加值|7%',
      'main 城镇调查失业率|5.5%以内',
      'main 居民消费价格涨幅|3%左右',
      'main 粮食总产量|62万吨以上',
    ]);
  });

  it('a running header between pages starts no section: the review stays the review', () => {
    const text = [
      '砚川县2026年政府工作报告',
      '一、2025年工作回顾',
      '　　2025年，全县地区生产总值完成326.5亿元，增长6.1%；规模以上工业增',
      '— 1 —',
      '',
      '砚川县2026年政府工作报告',
      '加值增长8.3%；全年新建农村公路126公里，新增城镇就业4860人，粮食播',
      '种面积稳定在85万亩以上，城镇调查失业率控制在5.3%以内，居民收入稳',
      '步增长。',
      '— 2 —',
    ].join('\n');
    expect(extractTargets({ text, headings: textPageInput(text).headings })).toEqual([]);
  });
});
