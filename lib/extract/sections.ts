/**
 * Section structure of a report: headings from the DOM and heading-like text (一、 （一） 1. 第X章
 * 关键词 N … 措施一： 路径5, report title lines, short standalone lines), nested into a path, and for
 * each section whether it reviews the past (工作回顾, 过去一年 …) or plans ahead (今年工作安排, 今后五年 …).
 *
 * Mirror sites flatten whole reports into one line, so numbered headings are also found inline after a
 * sentence end ("…意见。 一、过去五年工作回顾市十六届…"). Such inline hits must continue the numbering
 * sequence, which both nests sub-lists (一、 under 三、) and rejects look-alikes ("质量第 一、创新为要").
 */
import { parseChineseAt } from './numbers';
import { statedYear, titleYear, findYears, isTitleLine, planEndYear } from './years';
import { isKeywordHeadingLine } from './noise';
import type { FoldedText } from '../text/normalize';
import { concat, inPageScript, replace, sourcedSlice, supplied, type Sourced } from '../text/sourced';

/** review: past achievements; plan: work ahead; notes: 名词解释 / 附录 (definitions, not targets). */
export type Mode = 'review' | 'plan' | 'notes' | 'unknown';

export interface HeadingHit {
  start: number;
  /** End of the heading text (folded offsets). */
  end: number;
  /** Numbering style: cn 一、 | pcn （一） | ar 1. | par (1) | kw 关键词 | ow:措施 | ch:章 | line | annex 附： | title | dom | end. */
  style: string;
  ordinal: number | null;
  /** Heading text without its marker, used for classification. */
  text: string;
  /** Short label for the section path (folded: simplified, half-width). */
  label: string;
  /**
   * The label as the page writes it (堅定不移保穩定 on a traditional page): the page's own characters at
   * the label's folded offsets, so a mirror's pinyin residue (發(fā)展) stays out and full-width digits
   * stay half-width. The same as `label` when the page's original text was not given.
   */
  shown: string;
  inline: boolean;
  /** The heading ends with a sentence end or colon ("3.二〇三五年远景目标。"), so body follows on the same line. */
  terminated: boolean;
  domLevel?: number;
  titleYear?: number | null;
}

export interface SectionState {
  start: number;
  path: string[];
  /** The path as the page writes it (see HeadingHit.shown), for display; `path` is for comparing. */
  shown: string[];
  /** Full heading texts of the path, for cues the short labels drop. */
  texts: string[];
  mode: Mode;
  reportYear: number | null;
  /** Target year the section headings point to (2022年工作安排 → 2022, 今后五年 → report year + 4). */
  horizon: number | null;
  heading: HeadingHit | null;
}

export interface DomHeadingInput {
  /** Folded offset. */
  start: number;
  /** Folded heading text. */
  text: string;
  level: number;
  /**
   * The heading's own text folded (`fold.folded === text`), so its label can be shown as written. A DOM
   * heading's text is its element's, which need not match the page text at `start` unit for unit
   * (leading blanks, a nested block's line break), hence offsets of its own.
   */
  fold?: FoldedText;
}

const CN_ORD = '一二三四五六七八九十';
const SENT_END = new Set(['。', '!', '?', ';', ':', '！', '？', '；', '：']);
const COMMA = new Set([',', '、']);
const LABEL_MAX = 16;
const MAX_DEPTH = 8;
/** Words that close a section title; used to cut a title that runs into its body without punctuation. */
const TITLE_END = /回顾|成就|重点工作|主要工作|工作安排|目标任务|主要目标|预期目标|重点任务|自身建设|总体要求/g;

function cnOrdinal(s: string): number | null {
  const n = parseChineseAt(s, 0);
  return n && n.end === s.length ? n.value : null;
}

const ELLIPSIS = supplied('…', '…');
const SPACE = supplied(' ', ' ');
const BLANK = /\s/;

/** [from, to) without the blanks at either end (what String.prototype.trim removes). */
function trimmedBounds(s: string, from: number, to: number): [number, number] {
  while (from < to && BLANK.test(s[from]!)) from++;
  while (to > from && BLANK.test(s[to - 1]!)) to--;
  return [from, to];
}

