import type { PageGlossaryEntry, TermSpan } from '../types';
import { foldChars, foldText, type FoldedText } from '../text/normalize';
import { overlapTest } from '../text/ranges';
import { createMatcherFromSurfaces, scanFolded, toTermSpans, type Matcher } from './match';

/** A parsed entry of the page's own 名词解释 section, with everything the label defines. */
export interface ParsedPageEntry extends PageGlossaryEntry {
  /**
   * The label as written, quotes included, page reference dropped: 信訪"三無", "五好"園區,
   * 政务服务“三化”“四减”. `term`/`key` are the quoted part, because that is what the report text
   * quotes and what a reader hovers (信访"三无" in the appendix, "三无" in the body).
   */
  label: string;
  /** Every key the label defines, `key` first: a label quoting two slogans defines both (三化, 四减). */
  keys: string[];
}

/**
 * What a page glossary can hold: the content script sends it back with each batch of text the page adds
 * later (matchText), and lib/messaging/validate.ts refuses a longer one. A definition runs on while its
 * lines do not end a sentence, so on a messy page it can swallow the rest of the text: it is cut (…).
 */
export const MAX_PAGE_ENTRIES = 50_000;
export const MAX_PAGE_DEFINITION = 20_000;

function clipDefinition(s: string): string {
  if (s.length <= MAX_PAGE_DEFINITION) return s;
  let end = MAX_PAGE_DEFINITION - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

interface Line {
  start: number;
  /** Without the line break (and without a trailing \r). */
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let body = text.slice(start, nl);
    if (body.endsWith('\r')) body = body.slice(0, -1);
    lines.push({ start, text: body });
    start = nl + 1;
  }
  return lines;
}

