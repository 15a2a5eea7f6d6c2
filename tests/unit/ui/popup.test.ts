import { describe, expect, it } from 'vitest';
import { groupBySection } from '../../../lib/ui/popup';
import type { Target } from '../../../lib/types';

const target = (section: string, indicator: string): Target => ({
  kind: 'main', indicator, indicatorKey: indicator, value: 8, valueMax: null, unit: '%', qualifier: '以上', direction: 'increase',
  hedge: '', year: 2022, section, sentence: `${indicator}增长8%以上`, start: 0, end: 0,
});

describe('groupBySection', () => {
  it('keeps one heading’s targets together whatever its script, labelled as the page writes it first', () => {
    const groups = groupBySection([
      target('衡南縣2022年政府工作報告 › 2022年工作安排', '地區生產總值'),
      target('衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定', '糧食總產量'),
      // A frame or a quote of the other script, or a record saved before sections kept the page's script.
      target('衡南县2022年政府工作报告 › 2022年工作安排', '规模工业增加值'),
      target('衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定', '新增城鎮就業'),
    ]);
    expect(groups.map((g) => [g.key, g.label, g.rows.map((r) => [r.index, r.target.indicator])])).toEqual([
      ['衡南县2022年政府工作报告 › 2022年工作安排', '衡南縣2022年政府工作報告 › 2022年工作安排', [[0, '地區生產總值'], [2, '规模工业增加值']]],
      ['衡南县2022年政府工作报告 › 2022年工作安排 › 坚定不移保稳定', '衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定', [[1, '糧食總產量'], [3, '新增城鎮就業']]],
    ]);
  });

  it('a simplified page groups as it did, and targets without a section go under —', () => {
    const groups = groupBySection([target('关键词 1 城乡面貌 › 措施二', 'a'), target('', 'b'), target('关键词 1 城乡面貌 › 措施三', 'c'), target('', 'd')]);
    expect(groups.map((g) => [g.key, g.label, g.rows.map((r) => r.index)])).toEqual([
      ['关键词 1 城乡面貌 › 措施二', '关键词 1 城乡面貌 › 措施二', [0]],
      ['', '—', [1, 3]],
      ['关键词 1 城乡面貌 › 措施三', '关键词 1 城乡面貌 › 措施三', [2]],
    ]);
  });
});
