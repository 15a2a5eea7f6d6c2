import { describe, expect, it } from 'vitest';
import { entryHeadword } from '../../../lib/glossary/headword';

describe('the headword of a glossary term on a page that damaged it', () => {
  it('is the entry’s own form when the page over-converted it (全麵深化改革, 河長製: 麵 and 製 are 面 and 制 gone wrong)', () => {
    expect(entryHeadword('全麵深化改革', ['全面深化改革'])).toBe('全面深化改革');
    expect(entryHeadword('河長製', ['河長制'])).toBe('河長制');
    expect(entryHeadword('市場準入負麵清單', ['負面清單', '市場準入負面清單'])).toBe('市場準入負面清單');
  });

  it('is the page’s own words when they are one of the entry’s forms, or when no form has their length', () => {
    const shiSiWu = ['十四五', '第十四個五年規劃', '十四五規劃'];
    expect(entryHeadword('十四五規劃', shiSiWu)).toBe('十四五規劃');
    expect(entryHeadword('第十四個五年規劃', shiSiWu)).toBe('第十四個五年規劃');
    expect(entryHeadword('十四五規划', [])).toBe('十四五規划');
    expect(entryHeadword('三高四新戰略', ['三高四新'])).toBe('三高四新戰略');
  });
});
