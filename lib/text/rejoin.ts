import { foldChars, type FoldedText } from './normalize';

/**
 * Hard-wrapped text as sites publish it when it comes from a PDF or a Word file: every line broken at a
 * fixed width, in the middle of sentences, words and numbers (地区生产总值增⏎长6%左右, 控制在5.5%以⏎内, PM2.⏎5),
 * with the page number and the running header between pages (— 3 —, 第3页, 2026年政府工作报告 at each page's
 * top). Read as written, a line break ends a sentence and cuts a name in two.
 *
 * `wrapCuts` finds the breaks that only wrap a line and the page furniture, as ranges of the text to leave
 * out; `rejoinFolded` leaves them out of a folded text, keeping for each character its offset in the page
 * text (as the fold does), so whatever is read from the joined text still maps back to the page: targets
 * and terms are reported by offsets into the page's own text, with the break inside their span.
 *
 * A break is a wrap when
 *  - the line before it is full: within WRAP_SLACK columns of the widest line near it (Han and full-width
 *    characters are two columns, as on paper), that width is at least WRAP_MIN columns and at most
 *    WRAP_MAX, and another line near it is as full (a width the page wraps at, not one long line);
 *  - neither line is a heading (`keepApart(lineStart, before)`: the caller's headings; `before` asks of the line
 *    before the break, which may go on with its section's text after its heading) nor the text's first line, and
 *    neither holds a table's cells (a tab, a run of blanks inside the line, a markdown row) or opens a code fence;
 *  - the next line is not indented (a paragraph's first line is) and does not open with a list or heading
 *    mark (1. 一、 （一） ① 第三章), a dash (——) or a note (注：);
 *  - the line does not end a sentence (。！？): a paragraph's last line may be as full as any, and a sentence
 *    cut there is cut anyway. Within a sentence a blank line is no paragraph's end (a web page that puts each line
 *    in its own <p>, or after a <br>, gives blank lines between all of them), after ； ， 、 or none either;
 *  - the next line is no wider than the width the line wraps at (a headline over its article is no wrap), and
 *    after ； or ： it is full or does not end with punctuation (a list of one item per line: 主要预期目标是：⏎
 *    地区生产总值增长8%左右；⏎一般公共预算收入增长6%；);
 *  - the line is no bare heading (a mark and no clause), no byline field (来源：, 发布时间：), and the two are not
 *    both label lines (地区生产总值：增长6%左右⏎固定资产投资：增长5%以上, a list's items);
 *  - two ASCII letters do not meet at it (an English word ends at a line's end, and nothing can put the
 *    space back in a text that only drops characters).
 * A page number is a line of its own: — 3 —, - 3 -, 第3页, 第3页 共12页. A running header is a line next to a
 * page number that the text holds more than once (its first time, the title at the top, is no header).
 * Both are left out wherever they stand.
 *
 * One pass over the lines, and a window of WINDOW lines each way: linear.
 */

/** Columns a line may fall short of the widest near it and still be full (a wide character that did not fit, punctuation pushed over). */
const WRAP_SLACK = 4;
/** Narrower wraps are poems and lists of short items, not a page's width. */
const WRAP_MIN = 32;
/** Wider lines are paragraphs, not wrapped lines (a PDF page holds about 45 Han characters). */
const WRAP_MAX = 100;
/** Lines each way that decide the width a line is measured against. */
const WINDOW = 4;

