import type { TermSource, TermSpan } from '../types';
import { toOriginalSpan, type FoldedText } from '../text/normalize';
import { INNER_QUOTE_CODES } from '../text/quotes';
import type { GlossaryIndex } from './compile.mjs';

export type { GlossaryIndex } from './compile.mjs';

interface Candidate {
  /** Folded surface. */
  s: string;
  /** Entry index into `ids` / `terms`. */
  k: number;
}

interface Group {
  /** Candidates of two or more units, by their second unit, longest first. */
  bySecond: Map<number, Candidate[]>;
  /** A one-unit surface, tried last. */
  single: Candidate | null;
}

/**
 * Lookup tables for a one-pass scan. Most positions fail on one typed-array read (`first`); common
 * slogan heads (一, 三, 两) pass it constantly in running text — a quarter of seed 003's positions —
 * so a table of the first two units together rejects 一般/三个/两年 before any Map or string work.
 */
export interface Matcher {
  /** 1-based index into `groups` for every UTF-16 unit that starts a surface, else 0. */
  readonly first: Uint16Array;
  /**
   * Nonzero at pairHash(first unit, second unit) of every surface of two or more units. A hash, so a
   * collision only costs the Map lookup it would have cost anyway: a table of second units alone let
   * half of the head positions through (一个, 三年…), this lets through about a fifth.
   */
  readonly pairs: Uint8Array;
  readonly groups: readonly Group[];
  readonly ids: readonly (string | null)[];
  readonly terms: readonly string[];
  /** What its spans are reported as; `glossary` unless set (the user's matcher sets `user`). */
  readonly source?: TermSource;
  /**
   * Entry ids the page must not show, whichever matcher finds them (bundled entries the user hid).
   * collectTerms drops their spans only after the unknown-slogan check, so a hidden term is neither
   * highlighted nor marked 未收录.
   */
  readonly hidden?: ReadonlySet<string>;
}

const PAIR_BITS = 16;
const pairHash = (c1: number, c2: number) => (Math.imul(c1, 0x9e37) + c2) & ((1 << PAIR_BITS) - 1);

/**
 * The next position at or after `i` whose unit starts some surface. Its own function, small and
 * monomorphic: the scans below run once per page in a service worker whose code is seldom hot, and
 * V8 optimises a small hot function after a few calls, while a scan that did everything in one loop
 * ran its 77,000 iterations in the interpreter, was optimised on the stack, then deoptimised on the
 * first branch it had not seen (10–25 ms for the first scans of seed 003 in a fresh Node, ~1 ms warm).
 */
function nextHead(text: string, first: Uint16Array, i: number, n: number): number {
  while (i < n && first[text.charCodeAt(i)] === 0) i++;
  return i;
}

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function build(ids: (string | null)[], terms: string[], candidates: Iterable<Candidate>): Matcher {
  const first = new Uint16Array(0x10000);
  const pairs = new Uint8Array(1 << PAIR_BITS);
  const groups: Group[] = [];
  for (const cand of candidates) {
    const c = cand.s.charCodeAt(0);
    let g = first[c]!;
    if (g === 0) {
      groups.push({ bySecond: new Map(), single: null });
      g = first[c] = groups.length;
    }
    const group = groups[g - 1]!;
    if (cand.s.length === 1) {
      group.single ??= cand;
      continue;
    }
    const c2 = cand.s.charCodeAt(1);
    pairs[pairHash(c, c2)] = 1;
    let list = group.bySecond.get(c2);
    if (!list) group.bySecond.set(c2, (list = []));
    list.push(cand);
  }
  for (const group of groups) for (const list of group.bySecond.values()) list.sort((a, b) => b.s.length - a.s.length);
  return { first, pairs, groups, ids, terms };
}

/** Turns the compiled index (lib/generated/glossary-index.json) into a matcher; no folding happens here. */
export function createMatcher(index: GlossaryIndex): Matcher {
  const candidates: Candidate[] = [];
  const terms: string[] = index.ids.map((_, k) => index.terms[k] ?? '');
  for (const flat of Object.values(index.groups)) {
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const s = String(flat[i]);
      const code = Number(flat[i + 1]);
      // Negative codes mark the entry's own term (see compile.mjs).
      const k = code < 0 ? -code - 1 : code;
      if (code < 0) terms[k] = s;
      candidates.push({ s, k });
    }
  }
  return build(index.ids.slice(), terms, candidates);
}

/**
 * A matcher over surfaces that are already folded (page-local keys, user terms). Each surface maps to
 * `terms[k]`; `ids[k]` is null for sources without stable ids. A surface seen twice keeps its first owner.
 */
export function createMatcherFromSurfaces(
  surfaces: ReadonlyArray<readonly [surface: string, entry: number]>,
  ids: (string | null)[],
  terms: string[],
): Matcher {
  const candidates = new Map<string, Candidate>();
  for (const [s, k] of surfaces) if (s && !candidates.has(s)) candidates.set(s, { s, k });
  return build(ids, terms, candidates.values());
}

export interface RawMatch {
  /** Folded offsets. */
  start: number;
  end: number;
  /** Entry index in the matcher. */
  k: number;
}

/**
 * Leftmost-longest scan over folded text, one pass, no overlaps. Chinese has no word boundaries, so a
 * term is taken wherever it occurs; only surfaces that begin or end with an ASCII letter or digit must
 * not continue an ASCII word (5G must not match inside 25GB).
 */