/**
 * The label of the heading text s[from, to): up to its first comma or sentence end, trimmed, cut to
 * LABEL_MAX characters and …. It keeps the folded offset of each character (lib/text/sourced.ts) to be
 * shown in the page's script; worked out on offsets first, so a flattened page's megabyte-long line
 * costs no more than its label.
 */
function shortLabel(s: string, from: number, to: number): Sourced {
  for (let i = from; i < to; i++) {
    if (COMMA.has(s[i]!) || SENT_END.has(s[i]!)) {
      to = i;
      break;
    }
  }
  const [a, b] = trimmedBounds(s, from, to);
  return b - a > LABEL_MAX ? concat(sourcedSlice(s, a, a + LABEL_MAX), ELLIPSIS) : sourcedSlice(s, a, b);
}

/** The label for display, in the script of `page` (whose folded offsets the label's are), if given. */
function shown(label: Sourced, page: FoldedText | undefined): string {
  return page ? inPageScript(label, page) : label.text;
}

/** A heading hit's label fields. */
function labelled(label: Sourced, page: FoldedText | undefined): { label: string; shown: string } {
  return { label: label.text, shown: shown(label, page) };
}

/**
 * Heading text after a marker at `from`, up to the end of the heading: the whole line when the line is
 * short, else the first sentence end / colon, else the first comma, else a title word (…工作回顾) — the
 * last case is the run-on "三、2022年重点工作2022年，是新一届政府…".
 */
/** Cuts a title that runs into its body without punctuation after its last title word (…工作回顾|市十六届…). */
function trimRunOn(text: string): string {
  let t = text.replace(/各位代表$/, '');
  if (t.length >= 10) {
    let cut = -1;
    for (const m of t.matchAll(TITLE_END)) cut = m.index + m[0].length;
    if (cut >= 4 && cut < t.length) t = t.slice(0, cut);
  }
  return t.trim();
}

function headingText(s: string, from: number, lineEnd: number): { text: string; textStart: number; end: number; terminated: boolean } {
  // The title is cut at its end and trimmed, so it starts at the first non-blank after the marker.
  const textStart = trimmedBounds(s, from, lineEnd)[0];
  const limit = Math.min(lineEnd, from + 60);
  let comma = -1;
  let stop = -1;
  for (let i = from; i < limit; i++) {
    const ch = s[i]!;
    if (SENT_END.has(ch)) {
      stop = i;
      break;
    }
    if (comma < 0 && (ch === ',' || ch === '，')) comma = i;
  }
  // "一、做大做强实体经济。坚持…" and "3.二〇三五年远景目标。到…": the title is the whole first sentence.
  if (stop >= 0 && comma < 0 && stop - from <= 40) {
    const text = trimRunOn(s.slice(from, stop));
    return { text, textStart, end: text.length === stop - from ? stop + 1 : from + text.length, terminated: text.length === stop - from };
  }
  if (stop < 0 && comma < 0 && lineEnd - from <= 40) return { text: s.slice(from, lineEnd).trim(), textStart, end: lineEnd, terminated: true };
  const text = trimRunOn(comma >= 0 && comma - from <= 40 ? s.slice(from, comma) : s.slice(from, Math.min(limit, from + 40)));
  return { text, textStart, end: from + text.length, terminated: false };
}

interface Marker {
  style: string;
  ordinal: number | null;
  length: number;
}

/** A numbered marker at i: 一、 （一） 1. 1、 (1). */
function numberedMarker(s: string, i: number): Marker | null {
  const c = s[i];
  if (c === undefined) return null;
  if (CN_ORD.includes(c)) {
    let j = i;
    while (j < s.length && j - i < 3 && CN_ORD.includes(s[j]!)) j++;
    if (s[j] !== '、') return null;
    const n = cnOrdinal(s.slice(i, j));
    return n === null ? null : { style: 'cn', ordinal: n, length: j + 1 - i };
  }
  if (c === '(' || c === '（') {
    let j = i + 1;
    const digits = /[0-9]/.test(s[j] ?? '');
    while (j < s.length && j - i <= 3 && (digits ? /[0-9]/.test(s[j]!) : CN_ORD.includes(s[j]!))) j++;
    if (j === i + 1 || (s[j] !== ')' && s[j] !== '）')) return null;
    const body = s.slice(i + 1, j);
    const n = digits ? Number(body) : cnOrdinal(body);
    return n === null ? null : { style: digits ? 'par' : 'pcn', ordinal: n, length: j + 1 - i };
  }
  if (/[0-9]/.test(c)) {
    let j = i;
    while (j < s.length && j - i < 2 && /[0-9]/.test(s[j]!)) j++;
    const sep = s[j];
    if ((sep !== '.' && sep !== '、') || /[0-9]/.test(s[j + 1] ?? '') || s[j + 1] === '%') return null;
    return { style: 'ar', ordinal: Number(s.slice(i, j)), length: j + 1 - i };
  }
  return null;
}