// Headings are tested on the folded line with whitespace removed, so 名詞解釋, 名词解释 and
// 名 词 解 释 all pass. Pages prefix the report title (《政府工作报告》相关名词解释) or 附/附件. A standalone
// 名词解释 page often writes the title without book-title marks: 2025年政府工作报告名词解释,
// 长沙市“十四五”规划名词解释 — a name that ends in the kind of document (报告, 规划, 纲要, 建议, 计划).
const HEADING_RE =
  /^(?:附(?:件|录)?\d*[:、]?)?(?:《[^》]{1,40}》|[\u4e00-\u9fff0-9“”"]{0,30}?(?:报告|规划|纲要|建议|计划))?(?:中的?|有关|相关|部分|主要|重要)?(?:名词|术语|词语)(?:解释|注释|释义|说明|解读)(?:\([^)]{0,10}\))?[:]?$/;

function isHeading(line: string): boolean {
  if (line.length > 80 || !/[名术術詞词語语]/.test(line)) return false; // cheap reject before folding
  const f = foldChars(line).replace(/\s+/g, '');
  return f.length <= 50 && HEADING_RE.test(f);
}

// Page furniture that follows an appendix on CMS pages; ends a section whose last definition has no
// final punctuation (so the continuation rule alone would swallow it).
const FOOTER_RE = /扫一扫|打印本页|\[打印\]|【打印】|关闭窗口|相关稿件|相关链接|相关文章|责任编辑|分享到|上一篇|下一篇|网站地图|版权所有|主办单位|来源:/;

// The byline a CMS page puts under its title (发布时间：2023-01-16 来源：市政府办 浏览次数：12 【字号：大 中 小】):
// page furniture before the first entry, not an entry ("发布时间" would read as a label) nor a footer.
const BYLINE_RE = /(?:发布|发表|更新|印发|成文)?(?:时间|日期)\s*:\s*\d{4}|(?:^|\s)(?:来源|作者|编辑|浏览次数|阅读次数|点击数|访问量)\s*:|字号\s*:?\s*[大中小]/;

function isByline(line: string): boolean {
  return line.length <= 120 && BYLINE_RE.test(foldChars(line));
}

type MarkerFamily = 'dot' | 'bracket' | 'paren' | 'circled' | 'han' | 'hanparen' | null;

// Markers as they appear after folding (１． → 1., （1） → (1), ［1］ → [1]).
const MARKERS: ReadonlyArray<readonly [Exclude<MarkerFamily, null>, RegExp]> = [
  ['dot', /^\d{1,3}\s*[.、,](?!\d)/],
  ['bracket', /^[[【〔]\s*\d{1,3}\s*[\]】〕]/],
  ['paren', /^\(\s*\d{1,3}\s*\)/],
  ['circled', /^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/],
  ['han', /^[一二三四五六七八九十]{1,3}\s*、/],
  ['hanparen', /^\([一二三四五六七八九十]{1,3}\)/],
];

const CLOSER: Readonly<Record<string, string>> = { '“': '”', '"': '"', '「': '」', '『': '』', '‘': '’', "'": "'" };
// (P1), (第3页), (P12) after a label: the page number of the report where the term appears.
const PAGE_REF_RE = /^\(\s*(?:[Pp]\s*\d{1,3}|第?\s*\d{1,3}\s*页)\s*\)/;
const SEP_RE = /^(?::|——|—|--|,\s*(?:是指|指的是|指|即)?|是指|指的是|指|即)\s*/;
const TERMINAL = /[。！？!?]$/;

function isLabelChar(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2b || // +
    c === 0x2d || // -
    c === 0xb7 || // ·
    c === 0x3001 // 、
  );
}

/** The folded key for a written term: simplified, half-width, pinyin residue and spaces removed. */
function keyOf(term: string): string {
  return foldText(term).folded.replace(/\s+/g, '');
}

interface EntryDraft {
  family: MarkerFamily;
  marker: string | null;
  label: string;
  terms: string[];
  keys: string[];
  start: number;
  end: number;
  definition: string;
}

// A glossary written as a table: the text model gives a row as one line, its cells split by '\t'
// (名词 | 解释, or 序号 | 名词 | 解释). Its header row, whatever the words (名词 | 释义, 术语 | 含义), says
// the rows below are entries, as a 名词解释 heading does.
// Without a heading above it, only a header naming a glossary's columns starts one: 名称 | 内容 heads
// a service guide's table (办理时限 | 5个工作日) as well. Under a heading, a header of either wording is skipped.
const TABLE_TERM_HEAD = /^(?:名词|术语|词语|词条)(?:名称)?$/;
const TABLE_DEFINITION_HEAD = /^(?:解释|释义|含义|注释)$/;
const LOOSE_TERM_HEAD = /^(?:名词|术语|词语|词条|名称|概念|项目)(?:名称)?$/;
const LOOSE_DEFINITION_HEAD = /^(?:解释|释义|含义|注释|说明|内容|解读)$/;
const TABLE_NUMBER = /^(?:\d{1,3}|[\u2460-\u2473])[.、]?$/;

/** The cells of a table row, blanks trimmed, or null for a line that is not one. */
function tableCells(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = foldChars(line)
    .split('\t')
    .map((c) => c.replace(/\s+/g, ''));
  if (cells.length > 2 && TABLE_NUMBER.test(cells[0]!)) cells.shift();
  return cells.length === 2 ? cells : null;
}

function isTableHeading(line: string, loose = false): boolean {
  const cells = tableCells(line);
  if (!cells) return false;
  return loose ? LOOSE_TERM_HEAD.test(cells[0]!) && LOOSE_DEFINITION_HEAD.test(cells[1]!) : TABLE_TERM_HEAD.test(cells[0]!) && TABLE_DEFINITION_HEAD.test(cells[1]!);
}

/**
 * A table row read as the line an entry would be: the tab after the 序号 cell becomes the '.' of a
 * number (1 → 1.), the tab after the term the colon. One character for one, so offsets still hold.
 */
function tableRowAsLine(line: Line): Line | null {
  const t = line.text;
  const tabs = [...t.matchAll(/\t/g)].map((m) => m.index!);
  if (tabs.length < 1 || tabs.length > 2 || !tableCells(t)) return null;
  let text = t;
  if (tabs.length === 2) {
    if (!TABLE_NUMBER.test(t.slice(0, tabs[0]).trim())) return null;
    text = `${text.slice(0, tabs[0])}${/[.、]\s*$/.test(t.slice(0, tabs[0])) ? ' ' : '.'}${text.slice(tabs[0]! + 1)}`;
  }
  const sep = tabs[tabs.length - 1]!;
  // An empty definition cell defines nothing; a term cell must hold a term.
  if (!t.slice(sep + 1).trim() || !t.slice(tabs.length === 2 ? tabs[0]! + 1 : 0, sep).trim()) return null;
  text = `${text.slice(0, sep)}:${text.slice(sep + 1)}`;
  return { start: line.start, text };
}

/** Parses one line as an entry, or returns null. Works on foldChars(line): same length, so offsets carry over. */
function parseEntryLine(input: Line): EntryDraft | null {
  // A line with a tab that is no glossary row (an entry in one cell beside an empty one) reads as before.
  const line = (input.text.includes('\t') && tableRowAsLine(input)) || input;
  const o = line.text;
  const f = foldChars(o);
  const lead = f.length - f.trimStart().length;
  let p = lead;
  let family: MarkerFamily = null;
  let marker: string | null = null;
  for (const [fam, re] of MARKERS) {
    const m = re.exec(f.slice(p));
    if (!m) continue;
    family = fam;
    marker = o.slice(p, p + m[0].length).trim();
    p += m[0].length;
    while (p < f.length && /\s/.test(f[p]!)) p++;
    break;
  }

  // The label: quoted runs, Han/ASCII word characters and non-reference parentheticals, up to the separator.
  const labelStart = p;
  const runs: Array<[number, number]> = [];
  let i = p;
  while (i < f.length && i - labelStart <= 40) {
    const ch = f[i]!;
    const close = CLOSER[ch];
    if (close) {
      const j = f.indexOf(close, i + 1);
      if (j < 0 || j - i > 30) return null;
      runs.push([i + 1, j]);
      i = j + 1;
      // After a closing quote the definition may start with a Han separator: “三高四新”是指…
      if (/^(?:是指|指的是|指|即)/.test(f.slice(i))) break;
      continue;
    }
    if (ch === '(') {
      if (PAGE_REF_RE.test(f.slice(i))) break;
      const j = f.indexOf(')', i);
      if (j < 0 || j - i > 30) return null;
      i = j + 1;
      continue;
    }
    if (!isLabelChar(f.charCodeAt(i))) break;
    i++;
  }
  const labelEnd = i;
  if (labelEnd === labelStart) return null;
  while (i < f.length && /\s/.test(f[i]!)) i++;
  const ref = PAGE_REF_RE.exec(f.slice(i));
  if (ref) i += ref[0].length;
  while (i < f.length && /\s/.test(f[i]!)) i++;
  const sep = SEP_RE.exec(f.slice(i));
  if (!sep) return null;
  const sepText = sep[0].trim();
  // Without quotes only a colon separates label from definition; a bare comma or 即 would accept any
  // sentence. Unmarked unquoted labels must also be as short as terms are, or every sentence with a
  // colon (根据……实际情况：) would become an entry.
  if (!runs.length && sepText !== ':') return null;
  if (!marker && !runs.length && labelEnd - labelStart > 12) return null;
  i += sep[0].length;

  const label = o.slice(labelStart, labelEnd).trim();
  let terms: string[];
  if (runs.length) terms = runs.map(([a, b]) => o.slice(a, b).trim());
  else terms = [label.replace(/[（(][^）)]*[）)]/g, '').trim()];
  const keys = terms.map(keyOf);
  if (!keys.every((k) => k.length > 0)) return null;
  const definition = o.slice(i).trim();
  const end = line.start + o.trimEnd().length;
  return { family, marker, label, terms, keys, start: line.start + lead, end, definition };
}

