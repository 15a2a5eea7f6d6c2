/**
 * Target extraction: one pass over the sentences of the folded text.
 *
 *  - Review sections (工作回顾, 过去五年 …, see sections.ts) are skipped whole: their numbers are
 *    achievements, however target-like they read ("城镇登记失业率控制在4.5%以内").
 *  - A list intro (主要预期目标是： / 主要目标是： / 主要预期目标 directly followed by the first item)
 *    opens a region up to 围绕上述目标 / 以下…工作 / 各位代表 / the next heading / the paragraph end;
 *    every value in it is a target, trigger words or not ('main' for the year's list, 'other' for
 *    five-year lists). A heading that names the list (【主要预期目标】) opens one the same way, and on a
 *    <place><year>目标任务 page (yearList) the year's values are 'main' without either.
 *  - Elsewhere a value needs a trigger (a qualifier 以上/左右/以内, a hedge 确保/力争/争取/拟 before it, a
 *    target verb 控制在/突破/达到 …, or in a plan section a percentage with 增长/下降 …) and no past cue.
 *    A plan's count of work (新建5G基站200个, 改造老旧小区120个) needs none: a plan section, or a sentence
 *    that says it is ahead, makes it one (plannedCount).
 *  - The same target said again in one report is kept once; a change against last year that only
 *    restates the value before it (…4%左右安排，比上年提高1个百分点) is none.
 *  - Goal statements without numbers come from "目标：" lines, "奋斗目标是：" intros and
 *    "…远景目标。" headings (goals.ts).
 *  - A plan's 主要指标 table gives a target per row and column ahead (indicator-table.ts); its rows are
 *    read there only, not as sentences.
 */
import { isLibraryValue, isLibraryYear } from '../ranges';
import type { Heading, Target, TargetKind } from '../types';
import { foldChars, foldText, toOriginalSpan, type FoldedText } from '../text/normalize';
import { toneSyllableLength } from '../text/pinyin';
import { inPageScript, removeRuns, sourcedSlice, type Sourced } from '../text/sourced';
import { joinWrappedLines, maskNoise } from './noise';
import { rejoinFolded, wrapCuts } from '../text/rejoin';
import { splitSentences, isClauseBreak, type Span } from './sentences';
import { buildOutline, detectHeadings, formatPath, SectionCursor, type HeadingHit, type SectionState } from './sections';
import { detectReportYear, findYears, isBaseYear, opensSpan, statedYear, type YearMention } from './years';
import { BARE_ACTION, parseItems, PER_CAPITA_BASE, type ValueItem } from './clauses';
import { indicatorKey } from './indicator';
import { findIndicatorTables, type IndicatorTable } from './indicator-table';
import { BULLET, GOAL_LABEL, INTRO, goalDirection, goalIndicator, goalText } from './goals';
import { asideAt, blankAsides, cueWithoutModal, findAsides, isPastText, lastTime, looksAhead, ParagraphTense, PRESENT, timeBefore, timeMarks, type TimeMark } from './tense';

export interface ExtractInput {
  text: string;
  headings?: Heading[];
  year?: number | null;
  /** `text` already folded (foldText(text)), so the caller's fold is not done a second time. */
  folded?: FoldedText;
  /**
   * The page is itself the list of the year's targets (a <place><year>目标任务 page, lib/detect/report): its
   * values for the report's year are that year's main targets, as the items of a 主要预期目标 list are,
   * though no intro sentence says so — the title does. Values for other years stay 'other'.
   */
  yearList?: boolean;
}

/** A sentence's own facts, with its asides blanked (see acceptItem). */
interface SentenceFacts {
  start: number;
  reportYear: number | null;
  text: string;
  /** isPastText of the sentence, by whether the text counts as planned. */
  past: Map<boolean, boolean>;
  marks: TimeMark[] | null;
  pastYear: boolean | null;
}

interface Region {
  start: number;
  end: number;
  kind: TargetKind;
  hedge: string;
  year: number | null;
}

/**
 * Weaker past cues, trusted only where no heading says review or plan. A plan forecasts (预计全年…增长6%左右),
 * counts to a date (截至2027年底) and sets firsts (力争…首次突破3000亿元); there the time named last before
 * the value decides — "2024年，全市粮食总产量达到62万吨以上", "截至2024年底，…", "由2020年的3500亿元增加到
 * 2024年的4300亿元" look back under a 工作安排 heading, "比2020年翻一番", "到2027年", "2024年…，2025年力争…"
 * and "2023年全市新建5G基站2000个，今年新建1500个以上" do not (tense.ts, timeBefore) — and 以来 is read up
 * to the value (SINCE). 首次 after a hedge or a modal is a target anywhere.
 * Achievements (先后, 获评, 荣获) are past cues everywhere (tense.ts).
 */
const PAST_WEAK = /预计|截至|截止|以来/;
const FIRST_TIME = /首次/g;
const MULTI_YEAR = /今后|未来|十四五|十五五|远景|到(?:20|19)\d\d年|二〇三五/;
const REGION_END = /上述目标|以下[^。]{0,12}?(?:工作|方面)|各位代表/;
const REGION_MAX = 3000;
/**
 * Longest `sentence` a target keeps whole. The sentence is display context (the library's quote, the
 * popup's tooltip), and a report written without full stops gives sentences thousands of characters
 * long, which the background refuses (lib/messaging/validate.ts, 5,000) — and with one such target,
 * every target of the page. A longer sentence is cut to a window of this size around the target's own
 * clause, each cut marked with ….
 */
export const MAX_SENTENCE = 1000;
const CUT = '…';
/** A real sentence names its list once; more intros than this are noise. */
const MAX_INTROS = 4;