const PAGE_NUMBER = /^(?:[-—–－~～]\s*[0-9]{1,4}\s*[-—–－~～]|第\s*[0-9]{1,4}\s*页(?:\s*[,，]?\s*共\s*[0-9]{1,4}\s*页)?|[Pp]age\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?)$/;
/** Marks that open a line of their own: a list item, a numbered heading, a circled number, a chapter, a dash line, a note. */
const OPENS = /^(?:[0-9]{1,2}(?:[.．](?![0-9])|、)|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[\u2460-\u2473\u2776-\u277f]|第[一二三四五六七八九十百0-9]{1,4}[章节篇条部]|——|注[:：0-9\u2460-\u2473]|关键词\s*[0-9]|[问答][:：]|[<|｜`]|[•·▪●○■□◆◇★☆▶►]|附[件表录]?[:：0-9一二三四五六七八九十])/;
const SENTENCE_END = /[。！？!?][”’"'」』）)]*$/;
/** A page's field line (来源：…　发布时间：2026-01-28): a byline, however wide (read folded, without pinyin residue). */
const FIELD = /(?:^|\s)(?:(?:信息)?来源|(?:发布|成文|更新)?(?:时间|日期)|作者|编辑|责任编辑|字号|索引号|发文机关|发布机构|文号)[:：]/;
const RESIDUE = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;
/** A line opening with a short label and a colon (地区生产总值：增长6%左右): two such lines are a list's items. */
const LABEL = /^[^\s，,。；;:：、]{2,20}[:：][ \t\u3000]*[^\s]/;
/** Clause punctuation: a line opening with a heading's mark that has some goes on with its section's text. */
const CLAUSE_MARK = /[。，,；;：:！？!?]/;
const BLANKS_INSIDE = /\S(?:\t|[ \u3000\u00a0]{2,})\S|^[|｜`]|[|｜]$/;
const ASCII_LETTER = /[A-Za-z]/;
const LIST_END = /[；;：:]$/;
const LINE_END_MARK = /[；;：:。.！!？?，,]/;

interface Line {
  /** Offsets of the line's first and last non-blank character (end exclusive). */
  start: number;
  end: number;
  /** Where the line starts in the text (its first character, blank or not). */
  lineStart: number;
  width: number;
  indented: boolean;
  table: boolean;
}

function columns(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to && w <= WRAP_MAX; i++) {
    const c = text.charCodeAt(i);
    w += c >= 0x1100 ? 2 : 1;
  }
  return w;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff;

export interface WrapCuts {
  /** Ranges of the text to leave out, [start, end) pairs, sorted and disjoint. */
  cuts: number[];
  /** Line starts of the lines joined to the line before or after them. */
  joined: Set<number>;
}

/**
 * The breaks of `text` that only wrap a line, and its page furniture, as ranges to leave out (see the
 * module's comment). `keepApart(lineStart)` says a line (by the offset where it starts) is a heading.
 */
export function wrapCuts(text: string, keepApart: (lineStart: number, before: boolean) => boolean = () => false): WrapCuts {
  const none: WrapCuts = { cuts: [], joined: new Set() };
  if (text.indexOf('\n') < 0) return none;
  const lines: Line[] = [];
  /** For each content line, the furniture lines (page numbers, headers) right before it, as [from, to) line ranges. */
  const furnitureBefore: Array<Array<[number, number]>> = [];
  const raw: Array<{ start: number; end: number; lineStart: number; lineEnd: number }> = [];
  for (let ls = 0; ls <= text.length; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    let a = ls;
    let b = le;
    while (a < b && isBlank(text.charCodeAt(a))) a++;
    while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
    raw.push({ start: a, end: b, lineStart: ls, lineEnd: le });
    ls = le + 1;
    if (le === text.length) break;
  }
  // Page numbers, then the lines next to them that the text holds more than once (running headers).
  const kind = new Uint8Array(raw.length); // 0 content, 1 blank, 2 furniture
  let pages = 0;
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    if (r.end === r.start) kind[k] = 1;
    else if (r.end - r.start <= 16 && PAGE_NUMBER.test(text.slice(r.start, r.end))) {
      kind[k] = 2;
      pages++;
    }
  }
  if (pages) {
    const seen = new Map<string, number>();
    for (const r of raw) {
      if (r.end - r.start < 4 || r.end - r.start > 40) continue;
      const t = text.slice(r.start, r.end);
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
    const nearPage = (k: number, step: number): boolean => {
      for (let m = k + step; m >= 0 && m < raw.length; m += step) {
        if (kind[m] === 1) continue;
        return kind[m] === 2 && PAGE_NUMBER.test(text.slice(raw[m]!.start, raw[m]!.end));
      }
      return false;
    };
    for (let k = 0; k < raw.length; k++) {
      const r = raw[k]!;
      if (kind[k] !== 0 || r.end - r.start < 4 || r.end - r.start > 40) continue;
      const t = text.slice(r.start, r.end);
      if ((seen.get(t) ?? 0) >= 2 && !/[。；;，,]/.test(t) && (nearPage(k, -1) || nearPage(k, 1))) kind[k] = 2;
    }
  }
  let furniture: Array<[number, number]> = [];
  const cuts: number[] = [];
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    if (kind[k] === 1) continue;
    if (kind[k] === 2) {
      furniture.push([r.lineStart, Math.min(text.length, r.lineEnd + 1)]);
      continue;
    }
    lines.push({
      start: r.start,
      end: r.end,
      lineStart: r.lineStart,
      width: columns(text, r.lineStart, r.end),
      indented: r.start > r.lineStart,
      table: BLANKS_INSIDE.test(text.slice(r.start, r.end)),
    });
    furnitureBefore.push(furniture);
    furniture = [];
  }
  const trailing = furniture;
  // The widest line near each line, over lines a wrap can be measured by.
  const n = lines.length;
  const fits = (l: Line) => l.width <= WRAP_MAX && !l.table;
  const joined = new Set<number>();
  /** The width line k is wrapped at (see the module's comment), or 0 when it is not a full line. */
  const wrapWidth = (k: number): number => {
    const l = lines[k]!;
    if (!fits(l)) return 0;
    // The wrap width: the widest line near this one that another line near it comes within WRAP_SLACK of (a
    // single longer line, a note or a title left unwrapped, is no width the page wraps at).
    const widths: number[] = [];
    for (let m = Math.max(0, k - WINDOW); m <= Math.min(n - 1, k + WINDOW); m++) if (fits(lines[m]!)) widths.push(lines[m]!.width);
    widths.sort((x, y) => y - x);
    for (let i = 0; i + 1 < widths.length; i++) {
      if (widths[i + 1]! >= widths[i]! - WRAP_SLACK) return widths[i]! >= WRAP_MIN && l.width >= widths[i]! - WRAP_SLACK ? widths[i]! : 0;
    }
    return 0;
  };
  for (let k = 0; k < n; k++) {
    const fb = furnitureBefore[k]!;
    const b = lines[k]!;
    let join = false;
    if (k > 0) {
      const a = lines[k - 1]!;
      const aText = text.slice(Math.max(a.start, a.end - 4), a.end);
      const bHead = text.slice(b.start, b.start + 6);
      const aLine = text.slice(a.start, a.end);
      join =
        k > 1 &&
        !a.table &&
        !b.table &&
        !b.indented &&
        !SENTENCE_END.test(aText) &&
        !OPENS.test(bHead) &&
        !(ASCII_LETTER.test(text[a.end - 1]!) && ASCII_LETTER.test(text[b.start]!)) &&
        !keepApart(a.lineStart, true) &&
        !keepApart(b.lineStart, false) &&
        !(OPENS.test(aLine) && !CLAUSE_MARK.test(aLine)) &&
        !FIELD.test(foldChars(aLine.replace(RESIDUE, ''))) &&
        !(LABEL.test(aLine) && LABEL.test(text.slice(b.start, b.start + 40)));
      if (join) {
        // The next line is no wider than the width the line before it wraps at (a headline over a paragraph is no wrap).
        const w = wrapWidth(k - 1);
        join = w > 0 && b.width <= w + WRAP_SLACK;
        // After ； or ： a line that is not full and ends with punctuation itself is the next item of a list
        // written one item per line (主要预期目标是：⏎地区生产总值增长8%左右；⏎…), not the rest of a wrapped one.
        if (join && LIST_END.test(aText) && LINE_END_MARK.test(text.slice(b.end - 1, b.end)) && b.width < w - WRAP_SLACK) join = false;
      }
      if (join) {
        joined.add(a.lineStart);
        joined.add(b.lineStart);
        cuts.push(a.end, b.start);
        continue;
      }
    }
    for (const [s, e] of fb) cuts.push(s, e);
  }
  for (const [s, e] of trailing) cuts.push(s, e);
  if (!cuts.length) return none;
  // Furniture lines inside a joined break are inside its cut already; merge overlaps.
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < cuts.length; i += 2) pairs.push([cuts[i]!, cuts[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const merged: number[] = [];
  for (const [s, e] of pairs) {
    if (e <= s) continue;
    if (merged.length && s <= merged[merged.length - 1]!) merged[merged.length - 1] = Math.max(merged[merged.length - 1]!, e);
    else merged.push(s, e);
  }
  return { cuts: merged, joined };
}

export interface Rejoined {
  /** The folded text without the cut characters; `toOriginal` leads each character back to the page text. */
  folded: FoldedText;
  /** `masked` (a same-length copy of the folded text) without the same characters. */
  masked: string;
  /** For each folded offset (and its end), the offset in the joined text of the first character kept at or after it. */
  fromFolded: Uint32Array;
}

/** Leaves the cut ranges (page-text offsets, from {@link wrapCuts}) out of a folded text and a same-length copy of it. */
export function rejoinFolded(f: FoldedText, masked: string, cuts: readonly number[]): Rejoined {
  const n = f.folded.length;
  const fromFolded = new Uint32Array(n + 1);
  const toOriginal = new Uint32Array(n + 1);
  let folded = '';
  let maskedOut = '';
  let k = 0;
  let c = 0;
  let runStart = 0;
  let i = 0;
  const flush = (to: number) => {
    if (to > runStart) {
      folded += f.folded.slice(runStart, to);
      maskedOut += masked.slice(runStart, to);
    }
  };
  for (; i < n; i++) {
    const o = f.toOriginal[i]!;
    while (c < cuts.length && cuts[c + 1]! <= o) c += 2;
    fromFolded[i] = k;
    if (c < cuts.length && o >= cuts[c]!) {
      flush(i);
      runStart = i + 1;
      continue;
    }
    toOriginal[k++] = o;
  }
  flush(n);
  fromFolded[n] = k;
  toOriginal[k] = f.toOriginal[n]!;
  return { folded: { original: f.original, folded, toOriginal: toOriginal.subarray(0, k + 1) }, masked: maskedOut, fromFolded };
}
