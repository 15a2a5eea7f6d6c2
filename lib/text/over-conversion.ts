import data from '../generated/over-conversion.json';

/**
 * Mirror sites convert simplified text to traditional one character at a time, and their converters
 * write every 面 as 麵 (noodles, flour) and every 制 as 製 (to make): seed 004 has 全麵, 方麵, 體製 and a
 * target named 糧食播種麵積. 面 and 制 are traditional characters as well, so what the page meant is the
 * folded character itself — except in the words where 麵/製 are right (麵粉, 製造業), which OpenCC's
 * simplified → traditional phrases list (scripts/generate.mjs takes them from opencc-js).
 */
interface Rule {
  /** The page's forms that are right inside one of the phrases (麪 and its regional form 麵). */
  written: Set<number>;
  /** Simplified phrase → its traditional form. */
  phrases: Map<string, string>;
  longest: number;
}

let rules: Map<number, Rule> | undefined;

function loadRules(): Map<number, Rule> {
  const out = new Map<number, Rule>();
  for (const [simplified, { written, phrases }] of Object.entries(data as Record<string, { written: string[]; phrases: string[] }>)) {
    const map = new Map<string, string>();
    let longest = 0;
    for (const p of phrases) {
      const space = p.indexOf(' ');
      map.set(p.slice(0, space), p.slice(space + 1));
      longest = Math.max(longest, space);
    }
    out.set(simplified.charCodeAt(0), { written: new Set(written.map((w) => w.charCodeAt(0))), phrases: map, longest });
  }
  return out;
}

/**
 * Whether the page's character `written` at `at` of the folded text `folded` (where it reads as the
 * folded character) is a mirror's over-conversion: 麵 or 製 that no phrase of OpenCC's covers with that
 * form. Any covering phrase keeps the page's character, so a doubt leaves the page as it is.
 */
export function isOverConversion(written: number, folded: string, at: number): boolean {
  rules ??= loadRules();
  const rule = rules.get(folded.charCodeAt(at));
  if (!rule || !rule.written.has(written)) return false;
  for (let len = Math.min(rule.longest, folded.length); len >= 2; len--) {
    for (let start = Math.max(0, at - len + 1); start <= at && start + len <= folded.length; start++) {
      const traditional = rule.phrases.get(folded.slice(start, start + len));
      if (traditional !== undefined && rule.written.has(traditional.charCodeAt(at - start))) return false;
    }
  }
  return true;
}
