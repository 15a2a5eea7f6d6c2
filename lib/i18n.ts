import { browser } from 'wxt/browser';

/** browser.i18n with the key itself as the last resort, so a missing message shows, not vanishes. */
export function t(key: string, substitutions?: string | string[]): string {
  const safeKey = key.replace(/[^A-Za-z0-9_@]/g, '_');
  return browser.i18n.getMessage(safeKey as never, substitutions) || key;
}
