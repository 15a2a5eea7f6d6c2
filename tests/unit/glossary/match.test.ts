import { describe, expect, it } from 'vitest';
import { matchTerms } from '../../../lib/glossary/match';
import { foldText } from '../../../lib/text/normalize';
import { entry, matcherFor, seed } from './fixtures';

const matcher = matcherFor([
  entry('liu-wen', '六稳'),
  entry('liu-bao', '六保'),
  entry('liu-wen-liu-bao', '六稳六保'),
  entry('yi-zhu-yi-te', '一主一特'),
  entry('yi-zhu-yi-te-shuang-zong-bu', '一主一特双总部'),
  entry('san-qiang-yi-hua', '三强一化'),
  entry('san-gao-si-xin', '三高四新'),
  entry('quan-mian-xiao-kang', '全面小康'),
  entry('liang-shi-an-quan-ze-ren-zhi', '粮食安全省长责任制'),
  entry('gao-zhi-liang-fa-zhan', '高质量发展'),
  entry('five-g-industrial-internet', '5G+工业互联网'),
  entry('shuang-jian', '双减', { aliases: ['双减政策'] }),
]);

/** [text, entry] pairs, the shape most assertions need. */
const found = (text: string) => matchTerms(foldText(text), matcher).map((s) => [s.text, s.entry]);

describe('matchTerms', () => {
  it('finds terms in simplified text with original offsets', () => {
    const text = '扎实做好“六稳”工作，全面落实“六保”任务。';
    expect(matchTerms(foldText(text), matcher)).toEqual([
      { start: 5, end: 7, text: '六稳', source: 'glossary', entry: 'liu-wen' },
      { start: 16, end: 18, text: '六保', source: 'glossary', entry: 'liu-bao' },
    ]);
  });

  it('takes the longest match and never overlaps', () => {
    expect(found('做好六稳六保工作，六稳是基础')).toEqual([
      ['六稳六保', 'liu-wen-liu-bao'],
      ['六稳', 'liu-wen'],
    ]);
    expect(found('著力打造"一主一特雙總部"，一主一特先行')).toEqual([
      ['一主一特雙總部', 'yi-zhu-yi-te-shuang-zong-bu'],
      ['一主一特', 'yi-zhu-yi-te'],
    ]);
  });

  it('matches traditional text with the simplified glossary', () => {
    const text = '奮力推進"三強一化"建設，繼續做好"六穩""六保"工作';
    expect(matchTerms(foldText(text), matcher)).toEqual([
      { start: 5, end: 9, text: '三強一化', source: 'glossary', entry: 'san-qiang-yi-hua' },
      { start: 18, end: 20, text: '六穩', source: 'glossary', entry: 'liu-wen' },
      { start: 22, end: 24, text: '六保', source: 'glossary', entry: 'liu-bao' },
    ]);
  });

  it('matches the over-converted text of mirror sites (全麵, 責任製)', () => {
    expect(found('決勝全麵小康，落實糧食安全省長責任製')).toEqual([
      ['全麵小康', 'quan-mian-xiao-kang'],
      ['糧食安全省長責任製', 'liang-shi-an-quan-ze-ren-zhi'],
    ]);
  });

  it('matches across pinyin residue inside a term and keeps it in the span', () => {
    const text = '推動高質量發(fā)展產(chǎn)業';
    expect(matchTerms(foldText(text), matcher)).toEqual([
      { start: 2, end: 11, text: '高質量發(fā)展', source: 'glossary', entry: 'gao-zhi-liang-fa-zhan' },
    ]);
  });

  it('matches full-width letters and digits', () => {
    expect(found('榮獲首批"５Ｇ＋工業互聯網"示範工廠')).toEqual([['５Ｇ＋工業互聯網', 'five-g-industrial-internet']]);
  });

  it('does not let an ASCII term continue an ASCII word', () => {
    const m = matcherFor([entry('five-g', '5G')]);
    expect(matchTerms(foldText('5G基站、25GB流量、5G+'), m).map((s) => s.start)).toEqual([0, 12]);
  });

  it('leaves quotes of every style outside the span', () => {
    const quotes: Array<[string, string]> = [['“', '”'], ['「', '」'], ['『', '』'], ['"', '"'], ['＂', '＂'], ['', '']];
    for (const [open, close] of quotes) {
      const text = `落实${open}三高四新${close}战略`;
      expect(matchTerms(foldText(text), matcher)).toEqual([
        { start: 2 + open.length, end: 6 + open.length, text: '三高四新', source: 'glossary', entry: 'san-gao-si-xin' },
      ]);
    }
  });

  it('finds a term split across nodes once their texts are concatenated', () => {
    // The content script joins the text of <strong>三高</strong><em>四新</em> into one string.
    const nodes = ['全面落实“', '三高', '四新', '”战略定位'];
    const text = nodes.join('');
    const [span] = matchTerms(foldText(text), matcher);
    expect(span).toEqual({ start: 5, end: 9, text: '三高四新', source: 'glossary', entry: 'san-gao-si-xin' });
    // The span starts in the second node and ends in the third.
    expect(span!.start).toBe(nodes[0]!.length);
    expect(span!.end).toBe(nodes[0]!.length + nodes[1]!.length + nodes[2]!.length);
  });

  it('prefers an alias when it is longer than the term', () => {
    expect(found('严格落实双减政策')).toEqual([['双减政策', 'shuang-jian']]);
  });

  it('returns nothing for an empty glossary or empty text', () => {
    expect(matchTerms(foldText('六稳六保'), matcherFor([]))).toEqual([]);
    expect(matchTerms(foldText(''), matcher)).toEqual([]);
  });

  it('finds the slogans of the traditional seed page 004', () => {
    const text = seed('004');
    const spans = matchTerms(foldText(text), matcher);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    const counts: Record<string, number> = {};
    for (const s of spans) counts[s.entry!] = (counts[s.entry!] ?? 0) + 1;
    expect(counts).toEqual({
      'san-gao-si-xin': 3,
      'san-qiang-yi-hua': 3,
      'yi-zhu-yi-te-shuang-zong-bu': 3,
      'liu-wen': 2,
      'liu-bao': 2,
      'gao-zhi-liang-fa-zhan': 6,
      'five-g-industrial-internet': 3,
      'shuang-jian': 2,
      'liang-shi-an-quan-ze-ren-zhi': 1,
    });
  });
});

