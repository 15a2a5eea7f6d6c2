import { foldCode, type FoldedText } from './normalize';
import { isOverConversion } from './over-conversion';
import { detectScript } from './script';

/**
 * A short text built out of the folded page text — an indicator name — that remembers, for each of its
 * UTF-16 units, the folded offset it was read from, so the name can be shown as the page writes it
 * (地區生產總值, not the folded 地区生产总值) while matching and grouping go on with the folded text.
 *
 * The rules that build names cut, trim and glue pieces; they never rewrite a character, so a sourced
 * unit is always the unit at that offset of the text the name was read from (the folded text, or the
 * extractor's copy of it with noise masked). A few units are supplied by a rule instead
 * (城、乡 → 城镇…, 农村…): those carry offset -1 and their traditional form in `traditional`.
 */
export interface Sourced {
  /** Folded (simplified, half-width) text. */
  readonly text: string;
  /** Folded offset of each unit of `text`, or -1 for a unit a rule supplied. */
  readonly at: readonly number[];
  /** Same length as `text`: each supplied unit in traditional script (sourced units are repeated as is). */
  readonly traditional: string;
}

/** s[start, end) with its offsets. */
export function sourcedSlice(s: string, start: number, end: number): Sourced {
  const at: number[] = [];
  for (let i = start; i < end; i++) at.push(i);
  const text = s.slice(start, end);
  return { text, at, traditional: text };
}

/** Text no page wrote, in both scripts (same length: one unit each). */
export function supplied(simplified: string, traditional: string): Sourced {
  if (simplified.length !== traditional.length) throw new Error(`supplied: ${simplified} / ${traditional} differ in length`);
  return { text: simplified, at: Array.from({ length: simplified.length }, () => -1), traditional };
}

/** Like String.prototype.slice (negative indices count from the end). */
export function slice(t: Sourced, start: number, end?: number): Sourced {
  return { text: t.text.slice(start, end), at: t.at.slice(start, end), traditional: t.traditional.slice(start, end) };
}

export function concat(...parts: Sourced[]): Sourced {
  return {
    text: parts.map((p) => p.text).join(''),
    at: parts.flatMap((p) => p.at),
    traditional: parts.map((p) => p.traditional).join(''),
  };
}

/**
 * t.text.replace(re, by.text) with the offsets kept: every match `replace` would replace (all of them
 * for a global regex, the first one otherwise) is cut out and `by` put in its place. Empty matches
 * replace nothing.
 */
export function replace(t: Sourced, re: RegExp, by: Sourced): Sourced {
  // Match bounds first, pieces after: trim() runs through here for every name, so no closure and no
  // piece is built when nothing matches.
  const cuts: number[] = [];
  if (re.global) {
    re.lastIndex = 0;
    for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      cuts.push(m.index, m.index + m[0].length);
    }
    re.lastIndex = 0;
  } else {
    const m = re.exec(t.text);
    if (m && m[0].length) cuts.push(m.index, m.index + m[0].length);
  }
  if (!cuts.length) return t;
  const parts: Sourced[] = [];
  let from = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    if (cuts[k]! > from) parts.push(slice(t, from, cuts[k]!));
    if (by.text) parts.push(by);
    from = cuts[k + 1]!;
  }
  if (from < t.text.length) parts.push(slice(t, from));
  return concat(...parts);
}

const EMPTY: Sourced = { text: '', at: [], traditional: '' };

/** t.text.replace(re, '') with the offsets kept (see {@link replace}). */
export function remove(t: Sourced, re: RegExp): Sourced {
  return replace(t, re, EMPTY);
}

/** Cuts out every run that `lengthAt(text, i)` says starts at i (its length; 0 for none). */
export function removeRuns(t: Sourced, lengthAt: (text: string, i: number) => number): Sourced {
  const keep: Sourced[] = [];
  let from = 0;
  for (let i = 0; i < t.text.length; i++) {
    const n = lengthAt(t.text, i);
    if (n <= 0) continue;
    keep.push(slice(t, from, i));
    from = i + n;
    i = from - 1;
  }
  return from === 0 ? t : concat(...keep, slice(t, from));
}

/** t.text.split(sep) with the offsets kept. */
export function split(t: Sourced, sep: string): Sourced[] {
  const out: Sourced[] = [];
  let from = 0;
  for (let i = t.text.indexOf(sep); i >= 0; i = t.text.indexOf(sep, from)) {
    out.push(slice(t, from, i));
    from = i + sep.length;
  }
  out.push(slice(t, from));
  return out;
}

/** t.text.trim() with the offsets kept. */
export function trim(t: Sourced): Sourced {
  return remove(t, /^\s+|\s+$/g);
}

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/**
 * The name as the page writes it: each sourced unit becomes the page's own character at that offset
 * (地區 for 地区), while
 *  - a mirror's over-conversion (麵 for 面, 製 for 制 outside the words that take them: lib/text/
 *    over-conversion) is shown as the page meant it: 糧食播種面積, 河長制 — the folded character, which
 *    is the traditional one too;
 *  - a pinyin residue group the fold dropped (產(chǎn)) stays dropped: the residue has no folded offset,
 *    so no unit can lead to it;
 *  - full-width letters and digits stay half-width (５Ｇ → 5G): that is width, not script;
 *  - a unit the text was masked at (spam blanked to spaces) stays what the name holds, since the page's
 *    character there was never part of the name.
 * Supplied units follow the script of `context` (the sentence the name comes from), so a traditional
 * page's 城、鄉居民 gives 城鎮居民 and 農村居民. Folding the result (foldChars) gives `t.text` back.
 *
 * Offsets are those of `f.folded`, or of a copy of it with the same offsets (the extractor's masked text).
 */
export function inPageScript(t: Sourced, f: FoldedText, context = ''): string {
  let out = '';
  let script: 'simplified' | 'traditional' | undefined;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    const at = t.at[i]!;
    if (at < 0) {
      script ??= detectScript(context);
      out += script === 'traditional' ? t.traditional[i]! : t.text[i]!;
      continue;
    }
    const o = at < f.toOriginal.length - 1 ? f.original.charCodeAt(f.toOriginal[at]!) : c;
    out += o !== c && isHan(o) && foldCode(o) === c && !isOverConversion(o, f.folded, at) ? String.fromCharCode(o) : t.text[i]!;
  }
  return out;
}
