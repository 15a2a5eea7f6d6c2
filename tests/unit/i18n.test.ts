import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatCount, langOf, resetUiLang, t, tn, uiLang } from '../../lib/i18n';
import { LOCALES, MESSAGE_FILES as files, useLocale } from './helpers/messages';

const MESSAGES: Record<string, string> = { libraryTitle: '资料库', libraryShowing: '显示 $1 / $2' };

describe('t', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks the browser once for a message without substitutions', () => {
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation(((key: string) => MESSAGES[key] ?? '') as typeof fakeBrowser.i18n.getMessage);
    expect(t('libraryTitle')).toBe('资料库');
    expect(t('libraryTitle')).toBe('资料库');
    expect(getMessage.mock.calls.filter(([key]) => key === 'libraryTitle')).toHaveLength(1);
  });

  it('asks again for messages with substitutions and for missing keys, which fall back to the key', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
      const m = MESSAGES[key];
      if (!m) return '';
      const list = Array.isArray(subs) ? subs : subs === undefined ? [] : [subs];
      return m.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
    }) as typeof fakeBrowser.i18n.getMessage);
    expect(t('libraryShowing', ['1', '9'])).toBe('显示 1 / 9');
    expect(t('libraryShowing', ['2', '9'])).toBe('显示 2 / 9');
    expect(t('no.such-key')).toBe('no.such-key');
    expect(t('no.such-key')).toBe('no.such-key');
    // Keys are made safe for the i18n API; a missing one is not cached as if it were a message.
    expect(getMessage.mock.calls.map(([key]) => key)).toEqual(['libraryShowing', 'libraryShowing', 'no_such_key', 'no_such_key']);
  });
});

describe('the UI language, plurals and counts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetUiLang();
  });
  const use = useLocale;

  it('maps getUILanguage() to the three message files', () => {
    expect(['en', 'en-US', 'en-GB', 'zh-CN', 'zh', 'zh-SG', 'zh-TW', 'zh-HK', 'zh_TW', 'fr'].map(langOf)).toEqual(['en', 'en', 'en', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'zh-TW', 'zh-CN']);
  });

  it('takes the language from the message file Chrome picked', () => {
    for (const [locale, tag] of [['en', 'en'], ['zh_CN', 'zh-CN'], ['zh_TW', 'zh-TW']] as const) {
      use(locale);
      expect(uiLang()).toBe(tag);
    }
  });

  it('says 1 page, 2 pages in English and groups counts; Chinese has one form', () => {
    use('en');
    // Before: "1 pages · 1 targets", "Exported 1 entries", and 10000 ungrouped.
    expect(t('librarySummary', [tn('nPages', 1), tn('nTargets', 1)])).toBe('1 page · 1 target');
    expect(t('librarySummary', [tn('nPages', 2), tn('nTargets', 10000)])).toBe('2 pages · 10,000 targets');
    expect(tn('geExported', 1)).toBe('Exported 1 entry.');
    expect(tn('geCount', 0)).toBe('0 entries');
    expect(t('confirmDeletePage', ['P', tn('nTargets', 1)])).toBe('Delete the page “P” and its 1 target?');
    expect(`${t('importDone', [tn('nPages', 1), tn('nTargets', 1)])} ${tn('importReplaced', 1)}`).toBe(
      'Imported 1 page and 1 target. 1 of them replaced the saved page with the same URL.',
    );
    expect(formatCount(1234567)).toBe('1,234,567');
    use('zh_CN');
    expect(t('librarySummary', [tn('nPages', 1), tn('nTargets', 10000)])).toBe('1 个页面 · 10,000 条目标');
    expect(tn('geCount', 1)).toBe('共 1 条');
    use('zh_TW');
    expect(t('confirmClearAll', [tn('nPages', 2), tn('nTargets', 1)])).toMatch(/^刪除全部 2 個頁面和 1 條目標？/);
  });

  it('has every key in all three files, with the same placeholders, and both plural forms of each plural', () => {
    const keys = LOCALES.map((l) => Object.keys(files[l]).sort());
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    for (const base of ['nPages', 'nTargets', 'importReplaced', 'geCount', 'geExported', 'geMoreProblems']) expect(keys[0]).toContain(`${base}_one`);
    for (const key of keys[0]!) {
      const slots = LOCALES.map((l) => Object.keys(files[l][key]!.placeholders ?? {}).sort().join());
      expect(new Set(slots).size, key).toBe(1);
      // kind_other and the like are not plurals; a message with a _one form needs its _other.
      if (key.endsWith('_one')) expect(keys[0], key).toContain(key.replace(/_one$/, '_other'));
    }
  });
});