export function scanFolded(text: string, m: Matcher, from = 0, to = text.length): RawMatch[] {
  const out: RawMatch[] = [];
  const { first, pairs, groups } = m;
  let i = from;
  while (i < to) {
    // Units that start nothing: almost all of a page.
    i = nextHead(text, first, i, to);
    if (i >= to) break;
    const c = text.charCodeAt(i);
    const group = groups[first[c]! - 1]!;
    let hit: Candidate | null = null;
    const c2 = i + 1 < to ? text.charCodeAt(i + 1) : -1;
    const list = c2 >= 0 && pairs[pairHash(c, c2)] !== 0 ? group.bySecond.get(c2) : undefined;
    if (list) {
      for (const cand of list) {
        const end = i + cand.s.length;
        if (end > to || !text.startsWith(cand.s, i)) continue;
        if (!asciiBoundaryOk(text, i, end)) continue;
        hit = cand;
        break;
      }
    }
    if (!hit && group.single && asciiBoundaryOk(text, i, i + 1)) hit = group.single;
    if (hit) {
      out.push({ start: i, end: i + hit.s.length, k: hit.k });
      i += hit.s.length;
    } else i++;
  }
  return out;
}

/** Chinese has no word boundaries, but an ASCII term must not start or end inside an ASCII word. */
function asciiBoundaryOk(text: string, start: number, end: number): boolean {
  if (isAsciiAlnum(text.charCodeAt(start)) && start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) return false;
  if (isAsciiAlnum(text.charCodeAt(end - 1)) && end < text.length && isAsciiAlnum(text.charCodeAt(end))) return false;
  return true;
}

/** Maps folded matches to spans in the original text. */
export function toTermSpans(folded: FoldedText, raw: readonly RawMatch[], m: Matcher, source: TermSource): TermSpan[] {
  return raw.map((r) => {
    const { start, end } = toOriginalSpan(folded, r.start, r.end);
    return { start, end, text: folded.original.slice(start, end), source, entry: m.ids[r.k] ?? null };
  });
}

/**
 * Glossary terms in a page. Matching runs on the folded text, so one simplified glossary covers
 * traditional pages (六穩), mirror sites' over-conversions (全麵, 責任製), pinyin residue inside a
 * term (發(fā)展) and full-width letters (５Ｇ); spans are in original offsets and never include the
 * quotes around a term, whatever their style.
 */
export function matchTerms(folded: FoldedText, matcher: Matcher): TermSpan[] {
  return toTermSpans(folded, scanAcrossQuotes(folded.folded, matcher), matcher, matcher.source ?? 'glossary');
}

/** Quote marks a report may put inside a term: 能耗"双控", “五好”园区, "三公"经费. */
const INNER_QUOTES = (() => {
  // A flat table: a Set lookup per character cost more than the whole scan.
  const t = new Uint8Array(0x10000);
  for (const c of INNER_QUOTE_CODES) t[c] = 1;
  return t;
})();
const isQuote = (text: string, i: number) => i >= 0 && i < text.length && INNER_QUOTES[text.charCodeAt(i)] === 1;

/** A quote mark with no quote mark beside it: read through. ”“ between two quoted slogans (“六稳”“六保”) is a boundary, so each keeps its own entry. */
const isLoneQuote = (text: string, i: number) => INNER_QUOTES[text.charCodeAt(i)] === 1 && !isQuote(text, i - 1) && !isQuote(text, i + 1);

/**
 * Reports quote the slogan part of a longer term (“五好”园区, 能耗“双控”, 信访"三无"), so the
 * scan reads through lone quote marks: it matches as if they were not there, and a match that spans
 * one covers it.
 *
 * Quotes are checked only where a surface could be under way (a head unit, the units after it): a
 * quote-free copy of the text, or a table of lone quotes made first, cost as much as the scan itself
 * on a 200 KB report.
 */
export function scanAcrossQuotes(text: string, m: Matcher): RawMatch[] {
  const out: RawMatch[] = [];
  const { first, pairs, groups } = m;
  const n = text.length;
  let i = 0;
  while (i < n) {
    i = nextHead(text, first, i, n);
    if (i >= n) break;
    if (isLoneQuote(text, i)) {
      i++;
      continue;
    }
    const c = text.charCodeAt(i);
    const group = groups[first[c]! - 1]!;
    let j = i + 1;
    while (j < n && isLoneQuote(text, j)) j++;
    const c2 = j < n ? text.charCodeAt(j) : -1;
    const list = c2 >= 0 && pairs[pairHash(c, c2)] !== 0 ? group.bySecond.get(c2) : undefined;
    let hit: Candidate | null = null;
    let end = -1;
    if (list) {
      for (const cand of list) {
        end = endAcrossQuotes(text, i, cand.s);
        if (end >= 0 && boundaryOkAcrossQuotes(text, i, end)) {
          hit = cand;
          break;
        }
      }
    }
    if (!hit && group.single && boundaryOkAcrossQuotes(text, i, i + 1)) {
      hit = group.single;
      end = i + 1;
    }
    if (hit) {
      out.push({ start: i, end, k: hit.k });
      i = end;
    } else i++;
  }
  return out;
}

/** Where `s` ends if it occurs at `i` once lone quotes are left out, else -1. */
function endAcrossQuotes(text: string, i: number, s: string): number {
  let p = i;
  for (let k = 0; k < s.length; p++) {
    if (p >= text.length) return -1;
    if (isLoneQuote(text, p)) continue;
    if (text.charCodeAt(p) !== s.charCodeAt(k)) return -1;
    k++;
  }
  return p;
}

function boundaryOkAcrossQuotes(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && isLoneQuote(text, before)) before--;
  let after = end;
  while (after < text.length && isLoneQuote(text, after)) after++;
  if (isAsciiAlnum(text.charCodeAt(start)) && before >= 0 && isAsciiAlnum(text.charCodeAt(before))) return false;
  if (isAsciiAlnum(text.charCodeAt(end - 1)) && after < text.length && isAsciiAlnum(text.charCodeAt(after))) return false;
  return true;
}