/** 措施一：… / 路径5 / 第三章 … at the start of the line s[i, lineEnd) (i at its first non-blank). */
function wordOrdinalMarker(s: string, i: number, lineEnd: number): { style: string; ordinal: number; label: Sourced; textStart: number } | null {
  const line = s.slice(i, lineEnd);
  const ch = /^第([一二三四五六七八九十百0-9]{1,4})([章节篇编部分]{1,2})\s*/.exec(line);
  if (ch) {
    const n = /[0-9]/.test(ch[1]!) ? Number(ch[1]) : cnOrdinal(ch[1]!);
    if (n === null) return null;
    return { style: `ch:${ch[2]}`, ordinal: n, label: shortLabel(s, i, lineEnd), textStart: ch[0].length };
  }
  const ow = /^([\u4e00-\u9fff]{1,4}?)\s*([一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*(?:[:：]|$)/.exec(line);
  if (!ow || /[一二三四五六七八九十〇零两百千万第]/.test(ow[1]!) || line.length > 40) return null;
  const n = /[0-9]/.test(ow[2]!) ? Number(ow[2]) : cnOrdinal(ow[2]!);
  if (n === null) return null;
  // 措施 二： is labelled 措施二: the word and the ordinal, without the blanks between them (the only
  // thing between them, so the ordinal's first occurrence after the word is it).
  const at = i + line.indexOf(ow[2]!, ow[1]!.length);
  const label = concat(sourcedSlice(s, i, i + ow[1]!.length), sourcedSlice(s, at, at + ow[2]!.length));
  return { style: `ow:${ow[1]}`, ordinal: n, label, textStart: ow[0].length };
}

function isHanOnlyTitle(t: string): boolean {
  return t.length >= 2 && t.length <= 20 && /^[\u4e00-\u9fff“”"《》·\s]+$/.test(t);
}


/** A target-like value: a number with a percent, a multiplier or a measure (8%左右, 3万人, 50万吨). */
const VALUE = /[0-9](?:\.[0-9]+)?\s*(?:%|个百分点|[万亿千百]|[个家人户所套座公里亩吨元])/;

/**
 * An attachment after a document's body (公文 style): "附：2023年十件民生实事完成情况", "附件1：…", "附件2", "附表：…".
 * It is a section of its own, whatever numbered heading the body ended in, and says by its title what it
 * holds — last year's results (完成情况) are no targets of the notice before it. A download link of the page
 * (附件：…政府工作报告（全文）.pdf) names a file, not a section.
 */
const FILE_NAME = /\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|jpe?g|png)\s*$/i;
const ANNEX = /^附(?:件|表|录)?[ \t\u3000]*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})?[ \t\u3000]*(?:[:：][ \t\u3000]*|$)/;

/**
 * A bare date or a separator line ends an entry of a listing page (news item, report, news item…), so
 * the next entry must not inherit the previous report's sections. A separator is a rule of three or more
 * dashes: one or two (— / —— / -) alone on a line are a table's empty cell ("no value", one cell per line
 * in the page text) or a dash of prose, and must not reset the outline of the plan around the table.
 */
