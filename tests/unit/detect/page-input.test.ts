import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageInputFromHtml, pageInputFromText } from '../helpers/page-input';

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url)), 'utf8');

describe('test PageInput helpers', () => {
  it('pageInputFromHtml: title, headings with offsets into the text, blocks on their own lines', () => {
    const input = pageInputFromHtml(fixture('negative/sports-news.html'), 'https://example.com/a');
    expect(input.title).toBe('108比97！湘江男篮主场逆转取得六连胜 外援砍下31分_体育频道_潇湘晨讯网');
    expect(input.url).toBe('https://example.com/a');
    expect(input.headings.map((h) => [h.level, h.text])).toEqual([
      [1, '108比97！湘江男篮主场逆转取得六连胜 外援砍下31分'],
      [2, '第三节成为分水岭'],
      [2, '数据统计'],
      [2, '赛后发布会'],
      [2, '上座率同比增长三成'],
      [3, '相关阅读'],
    ]);
    for (const h of input.headings) expect(input.text.slice(h.start, h.start + h.text.length)).toBe(h.text);
    expect(input.text).not.toMatch(/<|&gt;|&nbsp;/);
    // Inline tags (<a>) do not break lines: the breadcrumb stays one block.
    expect(input.text.split('\n')).toContain('当前位置：首页 > 体育 > 篮球 > 正文');
  });

  it('pageInputFromText keeps the text as is and finds heading-like lines', () => {
    const text = fixture('seeds/004_020949d135bebf3b.txt');
    const input = pageInputFromText(text);
    expect(input.text).toBe(text);
    expect(input.headings[0]).toMatchObject({ text: '衡南縣2022年政府工作報告', level: 1 });
    for (const h of input.headings) expect(text.slice(h.start, h.start + h.text.length)).toBe(h.text);
    // Sentences and the "各位代表:" address are not headings.
    expect(input.headings.some((h) => h.text.startsWith('各位代表'))).toBe(false);
  });
});
