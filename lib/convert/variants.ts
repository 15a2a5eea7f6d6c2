import type { Script } from '../text/script';

/**
 * OpenCC locales the user can pick. Traditional: `t` is OpenCC's standard (character-level)
 * traditional, `tw` Taiwan standard glyphs (为 → 為, 着 → 著), `twp` those plus Taiwan phrasing
 * (软件 → 軟體, 项目 → 專案: it rewrites the report's words), `hk` Hong Kong glyphs.
 * Simplified: mainland only, for now.
 */
export type TraditionalVariant = 't' | 'tw' | 'twp' | 'hk';
export type SimplifiedVariant = 'cn';

export const TRADITIONAL_VARIANTS: readonly TraditionalVariant[] = ['t', 'tw', 'twp', 'hk'];
export const SIMPLIFIED_VARIANTS: readonly SimplifiedVariant[] = ['cn'];

export interface ScriptVariants {
  traditional: TraditionalVariant;
  simplified: SimplifiedVariant;
}

export const DEFAULT_VARIANTS: ScriptVariants = { traditional: 't', simplified: 'cn' };

/**
 * The traditional variant of a reader who has not chosen one, from the languages they prefer (first
 * Chinese one decides). OpenCC's standard forms (爲, 啓, 裏) are what neither Hong Kong nor Taiwan
 * writes: next to a page in 為 and 啟 they read as a third script.
 */
export function defaultTraditionalVariant(languages: readonly string[]): TraditionalVariant {
  for (const language of languages) {
    const tag = language.replace(/_/g, '-').toLowerCase();
    if (/^(?:yue|zh-(?:hant-)?(?:hk|mo))\b/.test(tag)) return 'hk';
    if (/^zh-(?:hant|tw)\b/.test(tag)) return 'tw';
    if (/^zh\b/.test(tag)) return DEFAULT_VARIANTS.traditional;
  }
  return DEFAULT_VARIANTS.traditional;
}

export function otherScript(script: Script): Script {
  return script === 'simplified' ? 'traditional' : 'simplified';
}

/**
 * The opencc-js `{ from, to }` pair that converts into `to`. Converting to simplified reads the page
 * as the user's traditional variant: with `twp` that also undoes Taiwan phrasing (軟體 → 软件), with
 * `hk` Hong Kong glyph variants; OpenCC's t → cn step folds mirror-site over-conversions (全麵 → 全面,
 * 責任製 → 责任制) on its own, since 麵 and 製 are traditional forms of 面 and 制.
 */
export function openccLocales(to: Script, variants: ScriptVariants): { from: string; to: string } {
  return to === 'traditional'
    ? { from: variants.simplified, to: variants.traditional }
    : { from: variants.traditional, to: variants.simplified };
}

/** `<html lang>` while the page shows `script`, so the browser picks matching CJK glyph shapes. */
export function langTag(script: Script, variants: ScriptVariants): string {
  if (script === 'simplified') return 'zh-CN';
  return variants.traditional === 'tw' || variants.traditional === 'twp' ? 'zh-TW' : variants.traditional === 'hk' ? 'zh-HK' : 'zh-Hant';
}

export function parseTraditionalVariant(v: unknown): TraditionalVariant {
  return TRADITIONAL_VARIANTS.includes(v as TraditionalVariant) ? (v as TraditionalVariant) : DEFAULT_VARIANTS.traditional;
}

export function parseSimplifiedVariant(v: unknown): SimplifiedVariant {
  return SIMPLIFIED_VARIANTS.includes(v as SimplifiedVariant) ? (v as SimplifiedVariant) : DEFAULT_VARIANTS.simplified;
}
