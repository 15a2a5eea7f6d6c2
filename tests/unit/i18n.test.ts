import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { t } from '../../lib/i18n';

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
