import { detectScript, type Script } from '../text/script';
import { convertTexts, converterFor, type ConvertFn } from './opencc';
import { endsWithHan } from './han';
import { stripPinyinResidue } from './repair';
import { langTag, otherScript, type ScriptVariants } from './variants';

/** What the page sends: its strings, never nodes. */
export interface ConvertRequest {
  /**
   * Text node contents in document order (the title first). Order matters: pinyin residue can sit in
   * the node after its character (創</b>(chuàng)).
   */
  texts: string[];
  /** Attribute values (title, alt, placeholder, aria-label), each converted on its own. */
  attrs: string[];
  /** Target script; 'auto' converts into the other script than the texts' dominant one. */
  to: Script | 'auto';
}

/** The user's options, which the background reads (the content script carries no settings code). */
export interface ConvertSettings {
  variants: ScriptVariants;
  /** Mirror-site repair (strip pinyin residue) when converting to simplified. */
  repair: boolean;
}

export interface ConvertResult {
  /** The dominant script of the texts as sent. */
  from: Script;
  to: Script;
  /** Same length and order as the request's; unchanged strings come back as they were. */
  texts: string[];
  attrs: string[];
  /** `<html lang>` for the converted page, so the browser picks that script's glyph shapes. */
  lang: string;
}

const DETECT_SAMPLE = 20_000;

function sample(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) {
    out += t;
    if (out.length >= DETECT_SAMPLE) break;
  }
  return out;
}

/**
 * Converts a page's strings: detect the dominant script, repair mirror-site residue when going to
 * simplified, then OpenCC. An explicit `to` is obeyed even when the strings seem to be in it already:
 * content added to a toggled page may be a short mix that detection reads either way.
 */
export function convertPage(
  request: ConvertRequest,
  settings: ConvertSettings,
  converter: (to: Script, variants: ScriptVariants) => ConvertFn = converterFor,
): ConvertResult {
  const from = detectScript(sample(request.texts));
  const to = request.to === 'auto' ? otherScript(from) : request.to;
  let texts = request.texts;
  let attrs = request.attrs;
  if (to === 'simplified' && settings.repair) {
    texts = texts.map((t, i) => stripPinyinResidue(t, i > 0 && endsWithHan(request.texts[i - 1]!)));
    attrs = attrs.map((a) => stripPinyinResidue(a));
  }
  const convert = converter(to, settings.variants);
  return { from, to, texts: convertTexts(texts, convert), attrs: convertTexts(attrs, convert), lang: langTag(to, settings.variants) };
}
