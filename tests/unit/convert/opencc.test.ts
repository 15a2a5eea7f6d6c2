import { describe, expect, it } from 'vitest';
import { convertTexts, converterFor } from '../../../lib/convert/opencc';
import { DEFAULT_VARIANTS, defaultTraditionalVariant, langTag, openccLocales, otherScript, parseTraditionalVariant } from '../../../lib/convert/variants';

describe('converterFor', () => {
  it('converts simplified to standard traditional and back, phrase-aware', () => {
    const toT = converterFor('traditional', DEFAULT_VARIANTS);
    expect(toT('全面落实粮食安全省长责任制，头发')).toBe('全面落實糧食安全省長責任制，頭髮');
    const toS = converterFor('simplified', DEFAULT_VARIANTS);
    expect(toS('全面落實糧食安全省長責任制')).toBe('全面落实粮食安全省长责任制');
  });

  it('folds the over-conversions of mirror sites with the ordinary t → cn conversion', () => {
    const toS = converterFor('simplified', DEFAULT_VARIANTS);
    expect(toS('全麵推進鄉村振興，落實河長製、責任製')).toBe('全面推进乡村振兴，落实河长制、责任制');
  });

  it('honours the traditional variant: Taiwan phrasing, Hong Kong glyphs', () => {
    expect(converterFor('traditional', { traditional: 'twp', simplified: 'cn' })('软件和信息技术服务业')).toBe('軟體和資訊科技服務業');
    expect(converterFor('traditional', { traditional: 't', simplified: 'cn' })('软件')).toBe('軟件');
    expect(converterFor('traditional', { traditional: 'hk', simplified: 'cn' })('着力')).toBe('着力');
    expect(converterFor('traditional', { traditional: 't', simplified: 'cn' })('着力')).toBe('着力');
    // Converting back reads Taiwan phrasing as such.
    expect(converterFor('simplified', { traditional: 'twp', simplified: 'cn' })('軟體')).toBe('软件');
  });

  it('builds each converter once', () => {
    expect(converterFor('traditional', DEFAULT_VARIANTS)).toBe(converterFor('traditional', { ...DEFAULT_VARIANTS }));
    expect(converterFor('traditional', DEFAULT_VARIANTS)).not.toBe(converterFor('simplified', DEFAULT_VARIANTS));
  });
});

describe('convertTexts', () => {
  it('keeps order and length, converting repeated strings once', () => {
    let calls = 0;
    const upper = (s: string) => {
      calls++;
      return s.toUpperCase();
    };
    expect(convertTexts(['a', 'b', 'a', '', 'a'], upper)).toEqual(['A', 'B', 'A', '', 'A']);
    expect(calls).toBe(3);
  });
});

describe('variants', () => {
  it('maps a target script to the opencc-js locale pair', () => {
    expect(openccLocales('traditional', DEFAULT_VARIANTS)).toEqual({ from: 'cn', to: 't' });
    expect(openccLocales('simplified', DEFAULT_VARIANTS)).toEqual({ from: 't', to: 'cn' });
    expect(openccLocales('simplified', { traditional: 'hk', simplified: 'cn' })).toEqual({ from: 'hk', to: 'cn' });
  });

  it('names the language of the converted page', () => {
    expect(langTag('simplified', DEFAULT_VARIANTS)).toBe('zh-CN');
    expect(langTag('traditional', DEFAULT_VARIANTS)).toBe('zh-Hant');
    expect(langTag('traditional', { traditional: 'twp', simplified: 'cn' })).toBe('zh-TW');
    expect(langTag('traditional', { traditional: 'tw', simplified: 'cn' })).toBe('zh-TW');
    expect(langTag('traditional', { traditional: 'hk', simplified: 'cn' })).toBe('zh-HK');
  });

  it('falls back to the default for unknown stored values', () => {
    expect(parseTraditionalVariant('jp')).toBe('t');
    expect(parseTraditionalVariant('tw')).toBe('tw');
    expect(parseTraditionalVariant('hk')).toBe('hk');
    expect(otherScript('simplified')).toBe('traditional');
  });
});

describe('the traditional variant a reader gets before choosing one', () => {
  it('follows the first Chinese language the reader prefers: Hong Kong and Macau forms, Taiwan forms, else OpenCC standard', () => {
    expect(defaultTraditionalVariant(['zh-HK'])).toBe('hk');
    expect(defaultTraditionalVariant(['zh-MO'])).toBe('hk');
    expect(defaultTraditionalVariant(['zh-Hant-HK'])).toBe('hk');
    expect(defaultTraditionalVariant(['yue-HK'])).toBe('hk');
    expect(defaultTraditionalVariant(['zh-TW'])).toBe('tw');
    expect(defaultTraditionalVariant(['zh_TW'])).toBe('tw');
    expect(defaultTraditionalVariant(['zh-Hant'])).toBe('tw');
    // An English browser in Hong Kong: the first Chinese language it asks pages for decides.
    expect(defaultTraditionalVariant(['en-US', 'zh-HK', 'zh-CN'])).toBe('hk');
    expect(defaultTraditionalVariant(['zh-CN', 'zh-TW'])).toBe('t');
    expect(defaultTraditionalVariant(['en-US', 'en'])).toBe('t');
    expect(defaultTraditionalVariant([])).toBe('t');
  });

  it('Taiwan forms without Taiwan phrasing: 為 and 著 as Taiwan writes them, the report’s own words kept (项目 stays 項目, not 專案)', () => {
    const tw = converterFor('traditional', { traditional: 'tw', simplified: 'cn' });
    expect(tw('实施期为2021年至2025年，着力推进重点项目，启动信息化建设')).toBe('實施期為2021年至2025年，著力推進重點項目，啟動信息化建設');
    expect(converterFor('simplified', { traditional: 'tw', simplified: 'cn' })('實施期為2021年，著力推進，啟動')).toBe('实施期为2021年，着力推进，启动');
  });
});
