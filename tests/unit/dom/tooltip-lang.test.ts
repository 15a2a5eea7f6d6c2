import { describe, expect, it } from 'vitest';
import { tooltipLang } from '../../../lib/dom/tooltip';

describe('tooltipLang', () => {
  it('names the script the tooltip shows, keeping the page’s own tag when it agrees', () => {
    expect(tooltipLang('traditional', 'zh-HK')).toBe('zh-HK');
    expect(tooltipLang('traditional', 'zh-TW')).toBe('zh-TW');
    expect(tooltipLang('traditional', 'zh-Hant')).toBe('zh-Hant');
    expect(tooltipLang('simplified', 'zh-CN')).toBe('zh-CN');
    expect(tooltipLang('simplified', 'zh-Hans')).toBe('zh-Hans');
  });

  it('does not believe a tag that says the other script, or none', () => {
    // Mirror sites convert their text and keep the tag: a traditional page saying zh-CN.
    expect(tooltipLang('traditional', 'zh-CN')).toBe('zh-Hant');
    expect(tooltipLang('traditional', '')).toBe('zh-Hant');
    expect(tooltipLang('simplified', 'zh-TW')).toBe('zh-CN');
    expect(tooltipLang('simplified', 'en')).toBe('zh-CN');
    expect(tooltipLang(null, 'zh-TW')).toBe('');
  });
});
