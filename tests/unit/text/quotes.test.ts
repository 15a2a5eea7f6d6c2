import { describe, expect, it } from 'vitest';
import { termLabel } from '../../../lib/text/quotes';

describe('termLabel', () => {
  it('drops the quote marks the matcher read through', () => {
    expect(termLabel('十四五”规划')).toBe('十四五规划');
    expect(termLabel('信訪"三無')).toBe('信訪三無');
    expect(termLabel('能"耗双控')).toBe('能耗双控');
    expect(termLabel('残疾人“两补')).toBe('残疾人两补');
    expect(termLabel('五好」园区')).toBe('五好园区');
  });

  it('leaves a term without quote marks as it is', () => {
    expect(termLabel('三高四新')).toBe('三高四新');
    expect(termLabel('5G+工業互聯網')).toBe('5G+工業互聯網');
  });
});

describe('termLabel on a mirror page with pinyin residue', () => {
  it('drops the reading a bad converter left inside the term (高質量發(fā)展 → 高質量發展)', () => {
    expect(termLabel('高質量發(fā)展')).toBe('高質量發展');
    expect(termLabel('創(chuàng)新引領開放崛起')).toBe('創新引領開放崛起');
    expect(termLabel('十四五”規(guī)劃')).toBe('十四五規劃');
    expect(termLabel('一網(wǎng)通辦')).toBe('一網通辦');
  });

  it('keeps a real parenthetical', () => {
    expect(termLabel('5G+工業互聯網(IoT)')).toBe('5G+工業互聯網(IoT)');
  });
});