function foldedIndexOf(f: FoldedText, orig: number): number {
  // First folded index whose original offset is >= orig.
  let lo = 0;
  let hi = f.toOriginal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.toOriginal[mid]! < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Hedges as words: 预期 in 人均预期寿命, 预期性 (指标) or 预期收益 is part of a name, not the hedge. 拟 is the
 * budget's: a report proposes the year's fiscal figures to the congress (赤字率拟按4%左右安排, 拟发行超长期特别
 * 国债1.3万亿元, 拟安排地方政府专项债券4.4万亿元) — planned figures for the year, set as firmly as 预期 sets the
 * growth rate, so they are targets ('other': they are not in the 主要预期目标 list). Not 模拟, 虚拟, 草拟, 比拟, 拟人,
 * 拟定 (drafting), 拟合.
 */
const HEDGE_WORD = /确保|力争|争取|预期(?!寿命|性|收益|效果|管理|转弱)|(?<![模虚草比])拟(?![人定合态稿])/g;

function lastHedge(s: string, from: number, to: number): string {
  let word = '';
  const seg = s.slice(from, to);
  HEDGE_WORD.lastIndex = 0;
  for (let m = HEDGE_WORD.exec(seg); m; m = HEDGE_WORD.exec(seg)) word = m[0];
  return word;
}

/** Whether y, a year in the text, places what follows before the report's year. */
function pastYear(s: string, y: YearMention, reportYear: number): boolean {
  return y.year < reportYear && !isBaseYear(s, y) && !opensSpan(s, y);
}

/** A past year anywhere in s[from, to) (where nothing says plan, any such year makes the sentence a report). */
function hasPastYear(s: string, from: number, to: number, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  return findYears(s, from, to).some((y) => pastYear(s, y, reportYear));
}


/**
 * A condition, a risk or a forecast, not a target: 如果外部环境进一步恶化，…增速可能回落至4%左右;
 * 全年基建投资增速有望回升至8%至10%. 尽可能 (as far as possible) is effort, and 可能性 a noun.
 */
const CONDITIONAL = /如果|假如|倘若|如若|一旦|若(?:是|遇|出现|发生)|(?<!尽)可能(?!性)|有望/;

/**
 * An average change over years (年均增长12%) is a target for a period, not for the report's year: under a
 * heading that names both ("未来五年总体要求和2022年重点工作") it is the period's. Not a yearly mean in a name
 * (地表水考核断面水质年均值).
 */
const AVERAGED = /年(?:均|平均)(?:增长|增速|增幅|提高|提升|下降|降低|递增|递减|增加|减少)/;

/**
 * The end of the period an average is over, when the sentence or its section names one: 今后三年 →
 * three years from the report's, a five-year plan's horizon, 未来五年; null under a one-year plan
 * (2023年工作安排), where an average is that year's target.
 */
function periodEnd(st: SectionState, sentence: string): number | null {
  for (const t of [sentence, ...st.texts]) {
    const n = YEARS_AHEAD.exec(t);
    if (n && st.reportYear !== null) {
      const years = parseChineseCount(n[1]!);
      if (years !== null && years > 1) return st.reportYear + years - 1;
    }
  }
  if (st.horizon !== null && st.reportYear !== null && st.horizon > st.reportYear) return st.horizon;
  return null;
}
const YEARS_AHEAD = /(?:今后|未来|此后)([0-9一二三四五六七八九十两]{1,2})年/;

function parseChineseCount(t: string): number | null {
  if (/^[0-9]+$/.test(t)) return Number(t);
  const digits = '一二三四五六七八九';
  if (t === '两') return 2;
  if (t === '十') return 10;
  if (t.length === 1) return digits.indexOf(t) + 1 || null;
  if (t[0] === '十') return 10 + (digits.indexOf(t[1]!) + 1);
  return null;
}

/** Two lists of targets, each in the order of the text, as one. */
function inTextOrder(a: Target[], b: Target[]): Target[] {
  const out: Target[] = [];
  let j = 0;
  for (const t of a) {
    while (j < b.length && b[j]!.start < t.start) out.push(b[j++]!);
    out.push(t);
  }
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** A heading that is the name of the year's list of targets, and nothing else (not …预期目标完成情况). */
const LIST_HEADING = /(?:主要)?预期目标[】\]」』]?$/;

/** The growth an intro's 预期目标 belongs to (经济增长预期目标, GDP增速目标): one indicator's goal, not a list. */
const ONE_GOAL = /(?:增长|增速)$/;

/** A clause that is only a time ahead (到2027年, 至二〇三〇年底): it dates the clauses after it. */
const LIST_TIME = /(?:^|[,，:：])\s*(?:到|至)(?:(?:20|19)[0-9]{2}|[〇零一二三四五六七八九]{4})年(?:底|末)?\s*[,，]/;

/** Units of a rate or a multiple, which a plan's verb alone makes a target (see acceptItem). */
const RATE_UNIT = /^(?:%|‰|个百分点|倍)$/;

/** A date the work is due by (年底前, 年内, 6月底前): what follows it is to be done. */
const DEADLINE = /年底前|年内|月底前|底前|之前完成/;
/** A sentence's opening clause that is only the present: 截至目前， 到目前为止， 目前， (not 当前, which opens calls to action). */
const PRESENT_OPENING = /^[\s]*(?:(?:截至|截止|到)目前(?:为止)?|目前)\s*[,，]/;

/** 以来 looks back from now ("十四五"以来, 今年以来, 党的二十大以来), unless it names a base (…以来的基础上). */
const SINCE = /以来(?!的?基础)/;

export function extractTargets(input: ExtractInput): Target[] {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (!text.trim()) return [];
  const f0 = input.folded?.original === text ? input.folded : foldText(text);
  const masked0 = maskNoise(f0.folded);
  const domInput = (Array.isArray(input.headings) ? input.headings : []).filter(
    (h) => h && typeof h.text === 'string' && Number.isFinite(h.start) && h.start >= 0 && h.start < text.length,
  );
  const hits0 = detectHeadings(masked0, f0);
  // Hard-wrapped text (a PDF's or a Word file's lines, page numbers and running headers between pages) is read
  // with its wraps and furniture left out (lib/text/rejoin); `f` leads every character back to the page text,
  // so spans and names are in the page's offsets as before. Heading lines are never joined.
  // A heading whose line goes on with its body ("（一）扩大有效投资。全年实施…") keeps apart from the line before it
  // only: its body may wrap like any paragraph.
  const headingStarts = new Set<number>();
  const wholeLines = new Set<number>();
  for (const h of hits0) {
    if (h.inline) continue;
    const ls = f0.toOriginal[masked0.lastIndexOf('\n', h.start - 1) + 1]!;
    headingStarts.add(ls);
    let le = masked0.indexOf('\n', h.end);
    if (le < 0) le = masked0.length;
    if (!masked0.slice(h.end, le).trim()) wholeLines.add(ls);
  }
  for (const h of domInput) {
    const ls = text.lastIndexOf('\n', h.start - 1) + 1;
    headingStarts.add(ls);
    wholeLines.add(ls);
  }
  const wrap = wrapCuts(text, (ls, before) => (before ? wholeLines : headingStarts).has(ls));
  const joined = wrap.cuts.length ? rejoinFolded(f0, masked0, wrap.cuts) : null;
  const f = joined ? joined.folded : f0;
  const masked = joined ? joined.masked : masked0;
  const cutAt = (i: number): boolean => joined !== null && i < joined.fromFolded.length - 1 && joined.fromFolded[i] === joined.fromFolded[i + 1];
  const hits = joined
    ? hits0.filter((h) => !cutAt(h.start)).map((h) => ({ ...h, start: joined.fromFolded[h.start]!, end: joined.fromFolded[h.end]! }))
    : hits0;
  const defaultYear = typeof input.year === 'number' ? input.year : detectReportYear(masked);

  const dom = domInput
    // A heading guessed on page furniture (a running header) is gone with it.
    .filter((h) => !joined || !cutAt(foldedIndexOf(f0, h.start)))
    // Folded as the page text is (pinyin residue 发(fā)展 dropped), so the section path reads like the text;
    // the fold is kept to show the label in the heading's own characters.
    .map((h) => {
      const fold = foldText(h.text);
      return { start: foldedIndexOf(f, h.start), text: fold.folded, level: h.level, fold };
    });
  // Hard-wrapped sentences read as one (same offsets); heading lines keep their breaks.
  const headingLines = new Set<number>();
  for (const h of [...hits, ...dom]) if (!('inline' in h && h.inline)) headingLines.add(masked.lastIndexOf('\n', h.start - 1) + 1);
  const s = joinWrappedLines(masked, headingLines);
  // The text with its bracketed asides blanked, for the tense around them: "增长6%左右（上年为5.2%）".
  const asides = findAsides(s);
  const bare = blankAsides(s, asides);
  let facts: SentenceFacts | null = null;
  const sentenceFacts = (sent: Span, reportYear: number | null): SentenceFacts => {
    if (facts?.start !== sent.start || facts.reportYear !== reportYear) {
      facts = { start: sent.start, reportYear, text: bare.slice(sent.start, sent.end), past: new Map(), marks: null, pastYear: null };
    }
    return facts;
  };
  const states = buildOutline(hits, dom, defaultYear);
  const breaks = states.filter((st) => st.heading?.inline).map((st) => st.start);
  const sentences = splitSentences(s, breaks);
  const cursor = new SectionCursor(states);

  const out: Target[] = [];
  // Tables are read before joinWrappedLines, which may join a table's short rows as a wrapped sentence.
  const tables = findIndicatorTables(masked, defaultYear);
  let tableAt = 0;
  let region: Region | null = null;
  let bulletGoals: { year: number | null } | null = null;
  /** The list heading whose list was read (see LIST_HEADING). */
  let listHeadingAt = -1;
  const paragraph = new ParagraphTense();
  /** The sentence follows a review frame in its paragraph (报告回顾了过去一年的工作。全市…). */
  let framed = false;
  /** The year a time clause opening a ；-list gives its members (see LIST_TIME), on its line. */
  let listYear: { year: number; line: number } | null = null;
  let carriedYear: number | null = null;
  let lineStart = 0;
  let nextNl = s.indexOf('\n');
  if (nextNl < 0) nextNl = s.length;

  /** The sentence, or a window of it around `own` (folded offsets; empty for a goal, which is the sentence from its start). */
  const spanOf = (sent: Span, own: Span = { start: sent.start, end: sent.start }): { sentence: string; start: number; end: number } => {
    const o = toOriginalSpan(f, sent.start, sent.end);
    if (o.end - o.start <= MAX_SENTENCE) return { sentence: text.slice(o.start, o.end), start: o.start, end: o.end };
    const a = own.end > own.start ? toOriginalSpan(f, own.start, own.end) : { start: o.start, end: o.start };
    return sentenceWindow(text, o.start, o.end, a.start, a.end);
  };

  /**
   * The name as the page writes it (地區生產總值 on a traditional page), keyed by its folded form so
   * both scripts group as one indicator. The fold drops pinyin residue after a Han character; residue
   * after a byte the mirror mangled (緦崿F(xiàn)治理體系) is still in the folded text and goes here.
   */
  const named = (raw: Sourced, sent: Span): Pick<Target, 'indicator' | 'indicatorKey'> => {
    const name = removeRuns(raw, toneSyllableLength);
    const o = toOriginalSpan(f, sent.start, sent.end);
    return { indicator: inPageScript(name, f, text.slice(o.start, o.end)), indicatorKey: indicatorKey(name.text) };
  };

  const pushGoal = (sent: Span, raw: Sourced, st: SectionState, yearHint: number | null): void => {
    const goal = goalText(raw);
    if (goal.text.length < 4 || /\d/.test(goal.text)) return;
    out.push({
      kind: 'goal',
      ...named(goalIndicator(goal), sent),
      value: null,
      valueMax: null,
      unit: '',
      qualifier: '',
      direction: goalDirection(goal.text),
      hedge: '目标',
      year: statedYear(s, sent.start, sent.end, st.reportYear) ?? yearHint ?? st.horizon ?? st.reportYear,
      section: formatPath(st.shown),
      ...spanOf(sent),
    });
  };

  const regionEnd = (from: number): number => {
    let end = Math.min(s.length, from + REGION_MAX);
    const nl = listLinesEnd(s, from, end);
    if (nl >= 0 && nl < end) end = nl;
    const nextHeading = cursor.nextStart(from);
    if (nextHeading < end) end = nextHeading;
    const m = REGION_END.exec(s.slice(from, end));
    if (m) end = from + m.index;
    return end;
  };

  for (const sent of sentences) {
    while (tableAt < tables.length && tables[tableAt]!.end <= sent.start) tableAt++;
    if (tableAt < tables.length && sent.start >= tables[tableAt]!.start) continue;
    while (nextNl < sent.start) {
      lineStart = nextNl + 1;
      nextNl = s.indexOf('\n', lineStart);
      if (nextNl < 0) nextNl = s.length;
    }
    const st = cursor.at(sent.start);
    if (region && sent.start >= region.end) region = null;
    // A heading that names the list (【主要预期目标】, 2025年主要预期目标) introduces it as "主要预期目标是：" does:
    // a 图解 or a 目标篇 puts each target on its own line under it, with no intro sentence.
    // Once per heading, up to where an intro's list would end (围绕上述目标…): the work after the list in the
    // same section is not the list's.
    const h0 = st.heading;
    if (!region && h0 && h0.start !== listHeadingAt && st.mode !== 'review' && sent.start >= h0.end && LIST_HEADING.test(h0.text)) {
      listHeadingAt = h0.start;
      const until = Math.min(cursor.nextStart(sent.start), sent.start + REGION_MAX);
      const stop = REGION_END.exec(s.slice(sent.start, until));
      region = {
        start: sent.start,
        end: stop ? sent.start + stop.index : until,
        kind: 'main',
        hedge: '预期',
        year: statedYear(h0.text, 0, h0.text.length, st.reportYear) ?? st.reportYear,
      };
    }
    if (st.mode === 'review' || st.mode === 'notes') {
      region = null;
      bulletGoals = null;
      continue;
    }
    const sentText = s.slice(sent.start, sent.end);
    if (listYear && listYear.line !== lineStart) listYear = null;
    carriedYear = listYear?.year ?? null;
    framed = paragraph.read(sentText, lineStart, st, { reportYear: st.reportYear, planned: st.mode === 'plan' });
    let k = sent.start;
    while (k > lineStart && /\s/.test(s[k - 1]!)) k--;
    const atLineStart = k === lineStart;
    const intros: Array<{ word: string; explicit: boolean; start: number; end: number }> = [];
    if (sentText.includes('目标')) {
      INTRO.lastIndex = 0;
      for (let m = INTRO.exec(sentText); m && intros.length < MAX_INTROS; m = INTRO.exec(sentText)) {
        const explicit = m[2] !== undefined;
        if (!explicit && !/预期|主要/.test(m[1]!)) continue;
        // "经济增长预期目标定为5%左右": the goal of one named indicator, said again to give its reasons — its
        // value is that indicator's, not the first of a list.
        if (!/主要/.test(m[1]!) && ONE_GOAL.test(sentText.slice(Math.max(0, m.index - 4), m.index))) continue;
        intros.push({ word: m[1]!, explicit, start: sent.start + m.index, end: sent.start + m.index + m[0].length });
      }
    }
    const items = parseItems(s, sent.start, sent.end, intros.map((x) => x.end));
    let goalDone = false;

    // Goals: bullets under "…以下主要目标。", sentences under a "…远景目标。" heading, "目标：" lines.
    if (bulletGoals && atLineStart) {
      if (BULLET.test(sentText)) {
        pushGoal(sent, sourcedSlice(s, sent.start, sent.end), st, bulletGoals.year);
        goalDone = true;
      } else bulletGoals = null;
    }
    const h = st.heading;
    if (!goalDone && h && h.terminated && /目标$/.test(h.text) && sent.start >= h.end && headingBody(s, h, lineStart, sentText)) {
      const yearHint = statedYear(h.text, 0, h.text.length, st.reportYear);
      if (BULLETS_INTRO.test(sentText)) bulletGoals = { year: yearHint };
      else if (!items.length) pushGoal(sent, sourcedSlice(s, sent.start, sent.end), st, yearHint);
      goalDone = true;
    }
    if (!goalDone && atLineStart && GOAL_LABEL.test(sentText) && !items.length) {
      pushGoal(sent, sourcedSlice(s, sent.start, sent.end), st, null);
      goalDone = true;
    }

    // List intros.
    for (const { word, explicit, start: introStart, end: introEnd } of intros) {
      let firstClauseEnd = introEnd;
      while (firstClauseEnd < sent.end && !isClauseBreak(s[firstClauseEnd])) firstClauseEnd++;
      const firstHasValue = items.some((it) => it.q.start >= introEnd && it.q.start < firstClauseEnd && it.unit);
      if (!explicit && !firstHasValue) continue;
      if (explicit && !firstHasValue && !goalDone && !/预期/.test(word)) {
        pushGoal(sent, sourcedSlice(s, introEnd, sent.end), st, statedYear(s, sent.start, introEnd, st.reportYear));
        goalDone = true;
      }
      const prefix = s.slice(sent.start, introEnd);
      // "去年的主要预期目标是：…" and, in a report of 2024, "2023年全市的主要预期目标是：…" recall last year's list.
      // The intro's own clause says whose list it is: 对照2022年目标任务，主要预期目标是：… is this year's.
      let introClause = introStart;
      while (introClause > sent.start && !isClauseBreak(s[introClause - 1])) introClause--;
      if (isPastText(prefix, { reportYear: st.reportYear, planned: true }) || timeBefore(s, introClause, introEnd, st.reportYear) === 'past') continue;
      const multiYear =
        !/预期/.test(word) &&
        (MULTI_YEAR.test(prefix) || /奋斗|远景/.test(word) || st.texts.some((t) => MULTI_YEAR.test(t) && !/(?:20|19)\d\d年/.test(t)));
      const kind: TargetKind = /预期/.test(word) || !multiYear ? 'main' : 'other';
      const stated = statedYear(s, sent.start, introEnd, st.reportYear);
      region = {
        start: introEnd,
        end: regionEnd(introEnd),
        kind,
        hedge: /预期/.test(word) ? '预期' : '目标',
        year: kind === 'main' ? stated ?? st.reportYear ?? st.horizon : stated ?? st.horizon ?? (st.reportYear !== null ? st.reportYear + 4 : null),
      };
      break;
    }

    for (const it of items) {
      // A sentence running into a table from the line above it (a caption without a full stop).
      if (tables.some((tb) => it.q.start >= tb.start && it.q.start < tb.end)) continue;
      const t = acceptItem(it, sent, sentText, st, region, items);
      // The target's own span: its clause (indicator, verb, value), or the value alone in a clause
      // that is itself too long to show.
      const own = it.clauseEnd - it.clauseStart <= MAX_SENTENCE ? { start: it.clauseStart, end: it.clauseEnd } : { start: it.q.start, end: it.q.end };
      if (t) out.push({ ...t, section: formatPath(st.shown), ...spanOf(sent, own) });
    }
    // "到2027年，A增长25%以上；B超过90%；C增长45%。": the members after the first ； are sentences of their own,
    // and the time clause that opens the list is still theirs, up to the list's end (。 or the line's).
    if (/;\s*$/.test(sentText)) {
      const time = LIST_TIME.exec(sentText);
      const y = time ? statedYear(sentText, time.index, time.index + time[0].length, null) : null;
      if (y !== null) listYear = { year: y, line: lineStart };
    } else listYear = null;
  }
  if (input.yearList === true && defaultYear !== null) {
    for (const t of out) if (t.kind === 'other' && t.year === defaultYear) t.kind = 'main';
  }
  return withinLibraryRanges(withoutRestatements(tables.length ? inTextOrder(out, tableTargets(tables, new SectionCursor(states))) : out));

  /** The tables' targets, in the section they sit in, under the table's caption (专栏1　…主要指标). */
  function tableTargets(found: IndicatorTable[], sections: SectionCursor): Target[] {
    const list: Target[] = [];
    for (const table of found) {
      const st = sections.at(table.start);
      if (st.mode === 'review' || st.mode === 'notes') continue;
      const path = [...st.shown];
      if (table.caption) {
        // Written as the section labels are: the page's Han characters, folded blanks and digits.
        const caption = inPageScript(sourcedSlice(masked, table.caption.start, table.caption.end), f);
        if (foldChars(caption) !== foldChars(path[path.length - 1] ?? '')) path.push(caption);
      }
      for (const t of table.targets) {
        const row = { start: t.start, end: t.end };
        list.push({
          kind: t.kind === 'goal' ? 'goal' : t.year === (st.reportYear ?? defaultYear) ? 'main' : 'other',
          ...named(t.indicator, row),
          value: t.value,
          valueMax: t.valueMax,
          unit: t.unit,
          qualifier: t.qualifier,
          direction: t.direction,
          hedge: t.hedge,
          year: t.year,
          section: formatPath(path),
          ...spanOf(row),
        });
      }
    }
    return list;
  }

  function acceptItem(
    it: ValueItem,
    sent: Span,
    sentText: string,
    st: SectionState,
    reg: Region | null,
    all: readonly ValueItem[],
  ): Omit<Target, 'section' | 'sentence' | 'start' | 'end'> | null {
    // A bare number needs its qualifier ("新增市场主体6200以上" lost its 户 on a mirror site).
    // A name that is only an action (新建, 再改造) with nothing counted before it to take its object from (clauses.ts)
    // names no statistic: 新建|50亿元以上 would file the figure under a verb.
    if ((!it.unit && !it.qualifier) || !it.indicator.text || BARE_ACTION.test(it.indicator.text)) return null;
    if (restatesChange(it, all, s)) return null;
    const q = it.q;
    const inRegion = reg !== null && q.start >= reg.start && q.start < reg.end;
    // "今年目标增长4.5%", "2026年目标为3.5万人以上": a clause that only says its value is the target is as firm as 预期.
    const hedge = lastHedge(sentText, 0, q.start - sent.start) || (TARGET_CLAUSE.test(s.slice(it.clauseStart, q.start)) ? '目标' : '');
    // A value glued to the following word needs an explicit marker (missing punctuation in
    // "…62万吨以上居安思危…"), or "55人以上大班额" would read as a target.
    if (!it.followOk && !(hedge && (it.qualifier || it.targetVerb)) && !(it.qualifier && it.targetVerb)) return null;
    // Tense is a property of the sentence: "…达1656.9亿元，同比增长2.2%" is past from 同比 on. In a main-target
    // list it is one of each item's clause: "…，单位地区生产总值能耗比上年下降3%" names a base, and one
    // clause that looks back ("已纳入…") does not make the list's other items achievements.
    if (framed && !inRegion) return null;
    const tense = { reportYear: st.reportYear, planned: inRegion || st.mode === 'plan' };
    if (CONDITIONAL.test(s.slice(inRegion ? it.clauseStart : sent.start, it.clauseEnd))) return null;
    // A value in an aside is as past as its aside ("（上年为5.2%）"); elsewhere asides are left out of the
    // tense, which is the clause's: 上年 in "增长6%左右（上年为5.2%）" is not the 6%'s.
    const aside = asideAt(asides, q.start);
    if (aside && isPastText(s.slice(aside.start + 1, aside.end - 1), tense)) return null;
    const T = aside ? s : bare;
    // What is the sentence's alone (its tense, the times it names, a past year in it) is worked out once
    // for all its values: a report without full stops gives sentences of thousands of values.
    const m = aside ? null : sentenceFacts(sent, st.reportYear);
    const timeIn = (from: number, to: number) => (m ? lastTime((m.marks ??= timeMarks(bare, sent.start, sent.end, st.reportYear)), from, to) : timeBefore(T, from, to, st.reportYear));
    const sentencePast = (): boolean => {
      if (!m) return isPastText(T.slice(sent.start, sent.end), tense);
      let past = m.past.get(tense.planned);
      if (past === undefined) m.past.set(tense.planned, (past = isPastText(m.text, tense)));
      return past;
    };
    const clause = T.slice(it.clauseStart, it.clauseEnd);
    if (PRESENT.test(T.slice(it.clauseStart, q.start))) return null;
    // "截至目前，全市5G基站达到8000个": a sentence opened by the present alone states what there is, in every clause
    // after it, unless what follows looks ahead (目前，…，今年新建1500个以上; …，年底前建成3个口袋公园).
    if (!inRegion && it.clauseStart > sent.start) {
      const opening = PRESENT_OPENING.exec(T.slice(sent.start, it.clauseStart));
      if (opening && timeIn(sent.start, q.start) !== 'ahead' && !looksAhead(T.slice(sent.start + opening[0].length, q.start)) && !DEADLINE.test(T.slice(sent.start + opening[0].length, q.start))) return null;
    }
    if (inRegion ? isPastText(clause, tense) : sentencePast()) {
      // A clause that looks ahead by itself is not made past by another clause's cue: in a plan
      // "去年全市建成5G基站1万个，今年力争新增5000个以上"; elsewhere (a 解读 article, news) only a clause
      // that names its own time does so: "去年全市地区生产总值增长6.2%，今年预期增长6%左右".
      // A clause that says it is ahead (计划, 力争, 目标 …) under the sentence's own time ahead counts too:
      // "今年，我市计划新建5G基站1500个以上，目前已建成1200个" — 今年 opens the sentence, not the clause.
      const ownTime = tense.planned
        ? looksAhead(clause)
        : timeIn(it.clauseStart, q.start) === 'ahead' || (looksAhead(clause) && timeIn(sent.start, q.start) === 'ahead');
      if (inRegion || !ownTime || isPastText(clause, tense)) return null;
    }
    // A plan recalls the past on the way to its targets: the time (or 以来) that governs the value decides.
    if (tense.planned) {
      const from = inRegion ? it.clauseStart : sent.start;
      if (timeIn(from, q.start) === 'past' || SINCE.test(T.slice(from, q.start))) return null;
    }
    if (!inRegion) {
      // A rate or a multiple of change (增长6%, 提高2个百分点, 下降1‰, 较2023年增加一倍): with its verb, a plan's target.
      // A multiple the next value restates (比2020年增长一倍，达到6000亿元以上) is a doubling said in figures, as 翻一番 is:
      // the amount is the target.
      const pct = RATE_UNIT.test(it.unit) && !(it.unit === '倍' && all.some((o) => o.q.start > q.start && o.indicator.text === it.indicator.text));
      if (st.mode === 'plan') {
        if (!(it.qualifier || hedge || it.targetVerb || (pct && it.verb) || plannedCount(it, T) || it.countFirst === true || perCapitaLevel(it, T.slice(sent.start, q.start), T.slice(q.end, sent.end)))) return null;
      } else {
        // No heading says this is a plan (解读 articles, news on listing pages): only a qualifier or a
        // hedge makes a number a target; "总数增至79家" in a news story is not one.
        // A planned count (plannedCount) only where the sentence itself says it is ahead and to be done: a
        // news story writes "今年全市新建5G基站200个" of the year so far, a plan "今年将新建…".
        // Where the sentence names no time, a modal of its own says the work is ahead (我们将继续办好民生实事，计划新增
        // 普惠托位2000个) — not a consequence (项目建成后将新增就业岗位2000个).
        const planned = (): boolean => {
          if (!(plannedCount(it, T) || it.countFirst === true)) return false;
          const before = T.slice(sent.start, q.start);
          const time = timeIn(sent.start, q.start);
          return time === 'ahead' ? PLAN_SPEECH.test(before) : time === null && WILL.test(before) && !CONSEQUENCE.test(before);
        };
        if (!(it.qualifier || hedge || planned())) return null;
        const sentBare = m ? m.text : T.slice(sent.start, sent.end);
        if (PAST_WEAK.test(sentBare) || (!hedge && cueWithoutModal(FIRST_TIME, sentBare))) return null;
        // Any past year makes the sentence a report, unless the value's own time comes after it (今年…).
        const time = timeIn(sent.start, q.start);
        if (time === 'past') return null;
        if (time !== 'ahead') {
          const pastYear = m ? (m.pastYear ??= hasPastYear(bare, sent.start, sent.end, st.reportYear)) : hasPastYear(T, sent.start, sent.end, st.reportYear);
          if (pastYear) return null;
        }
      }
    }
    const upto = s.slice(sent.start, it.clauseEnd);
    const sentenceYear = statedYear(s, sent.start, it.clauseEnd, st.reportYear);
    return {
      kind: inRegion ? reg!.kind : 'other',
      ...named(it.indicator, sent),
      value: q.value,
      valueMax: q.valueMax,
      unit: it.unit,
      qualifier: it.qualifier,
      direction: it.direction,
      // 目标 marks the value when its own clause says it, or the sentence introduces it (…的目标是：): not
      // for a goal another clause names ("坚持'强县、活乡'目标，…，占比控制在5%以内").
      hedge: hedge || (inRegion ? reg!.hedge : /目标/.test(s.slice(it.clauseStart, it.clauseEnd)) || /目标(?:是|为|[:：])/.test(upto) ? '目标' : ''),
      year: sentenceYear ?? (inRegion ? reg!.year : null) ?? carriedYear ?? (AVERAGED.test(s.slice(it.clauseStart, q.start)) ? periodEnd(st, sentText) : null) ?? st.horizon ?? st.reportYear,
    };
  }
}

/**
 * A change against last year that only restates the figure before it: "赤字率拟按4%左右安排，比上年提高1个百分点",
 * "拟发行超长期特别国债1.3万亿元，比上年增加3000亿元". The clause names nothing of its own (its name is the
 * clause before's), opens with the base, and measures what that value measures (a rate's points, the same
 * base unit): it is the difference of two figures, not a target — against a base year as well (…占比达到70%以上，
 * 比2025年提高12个百分点: 70 less the base year's 58). A growth rate after an amount
 * (达到5000亿元，比上年增长6%) measures something else and stays.
 */
function restatesChange(it: ValueItem, all: readonly ValueItem[], s: string): boolean {
  if (it.indicator.at.some((i) => i >= it.clauseStart)) return false;
  if (!/^[\s,，]*(?:比|较)(?:上年|去年|(?:20|19)[0-9]{2}年(?:底|末)?)/.test(s.slice(it.clauseStart, it.q.start))) return false;
  let prev: ValueItem | undefined;
  for (const o of all) if (o.q.start < it.q.start && o.indicator.text === it.indicator.text) prev = o;
  if (!prev) return false;
  if (prev.unit === '%' && /^个?百分点$/.test(it.unit)) return true;
  const base = (u: string) => u.replace(/^(?:万亿|千亿|千万|百万|万|亿)/, '');
  return prev.unit !== '%' && base(prev.unit) !== '' && base(prev.unit) === base(it.unit);
}

/**
 * The same target said again: a report gives its growth target in the list and then once more with its
 * reasons (经济增长预期目标定为5%左右，主要考虑…; 实现地区生产总值增长6%左右的目标，需要…). One indicator (by key),
 * one value, bound and year, in one report, is one target: the first statement is kept, which is the list's.
 */
function withoutRestatements(targets: Target[]): Target[] {
  const kept = new Map<string, number>();
  const out: Target[] = [];
  for (const t of targets) {
    if (t.kind === 'goal') {
      out.push(t);
      continue;
    }
    // Within one report: a listing page holding several cities' reports (seed 003) repeats a figure from
    // city to city (城镇调查失业率5.5%以内), and each report's section path starts with its own title.
    const report = t.section.split(' › ')[0] ?? '';
    const key = [report, t.indicatorKey, t.value, t.valueMax, t.unit, t.qualifier, t.year].join('|');
    // Said again with a shorter name and without its bound: "…护理型床位占比达到70%以上…把护理型床位占比的目标从60%
    // 提高到70%" restates 养老机构护理型床位占比 70%以上. The longer name's extra words are a scope (养老机构), not an
    // action (新建5G基站 is work, 5G基站 the stock).
    const again = out.some(
      (o) =>
        o.kind !== 'goal' &&
        (o.section.split(' › ')[0] ?? '') === report &&
        o.value === t.value &&
        o.valueMax === t.valueMax &&
        o.unit === t.unit &&
        o.year === t.year &&
        (t.qualifier === '' || t.qualifier === o.qualifier) &&
        t.indicatorKey.length >= 4 &&
        o.indicatorKey.length > t.indicatorKey.length &&
        o.indicatorKey.endsWith(t.indicatorKey) &&
        !SCOPE_IS_WORK.test(o.indicatorKey.slice(0, -t.indicatorKey.length)),
    );
    if (again) continue;
    const at = kept.get(key);
    if (at === undefined) {
      kept.set(key, out.length);
      out.push(t);
    } else if (!out[at]!.hedge && t.hedge) {
      // A plan's text gives a figure its 主要指标 table gives again with its 属性 (预期性/约束性): the
      // statement that says more stands for both, in the first one's place.
      out[at] = t;
    }
  }
  return out;
}

/** Words before a name that make it work or a change, not a scope of the same statistic (新建|5G基站, 新增|就业). */
const SCOPE_IS_WORK = /新建|新增|新开工|建成|建设|改造|改扩建|实施|培育|引进|完成|打造|创建|累计|年均|增加|减少|净增/;

/**
 * Units a plan counts what it builds or adds in: things, people, lengths, areas, money in 万/亿. Not %, 倍, 年
 * or 天, which measure a level, not a count of work.
 */
const COUNT_UNIT =
  /^(?:万亿|千亿|千万|百万|万|亿)?(?:个|家|所|座|条|处|项|件|台|套|辆|名|位|张|床|间|栋|户|人|公里|千米|亩|公顷|平方米|平方公里|立方米|吨|千瓦|兆瓦|场|株|棵|头|只|羽|份|块|班|人次)$|^(?:万亿|千亿|千万|百万|万|亿)(?:元|美元)$/;
/**
 * Actions a plan counts its work by (新建…个, 改造…户, 完成…亿元), in the name or right before it; a farm plan
 * counts its output by what leaves the pens (生猪出栏120万头, 家禽出栏3000万羽).
 */
const PLAN_ACTION = /新建|新增|新开工|开工|建成|建设|改造|改扩建|新改建|新改扩建|实施|培育|引进|完成|打造|创建|招引|整治|安置|培训|新修|铺设|增设|造林|治理|加装|加固|争创|出栏/g;
/** An action joined to the next by 、 (新建、改扩建, 新建、改造): one verb phrase, not a list of names. */
const JOINED_ACTIONS = new RegExp(`(?:${PLAN_ACTION.source})、(?=${PLAN_ACTION.source})`, 'g');
/**
 * A ratio per head of population or per household (每千人口医疗卫生机构床位数, 每万人口高价值发明专利拥有量,
 * 每千名老年人养老床位, 每百户…): a plan writes the level it sets without a verb — 每千人口医疗卫生机构床位数7.2张,
 * 每万人拥有高价值发明专利15件 — as its 主要指标 table does (PER_CAPITA_BASE, clauses.ts). Only in a plan section;
 * not per money or area (每万元GDP用水量, 每平方公里), and not a rate, whose change needs its verb. With nothing
 * that sets it, a level is also how a plan states where it stands: the present named anywhere before it in the
 * sentence (目前，全县每千人口…6.2张) leaves it out, not only in its own clause (PRESENT), and so does a comparison
 * after it (…3.2人，高于全省平均水平; 比上年增加0.3张): a level measured against others is one already reached.
 */
function perCapitaLevel(it: ValueItem, before: string, after: string): boolean {
  return (
    !it.verb &&
    !it.q.chinese &&
    !RATE_UNIT.test(it.unit) &&
    PER_CAPITA_BASE.test(it.indicator.text) &&
    !/目前|现有|当前|现阶段/.test(before) &&
    !/高于|低于|超过|位居|居全|排名|比上年|较上年|同比/.test(after)
  );
}

/** A clause that names its value the target and nothing else: 今年目标增长, 2026年的目标为, 目标控制在 (see acceptItem). */
const TARGET_CLAUSE = /^[\s、]*(?:(?:今年|明年|全年|当年|(?:20|19)[0-9]{2}年)的?)?(?:主要)?(?:预期)?目标值?(?:是|为|定为|设定为|确定为)?[^0-9，,。；;:：]{0,4}$/;

/** What says work is to be done, where no heading says plan: 今年 alone also dates a news story's year so far. */
const PLAN_SPEECH = /(?<![主重])要|将|计划|拟|明年|今后|未来|到(?:20|19)\d\d年|到二〇/;
/** Speech of work to be done that dates itself (see acceptItem): 将, 计划, 拟 — not 要, which also asks (要求). */
const WILL = /将|计划|拟/;
/** What a project brings once done (建成后将新增…, 投产后可…): a forecast of its effect, not work set. */
const CONSEQUENCE = /后(?:将|可|能)/;
/** A change against a base (比上年新增50家, 同比新增) compares with what was, as a report does. */
const COMPARED_BASE = /(?:比|较|同)(?:上年|去年|前年|(?:20|19)\d\d年)|同比/;
/** A count glued before the value (改造老旧小区319个|3.26万户): the name is half a figure. */
const GLUED_COUNT = /[0-9.]+(?:万|亿)?[个家所座条处项件台套户人名张间]$/;
/**
 * A member that opens with a verb of its own says whom or what the work reaches — 改造老旧小区85个、惠及居民1.3万户,
 * …、涉及3860户, …、带动就业2000人 — not more work the action before it governs (新建5G基站1000个、充电桩3800个).
 */
const REACH = /^(?:惠及|涉及|覆盖|带动|辐射|受益|惠民|服务|吸纳|容纳)/;
/** What may stand between a count's name and its verb after it: a time word of the year, or nothing. */
const NAME_THEN_VERB = /^(?:今年|年内|全年|当年|明年)?$/;
/** A measure with no subject (投资 500亿元): no indicator of its own. */
const BARE_COUNT_MEASURE = /^(?:总?产值|总?产量|增加值|营业收入|销售收入|营收|投资|总投资)$/;

/**
 * A count without a bound or a hedge that is still a target: what a plan says it will build, add or
 * finish — 新建5G基站200个, 改造老旧小区120个, 实施重点项目100个，完成投资500亿元, the items of a 民生实事
 * list. Only a count (COUNT_UNIT) written in digits (三个中心, 五个一批 are slogans), with an action
 * (PLAN_ACTION) that governs the name, and a name that is an object of two characters or more: 改造70公里
 * (the object is in the member before), 大力培育过50亿元 (a fragment) and a name of a list the value
 * does not split (业主委员会、物业管理小区各100个) are no indicators, and go. The caller decides whether the
 * text is a plan (a plan section, or a sentence that says it is ahead); the tense checks before it
 * (review sections, past years, 目前/现有, 已…) hold as for any value.
 */
function plannedCount(it: ValueItem, T: string): boolean {
  if (it.q.chinese || it.verb || !COUNT_UNIT.test(it.unit)) return false;
  const name = it.indicator.text;
  // 新建、改扩建公办幼儿园: a 、 between two actions joins the verbs, not two names.
  if (BARE_COUNT_MEASURE.test(name) || /[、，,]|各$/.test(name.replace(JOINED_ACTIONS, '')) || GLUED_COUNT.test(name) || REACH.test(name)) return false;
  // The part of the name its own clause writes (实施重点项目100个，完成|投资500亿元 takes 重点项目 from the clause before).
  const own = it.indicator.at.filter((i) => i >= it.clauseStart);
  if (!own.length) return false;
  // In text order: a bare action takes its object from the member before (新建燃气干管40公里、改造|70公里 → 改造燃气干管),
  // so the name's characters need not stand in the order the text has them.
  const nameStart = Math.min(...own);
  const head = T.slice(it.clauseStart, it.q.start);
  if (COMPARED_BASE.test(head)) return false;
  // The action that governs the name: in it (新建5G基站, 农村公路提质改造), right before it (完成|村庄规划编制),
  // or before the first member of a 、 list the name continues (新建5G基站1000个、|充电桩3800个). Not one
  // before another figure (建设技工贸收入突破1500亿元|园区2个).
  let verb: RegExpExecArray | null = null;
  PLAN_ACTION.lastIndex = 0;
  for (let m = PLAN_ACTION.exec(head); m; m = PLAN_ACTION.exec(head)) verb = m;
  if (!verb) return false;
  const verbEnd = it.clauseStart + verb.index + verb[0].length;
  const nameEnd = Math.max(...own) + 1;
  // The object may stand before its verb, a time word at most between (老旧小区改造今年完成120个, 5G基站年内新建
  // 1500个): the verb is then right before the value.
  if (verbEnd > nameEnd && !(NAME_THEN_VERB.test(T.slice(nameEnd, verbEnd - verb[0].length)) && !T.slice(verbEnd, it.q.start).trim())) return false;
  const gap = T.slice(verbEnd, nameStart);
  if (gap && !/^[^0-9]{0,4}$/.test(gap) && !/、\s*$/.test(gap)) return false;
  // The object: what follows the last action in the name, or what precedes one that ends it (农村公路提质|改造).
  let last: RegExpExecArray | null = null;
  PLAN_ACTION.lastIndex = 0;
  for (let m = PLAN_ACTION.exec(name); m; m = PLAN_ACTION.exec(name)) last = m;
  let obj = !last ? name : last.index + last[0].length < name.length ? name.slice(last.index + last[0].length) : name.slice(0, last.index);
  // Two actions joined (新修和加固|堤防护岸): the object follows the second.
  obj = obj.replace(/^(?:和|及|与|并)/, '');
  return /^[^的和及与、]/.test(obj) && (obj.match(/[\u4e00-\u9fffA-Za-z0-9]/g) ?? []).length >= 2;
}

/** "…要努力实现以下主要目标。": the goals follow as bullets (——经济发展取得新成效。). */
const BULLETS_INTRO = /以下[^。]{0,8}目标/;

/**
 * Whether the sentence (on the line starting at `lineStart`) is the body of a goal heading h: on the
 * heading's own line ("3.二〇三五年远景目标。到二〇三五年，…"), or — when the heading stands alone on its line,
 * as a page's <h3> does — in the paragraph right after it, if that paragraph introduces bullet goals or the
 * heading is a vision (远景目标), whose paragraph is the vision. Not any first paragraph under "二、2024年
 * 主要目标": it often opens with "今年是…关键之年", which is no goal.
 */
function headingBody(s: string, h: HeadingHit, lineStart: number, sentText: string): boolean {
  if (h.end >= lineStart) return true;
  const nl = s.indexOf('\n', h.start);
  const headEnd = Math.max(h.end, nl < 0 ? s.length : nl);
  if (headEnd > lineStart || s.slice(headEnd, lineStart).trim()) return false;
  return BULLETS_INTRO.test(sentText) || /远景目标$/.test(h.text);
}

/**
 * Where a list that starts at `from` ends its paragraph: the first line break, or, when the intro closes
 * its line ("主要预期目标是：⏎"), the end of the item lines that follow — each ends with ；/，/、 but the
 * last (。 or nothing). Empty lines between items are skipped. -1 when the list runs to the end.
 */
function listLinesEnd(s: string, from: number, limit: number): number {
  let nl = s.indexOf('\n', from);
  if (nl < 0 || s.slice(from, nl).trim()) return nl;
  let items = 0;
  while (nl >= 0 && nl < limit) {
    const next = s.indexOf('\n', nl + 1);
    const line = s.slice(nl + 1, next < 0 ? s.length : next).trim();
    if (line) {
      items++;
      if (!/[;；,，、]$/.test(line)) return next;
    } else if (!items && next < 0) return nl;
    nl = next;
  }
  return nl;
}

/**
 * The part of the sentence text[start, end) a target shows: the whole sentence when it is at most
 * {@link MAX_SENTENCE} long, else a window of that size around [ownStart, ownEnd) (centred on it,
 * shifted to stay inside the sentence), with … where it was cut. `start`/`end` are then the window's
 * offsets — `sentence` without its marks is text.slice(start, end) — so the quote's prefix and suffix
 * (lib/dom/page-report.ts) continue exactly where the window was cut, and revealing the target scrolls
 * to the window, not to the sentence's far-away beginning.
 */
export function sentenceWindow(text: string, start: number, end: number, ownStart: number, ownEnd: number): { sentence: string; start: number; end: number } {
  if (end - start <= MAX_SENTENCE) return { sentence: text.slice(start, end), start, end };
  let a = Math.min(Math.max(ownStart, start), end);
  const b = Math.min(Math.max(ownEnd, a), end);
  // An own span longer than the window keeps its end, where the value stands.
  if (b - a > MAX_SENTENCE) a = b - MAX_SENTENCE;
  const room = MAX_SENTENCE - (b - a);
  let ws = a - Math.floor(room / 2);
  let we = b + Math.ceil(room / 2);
  if (ws < start) [ws, we] = [start, we + (start - ws)];
  if (we > end) [ws, we] = [Math.max(start, ws - (we - end)), end];
  // Never half a surrogate pair at a cut.
  if (ws > start && isLowSurrogate(text.charCodeAt(ws))) ws++;
  if (we < end && isLowSurrogate(text.charCodeAt(we))) we--;
  return { sentence: (ws > start ? CUT : '') + text.slice(ws, we) + (we < end ? CUT : ''), start: ws, end: we };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The targets the library can hold (lib/ranges.ts): a value past ±1e12 (增长99999999999999%,
 * 10000000000000000000000人) is no target but a typo or a hostile page, and goes; a year past the ranges
 * (今后五年 in a report for 2099 → 2103) is left unknown. The background refuses a report with either,
 * and the library's import refuses an export holding one.
 */
function withinLibraryRanges(targets: Target[]): Target[] {
  // A name of only punctuation (【】达到100个以上) folds to an empty key: no indicator to file it under.
  const kept = targets.filter(
    (t) => t.indicatorKey.trim() !== '' && t.indicator.trim() !== '' && (t.value === null || isLibraryValue(t.value)) && (t.valueMax === null || isLibraryValue(t.valueMax)),
  );
  for (const t of kept) if (t.year !== null && !isLibraryYear(t.year)) t.year = null;
  return kept;
}
