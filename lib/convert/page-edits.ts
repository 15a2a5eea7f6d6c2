import { hasHan } from './han';

/*
 * Page edits, as lib/dom/script-toggle.ts meets them (it keeps one Written per text node and attribute
 * it converted). When the page changes text we converted, the rule is: what the page did not change is
 * still ours, and restore gives back its original byte for byte; the characters the page wrote are the page's,
 * and restore leaves them exactly as the page wrote them. Storing the page's new value as the
 * original (as if the page had written all of it) would put our converted characters back on restore
 * as the page's own: appendData, splitText, a script that reads our text and writes it back shortened
 * would leave the page in the other script for good.
 *
 * So an edit is split into the part the page kept (a common prefix and suffix with what we wrote,
 * mapped back through the alignment below) and the part it wrote. Text that left one of our nodes in
 * the same burst of mutations (the tail splitText moved out, a node the page removed while writing its
 * replacement, nodes normalize() merged) is where new text in the same parent most likely came from:
 * new text that matches it is mapped back the same way. Only what no such source explains is the
 * page's, and only that is sent to be converted. A node's original is always a string the page could
 * have had, so restore stays a plain write of one string per node.
 */

export interface Written {
  /** What the page had, with the page's edits since; written back on restore. */
  original: string;
  /** What the node holds as far as we know (what we wrote, and the page's edits since); a node still holding it is ours to restore. */
  converted: string;
  /**
   * `converted` holds characters the page wrote that are not converted yet (its text, added to ours,
   * is converted as the whole `original` in the next batch).
   */
  raw: boolean;
  /** Times the page wrote back the value it had before our last write (a fight, not an update). */
  reverts: number;
  /** Page rewrites in the current burst, and when the last one came. */
  rewrites: number;
  at: number;
}

/** A stretch of text that left a node in this burst, with what it stood for. */
export interface Source {
  original: string;
  converted: string;
  /** The stretch, in `converted`. */
  from: number;
  to: number;
  /** The stretch may hold the page's text not converted yet (text we never converted, or Written.raw). */
  raw: boolean;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Pinyin residue as mirror sites leave it (產(chǎn)): what the repair drops outright. */
const RESIDUE = /[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}[)）]/g;
const RESYNC_WINDOW = 24;

/**
 * Which part of `b` stands for which part of `a` (a string and its conversion, either way round): runs
 * as flat boundaries [a0, b0, a1, b1, …] from [0, 0] to [a.length, b.length]. Within a run of equal
 * lengths a position maps to the same position — OpenCC converts characters and same-length phrases
 * in place; a run whose length changed (a longer phrase, dropped residue) maps only as a whole.
 */
export function align(a: string, b: string): number[] {
  if (a.length === b.length) return [0, 0, a.length, b.length];
  return alignWithoutResidue(a, b) ?? alignByAnchors(a, b);
}

function push(out: number[], a: number, b: number): void {
  if (out[out.length - 2] !== a || out[out.length - 1] !== b) out.push(a, b);
}

/** A mirror page's conversion: the same length once the residue is dropped. */
function alignWithoutResidue(a: string, b: string): number[] | null {
  const swap = a.length < b.length;
  const long = swap ? b : a;
  const short = swap ? a : b;
  const runs = [0, 0];
  let dropped = 0;
  for (const m of long.matchAll(RESIDUE)) {
    const start = m.index;
    push(runs, start, start - dropped);
    dropped += m[0].length;
    push(runs, start + m[0].length, start + m[0].length - dropped);
  }
  if (!dropped || long.length - dropped !== short.length) return null;
  push(runs, long.length, short.length);
  if (swap) for (let i = 0; i < runs.length; i += 2) [runs[i], runs[i + 1]] = [runs[i + 1]!, runs[i]!];
  return runs;
}

/** Otherwise identical characters anchor the runs between them (a greedy diff, same lengths first). */
function alignByAnchors(a: string, b: string): number[] {
  const runs = [0, 0];
  let i = 0;
  let j = 0;
  const at = (x: number, y: number) =>
    x <= a.length && y <= b.length && (x === a.length || y === b.length ? x === a.length && y === b.length : a[x] === b[y]);
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      do {
        i++;
        j++;
      } while (i < a.length && j < b.length && a[i] === b[j]);
    } else {
      let next: [number, number] | null = null;
      for (let d = 1; d <= RESYNC_WINDOW && !next; d++) {
        if (at(i + d, j + d)) next = [i + d, j + d];
        for (let k = 0; k < d && !next; k++) {
          if (at(i + k, j + d)) next = [i + k, j + d];
          else if (at(i + d, j + k)) next = [i + d, j + k];
        }
      }
      if (!next) break;
      [i, j] = next;
    }
    push(runs, i, j);
  }
  push(runs, a.length, b.length);
  return runs;
}

