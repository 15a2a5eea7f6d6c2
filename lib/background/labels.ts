import { browser } from 'wxt/browser';

export function i18nScope(): string {
  return browser.i18n.getMessage('scopeNational') || '全国';
}
