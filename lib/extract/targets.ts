/**
 * Target extraction: one pass over the sentences of the folded text.
 *
 *  - Review sections (工作回顾, 过去五年 …, see sections.ts) are skipped whole: their numbers are
 *    achievements, however target-like they read ("城镇登记失业率控制在4.5%以内").
 *  - A list intro (主要预期目标是： / 主要目标是： / 主要预期目标 directly followed by the first item)
 *    opens a region up to 围绕上述目标 / 以下…工作 / 各位代表 / the next heading / the paragraph end;
 *    every value in it is a target, trigger words or not ('main' for the year's list, 'other' for
 *    five-year lists).
 *  - Elsewhere a value needs a trigger (a qualifier 以上/左右/以内, a hedge 确保/力争/争取 before it, a
 *    target verb 控制在/突破/达到 …, or in a plan section a percentage with 增长/下降 …) and no past cue.
 *  - Goal statements without numbers come from "目标：" lines, "奋斗目标是：" intros and
 *    "…远景目标。" headings (goals.ts).
 */
import type { Heading, Target, TargetKind } from '../types';
import { foldChars, foldText, toOriginalSpan, type FoldedText } from '../text/normalize';
import { maskNoise } from './noise';
import { splitSentences, isClauseBreak, type Span } from './sentences';
import { buildOutline, detectHeadings, formatPath, SectionCursor, type SectionState } from './sections';
import { detectReportYear, findYears, statedYear } from './years';
import { parseItems, type ValueItem } from './clauses';
import { indicatorKey } from './indicator';
import { BULLET, GOAL_LABEL, INTRO, goalDirection, goalIndicator, goalText } from './goals';

export interface ExtractInput {
  text: string;
  headings?: Heading[];
  year?: number | null;
  /** `text` already folded (foldText(text)), so the caller's fold is not done a second time. */
  folded?: FoldedText;
}

interface Region {
  start: number;
  end: number;
  kind: TargetKind;
  hedge: string;
  year: number | null;
}

/** Achievements, not plans: verb + 了, 已, comparisons with last year, running totals. */
const PAST = /(?:完成|实现|达到|增长|突破|超过|提高|下降|取得|建成|新增|获得|增加|减少|降低|创建|开工|竣工|投产|达)了|已经|已[^知]|同比|比上年|较上年|(?<!以)上年|去年|累计|预计完成|过去|一年来|五年来/;
/** Weaker past cues, trusted only where no heading says review or plan. */
const PAST_WEAK = /预计|截至|截止|先后|获评|荣获|首次|以来/;
const HEDGE = ['确保', '力争', '争取', '预期'];
const MULTI_YEAR = /今后|未来|十四五|十五五|远景|到(?:20|19)\d\d年|二〇三五/;
const REGION_END = /上述目标|以下[^。]{0,12}?(?:工作|方面)|各位代表/;
const REGION_MAX = 3000;
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

function lastHedge(s: string, from: number, to: number): string {
  let best = -1;
  let word = '';
  const seg = s.slice(from, to);
  for (const h of HEDGE) {
    const at = seg.lastIndexOf(h);
    if (at > best) {
      best = at;
      word = h;
    }
  }
  return word;
}

function hasPastYear(s: string, from: number, to: number, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  for (const y of findYears(s, from, to)) {
    const before = s[y.start - 1];
    if (y.year < reportYear && before !== '到' && before !== '至' && before !== '比' && before !== '较') return true;
  }
  return false;
}