/** Where `offset` in `a` lands in `b`: inside a run that changed length, at its start (or its end). */
export function mapOffset(runs: readonly number[], offset: number, end: boolean): number {
  for (let r = 0; r + 3 < runs.length; r += 2) {
    const a0 = runs[r]!, b0 = runs[r + 1]!, a1 = runs[r + 2]!, b1 = runs[r + 3]!;
    if (offset >= a1) continue;
    if (offset <= a0) return b0;
    if (a1 - a0 === b1 - b0) return b0 + offset - a0;
    return end ? b1 : b0;
  }
  return runs[runs.length - 1]!;
}

/**
 * The text of `b` that stands for a[from, to). Part of a run that changed length has no exact
 * counterpart: it is kept as it is in `a`. A run empty in `a` (residue the conversion dropped) goes
 * with the text after it, or with the end.
 */
function mapRange(a: string, b: string, runs: readonly number[], from: number, to: number): string {
  if (from >= to) return '';
  let out = '';
  for (let r = 0; r + 3 < runs.length; r += 2) {
    const a0 = runs[r]!, b0 = runs[r + 1]!, a1 = runs[r + 2]!, b1 = runs[r + 3]!;
    if (a0 === a1) {
      if (from <= a0 && (a0 < to || to === a.length)) out += b.slice(b0, b1);
      continue;
    }
    const s = Math.max(from, a0);
    const e = Math.min(to, a1);
    if (s >= e) continue;
    if (s === a0 && e === a1) out += b.slice(b0, b1);
    else if (a1 - a0 === b1 - b0) out += b.slice(b0 + s - a0, b0 + e - a0);
    else out += a.slice(s, e);
  }
  return out;
}

/** The original of converted[from, to). */
function originalOf(w: { original: string; converted: string }, from: number, to: number): string {
  if (w.original === w.converted) return w.converted.slice(from, to);
  return mapRange(w.converted, w.original, align(w.converted, w.original), from, to);
}

/**
 * What `text`, new in the page, stood for before the conversion, as far as `sources` explain it, and
 * the characters they do not explain (the page's own).
 */
export function recover(text: string, sources: readonly Source[] | undefined): { original: string; known: number; raw: boolean } {
  if (!text || !sources) return { original: text, known: 0, raw: needsConversion(text) };
  let joined = '';
  for (const s of sources) joined += s.converted.slice(s.from, s.to);
  let raw = false;
  const back = (from: number, to: number) => {
    let out = '';
    let base = 0;
    for (const s of sources) {
      const len = s.to - s.from;
      const lo = Math.max(from, base);
      const hi = Math.min(to, base + len);
      if (lo < hi) {
        out += originalOf(s, s.from + lo - base, s.from + hi - base);
        raw ||= s.raw;
      }
      base += len;
    }
    return out;
  };
  const at = joined.indexOf(text);
  if (at >= 0) return { original: back(at, at + text.length), known: text.length, raw };
  const p = commonPrefix(text, joined);
  const s = commonSuffix(text, joined, Math.min(text.length, joined.length) - p);
  const fresh = text.slice(p, text.length - s);
  const original = back(0, p) + fresh + back(joined.length - s, joined.length);
  return { original, known: p + s, raw: raw || needsConversion(fresh) };
}

/** The page's edit of `w`'s converted value: what it kept (mapped back) around what it wrote. */
export function splitEdit(w: Written, value: string): { head: string; middle: string; tail: string; from: number; to: number } {
  const c = w.converted;
  const p = commonPrefix(c, value);
  const s = commonSuffix(c, value, Math.min(c.length, value.length) - p);
  return {
    head: originalOf(w, 0, p),
    middle: value.slice(p, value.length - s),
    tail: originalOf(w, c.length - s, c.length),
    from: p,
    to: c.length - s,
  };
}

export function needsConversion(text: string): boolean {
  return hasHan(text) || /[(（]/.test(text);
}
