import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { resetUiLang } from '../../../lib/i18n';

/** The real message files, with Chrome's substitution ($P1$ → placeholder → $1). */
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export const LOCALES = ['en', 'zh_CN', 'zh_TW'] as const;
export type Locale = (typeof LOCALES)[number];

export const MESSAGE_FILES = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(new URL(`../../../assets/public/_locales/${l}/messages.json`, import.meta.url), 'utf8')) as Messages]),
) as Record<Locale, Messages>;

export function chromeMessage(messages: Messages) {
  return ((key: string, subs?: string | string[]) => {
    const m = messages[key];
    if (!m) return '';
    const list = Array.isArray(subs) ? subs : subs === undefined ? [] : [subs];
    return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
      (m.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, i: string) => list[Number(i) - 1] ?? ''),
    );
  }) as typeof fakeBrowser.i18n.getMessage;
}

/** Answers browser.i18n from one locale's file (restore with vi.restoreAllMocks and resetUiLang). */
export function useLocale(locale: Locale): void {
  resetUiLang();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(chromeMessage(MESSAGE_FILES[locale]));
}