function joinDefinition(a: string, b: string): string {
  if (!a) return b;
  // Lines of one Chinese paragraph join without a space; only two Latin words need one.
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

function parseSection(lines: Line[], from: number): { entries: ParsedPageEntry[]; next: number } {
  const entries: ParsedPageEntry[] = [];
  let cur: EntryDraft | null = null;
  let family: MarkerFamily | undefined;
  let preamble = 0;
  const finish = () => {
    if (cur && cur.definition) {
      entries.push({
        term: cur.terms[0]!,
        key: cur.keys[0]!,
        definition: clipDefinition(cur.definition),
        marker: cur.marker,
        start: cur.start,
        end: cur.end,
        label: cur.label,
        keys: cur.keys,
      });
    }
    cur = null;
  };
  // Entries of one section share a marker family, so "(1)…(2)" sub-items inside a ①-style definition
  // stay part of the definition instead of becoming entries.
  // A glossary written as a table has its entries in its rows: a sentence after it that happens to
  // quote a term before a comma (各级各部门要对照“三个一批”要求，…) is prose, not one more entry.
  let tableRows: boolean | undefined;
  const entryAt = (li: number): EntryDraft | null => {
    const line = lines[li];
    if (!line) return null;
    if (tableRows !== undefined && line.text.includes('\t') !== tableRows) return null;
    const e = parseEntryLine(line);
    return e && (family === undefined || e.family === family) ? e : null;
  };

  let li = from;
  for (; li < lines.length; li++) {
    const line = lines[li]!;
    const t = line.text.trim();
    if (!t) continue;
    if (!cur && !entries.length && isByline(t)) continue;
    if (!cur && !entries.length && isTableHeading(t, true)) continue;
    if (t.length <= 40 && FOOTER_RE.test(foldChars(t))) break;
    if (isHeading(t)) break;
    // An unmarked, unquoted first "entry" followed by numbered ones was a preamble line with a colon
    // (说明：… / 发布时间：…): the numbered entries set the section's marker family.
    if (family === null && entries.length + (cur ? 1 : 0) === 1) {
      const first: EntryDraft | undefined = cur ?? undefined;
      const firstLabel = first ? first.label : entries[0]!.label;
      const firstTerm = first ? first.terms[0] : entries[0]!.term;
      const marked = parseEntryLine(line);
      if (marked && marked.family !== null && firstLabel === firstTerm) {
        cur = null;
        entries.length = 0;
        family = undefined;
      }
    }
    const e = entryAt(li);
    if (e) {
      finish();
      cur = e;
      family ??= e.family;
      tableRows ??= line.text.includes('\t');
      continue;
    }
    if (!cur) {
      // An intro sentence or two may precede the first entry (现将有关名词解释如下：).
      if (entries.length || ++preamble > 3) break;
      continue;
    }
    const draft: EntryDraft = cur;
    // A definition continues on the next block when it has not ended a sentence (a <br> or a page
    // break inside it), or when the block sits between two entries of the section.
    let continues = !draft.definition || !TERMINAL.test(draft.definition);
    if (!continues) {
      let k = li + 1;
      while (k < lines.length && !lines[k]!.text.trim()) k++;
      continues = entryAt(k) !== null;
    }
    if (!continues) break;
    draft.definition = joinDefinition(draft.definition, t);
    draft.end = line.start + line.text.trimEnd().length;
  }
  finish();
  return { entries, next: li };
}

/**
 * The page's own glossary (名词解释, 名词注释, 相关名词解释, 《政府工作报告》相关名词解释, in either script)
 * parsed into entries. Accepts numbered (1. / 1、/ [1] / (1) / ① / 一、) and unnumbered lines, quoted or
 * bare labels, an optional page reference (P1), and a colon (half- or full-width), “…”，指 or
 * “…”是指 before the definition. Definitions may run over several blocks.
 */
export function parsePageGlossary(text: string): ParsedPageEntry[] {
  const lines = splitLines(text);
  const out: ParsedPageEntry[] = [];
  for (let h = 0; h < lines.length; h++) {
    const heading = lines[h]!.text.trim();
    if (!isHeading(heading) && !isTableHeading(heading)) continue;
    const { entries, next } = parseSection(lines, h + 1);
    if (!entries.length) continue;
    out.push(...entries);
    if (out.length >= MAX_PAGE_ENTRIES) return out.slice(0, MAX_PAGE_ENTRIES);
    h = next - 1;
  }
  return out;
}

function keysOf(e: PageGlossaryEntry): string[] {
  const keys = (e as Partial<ParsedPageEntry>).keys;
  return Array.isArray(keys) && keys.length ? keys : [e.key];
}

/**
 * Occurrences of the page's own terms in its text, outside the glossary section itself. Spans cover
 * the term only: quotes before and footnote markers after ("三高四新"[1], “六稳”①) stay outside.
 * One-character keys are ignored: they would light up every other sentence.
 */
export function pageTermSpans(folded: FoldedText, entries: readonly PageGlossaryEntry[]): TermSpan[] {
  const m = pageMatcher(entries);
  if (!m) return [];
  const spans = toTermSpans(folded, scanFolded(folded.folded, m), m, 'page');
  const inEntry = overlapTest(entries);
  return spans.filter((s) => !inEntry(s.start, s.end));
}

// New content observed later is matched against the same parsed entries; keep their matcher.
const matchers = new WeakMap<readonly PageGlossaryEntry[], Matcher | null>();

function pageMatcher(entries: readonly PageGlossaryEntry[]): Matcher | null {
  let m = matchers.get(entries);
  if (m !== undefined) return m;
  const surfaces: Array<[string, number]> = [];
  entries.forEach((e, k) => {
    for (const key of keysOf(e)) if (key.length >= 2) surfaces.push([key, k]);
  });
  m = surfaces.length
    ? createMatcherFromSurfaces(
        surfaces,
        entries.map(() => null),
        entries.map((e) => e.term),
      )
    : null;
  matchers.set(entries, m);
  return m;
}

// key → index of the first entry defining it, per entries list (one map, not a scan per span).
const keyIndexes = new WeakMap<readonly PageGlossaryEntry[], Map<string, number>>();

/** Index in `entries` of the entry a page span refers to, or -1. */
export function pageEntryIndex(entries: readonly PageGlossaryEntry[], spanText: string): number {
  let index = keyIndexes.get(entries);
  if (!index) {
    index = new Map();
    entries.forEach((e, k) => {
      for (const key of keysOf(e)) if (!index!.has(key)) index!.set(key, k);
    });
    keyIndexes.set(entries, index);
  }
  return index.get(keyOf(spanText)) ?? -1;
}

/** The page entry a page span refers to (spans carry no id: page-local terms have none). */
export function pageEntryFor<T extends PageGlossaryEntry>(entries: readonly T[], spanText: string): T | undefined {
  const k = pageEntryIndex(entries, spanText);
  return k >= 0 ? entries[k] : undefined;
}
