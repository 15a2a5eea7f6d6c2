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