describe('matchTerms across quote marks inside a term', () => {
  const m = matcherFor([entry('wu-hao-yuan-qu', '五好园区'), entry('neng-hao-shuang-kong', '能耗双控'), entry('san-gao-si-xin', '三高四新')]);
  const spans = (text: string) => matchTerms(foldText(text), m).map((s) => [s.text, s.entry, s.start]);

  it('reads through quotes that mark the slogan part of a longer term', () => {
    expect(spans('创建“五好”园区，落实能耗"雙控"')).toEqual([
      ['五好”园区', 'wu-hao-yuan-qu', 3],
      ['能耗"雙控', 'neng-hao-shuang-kong', 11],
    ]);
  });

  it('keeps quotes around a whole term outside the span', () => {
    expect(spans('落实「三高四新」战略')).toEqual([['三高四新', 'san-gao-si-xin', 3]]);
  });

  it('does not match when only part of the term is there', () => {
    expect(spans('“五好”家庭')).toEqual([]);
  });

  it('reads through a quote right after the first character, and through several in one term', () => {
    expect(spans('做到能"耗双控"，坚持“三”高“四新”')).toEqual([
      ['能"耗双控', 'neng-hao-shuang-kong', 2],
      ['三”高“四新', 'san-gao-si-xin', 12],
    ]);
  });

  it('matches terms on both sides of the quotes it reads through, with offsets of the original text', () => {
    const text = '三高四新，“五好”园区，又三高四新';
    expect(spans(text)).toEqual([
      ['三高四新', 'san-gao-si-xin', 0],
      ['五好”园区', 'wu-hao-yuan-qu', 6],
      ['三高四新', 'san-gao-si-xin', 13],
    ]);
    for (const [t, , start] of spans(text)) expect(text.slice(start as number, (start as number) + (t as string).length)).toBe(t);
  });

  it('keeps the ASCII word boundary across a quote it reads through', () => {
    const five = matcherFor([entry('5g', '5G')]);
    const ascii = (text: string) => matchTerms(foldText(text), five).map((s) => s.text);
    expect(ascii('建成"5G"基站')).toEqual(['5G']);
    expect(ascii('型号A"5G"')).toEqual([]);
  });
});
