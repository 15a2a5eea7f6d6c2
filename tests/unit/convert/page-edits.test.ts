import { describe, expect, it } from 'vitest';
import { align, mapOffset, needsConversion, recover, splitEdit, type Source, type Written } from '../../../lib/convert/page-edits';

const written = (original: string, converted: string): Written => ({ original, converted, raw: false, reverts: 0, rewrites: 0, at: 0 });
const source = (original: string, converted: string, from: number, to: number, raw = false): Source => ({ original, converted, from, to, raw });

describe('align', () => {
  it('maps a same-length conversion position for position', () => {
    expect(align('發展', '发展')).toEqual([0, 0, 2, 2]);
  });

  it('maps a mirror page’s pinyin residue as one run that the conversion dropped', () => {
    // 產(chǎn)業 → 产业: 產 → 产, the residue (6 units) → nothing, 業 → 业.
    expect(align('產(chǎn)業', '产业')).toEqual([0, 0, 1, 1, 7, 1, 8, 2]);
    // Either way round.
    expect(align('产业', '產(chǎn)業')).toEqual([0, 0, 1, 1, 1, 7, 2, 8]);
  });

  it('anchors other length changes on the identical characters around them', () => {
    expect(align('ab', 'aXYb')).toEqual([0, 0, 1, 1, 1, 3, 2, 4]);
  });
});

describe('mapOffset', () => {
  const runs = align('產(chǎn)業', '产业');
  it('maps positions in equal runs exactly and positions inside a changed run to its start or end', () => {
    expect(mapOffset(runs, 0, false)).toBe(0);
    expect(mapOffset(runs, 1, false)).toBe(1);
    expect(mapOffset(runs, 3, false)).toBe(1);
    expect(mapOffset(runs, 3, true)).toBe(1);
    expect(mapOffset(runs, 7, false)).toBe(1);
    expect(mapOffset(runs, 8, false)).toBe(2);
    // A position where the conversion inserted text lands after the insertion.
    expect(mapOffset(align('ab', 'aXYb'), 1, false)).toBe(3);
    expect(mapOffset(align('ab', 'aXYb'), 2, false)).toBe(4);
  });
});

describe('splitEdit', () => {
  it('gives back the original of what the page kept, around what it wrote', () => {
    const w = written('发展中国家', '發展中國家');
    // The page appended to our text and replaced its middle.
    expect(splitEdit(w, '發展新國家和地區')).toEqual({ head: '发展', middle: '新國家和地區', tail: '', from: 2, to: 5 });
    expect(splitEdit(w, '發展國家')).toEqual({ head: '发展', middle: '', tail: '国家', from: 2, to: 3 });
  });

  it('keeps a length-changing run whole: part of it has no exact original', () => {
    const w = written('产业', '產(chǎn)業');
    // The page cut our text inside the residue: the part of it left has no original of its own and is kept as written.
    expect(splitEdit(w, '產(ch')).toEqual({ head: '产(ch', middle: '', tail: '', from: 4, to: 8 });
  });
});

describe('recover', () => {
  it('maps text that moved out of one of our nodes back to its original', () => {
    const sources = [source('产业', '產業', 1, 2)];
    expect(recover('業', sources)).toEqual({ original: '业', known: 1, raw: false });
  });

  it('keeps what no source explains as the page’s own, to be converted', () => {
    const sources = [source('产业', '產業', 1, 2)];
    expect(recover('業發', sources)).toEqual({ original: '业發', known: 1, raw: true });
  });

  it('joins the stretches of several sources in order', () => {
    const sources = [source('发展', '發展', 0, 2), source('产业', '產業', 0, 2)];
    expect(recover('展產', sources)).toEqual({ original: '展产', known: 2, raw: false });
  });

  it('treats text with no source as the page’s own', () => {
    expect(recover('abc', undefined)).toEqual({ original: 'abc', known: 0, raw: false });
    expect(recover('中文', undefined)).toEqual({ original: '中文', known: 0, raw: true });
    expect(recover('', [source('产业', '產業', 0, 2)])).toEqual({ original: '', known: 0, raw: false });
  });
});

describe('needsConversion', () => {
  it('is true for Han characters and for a bracket that may open pinyin residue', () => {
    expect(needsConversion('GDP 5%')).toBe(false);
    expect(needsConversion('增长')).toBe(true);
    expect(needsConversion('(chǎn)')).toBe(true);
  });
});
