/**
 * The national report names GDP 国内生产总值; the library files it under the key regional reports' 地区生产总值
 * (and GDP, already) go to, so one indicator charts across the country and its regions. The per-unit
 * energy intensity keeps its own name (单位国内生产总值能耗 is no GDP).
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { indicatorKey } from '../../../lib/extract/indicator';

describe('国内生产总值', () => {
  it('shares the 地区生产总值 key', () => {
    expect(indicatorKey('国内生产总值')).toBe('地区生产总值');
    expect(indicatorKey('GDP')).toBe('地区生产总值');
    expect(indicatorKey('单位国内生产总值能耗')).toBe('单位国内生产总值能耗');
  });

  it('in the national list of 2024', () => {
    const text =
      '二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右，生态环境质量持续改善。';
    expect(extractTargets({ text, year: 2024 }).map((t) => [t.kind, t.indicator, t.indicatorKey, t.value, t.unit, t.qualifier, t.direction, t.year])).toEqual([
      ['main', '国内生产总值', '地区生产总值', 5, '%', '左右', 'increase', 2024],
      ['main', '城镇新增就业', '城镇新增就业', 1200, '万人', '以上', 'level', 2024],
      ['main', '城镇调查失业率', '城镇调查失业率', 5.5, '%', '左右', 'level', 2024],
      ['main', '居民消费价格涨幅', '居民消费价格涨幅', 3, '%', '左右', 'level', 2024],
      ['main', '粮食产量', '粮食产量', 1.3, '万亿斤', '以上', 'level', 2024],
      ['main', '单位国内生产总值能耗', '单位国内生产总值能耗', 2.5, '%', '左右', 'decrease', 2024],
    ]);
  });
});
