import { describe, expect, it } from 'vitest';
import { checkGlossary, compileGlossary, validateEntry } from '../../../lib/glossary/compile.mjs';
import { createMatcher } from '../../../lib/glossary/match';
import { entry, FOLD_PAIRS } from './fixtures';

describe('compileGlossary', () => {
  it('groups folded surfaces by first character, longest first, with entry indices', () => {
    const entries = [
      entry('liu-wen', '六稳'),
      entry('liu-bao', '六保'),
      entry('liu-wen-liu-bao', '六稳六保'),
      entry('five-g', '5G', { aliases: ['５Ｇ', '第五代移动通信'] }),
      entry('san-gao-si-xin', '三高四新', { aliases: ['三高四新戰略'] }),
    ];
    const { index, full } = compileGlossary(entries, FOLD_PAIRS);
    expect(full).toBe(entries);
    expect(index).toEqual({
      v: 1,
      ids: ['liu-wen', 'liu-bao', 'liu-wen-liu-bao', 'five-g', 'san-gao-si-xin'],
      terms: {},
      groups: {
        '5': ['5G', -4],
        三: ['三高四新战略', 4, '三高四新', -5],
        六: ['六稳六保', -3, '六保', -2, '六稳', -1],
        第: ['第五代移动通信', 3],
      },
    });
    expect(createMatcher(index).terms).toEqual(['六稳', '六保', '六稳六保', '5G', '三高四新']);
  });

  it('keeps a term that is not its own folded surface in `terms`', () => {
    // OpenCC folds 著 to 着 even in simplified text, so the term is stored apart from its surface.
    const { index } = compileGlossary([entry('xian-zhu', '显著成效'), entry('a', '双减'), entry('b', '雙減')], FOLD_PAIRS);
    expect(index.terms).toEqual({ 0: '显著成效', 2: '雙減' });
    expect(index.groups['显']).toEqual(['显着成效', 0]);
    expect(createMatcher(index).terms).toEqual(['显著成效', '双减', '雙減']);
  });

  it('keeps definitions out of the index', () => {
    const { index } = compileGlossary([entry('liu-wen', '六稳', { definition: '稳就业、稳金融' })], FOLD_PAIRS);
    expect(JSON.stringify(index)).not.toContain('稳就业');
  });

  it('gives a contested surface to the first entry', () => {
    const { index } = compileGlossary([entry('a', '双减'), entry('b', '雙減')], FOLD_PAIRS);
    expect(index.groups['双']).toEqual(['双减', -1]);
  });
});

describe('validateEntry', () => {
  it('accepts a complete national entry and a county entry', () => {
    expect(validateEntry(entry('liu-wen', '六稳', { english: 'six stabilities', year: 2018 }))).toEqual([]);
    expect(
      validateEntry(entry('hengnan-san-wu', '三无', { scope: { level: 'county', region: '衡南县', parent: '衡阳市' } })),
    ).toEqual([]);
  });

  it('reports each schema violation', () => {
    const bad = {
      id: 'Liu_Wen',
      term: '“六稳”',
      aliases: ['六稳 '],
      components: 'x',
      definition: '',
      gloss: ' ',
      scope: { level: 'city' },
      year: 1850,
      related: [],
      sources: [{ title: '报告', issuer: '', year: 2022.5, url: 'ftp://x' }],
      note: 'typo field',
    };
    expect(validateEntry(bad)).toEqual([
      'Liu_Wen: unknown field "note"',
      'Liu_Wen: id must be lowercase ascii words joined by single dashes',
      'Liu_Wen: definition must be a non-empty string',
      'Liu_Wen: gloss must be a non-empty string',
      'Liu_Wen: components must be an array',
      'Liu_Wen: term "“六稳”" contains quotation marks; write the bare term',
      'Liu_Wen: alias "六稳 " has surrounding whitespace',
      'Liu_Wen: a city scope needs a region',
      `Liu_Wen: year is outside 1900–${new Date().getFullYear() + 1}`,
      'Liu_Wen: sources[0].issuer is missing',
      'Liu_Wen: sources[0].year is not an integer',
      'Liu_Wen: sources[0].url is not an http(s) URL',
    ]);
  });

  it('requires at least one source and a known scope level', () => {
    expect(validateEntry(entry('x', '双减', { sources: [] }))).toEqual(['x: at least one source is required']);
    expect(validateEntry(entry('x', '双减', { scope: { level: 'town' } as never }))).toEqual([
      'x: scope.level "town" is not national/province/city/county',
    ]);
    expect(validateEntry(null)).toEqual(['entry is not an object']);
  });
});

describe('checkGlossary', () => {
  it('passes a consistent glossary', () => {
    const entries = [entry('liu-wen', '六稳', { related: ['liu-bao'] }), entry('liu-bao', '六保', { related: ['liu-wen'] })];
    expect(checkGlossary(entries, FOLD_PAIRS)).toEqual([]);
  });

  it('finds duplicate ids, surfaces claimed twice after folding, and dangling related ids', () => {
    const entries = [
      entry('liu-wen', '六稳', { related: ['liu-wen', 'missing'] }),
      entry('liu-wen', '六保'),
      entry('liu-wen-old', '穩就業', { aliases: ['六穩'] }),
    ];
    expect(checkGlossary(entries, FOLD_PAIRS)).toEqual([
      'liu-wen: duplicate id',
      'liu-wen-old: surface "六穩" is already claimed by liu-wen',
      'liu-wen: related lists the entry itself',
      'liu-wen: related id "missing" does not exist',
    ]);
  });

  it('refuses citations of a script-conversion mirror, not of the page itself', () => {
    const cite = (url: string) => ({ sources: [{ title: '关于加快推进“多证合一”改革的指导意见', issuer: '国务院办公厅', year: 2017, url }] });
    expect(
      checkGlossary(
        [
          entry('a', '多证合一', cite('http://big5.www.gov.cn/gate/big5/www.gov.cn/zhengce/content/2017-05/12/content_5193336.htm')),
          entry('b', '双减', cite('https://big5.askci.com/news/chanye/20220707/1640441917533.shtml')),
          entry('c', '六稳', cite('http://www.gov.cn/zhengce/content/2017-05/12/content_5193336.htm')),
        ],
        FOLD_PAIRS,
      ),
    ).toEqual(['a: sources[0].url is a script-conversion mirror; cite the page itself', 'b: sources[0].url is a script-conversion mirror; cite the page itself']);
  });

  it('does not count an alias equal to its own term twice', () => {
    expect(checkGlossary([entry('shuang-jian', '双减', { aliases: ['雙減', '双减'] })], FOLD_PAIRS)).toEqual([]);
  });
});
