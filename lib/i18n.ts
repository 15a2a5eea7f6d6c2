import { browser } from 'wxt/browser';

/** browser.i18n with the key itself as the last resort, so a missing message shows, not vanishes. */
export function t(key: string, substitutions?: string | string[]): string {
  const safeKey = key.replace(/[^A-Za-z0-9_@]/g, '_');
  return browser.i18n.getMessage(safeKey as never, substitutions) || key;
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