const ENTRY_END = /^(?:[-—–_=*·]{3,}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;

const INLINE = /[。!?;:][ \t\u3000]*(?=[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.、](?![0-9%])|[(（][0-9]{1,2}[)）])/g;

/**
 * Heading candidates of the text (not yet checked against the numbering sequence). `s` is the folded
 * page text or a copy with the same offsets (noise masked); `page`, its fold, gives each label as the
 * page writes it (HeadingHit.shown).
 */
export function detectHeadings(s: string, page?: FoldedText): HeadingHit[] {
  const hits: HeadingHit[] = [];
  // Lines, with a look-ahead to the next non-empty line for standalone titles.
  const lines: Array<{ start: number; end: number }> = [];
  for (let from = 0; from <= s.length; ) {
    const nl = s.indexOf('\n', from);
    const end = nl < 0 ? s.length : nl;
    lines.push({ start: from, end });
    if (nl < 0) break;
    from = nl + 1;
  }
  const nextNonEmptyLength = (k: number): number => {
    for (let m = k + 1; m < lines.length && m <= k + 4; m++) {
      const L = lines[m]!;
      const len = s.slice(L.start, L.end).trim().length;
      if (len) return len;
    }
    return 0;
  };
  for (let k = 0; k < lines.length; k++) {
    const { start: ls, end: le } = lines[k]!;
    let i = ls;
    while (i < le && /\s/.test(s[i]!)) i++;
    if (i >= le) continue;
    const raw = s.slice(i, le);
    const trimmed = raw.trim();
    let lineHit: HeadingHit | null = null;
    const ty = le - i <= 60 ? titleYear(raw) : null;
    if (ENTRY_END.test(trimmed)) {
      lineHit = { start: i, end: le, style: 'end', ordinal: null, text: '', label: '', shown: '', inline: false, terminated: true };
    } else if (ty !== null || (le - i <= 60 && planEndYear(trimmed) !== null && isTitleLine(trimmed))) {
      // A five-year plan's title names no year of its own ("…第十五个五年规划的建议") but is a title all the same.
      lineHit = { start: i, end: le, style: 'title', ordinal: null, text: trimmed, ...labelled(shortLabel(s, i, le), page), inline: false, terminated: true, titleYear: ty };
    } else if (ANNEX.test(trimmed) && le - i <= 40 && !/[,，。;；]/.test(trimmed) && !FILE_NAME.test(trimmed)) {
      const m = ANNEX.exec(trimmed)!;
      const rest = trimmedBounds(s, i + m[0].length, le);
      const label = rest[1] > rest[0] ? sourcedSlice(s, rest[0], rest[1]) : sourcedSlice(s, ...trimmedBounds(s, i, le));
      lineHit = { start: i, end: le, style: 'annex', ordinal: null, text: trimmed, ...labelled(label, page), inline: false, terminated: true };
    } else if (isKeywordHeadingLine(raw)) {
      const n = /\d+/.exec(raw);
      const [a, b] = trimmedBounds(s, i, le);
      const label = replace(sourcedSlice(s, a, b), /\s+/g, SPACE);
      lineHit = { start: i, end: le, style: 'kw', ordinal: n ? Number(n[0]) : null, text: trimmed, ...labelled(label, page), inline: false, terminated: true };
    } else {
      const nm = numberedMarker(s, i);
      if (nm) {
        const h = headingText(s, i + nm.length, le);
        // "1.地区生产总值增长8%左右；" alone on its line is an item of a list, not a heading: headings state no values.
        const item = VALUE.test(h.text) && !s.slice(h.end, le).replace(/^[;；,，。]/, '').trim();
        if (!item) {
          const label = shortLabel(s, h.textStart, h.textStart + h.text.length);
          lineHit = { start: i, end: h.end, style: nm.style, ordinal: nm.ordinal, text: h.text, ...labelled(label, page), inline: false, terminated: h.terminated };
        }
      } else {
        const wo = wordOrdinalMarker(s, i, le);
        if (wo) {
          const text = raw.slice(wo.textStart).trim();
          lineHit = { start: i, end: le, style: wo.style, ordinal: wo.ordinal, text: text || wo.label.text, ...labelled(wo.label, page), inline: false, terminated: true };
        } else if (isHanOnlyTitle(trimmed)) {
          const next = nextNonEmptyLength(k);
          if (next >= 30 && next >= 2 * trimmed.length) {
            lineHit = { start: i, end: le, style: 'line', ordinal: null, text: trimmed, ...labelled(shortLabel(s, i, le), page), inline: false, terminated: true };
          }
        }
      }
    }
    if (lineHit) hits.push(lineHit);
  }
  // Inline numbered headings after a sentence end: one pass over the whole text.
  const lineHitEnd = new Map<number, number>();
  for (const h of hits) lineHitEnd.set(s.lastIndexOf('\n', h.start - 1) + 1, h.end);
  INLINE.lastIndex = 0;
  // Line bounds are tracked forward so a megabyte without line breaks stays linear.
  let ls = 0;
  let le = s.indexOf('\n');
  if (le < 0) le = s.length;
  for (let m = INLINE.exec(s); m; m = INLINE.exec(s)) {
    const at = m.index + m[0].length;
    while (le < at && le < s.length) {
      ls = le + 1;
      le = s.indexOf('\n', ls);
      if (le < 0) le = s.length;
    }
    if (at < (lineHitEnd.get(ls) ?? -1)) continue;
    const nm = numberedMarker(s, at);
    if (!nm) continue;
    const h = headingText(s, at + nm.length, le);
    if (!h.text) continue;
    const label = shortLabel(s, h.textStart, h.textStart + h.text.length);
    hits.push({ start: at, end: h.end, style: nm.style, ordinal: nm.ordinal, text: h.text, ...labelled(label, page), inline: true, terminated: h.terminated });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}

const NOTES = /名词解释|名词注释|注释|附件|附录/;
/** A title that is a glossary of the report it names; not 附件 (a title may list its attachments). */
const NOTES_TITLE = /名词(?:解释|注释)|(?:术语|词语)(?:解释|释义)/;
/**
 * A statistical bulletin (2023年国民经济和社会发展统计公报) reports a year that is over, section after
 * section (一、综合 二、农业 …), in the words a plan uses too: 城镇调查失业率控制在5.5%以内, 粮食总产量连续十二年
 * 稳定在200万吨以上. Its year is the one it reports on, so 全年 and 2023年 in it look back, not ahead.
 */
const BULLETIN = /统计公报/;
const REVIEW = /回顾|成就|成绩|过去|总结|一年来|五年来/;
/**
 * How a past period is reported on: 计划执行情况, 预算执行情况, 目标完成情况, and a plan's opening chapter
 * 发展基础 ("十三五"时期…). Weaker than REVIEW: a heading that also names the years ahead
 * (2022年计划执行情况和2023年计划草案) is left to its sentences.
 */
const REVIEW_STATE = /(?:执行|完成|落实)情况|^(?:["“]?十[一二三四]五["”]?(?:时期|期间)?)?发展(?:基础|成就)(?:[和与及](?:发展)?(?:环境|形势))?$/;
/** A year told as a story (极不平凡的一年, 攻坚克难的五年), not the coming one (新的一年). */
const STORY_YEAR = /的(?:一|五)年$/;
const PLAN_STRONG = /今后|未来|今年|明年|安排|展望|十四五|十五五|远景/;
const PLAN = /目标|任务|要求|计划|建议|重点工作|主要工作|措施|草案|打算|思路/;
/**
 * Under a review heading, a sub-heading reopens the plan only if it names the time ahead outright:
 * 十四五 / 未来 / 今年 are also how achievements are titled ("十四五"实现良好开局, 未来产业加快布局).
 */
const FORWARD = /今后|明年|下一步|安排|展望|远景|草案/;

/**
 * Years of a heading that say when its content happens: not horizons (到2025年), baselines (比2020年,
 * 2020年基础上) nor the date of a dateline (——2023年1月10日在…会议上).
 */
function ownYears(text: string) {
  return findYears(text).filter(
    (y) => !/[到比较]/.test(text[y.start - 1] ?? '') && !/^(?:的)?(?:基础|水平)|^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月/.test(text.slice(y.end)),
  );
}

/** The numbering marker a DOM heading keeps (一、 （一） 1. 第一章): not part of what the heading says. */
const MARKER = /^\s*(?:第[一二三四五六七八九十百0-9]{1,4}[章节篇编部分]{1,2}|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、](?![0-9%]))\s*/;
const LIST_MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、](?![0-9%]))\s*/;

