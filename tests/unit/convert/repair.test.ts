import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertEntryView } from '../../../lib/convert/entry-view';
import { converterFor } from '../../../lib/convert/opencc';
import { convertPage } from '../../../lib/convert/page';
import { leadingResidueLength, stripPinyinResidue } from '../../../lib/convert/repair';
import { DEFAULT_VARIANTS } from '../../../lib/convert/variants';
import type { EntryView } from '../../../lib/messaging/protocol';
import { detectScript } from '../../../lib/text/script';

const ON = { variants: DEFAULT_VARIANTS, repair: true };
const RESIDUE = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/;

describe('stripPinyinResidue', () => {
  it('drops reading annotations after Han characters, half- and full-width', () => {
    expect(stripPinyinResidue('中國共產(chǎn)黨，發（fā）展')).toBe('中國共產黨，發展');
  });

  it('keeps real parentheticals', () => {
    const text = '地区生产总值(GDP)增长(P1)，(2022年)，(a)，衡阳 (Hengyang)';
    expect(stripPinyinResidue(text)).toBe(text);
  });

  it('drops a toned syllable a mangled encoding left after a stray byte', () => {
    // Seed 002: 基本實現 arrived as ?;緦崿F(xiàn), 區域 as ?yún)^(qū)域.
    expect(stripPinyinResidue('基本?;緦崿F(xiàn)治理')).toBe('基本?;緦崿F治理');
    expect(stripPinyinResidue('融入?yún)^(qū)域')).toBe('融入?yún)^域');
  });

  it('drops residue at the start of a node only when the previous node ended with a Han character', () => {
    expect(stripPinyinResidue('(fāzhǎn)新', true)).toBe('新');
    expect(stripPinyinResidue('(fāzhǎn)新', false)).toBe('(fāzhǎn)新');
    // A single toned syllable is residue wherever it stands.
    expect(stripPinyinResidue('(chuàng)新', false)).toBe('新');
    expect(leadingResidueLength('(chuàng)')).toBe(8);
    expect(leadingResidueLength('(P1)')).toBe(0);
  });
});

describe('convertPage', () => {
  it('detects the dominant script and converts into the other', () => {
    const r = convertPage({ texts: ['全面落实', '责任制'], attrs: ['图解'], to: 'auto' }, ON);
    expect(r).toEqual({ from: 'simplified', to: 'traditional', texts: ['全面落實', '責任制'], attrs: ['圖解'], lang: 'zh-Hant' });
  });

  it('repairs a traditional mirror page on the way to simplified, residue split by a tag included', () => {
    const r = convertPage(
      { texts: ['全麵落實責任製，雙', '創(chuàng)', '新，創', '(chuàng)示範，推動產(chǎn)業發(fā)展'], attrs: ['產(chǎn)業'], to: 'auto' },
      ON,
    );
    expect(r.from).toBe('traditional');
    expect(r.texts).toEqual(['全面落实责任制，双', '创', '新，创', '示范，推动产业发展']);
    expect(r.attrs).toEqual(['产业']);
  });

  it('leaves residue when repair is off, and obeys an explicit target', () => {
    const r = convertPage({ texts: ['產(chǎn)業'], attrs: [], to: 'simplified' }, { variants: DEFAULT_VARIANTS, repair: false });
    expect(r.texts).toEqual(['产(chǎn)业']);
    // Content added to a converted page may read as either script; the explicit target wins.
    expect(convertPage({ texts: ['三高四新'], attrs: [], to: 'traditional' }, ON).texts).toEqual(['三高四新']);
    expect(convertPage({ texts: ['發展'], attrs: [], to: 'traditional' }, ON).texts).toEqual(['發展']);
  });

  it('turns the seed-002 mirror page into simplified text without pinyin residue', () => {
    const html = readFileSync(join(import.meta.dirname, '../../fixtures/pages/seed-002.html'), 'utf8');
    const body = html.slice(html.indexOf('<body'), html.indexOf('</body>'));
    // Text between tags, in order, as the page's text nodes would carry it.
    const texts = body
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
      .split(/<[^>]+>/)
      .filter((t) => t.trim());
    expect(texts.some((t) => RESIDUE.test(t))).toBe(true);
    const r = convertPage({ texts, attrs: [], to: 'auto' }, ON);
    expect(r.from).toBe('traditional');
    const out = r.texts.join('');
    expect(out).not.toMatch(RESIDUE);
    expect(detectScript(out)).toBe('simplified');
    expect(out).toContain('产业');
  });
});

describe('convertEntryView', () => {
  it('converts the tooltip text of an entry, not its id or English', () => {
    const view: EntryView = {
      id: 'liu-wen',
      term: '六稳',
      surfaces: ['六稳', '稳就业稳金融'],
      definition: '稳就业、稳金融、稳外贸',
      gloss: 'six stabilities',
      english: 'six fronts',
      components: ['稳就业', '稳金融'],
      scopeLabel: '全国',
      scopeLevel: 'national',
      sourceLine: '《中共中央政治局会议》，中共中央政治局，2018',
      user: false,
    };
    const out = convertEntryView(view, converterFor('traditional', DEFAULT_VARIANTS));
    expect(out).toEqual({
      ...view,
      term: '六穩',
      surfaces: ['六穩', '穩就業穩金融'],
      definition: '穩就業、穩金融、穩外貿',
      components: ['穩就業', '穩金融'],
      scopeLabel: '全國',
      sourceLine: '《中共中央政治局會議》，中共中央政治局，2018',
    });
  });
});
