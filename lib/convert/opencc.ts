import { Converter } from 'opencc-js';
import type { Script } from '../text/script';
import { openccLocales, type ScriptVariants } from './variants';

/**
 * The full OpenCC dictionaries (1.2 MB) and the tries built from them. Only the background imports
 * this file: the content script sends strings by message and never carries the dictionary.
 */

export type ConvertFn = (text: string) => string;

const converters = new Map<string, ConvertFn>();

/**
 * The converter into `to` for the user's variants, built on first use and kept: building one costs
 * 10 ms (to simplified) to 300 ms (to Taiwan phrasing), converting a 200 KB page about 20–50 ms.
 */
export function converterFor(to: Script, variants: ScriptVariants): ConvertFn {
  const locales = openccLocales(to, variants);
  const key = `${locales.from}>${locales.to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = Converter(locales);
    converters.set(key, convert);
  }
  return convert;
}

/** Converts each string; repeated strings (menus, list pages) are converted once. */
export function convertTexts(texts: readonly string[], convert: ConvertFn): string[] {
  const done = new Map<string, string>();
  return texts.map((text) => {
    let out = done.get(text);
    if (out === undefined) {
      out = convert(text);
      done.set(text, out);
    }
    return out;
  });
}