/** Length of the heading's marker: 0 for none, or when the marker is all there is; `chapters`: 第一章 too. */
function markerLength(text: string, chapters: boolean): number {
  const m = (chapters ? MARKER : LIST_MARKER).exec(text);
  return m && m[0].length < text.length ? m[0].length : 0;
}

/** The heading without its marker; `chapters`: 第一章 too (the path keeps it: "第一章 总体要求" names the chapter). */
export function stripMarker(text: string, chapters = true): string {
  return text.slice(markerLength(text, chapters));
}

/**
 * Review / plan / no opinion for one heading. A year before the report year marks a review
 * (一、2021年工作回顾, 2021年主要工作和五年发展成就, 2022年经济社会发展情况, 砥砺奋进的2022年) unless the
 * heading speaks of plans (2021年主要目标); the report year or later marks a plan.
 */
export function classifyHeading(heading: string, reportYear: number | null): { mode: Mode | null; strong: boolean } {
  const text = stripMarker(heading);
  if (NOTES.test(text)) return { mode: 'notes', strong: true };
  if (REVIEW.test(text) || BULLETIN.test(text)) return { mode: 'review', strong: true };
  const ys = ownYears(text);
  const ahead = reportYear !== null && ys.some((y) => y.year >= reportYear);
  if (REVIEW_STATE.test(text)) {
    const mixed = ys.some((y) => y.year > ys[0]!.year);
    return mixed ? { mode: null, strong: false } : { mode: 'review', strong: true };
  }
  if (reportYear !== null) {
    if (ahead) return { mode: 'plan', strong: true };
    if (ys.length && (/工作|情况/.test(text) || !(PLAN.test(text) || PLAN_STRONG.test(text)))) return { mode: 'review', strong: true };
  }
  if (STORY_YEAR.test(text) && !/新的|今年|明年|未来|今后/.test(text)) return { mode: 'review', strong: true };
  if (PLAN_STRONG.test(text)) return { mode: 'plan', strong: true };
  if (PLAN.test(text)) return { mode: 'plan', strong: false };
  return { mode: null, strong: false };
}

