import foldData from '../generated/fold-table.json';
import { pinyinResidueLength } from './pinyin';

export { pinyinResidueLength };

/**
 * Text folded for matching: traditional → simplified per character (so 全麵 → 全面 and 責任製 → 责任制,
 * the over-conversions of mirror sites, fold too), full-width ASCII → ASCII, and pinyin residue left by
 * bad converters (產(chǎn)) dropped. `toOriginal[i]` is the index in the original text of folded[i];
 * `toOriginal[folded.length] === original.length`.
 */
export interface FoldedText {
  original: string;
  folded: string;
  toOriginal: Uint32Array;
}

let table: Uint16Array | undefined;

/**
 * A flat code-unit → code-unit table (128 KB, built once): a typed-array index per character is
 * about ten times faster than a Map lookup on a 200 KB page.
 */
function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  // Full-width ASCII block (！ to ～) and the ideographic space.
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0x3000] = 0x20;
  const pairs: string = (foldData as { pairs: string }).pairs;
  for (let i = 0; i + 1 < pairs.length; i += 2) t[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  table = t;
  return t;
}

/** Folds one UTF-16 code unit; length-preserving. */
export function foldCode(code: number): number {
  return foldTable()[code]!;
}

/** Folds a short string (a term, a key) without the residue pass; length-preserving. */
export function foldChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

let utf16: TextDecoder | null | undefined;

/**
 * UTF-16 code units → string. TextDecoder('utf-16le') does it in one native call (about 15× faster
 * than String.fromCharCode over spread chunks on a 200 KB page), but it replaces lone surrogates
 * with U+FFFD, which would break the 1:1 offsets — text holding any takes the slow path.
 */
function decodeUnits(codes: Uint16Array, length: number): string {
  if (utf16 === undefined) utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;
  const view = codes.subarray(0, length);
  if (utf16 && isLittleEndian && !hasLoneSurrogate(view)) return utf16.decode(view);
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) out += String.fromCharCode(...view.subarray(i, Math.min(length, i + CHUNK)));
  return out;
}

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function hasLoneSurrogate(units: Uint16Array): boolean {
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < units.length && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
      i++;
      continue;
    }
    return true;
  }
  return false;
}

export function foldText(original: string): FoldedText {
  const n = original.length;
  const fold = foldTable();
  const codes = new Uint16Array(n);
  const toOriginal = new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if ((c === 0x28 || c === 0xff08) && i > 0) {
      const skip = pinyinResidueLength(original, i);
      if (skip) {
        i += skip - 1;
        continue;
      }
    }
    codes[k] = fold[c]!;
    toOriginal[k] = i;
    k++;
  }
  toOriginal[k] = n;
  return { original, folded: decodeUnits(codes, k), toOriginal: toOriginal.subarray(0, k + 1) };
}

/** Maps a folded span back to original offsets. */
export function toOriginalSpan(f: FoldedText, start: number, end: number): { start: number; end: number } {
  // end is exclusive: map the last folded char and step past it, so a residue group after the span's
  // last character is not swallowed into the span.
  const s = f.toOriginal[start]!;
  const e = end > start ? f.toOriginal[end - 1]! + 1 : s;
  return { start: s, end: e };
}
