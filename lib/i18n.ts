import { browser } from 'wxt/browser';

/**
 * Messages without substitutions, once looked up. The UI language is fixed for a document's life, and
 * each getMessage is a call into the browser's bindings (a profile of the library's first screen spent
 * about 5 ms in them: tables ask for the same few labels on every row).
 */
const plain = new Map<string, string>();

/** browser.i18n with the key itself as the last resort, so a missing message shows, not vanishes. */
export function t(key: string, substitutions?: string | string[]): string {
  if (substitutions === undefined) {
    const known = plain.get(key);
    if (known !== undefined) return known;
  }
  const safeKey = key.replace(/[^A-Za-z0-9_@]/g, '_');
  const message = browser.i18n.getMessage(safeKey as never, substitutions) || key;
  // Only a real message is kept: a key that is missing now (fakeBrowser before its messages are set) is asked again.
  if (substitutions === undefined && message !== key) plain.set(key, message);
  return message;
}

/** An object whose properties are the messages for `keys`, each looked up on first read. */
export function lazyLabels<K extends string>(keys: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) {
    Object.defineProperty(out, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = t(keys[name]);
        Object.defineProperty(out, name, { value, enumerable: true });
        return value;
      },
    });
  }
  return out;
}

export type UiLang = 'en' | 'zh-CN' | 'zh-TW';

/** What getUILanguage() means for our three message files; anything else falls back to default_locale. */
export function langOf(uiLanguage: string): UiLang {
  const tag = uiLanguage.replace('_', '-').toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
  return 'zh-CN';
}

let lang: UiLang | undefined;

/**
 * The language the pages are shown in, as a BCP 47 tag for <html lang>, plurals and number formats.
 * Each messages.json names its own (uiLang), so the tag always matches the strings Chrome picked, also
 * for a UI language we have no file for; getUILanguage() is the fallback where no message is available.
 */
export function uiLang(): UiLang {
  if (lang) return lang;
  const own = browser.i18n.getMessage('uiLang' as never);
  return (lang = own === 'en' || own === 'zh-CN' || own === 'zh-TW' ? own : langOf(browser.i18n.getUILanguage()));
}

let numbers: Intl.NumberFormat | undefined;
let plurals: Intl.PluralRules | undefined;

/** A count as the reader's language writes it (10,000). */
export function formatCount(n: number): string {
  return (numbers ??= new Intl.NumberFormat(uiLang(), { maximumFractionDigits: 0 })).format(n);
}

/**
 * A message about `n` things: `${key}_one`, `${key}_other` (… as Intl.PluralRules picks for the UI
 * language; Chinese has only _other, but every locale file has both keys). $1 is the formatted count,
 * `more` fill $2….
 */
export function tn(key: string, n: number, more: string[] = []): string {
  const category = (plurals ??= new Intl.PluralRules(uiLang())).select(n);
  const subs = [formatCount(n), ...more];
  const message = t(`${key}_${category}`, subs);
  return message === `${key}_${category}` && category !== 'other' ? t(`${key}_other`, subs) : message;
}

/** Sets <html lang> and the tab title of an extension page at startup. */
export function localizeDocument(titleKey?: string): void {
  document.documentElement.lang = uiLang();
  if (titleKey) document.title = t(titleKey);
}

/** For tests: forget the language, its messages and the formatters built for it. */
export function resetUiLang(): void {
  lang = undefined;
  plain.clear();
  numbers = undefined;
  plurals = undefined;
}