export function extractTargets(input: ExtractInput): Target[] {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (!text.trim()) return [];
  const f = input.folded?.original === text ? input.folded : foldText(text);
  const s = maskNoise(f.folded);
  const defaultYear = typeof input.year === 'number' ? input.year : detectReportYear(s);

  const dom = (Array.isArray(input.headings) ? input.headings : [])
    .filter((h) => h && typeof h.text === 'string' && Number.isFinite(h.start) && h.start >= 0 && h.start < text.length)
    .map((h) => ({ start: foldedIndexOf(f, h.start), text: foldChars(h.text), level: h.level }));
  const states = buildOutline(detectHeadings(s), dom, defaultYear);
  const breaks = states.filter((st) => st.heading?.inline).map((st) => st.start);
  const sentences = splitSentences(s, breaks);
  const cursor = new SectionCursor(states);

  const out: Target[] = [];
  let region: Region | null = null;
  let bulletGoals: { year: number | null } | null = null;
  let lineStart = 0;
  let nextNl = s.indexOf('\n');
  if (nextNl < 0) nextNl = s.length;

  const spanOf = (sent: Span): { sentence: string; start: number; end: number } => {
    const o = toOriginalSpan(f, sent.start, sent.end);
    return { sentence: text.slice(o.start, o.end), start: o.start, end: o.end };
  };

  const pushGoal = (sent: Span, raw: string, st: SectionState, yearHint: number | null): void => {
    const goal = goalText(raw);
    if (goal.length < 4 || /\d/.test(goal)) return;
    const indicator = goalIndicator(goal);
    out.push({
      kind: 'goal',
      indicator,
      indicatorKey: indicatorKey(indicator),
      value: null,
      valueMax: null,
      unit: '',
      qualifier: '',
      direction: goalDirection(goal),
      hedge: '目标',
      year: statedYear(s, sent.start, sent.end, st.reportYear) ?? yearHint ?? st.horizon ?? st.reportYear,
      section: formatPath(st.path),
      ...spanOf(sent),
    });
  };

  const regionEnd = (from: number): number => {
    let end = Math.min(s.length, from + REGION_MAX);
    const nl = s.indexOf('\n', from);
    if (nl >= 0 && nl < end) end = nl;
    const nextHeading = cursor.nextStart(from);
    if (nextHeading < end) end = nextHeading;
    const m = REGION_END.exec(s.slice(from, end));
    if (m) end = from + m.index;
    return end;
  };

  for (const sent of sentences) {
    while (nextNl < sent.start) {
      lineStart = nextNl + 1;
      nextNl = s.indexOf('\n', lineStart);
      if (nextNl < 0) nextNl = s.length;
    }
    const st = cursor.at(sent.start);
    if (region && sent.start >= region.end) region = null;
    if (st.mode === 'review' || st.mode === 'notes') {
      region = null;
      bulletGoals = null;
      continue;
    }
    const sentText = s.slice(sent.start, sent.end);
    let k = sent.start;
    while (k > lineStart && /\s/.test(s[k - 1]!)) k--;
    const atLineStart = k === lineStart;
    const intros: Array<{ word: string; explicit: boolean; end: number }> = [];
    if (sentText.includes('目标')) {
      INTRO.lastIndex = 0;
      for (let m = INTRO.exec(sentText); m && intros.length < MAX_INTROS; m = INTRO.exec(sentText)) {
        const explicit = m[2] !== undefined;
        if (!explicit && !/预期|主要/.test(m[1]!)) continue;
        intros.push({ word: m[1]!, explicit, end: sent.start + m.index + m[0].length });
      }
    }
    const items = parseItems(s, sent.start, sent.end, intros.map((x) => x.end));
    let goalDone = false;

    // Goals: bullets under "…以下主要目标。", sentences under a "…远景目标。" heading, "目标：" lines.
    if (bulletGoals && atLineStart) {
      if (BULLET.test(sentText)) {
        pushGoal(sent, sentText, st, bulletGoals.year);
        goalDone = true;
      } else bulletGoals = null;
    }
    const h = st.heading;
    if (!goalDone && h && h.terminated && /目标$/.test(h.text) && sent.start >= h.end && h.end >= lineStart) {
      const yearHint = statedYear(h.text, 0, h.text.length, st.reportYear);
      if (/以下[^。]{0,8}目标/.test(sentText)) bulletGoals = { year: yearHint };
      else if (!items.length) pushGoal(sent, sentText, st, yearHint);
      goalDone = true;
    }
    if (!goalDone && atLineStart && GOAL_LABEL.test(sentText) && !items.length) {
      pushGoal(sent, sentText, st, null);
      goalDone = true;
    }

    // List intros.
    for (const { word, explicit, end: introEnd } of intros) {
      let firstClauseEnd = introEnd;
      while (firstClauseEnd < sent.end && !isClauseBreak(s[firstClauseEnd])) firstClauseEnd++;
      const firstHasValue = items.some((it) => it.q.start >= introEnd && it.q.start < firstClauseEnd && it.unit);
      if (!explicit && !firstHasValue) continue;
      if (explicit && !firstHasValue && !goalDone && !/预期/.test(word)) {
        pushGoal(sent, s.slice(introEnd, sent.end), st, statedYear(s, sent.start, introEnd, st.reportYear));
        goalDone = true;
      }
      const prefix = s.slice(sent.start, introEnd);
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
      const t = acceptItem(it, sent, sentText, st, region);
      if (t) out.push({ ...t, section: formatPath(st.path), ...spanOf(sent) });
    }
  }
  return out;

  function acceptItem(
    it: ValueItem,
    sent: Span,
    sentText: string,
    st: SectionState,
    reg: Region | null,
  ): Omit<Target, 'section' | 'sentence' | 'start' | 'end'> | null {
    // A bare number needs its qualifier ("新增市场主体6200以上" lost its 户 on a mirror site).
    if ((!it.unit && !it.qualifier) || !it.indicator) return null;
    const q = it.q;
    const inRegion = reg !== null && q.start >= reg.start && q.start < reg.end;
    const hedge = lastHedge(sentText, 0, q.start - sent.start);
    // A value glued to the following word needs an explicit marker (missing punctuation in
    // "…62万吨以上居安思危…"), or "55人以上大班额" would read as a target.
    if (!it.followOk && !(hedge && (it.qualifier || it.targetVerb)) && !(it.qualifier && it.targetVerb)) return null;
    // Tense is a property of the sentence: "…达1656.9亿元，同比增长2.2%" is past from 同比 on.
    if (PAST.test(sentText)) return null;
    if (!inRegion) {
      const pct = it.unit === '%' || it.unit === '个百分点';
      if (st.mode === 'plan') {
        if (!(it.qualifier || hedge || it.targetVerb || (pct && it.verb))) return null;
      } else {
        // No heading says this is a plan (解读 articles, news on listing pages): only a qualifier or a
        // hedge makes a number a target; "总数增至79家" in a news story is not one.
        if (!(it.qualifier || hedge)) return null;
        if (PAST_WEAK.test(sentText) || hasPastYear(s, sent.start, sent.end, st.reportYear)) return null;
      }
    }
    const upto = s.slice(sent.start, it.clauseEnd);
    const sentenceYear = statedYear(s, sent.start, it.clauseEnd, st.reportYear);
    return {
      kind: inRegion ? reg!.kind : 'other',
      indicator: it.indicator,
      indicatorKey: indicatorKey(it.indicator),
      value: q.value,
      valueMax: q.valueMax,
      unit: it.unit,
      qualifier: it.qualifier,
      direction: it.direction,
      hedge: hedge || (inRegion ? reg!.hedge : /目标/.test(upto) ? '目标' : ''),
      year: sentenceYear ?? (inRegion ? reg!.year : null) ?? st.horizon ?? st.reportYear,
    };
  }
}
