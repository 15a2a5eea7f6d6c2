import { describe, expect, it } from 'vitest';
import { matchTerms } from '../../../lib/glossary/match';
import { pageTermSpans, parsePageGlossary } from '../../../lib/glossary/page';
import { findUnknownSlogans, hasSloganShape, isNumericSlogan, NUMERAL_IDIOMS } from '../../../lib/glossary/unknown';
import { foldText } from '../../../lib/text/normalize';
import { entry, fixture, htmlToText, matcherFor, seed } from './fixtures';

const unknown = (text: string, known: Array<{ start: number; end: number }> = []) =>
  findUnknownSlogans(text, foldText(text), known).map((u) => u.text);

describe('isNumericSlogan', () => {
  it('accepts counted slogans of every common shape', () => {
    const slogans = [
      '三清三建', '一拆二改三清四化', '两站', '五个一批', '六稳', '双减', '三集中', '六大强农', '三个代表', '八项规定',
      '三条红线', '五张网', '三类500强', '两个一百年', '双一流', '一带一路', '十四五', '八五', '百千万', '三三五',
      '十大工程', '1+N', '4+2', '一件事一次办', '两不愁三保障',
    ];
    expect(slogans.filter((s) => !isNumericSlogan(s))).toEqual([]);
  });

  it('rejects ordinary numerals, dates, quantities, idioms and other non-slogans', () => {
    const others = [
      '二〇三五年', '2035年', '2021中国百佳县市', '三个月', '两年', '五次', '3步', '30天', '5%', '三个', '两项', '三个字',
      '第一', '一般', '一体化', '十分', '百姓', '二维码', '十六进制', '一二三', '三三两两', '三心二意', '一心一意',
      '七上八下', '千方百计', '一日千里', '三天两头', '5G', 'v2', '三个月！', '《三国演义》', '十', '1+1>2',
    ];
    expect(others.filter(isNumericSlogan)).toEqual([]);
  });

  it('keeps the idiom list a backstop: every entry is one the structural rules alone would accept', () => {
    expect([...NUMERAL_IDIOMS].filter((s) => !hasSloganShape(s))).toEqual([]);
    expect(['三心二意', '一心一意', '七上八下'].map(hasSloganShape)).toEqual([true, true, true]);
    expect(['三心二意', '一心一意', '七上八下'].map(isNumericSlogan)).toEqual([false, false, false]);
  });
});

describe('findUnknownSlogans', () => {
  it('reports a quoted numeric slogan with its offsets and sentence', () => {
    const text = '扎实推进中心城区社区“三清三建”升级版。持续抓好“两站”及学校周边环境整治。';
    expect(findUnknownSlogans(text, foldText(text), [])).toEqual([
      { start: 11, end: 15, text: '三清三建', sentence: '扎实推进中心城区社区“三清三建”升级版。' },
      { start: 25, end: 27, text: '两站', sentence: '持续抓好“两站”及学校周边环境整治。' },
    ]);
  });

  it('accepts every quote style', () => {
    for (const [open, close] of [['“', '”'], ['"', '"'], ['「', '」'], ['『', '』'], ['‘', '’'], ['＂', '＂']]) {
      expect(unknown(`推进${open}一拆二改三清四化${close}行动`)).toEqual(['一拆二改三清四化']);
    }
    expect(unknown('推进一拆二改三清四化行动')).toEqual([]);
  });

  it('pairs straight quotes left to right', () => {
    expect(unknown('推進政務服務"三化""四減"深化"五個一批"')).toEqual(['三化', '四減', '五個一批']);
  });

  it('skips slogans covered by known spans (glossary, page terms, page entries)', () => {
    const text = '全面落实“三高四新”战略，扎实推进“三清三建”，持续抓好“两站”整治。';
    const m = matcherFor([entry('san-gao-si-xin', '三高四新')]);
    const glossary = matchTerms(foldText(text), m);
    expect(unknown(text, glossary)).toEqual(['三清三建', '两站']);
  });

  it('works on traditional text with pinyin residue', () => {
    const text = '大力實施"一體兩翼"發(fā)展戰(zhàn)略,推進"兩網(wǎng)工程"建設。';
    expect(unknown(text)).toEqual(['一體兩翼', '兩網(wǎng)工程']);
  });

  it('does not report numerals inside long quotes, nor long quotes themselves', () => {
    expect(unknown('他说：“我们要在三个月内完成‘三清三建’，不能拖。”')).toEqual([]);
    expect(unknown('“‘我的衡阳’是每个衡阳人的衡阳，‘我的奋斗’是每个衡阳人的责任。”')).toEqual([]);
    expect(unknown('他只说了“三个字”，又补了一句“二〇三五年”和“5%”。')).toEqual([]);
  });

  it('finds the slogans of seed 001 nobody defines', () => {
    const text = seed('001');
    const found = findUnknownSlogans(text, foldText(text), []);
    expect(found.map((u) => u.text)).toEqual([
      '三清三建', '两站', '一拆二改三清四化', '四好农村路', '三农', '三大攻坚战', '两不愁三保障', '三过关', '三馆两中心',
      '三大球联赛', '一老一小', '四大快警', '一村一辅警', '三调联动',
    ]);
    for (const u of found) {
      expect(text.slice(u.start, u.end)).toBe(u.text);
      expect(u.sentence).toContain(u.text);
    }
  });

  it('leaves the terms a page defines to the page glossary (seed 004)', () => {
    const text = seed('004');
    const folded = foldText(text);
    const entries = parsePageGlossary(text);
    const found = findUnknownSlogans(text, folded, [...pageTermSpans(folded, entries), ...entries]);
    expect(found.map((u) => u.text)).toEqual([
      '十四五', '十四五', '十三五', '十四五', '四個專項打擊整治行動', '一江三水', '三生融合', '一件事一次辦', '兩項補貼',
      '一老一小', '四個意識', '四個自信', '兩個確立', '兩個維護',
    ]);
    // The page's full stops are lost: the sentence is cut at clause boundaries around the slogan.
    expect(found[6]!.sentence).toBe('著力推進園區生產、生活、生態"三生融合",依法有序開展調區擴區,加快完善基礎設施。');
    for (const u of found) expect(u.sentence.length).toBeLessThanOrEqual(2 * 120 + u.text.length + 2);
  });

  it('reports only the undefined slogans of the simplified fixture page', () => {
    const text = htmlToText(fixture('pages/mingci-simplified.html'));
    const folded = foldText(text);
    const entries = parsePageGlossary(text);
    const found = findUnknownSlogans(text, folded, [...pageTermSpans(folded, entries), ...entries]);
    expect(found.map((u) => [u.text, u.sentence])).toEqual([
      ['三治融合', '推广“三治融合”乡村治理经验，评选“一村一品”示范村12个。'],
      ['一村一品', '推广“三治融合”乡村治理经验，评选“一村一品”示范村12个。'],
      ['十四五', '今年是全面贯彻落实党的二十大精神的开局之年，也是实施“十四五”规划承上启下的关键之年。'],
    ]);
  });

  it('finds nothing in a novel chapter full of numerals and dialogue', () => {
    expect(unknown(fixture('text/novel-chapter.txt'))).toEqual([]);
  });

  it('finds nothing in a Chinese software README', () => {
    expect(unknown(fixture('text/readme-zh.txt'))).toEqual([]);
  });
});
