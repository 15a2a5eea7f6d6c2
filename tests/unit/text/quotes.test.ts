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
