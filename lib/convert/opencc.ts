import { ConverterBuilder, type LocalePreset } from 'opencc-js/core';
import type { Script } from '../text/script';
import { openccLocales, type ScriptVariants, type TraditionalVariant } from './variants';

/**
 * OpenCC for the script toggle and for tooltips in the page's script. The dictionaries (1.2 MB) are not
 * in any bundle: scripts/generate.mjs writes opencc-js's full preset to one JSON pack, which the
 * background fetches from the extension package on the first toggle (MV3 service workers cannot
 * import() code lazily, and as string literals in background.js every worker start parsed them).
 * Node (tests, tools) hands the pack over directly. The content script never carries any of it.
 */

export type ConvertFn = (text: string) => string;

/** Where the build puts the pack, inside the extension. */
export const OPENCC_PACK_PATH = '/opencc/dictionaries.json';

/** The pack as generated: the preset with each dictionary replaced by its index into `dicts`. */
export interface OpenccPack {
  version: 1;
  preset: unknown;
  dicts: string[];
}

let preset: LocalePreset | null = null;
let build: ReturnType<typeof ConverterBuilder> | null = null;
let loader: (() => Promise<unknown>) | null = null;
let loading: Promise<void> | null = null;
const converters = new Map<string, ConvertFn>();

function revive(v: unknown, dicts: string[]): unknown {
  if (typeof v === 'number') {
    const d = dicts[v];
    if (typeof d !== 'string') throw new Error(`OpenCC pack: no dictionary #${v}`);
    return d;
  }
  if (Array.isArray(v)) return v.map((x) => revive(x, dicts));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x, dicts)]));
  throw new Error('OpenCC pack: unexpected value in the preset');
}

/** Installs the dictionaries from a pack; a pack of the wrong shape is refused with a clear error. */
export function useOpenccPack(pack: unknown): void {
  const p = pack as Partial<OpenccPack> | null;
  if (!p || p.version !== 1 || !Array.isArray(p.dicts) || !p.dicts.every((d) => typeof d === 'string') || typeof p.preset !== 'object' || p.preset === null) {
    throw new Error('OpenCC pack: not a version 1 dictionary pack');
  }
  const revived = revive(p.preset, p.dicts) as LocalePreset;
  if (!revived.from || !revived.to) throw new Error('OpenCC pack: the preset has no from/to locales');
  preset = revived;
  build = ConverterBuilder(revived);
  converters.clear();
}

/** How the dictionaries are fetched when first needed (the background: from the extension package). */
export function setOpenccLoader(load: () => Promise<unknown>): void {
  loader = load;
}

/** Loads the dictionaries once; a failed load is tried again on the next call. */
export function loadOpencc(): Promise<void> {
  if (preset) return Promise.resolve();
  if (!loader) return Promise.reject(new Error('OpenCC dictionaries: no loader set'));
  loading ??= loader()
    .then(useOpenccPack)
    .catch((e: unknown) => {
      loading = null;
      throw e instanceof Error ? e : new Error(String(e));
    });
  return loading;
}

/**
 * The converter into `to` for the user's variants, built on first use and kept: building one costs
 * 10 ms (to simplified) to 300 ms (to Taiwan phrasing), converting a 200 KB page about 20–50 ms.
 * Needs the dictionaries: `await loadOpencc()` first.
 */
export function converterFor(to: Script, variants: ScriptVariants): ConvertFn {
  if (!build) throw new Error('OpenCC dictionaries not loaded');
  const locales = openccLocales(to, variants);
  const key = `${locales.from}>${locales.to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = build(locales);
    converters.set(key, convert);
  }
  return convert;
}

/**
 * Traditional text in one variant's forms into another's (碳達峯 → 碳達峰, t or hk → tw): only the
 * variants' small character tables, so it builds in a fraction of a converter from simplified.
 */
export function variantConverter(from: TraditionalVariant, to: TraditionalVariant): ConvertFn {
  if (!build) throw new Error('OpenCC dictionaries not loaded');
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = build({ from, to });
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