/**
 * How a review titles what was done without saying 回顾: 经济社会发展取得新成效, 改革开放实现新突破,
 * 民生事业取得显著进展. A plan titles its aims the same way (推动乡村振兴取得新进展), so this cue alone
 * decides nothing: it counts only before the report's plan part (see buildOutline).
 */
const ACHIEVED = /成效|成果|进展|突破|取得/;

/**
 * What a title says about everything under it: a report's 名词解释 holds definitions, a statistical bulletin
 * results; any other title says nothing about its opening paragraphs.
 */
function titleMode(title: string): Mode {
  if (NOTES_TITLE.test(title)) return 'notes';
  return BULLETIN.test(title) ? 'review' : 'unknown';
}

/**
 * An article about a report (一图读懂2024年政府工作报告, 数说…政府工作报告：今年这样干, 政府工作报告解读④丨…)
 * names the report in its title but keeps its own order: its topic sections (稳增长：项目为王) come before a
 * "2024年重点工作" part without being a review of the year before.
 */
const ABOUT_REPORT = /解读|图解|读懂|解析|问答|数说|数读|划重点|一图看|看点|热词/;

/** The kind of document a title names: a work report reviews before it plans; a plan's chapters all plan. */
function docKind(title: string | undefined): 'work-report' | 'plan' | null {
  if (!title) return null;
  if (/工作报告/.test(title)) return ABOUT_REPORT.test(title) ? null : 'work-report';
  if (/规划|纲要|建议/.test(title)) return 'plan';
  return null;
}

/** Whether a heading under a review section opens a plan part (see FORWARD). */
function reopensPlan(text: string, reportYear: number | null): boolean {
  return FORWARD.test(text) || (reportYear !== null && ownYears(text).some((y) => y.year >= reportYear));
}

interface Entry {
  hit: HeadingHit;
  mode: Mode;
  horizon: number | null;
}

/**
 * Builds section states from text heading candidates and DOM headings. Returns states sorted by
 * start; the first state (start 0) is the document root.
 */
