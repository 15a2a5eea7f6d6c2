import { describe, expect, it } from 'vitest';
import { foldText } from '../../../lib/text/normalize';
import { isOverConversion } from '../../../lib/text/over-conversion';
import { inPageScript, sourcedSlice } from '../../../lib/text/sourced';

/** The page's text shown for [start, end) of it, as a target's name is. */
function shown(page: string, start: number, end: number): string {
  const f = foldText(page);
  return inPageScript(sourcedSlice(f.folded, start, end), f);
}

function at(page: string, word: string, char: string): boolean {
  const f = foldText(page);
  const i = page.indexOf(word) + word.indexOf(char);
  return isOverConversion(page.charCodeAt(i), f.folded, i);
}

describe('isOverConversion', () => {
  it('finds 麵 and 製 that a mirror wrote for 面 and 制', () => {
    expect(at('全麵推進預算製度改革', '全麵', '麵')).toBe(true);
    expect(at('全麵推進預算製度改革', '製度', '製')).toBe(true);
    expect(at('耕地保有量不低於120萬畝，建築麵積', '麵積', '麵')).toBe(true);
    expect(at('全面推行河長製、林長製', '河長製', '製')).toBe(true);
  });

  it('keeps them in the words that take them, by OpenCC’s phrases', () => {
    expect(at('製造業增加值增長8%', '製造', '製')).toBe(false);
    expect(at('麵粉加工產值達到10億元', '麵粉', '麵')).toBe(false);
    // OpenCC's own form of the noodle character, and the Taiwan/Hong Kong one, both count.
    expect(at('麪粉加工產值達到10億元', '麪粉', '麪')).toBe(false);
    expect(at('研製新藥3個', '研製', '製')).toBe(false);
    expect(at('乳製品產量', '乳製品', '製')).toBe(false);
  });

  it('never touches characters written right or other characters', () => {
    expect(at('全面推進預算制度改革', '全面', '面')).toBe(false);
    expect(at('全面推進預算制度改革', '制度', '制')).toBe(false);
    expect(at('地區生產總值增長8%', '區', '區')).toBe(false);
    expect(at('', '', '')).toBe(false);
  });
});

describe('names of targets on an over-converted mirror', () => {
  it('say what the page meant, keeping the page’s script otherwise', () => {
    const page = '確保糧食播種麵積138萬畝以上，製造業增加值增長9%，麵粉加工產值達到10億元，全麵落實河長製';
    expect(shown(page, 2, 8)).toBe('糧食播種面積');
    expect(shown(page, page.indexOf('製造業'), page.indexOf('製造業') + 6)).toBe('製造業增加值');
    expect(shown(page, page.indexOf('麵粉'), page.indexOf('麵粉') + 6)).toBe('麵粉加工產值');
    expect(shown(page, page.indexOf('全麵'), page.length)).toBe('全面落實河長制');
  });
});
