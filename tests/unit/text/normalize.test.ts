import { describe, expect, it } from 'vitest';
import { foldChars, foldText, pinyinResidueLength, toOriginalSpan } from '../../../lib/text/normalize';

describe('foldText', () => {
  it('folds traditional to simplified character by character, keeping offsets 1:1', () => {
    const f = foldText('奮力推進"三強一化"建設');
    expect(f.folded).toBe('奋力推进"三强一化"建设');
    expect(Array.from(f.toOriginal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('folds the over-conversions of mirror sites back (全麵 → 全面, 責任製 → 责任制)', () => {
    expect(foldText('全麵落實糧食安全省長責任製').folded).toBe('全面落实粮食安全省长责任制');
  });

  it('drops pinyin residue and maps the following characters back past it', () => {
    const original = '中國共產(chǎn)黨衡陽市';
    const f = foldText(original);
    expect(f.folded).toBe('中国共产党衡阳市');
    expect(Array.from(f.toOriginal)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 14]);
    expect(f.toOriginal[f.folded.length]).toBe(original.length);
  });

  it('drops full-width residue parentheses too, but keeps (GDP) and (P1)', () => {
    const f = foldText('發（fā）展(GDP)(P1)');
    expect(f.folded).toBe('发展(GDP)(P1)');
    expect(f.toOriginal[1]).toBe(5);
  });

  it('folds full-width ASCII and the ideographic space', () => {
    const f = foldText('５Ｇ＋工業互聯網　Ａ');
    expect(f.folded).toBe('5G+工业互联网 A');
    expect(f.folded.length).toBe(10);
  });

  it('leaves simplified text and CJK punctuation alone; the full-width comma is full-width ASCII', () => {
    expect(foldText('“六稳”“六保”，全面推进。「三無」').folded).toBe('“六稳”“六保”,全面推进。「三无」');
  });
});

describe('toOriginalSpan', () => {
  it('covers residue inside a span but not residue right after it', () => {
    const original = '推動發(fā)展產(chǎn)業';
    const f = foldText(original);
    expect(f.folded).toBe('推动发展产业');
    // 发展: residue sits between its two characters, so it belongs to the span.
    expect(toOriginalSpan(f, 2, 4)).toEqual({ start: 2, end: 8 });
    expect(original.slice(2, 8)).toBe('發(fā)展');
    // 产: its own residue (chǎn) follows the span's last character and stays outside.
    expect(toOriginalSpan(f, 4, 5)).toEqual({ start: 8, end: 9 });
  });

  it('maps an empty span to a point', () => {
    const f = foldText('中國共產(chǎn)黨');
    expect(toOriginalSpan(f, 4, 4)).toEqual({ start: 10, end: 10 });
  });
});

describe('foldChars / pinyinResidueLength', () => {
  it('folds a short term without touching its length', () => {
    expect(foldChars('一主一特雙總部')).toBe('一主一特双总部');
    expect(foldChars('六穩')).toBe('六稳');
  });

  it('recognises a toned syllable after a Han character only', () => {
    expect(pinyinResidueLength('產(chǎn)', 1)).toBe(6);
    expect(pinyinResidueLength('產（chǎn）', 1)).toBe(6);
    expect(pinyinResidueLength('產(can)', 1)).toBe(0);
    expect(pinyinResidueLength('a(chǎn)', 1)).toBe(0);
  });
});

describe('foldText keeps every code unit it does not fold', () => {
  it('keeps lone surrogates and astral characters 1:1', () => {
    const text = '發展\ud800中𠀀國';
    const f = foldText(text);
    expect(f.folded).toBe('发展\ud800中𠀀国');
    expect(f.folded.length).toBe(text.length);
  });
});
