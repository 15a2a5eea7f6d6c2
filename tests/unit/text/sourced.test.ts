import { describe, expect, it } from 'vitest';
import { foldChars, foldText } from '../../../lib/text/normalize';
import { toneSyllableLength } from '../../../lib/text/pinyin';
import { concat, inPageScript, remove, removeRuns, replace, slice, sourcedSlice, split, supplied, trim } from '../../../lib/text/sourced';

describe('Sourced: cuts keep each character’s offset', () => {
  const s = '  确保全市“地区”生产总值 ';

  it('remove gives what String.replace(re, "") gives, and the offsets of what is left', () => {
    for (const re of [/^\s+/, /\s+$/, /^\s+|\s+$/g, /["“”]/g, /全市|确保/g, /生产总值$/, /^(?:确保|全市|\s)+/, /x?/g, /不在/]) {
      const t = remove(sourcedSlice(s, 0, s.length), re);
      expect(t.text).toBe(s.replace(re, ''));
      expect([...t.text].map((_, i) => s[t.at[i]!])).toEqual([...t.text]);
    }
  });

  it('replace gives what String.replace gives, its text supplied and the rest at its offsets', () => {
    const t = '关键词\t 1\u3000 城乡面貌';
    for (const re of [/\s+/g, /\s+/, /^关键词/, /不在/]) {
      const r = replace(sourcedSlice(t, 0, t.length), re, supplied(' ', ' '));
      expect(r.text).toBe(t.replace(re, ' '));
      expect([...r.text].map((c, i) => (r.at[i]! < 0 ? c : t[r.at[i]!]))).toEqual([...r.text]);
    }
    expect(replace(sourcedSlice(t, 0, t.length), /\s+/g, supplied(' ', ' ')).at).toEqual([0, 1, 2, -1, 5, -1, 8, 9, 10, 11]);
    // Unlike String.replace, an empty match puts nothing in: no label wants text between its characters.
    expect(replace(sourcedSlice(t, 0, t.length), /x?/g, supplied(' ', ' ')).text).toBe(t);
  });

  it('slice, split, trim and concat carry the offsets along', () => {
    const whole = sourcedSlice(s, 0, s.length);
    expect(slice(whole, -5).at).toEqual([10, 11, 12, 13, 14]);
    expect(trim(whole).at[0]).toBe(2);
    const parts = split(sourcedSlice('城、乡居民', 0, 5), '、');
    expect(parts.map((p) => [p.text, p.at])).toEqual([
      ['城', [0]],
      ['乡居民', [2, 3, 4]],
    ]);
    const joined = concat(parts[0]!, supplied('镇', '鎮'), slice(parts[1]!, 1));
    expect(joined).toEqual({ text: '城镇居民', at: [0, -1, 3, 4], traditional: '城鎮居民' });
  });

  it('removeRuns cuts the runs a length function finds (toned pinyin in brackets, wherever it stands)', () => {
    const text = '缌崿F(xiàn)治理（zhì）体系(GDP)(a)';
    const t = removeRuns(sourcedSlice(text, 0, text.length), toneSyllableLength);
    expect(t.text).toBe('缌崿F治理体系(GDP)(a)');
    expect([...t.text].map((_, i) => text[t.at[i]!])).toEqual([...t.text]);
    expect(toneSyllableLength('xiàn)', 0)).toBe(0);
  });

  it('refuses supplied text whose two scripts differ in length', () => {
    expect(() => supplied('农村', '農')).toThrow();
  });
});

describe('inPageScript', () => {
  const name = (page: string, start: number, end: number) => {
    const f = foldText(page);
    return { f, t: sourcedSlice(f.folded, start, end) };
  };

  it('takes the page’s own characters at the name’s offsets', () => {
    const { f, t } = name('地區生產總值增長8%以上', 0, 6);
    expect(t.text).toBe('地区生产总值');
    expect(inPageScript(t, f)).toBe('地區生產總值');
  });

  it('leaves out pinyin residue the fold dropped: no folded offset leads to it', () => {
    const page = '地區生產(chǎn)總值增長8%以上';
    const { f, t } = name(page, 0, 6);
    expect(inPageScript(t, f)).toBe('地區生產總值');
  });

  it('keeps half-width letters and digits where the page wrote full-width ones (width is not script)', () => {
    const { f, t } = name('新建５Ｇ基站', 0, 6);
    expect(t.text).toBe('新建5G基站');
    expect(inPageScript(t, f)).toBe('新建5G基站');
  });

  it('keeps what the name holds where the text was masked (a blanked spam token is no part of a name)', () => {
    const f = foldText('关键词2產值');
    // The extractor's working copy blanks the spam token to spaces, same offsets.
    const masked = '    ' + f.folded.slice(4);
    expect(inPageScript(sourcedSlice(masked, 2, 6), f)).toBe('  產值');
  });

  it('keeps a simplified page as it is, and a page that mixes scripts as it mixes them', () => {
    const a = name('地区生产总值增长8%以上', 0, 6);
    expect(inPageScript(a.t, a.f)).toBe('地区生产总值');
    const b = name('地区生產總值', 0, 6);
    expect(inPageScript(b.t, b.f)).toBe('地区生產總值');
  });

  it('writes supplied characters in the script of the context, sourced ones as the page does', () => {
    const f = foldText('城、鄉居民');
    const rural = concat(supplied('农村', '農村'), sourcedSlice(f.folded, 3, 5));
    expect(inPageScript(rural, f, '城、鄉居民人均可支配收入分別增長8.5%、10.5%以上。')).toBe('農村居民');
    expect(inPageScript(rural, f, '城、乡居民人均可支配收入分别增长8.5%、10.5%以上。')).toBe('农村居民');
    expect(inPageScript(rural, f)).toBe('农村居民');
  });

  it('folds back to the name’s own text', () => {
    const page = '確保糧食播種麵積138萬畝以上、糧食總產(chǎn)量62萬噸以上';
    const f = foldText(page);
    const names = [
      [2, 8],
      [16, 21],
    ].map(([a, b]) => sourcedSlice(f.folded, a!, b!));
    expect(names.map((t) => t.text)).toEqual(['粮食播种面积', '粮食总产量']);
    // 麵 is the mirror's over-conversion of 面 (lib/text/over-conversion): the name says what the page meant.
    expect(names.map((t) => inPageScript(t, f))).toEqual(['糧食播種面積', '糧食總產量']);
    for (const t of names) expect(foldChars(inPageScript(t, f))).toBe(t.text);
  });
});