export function buildOutline(textHits: HeadingHit[], dom: DomHeadingInput[], defaultYear: number | null): SectionState[] {
  const domHits: HeadingHit[] = dom.map((d) => {
    const [a, b] = trimmedBounds(d.text, 0, d.text.length);
    const text = d.text.slice(a, b);
    const ty = titleYear(text);
    const label = shortLabel(d.text, a + markerLength(text, false), b);
    return {
      start: d.start,
      end: d.start + d.text.length,
      style: ty !== null ? 'title' : 'dom',
      ordinal: null,
      text,
      // The path names a section by its title, as for text headings: "二、2023年工作安排" → 2023年工作安排.
      ...labelled(label, d.fold?.folded === d.text ? d.fold : undefined),
      inline: false,
      terminated: true,
      domLevel: d.level,
      titleYear: ty,
    };
  });
  // DOM headings win over text candidates on the same stretch of text.
  const inDom = (h: HeadingHit): boolean => domHits.some((d) => h.start >= d.start && h.start < d.end);
  const all = [...domHits, ...textHits.filter((h) => !inDom(h))].sort((a, b) => a.start - b.start);

  const states: SectionState[] = [{ start: 0, path: [], shown: [], texts: [], mode: 'unknown', reportYear: defaultYear, horizon: null, heading: null }];
  let stack: Entry[] = [];
  let reportYear = defaultYear;

  // Whether a later heading of the same level, before the next title or entry end, opens the plan part
  // (二、2025年工作安排, 三、今年主要目标). A work report reviews the past year before it plans the next,
  // so a top-level section before its plan part is a review even when its heading names no year and no
  // 回顾 ("一、攻坚克难、砥砺前行，经济社会发展取得新成效").
  const yearAt: Array<number | null> = [];
  for (let i = 0, y = defaultYear; i < all.length; i++) {
    const h = all[i]!;
    if (h.style === 'end') y = defaultYear;
    else if (h.style === 'title') y = h.titleYear ?? y;
    yearAt.push(y);
  }
  const planAhead: boolean[] = new Array<boolean>(all.length).fill(false);
  const seen = new Set<string>();
  const levelKey = (h: HeadingHit) => (h.style === 'dom' ? `dom${h.domLevel ?? 0}` : h.style);
  for (let i = all.length - 1; i >= 0; i--) {
    const h = all[i]!;
    if (h.style === 'end' || h.style === 'title') {
      seen.clear();
      continue;
    }
    planAhead[i] = seen.has(levelKey(h));
    const c = classifyHeading(h.text, yearAt[i]!);
    if (c.mode === 'plan' && c.strong) seen.add(levelKey(h));
  }
  let index = -1;
  let title: string | undefined;

  const push = (hit: HeadingHit): void => {
    // Real outlines are a few levels deep; a run of "一、一、一、" must not build a 10^5-deep path.
    if (stack.length >= MAX_DEPTH) stack.length = MAX_DEPTH - 1;
    const parent = stack[stack.length - 1];
    // A bulletin's review covers its own sections, not a report the page shows after it (a sidebar's
    // 统计公报 link above <h1>政府工作报告</h1>, a title without a year of its own).
    const otherDocument = parent?.hit.style === 'title' && parent.mode === 'review' && isTitleLine(hit.text);
    const parentMode: Mode = otherDocument ? 'unknown' : (parent?.mode ?? 'unknown');
    // A report title says nothing about the opening paragraphs under it — unless the page is the report's
    // 名词解释 (2025年政府工作报告名词解释) or a statistical bulletin (see titleMode).
    const own = hit.style === 'title' ? { mode: titleMode(hit.text), strong: true } : classifyHeading(hit.text, reportYear);
    let mode: Mode = own.mode ?? parentMode;
    // A heading with no cue of its own, before the plan part: in a work report any top-level section, in
    // other documents one that titles achievements. Never in a plan (规划, 纲要, 建议), whose chapters
    // before the tasks are guiding thoughts and aims; its 发展基础 is read by REVIEW_STATE.
    const kind = docKind(title) ?? docKind(stack[0]?.hit.text);
    if (own.mode === null && parentMode === 'unknown' && planAhead[index] && kind !== 'plan') {
      const topLevel = !parent || parent.hit.style === 'title' || (parent.hit.style === 'dom' && stack.length === 1 && docKind(parent.hit.text) !== null);
      if ((kind === 'work-report' && topLevel) || ACHIEVED.test(hit.text)) mode = 'review';
    }
    if (parentMode === 'review' && own.mode === 'plan' && !(own.strong && reopensPlan(hit.text, reportYear))) mode = 'review';
    // Inside 名词解释 every entry heading ("28."破零倍增"…") stays a definition.
    if (parentMode === 'notes') mode = 'notes';
    // A heading naming a five-year plan as a whole dates by the plan's end, before any year it states.
    const horizon = planEndYear(hit.text) ?? statedYear(hit.text, 0, hit.text.length, reportYear) ?? parent?.horizon ?? null;
    stack.push({ hit, mode, horizon });
    states.push({
      start: hit.start,
      path: stack.map((e) => e.hit.label).filter(Boolean),
      shown: stack.filter((e) => e.hit.label).map((e) => e.hit.shown),
      texts: stack.map((e) => e.hit.text),
      mode,
      reportYear,
      horizon,
      heading: hit,
    });
  };

  for (const hit of all) {
    index++;
    if (hit.style === 'end') {
      title = undefined;
      stack = [];
      reportYear = defaultYear;
      states.push({ start: hit.start, path: [], shown: [], texts: [], mode: 'unknown', reportYear, horizon: null, heading: null });
      continue;
    }
    if (hit.style === 'title') {
      title = hit.text;
      stack = [];
      reportYear = hit.titleYear ?? reportYear;
      push(hit);
      continue;
    }
    if (hit.style === 'annex') {
      // The body's outline ends at an attachment; the document's title still heads it. An attachment line
      // before any heading of the body is the page's list of downloads, whose headings are no annex's.
      if (!stack.some((e) => e.hit.style !== 'title')) continue;
      while (stack.length && stack[stack.length - 1]!.hit.style !== 'title') stack.pop();
      push(hit);
      continue;
    }
    if (hit.style === 'dom') {
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.hit.style === 'title') break;
        if (top.hit.style === 'dom' && (top.hit.domLevel ?? 0) < (hit.domLevel ?? 0)) break;
        stack.pop();
      }
      push(hit);
      continue;
    }
    const numbered = hit.ordinal !== null;
    let k = -1;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.hit.style === hit.style) {
        k = i;
        break;
      }
    }
    if (k < 0) {
      // A new numbering style opens a sub-list; inline it must start at 1 to be believed.
      if (hit.inline && numbered && hit.ordinal !== 1) continue;
      push(hit);
      continue;
    }
    if (!numbered) {
      stack.length = k;
      push(hit);
      continue;
    }
    // Continue an outer list of the same style (三、 after the 五、 of a nested list).
    let outer = -1;
    for (let i = k - 1; i >= 0; i--) {
      const e = stack[i]!;
      if (e.hit.style === hit.style && hit.ordinal === (e.hit.ordinal ?? 0) + 1) {
        outer = i;
        break;
      }
    }
    // Both lists could continue ("三、" after "二、…一、二、"): a report-level title (2022年主要工作,
    // 政府自身建设) belongs to the outer list.
    const reportLevel = outer >= 0 && (new RegExp(TITLE_END.source).test(hit.text) || /(?:19|20)\d\d年/.test(hit.text));
    if (hit.ordinal === (stack[k]!.hit.ordinal ?? 0) + 1 && !reportLevel) {
      stack.length = k;
      push(hit);
      continue;
    }
    if (hit.ordinal === 1) {
      push(hit);
      continue;
    }
    if (outer >= 0) {
      stack.length = outer;
      push(hit);
      continue;
    }
    if (hit.inline) continue;
    stack.length = k;
    push(hit);
  }
  return states;
}

/** Forward-only lookup of the section state at increasing positions. */
export class SectionCursor {
  private i = 0;
  constructor(private readonly states: SectionState[]) {}
  at(pos: number): SectionState {
    while (this.i + 1 < this.states.length && this.states[this.i + 1]!.start <= pos) this.i++;
    return this.states[this.i]!;
  }
  /** Start of the next section after pos (or Infinity). */
  nextStart(pos: number): number {
    for (let j = this.i; j < this.states.length; j++) if (this.states[j]!.start > pos) return this.states[j]!.start;
    return Infinity;
  }
}

/** Formats a section path short: at most the first and the last two levels. */
export function formatPath(path: string[]): string {
  const p = path.length > 3 ? [path[0]!, ...path.slice(-2)] : path;
  return p.join(' › ');
}
