/**
 * Tense of report text: whether a sentence (or one clause of a main-target list) reports achievements
 * rather than setting targets. All functions take folded (simplified, half-width) text.
 *
 *  - PAST: verb + 了, 已, 同比, last year (上年/去年), running totals, 过去/一年来, results (执行情况); the
 *    present state (目前, 现有) opening a value's own clause (PRESENT). Not 实际增长: real growth
 *    (城乡居民人均可支配收入实际增长6%左右) is a target's own measure.
 *  - A five-year period that has ended ("十三五"期间/时期/以来 in a report of 2021 or later).
 *  - A part of a year (上半年, 前三季度, 1-11月): statistics are reported by it, a plan speaks of the year.
 *  - Completion (圆满完成/超额完成 …年度目标任务) and achievements (先后建成, 获评, 荣获) without a modal
 *    before them (确保圆满完成, 力争获评 are targets).
 *  - A paragraph framed as a review (报告回顾了过去一年的工作。全市…增长7.5%) stays past until a sentence
 *    looks ahead (ParagraphTense).
 * Comparison bases (比上年下降3%, 在去年基础上增长6%) are past cues only where nothing says the text is a
 * plan: a target names its base too.
 */
import { findYears, isBaseYear, opensSpan } from './years';

/** Achievements, not plans: verb + 了, 已, comparisons with last year, running totals. */
export const PAST =
  /(?:完成|实现|达到|增长|突破|超过|提高|下降|取得|建成|新增|获得|增加|减少|降低|创建|开工|竣工|投产|达|翻)了|已经|已[^知]|同比|比上年|较上年|(?<!以)上年|去年|预计完成|过去|一年来|五年来|(?:执行|完成)情况|现已/;
/**
 * The present state (目前全市5G基站达到8000个, 全市现有高新技术企业500家): what there is, not what is to be —
 * a cue of its own clause only, as the next clause often sets the target ("…，今年新建1500个以上"), and
 * only opening it: 现有 inside a clause is "existing" (确保现有耕地保有量…, 盘活现有存量土地…), and the
 * letters also stand inside other words (实现有效投资, 项目前期).
 */
export const PRESENT = /^[\s,，;；:：]*(?:全[市县区省州镇乡]|我[市县区省州])?(?:目前|现有)(?!的?(?:基础|水平))/;
/**
 * 累计 (a running total) reports what was achieved where nothing says plan; a plan sets running totals as
 * targets (今后五年累计新增城镇就业30万人以上, 实际利用外资累计达到50亿美元), so there it is past only when
 * the total is said to be done: 累计…了, 已累计, 累计已, 累计完成.
 */
const RUNNING_TOTAL = /累计/;
const RUNNING_TOTAL_DONE = /已累计|累计(?:已|完成)|累计[^,，;；。]{0,12}?了/;
/**
 * A period ahead the text names ("十五五"期间, 今后五年, 到2030年): a plan's running total over it is a target,
 * 累计完成 or not — "“十五五”期间，全市累计完成固定资产投资1.5万亿元以上". Only a five-year period that runs on
 * after the report's year, a span ahead, or a date not before it; and only with a year to tell.
 */
const PERIOD_AHEAD = /十([一二三四五六七八九])五["”」’']?(?:期间|时期)|(?:今后|未来)[0-9一二三四五两]年|到((?:20|19)\d\d)年/g;

function periodAhead(t: string, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  PERIOD_AHEAD.lastIndex = 0;
  for (let m = PERIOD_AHEAD.exec(t); m; m = PERIOD_AHEAD.exec(t)) {
    if (m[1]) {
      // Still running after the report's year: in its last year, "“十四五”期间累计完成…" sums the period up.
      if (1955 + 5 * (10 + '一二三四五六七八九'.indexOf(m[1]) + 1) > reportYear) return true;
    } else if (m[2]) {
      if (Number(m[2]) >= reportYear) return true;
    } else return true;
  }
  return false;
}

/** Last year as the base of a comparison, which a target can name: 比上年下降3%, 在去年基础上增长6%, 同比增长8%. */
const BASELINE = /(?:比|较|与|同)(?:上年|去年)(?:同期)?(?:相比)?|同比|(?:在|以)?(?:上年|去年)(?:的)?(?:基础上|水平上?)/g;
const PERIOD = /十([一二三四五六七八九])五["”」’']?(?:期间|时期|以来)/g;
const PARTIAL_YEAR = /上半年|前三季度|[一二三四]季度|前[两二三四五六七八九十]{1,2}个月|[0-9]{1,2}\s*[-—–~至]\s*[0-9]{1,2}月|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,3}月/;
const HEDGED = /确保|力争|争取|努力|力求/;
const COMPLETED = /(?:圆满|超额|胜利|顺利)完成|完成了/g;
/**
 * Achievements by their kind: a series done one after another (先后建成…个), an honour received (获评,
 * 荣获), a record kept (连续三年实现城镇新增就业5000人以上) and a goal met early (提前一年完成…目标). Past in a
 * plan section too, unless a modal stands before them (力争获评…, 将先后建成…, 确保连续五年保持…, 力争提前完成).
 */
const ACHIEVED = /先后|获评|荣获|连续[0-9一二两三四五六七八九十]{1,3}年(?:实现|保持|位居|获得?|荣获|达到)|提前(?:[0-9一二两三四五]{1,2}(?:年|个月))?(?:完成|实现|达到)/g;
/** 要 of 主要/重要 is part of a word, not the modal. */
const MODAL = /确保|力争|争取|努力|(?<![主重])要|将|全力|奋力|坚决|必须|能够|可以|力求/;
/**
 * A sentence that frames its paragraph as a review: it opens with the look back (去年, 过去一年, 一年来,
 * 回顾…) or says it gives one (报告回顾了…). 过去 inside a sentence is not a frame: a plan writes
 * 巩固过去五年脱贫攻坚成果 as an aim.
 */
const FRAME = /^(?:去年|过去|一年来|五年来|几年来|这一年|回顾)|回顾了/;
const LOOK_BACK = /^(?:去年|过去|一年来|五年来|几年来|这一年|回顾)/;
/** Looking ahead in the framing sentence itself (回顾过去，展望未来) opens no frame. */
const AHEAD = /今年|明年|今后|未来|下一步|展望/;
/** A sentence that looks ahead, which ends a review frame. */
const FORWARD = /今年|明年|新的一年|今后|未来|下一步|目标|预期(?!寿命|性)|力争|确保|争取|计划|到(?:20|19)\d\d年|到二〇/;

/** Whether text looks ahead (今年, 力争, 目标, 到2027年 …). */
export function looksAhead(text: string): boolean {
  return FORWARD.test(text);
}

export interface TenseOptions {
  /** The report's year: a period that ended by then is past. */
  reportYear: number | null;
  /** A heading or list intro says this is a plan: comparisons with last year are bases, not past cues. */
  planned: boolean;
}

/** Whether t has a cue (a global regex) without a modal in the few characters before it. */
export function cueWithoutModal(cue: RegExp, t: string): boolean {
  cue.lastIndex = 0;
  for (let m = cue.exec(t); m; m = cue.exec(t)) {
    if (!MODAL.test(t.slice(Math.max(0, m.index - 6), m.index))) return true;
  }
  return false;
}

function endedPeriod(t: string, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(t); m; m = PERIOD.exec(t)) {
    const plan = 10 + '一二三四五六七八九'.indexOf(m[1]!) + 1;
    // The Nth five-year plan ends in 1955 + 5N (十三五: 2016–2020).
    if (1955 + 5 * plan <= reportYear) return true;
  }
  return false;
}

/** Whether a sentence (or clause) reports achievements. */
export function isPastText(text: string, opts: TenseOptions): boolean {
  const t = opts.planned ? text.replace(BASELINE, '') : text;
  if (PAST.test(t) || cueWithoutModal(COMPLETED, t) || cueWithoutModal(ACHIEVED, t)) return true;
  if (opts.planned ? RUNNING_TOTAL_DONE.test(t) && !periodAhead(t, opts.reportYear) : RUNNING_TOTAL.test(t)) return true;
  // In a plan, an ended period and a part of the year are what a target is measured against or aims at
  // (比“十三五”时期末下降14%, 在“十三五”基础上, 一季度规模工业增加值增长8%), not what was achieved.
  if (HEDGED.test(t) || opts.planned) return false;
  return PARTIAL_YEAR.test(t) || endedPeriod(t, opts.reportYear);
}

/**
 * What a sentence may say before its own first word: a speaker label of an interview or a Q&A
 * (答：, 记者：, 主持人：, 市统计局局长张三：) and a source lead-in of a news story or a bulletin (据统计，
 * 据市统计局初步核算， 数据显示， 经初步核算). Neither changes what the sentence frames, so the review frame
 * and the past year are read after them: "答：2024年，全市…" opens a review as "2024年，全市…" does.
 */
const SPEAKER = /^[\s\u3000]*(?:问|答|[QA]|记者|主持人|嘉宾|发布人|发言人|网友|[^\s,，。:：;；!?！？]{1,12}?(?:局长|主任|市长|县长|区长|书记|负责人|发言人))[\s\u3000]*[:：][\s\u3000]*/;
const LEAD_IN = /^(?:据[^,，。:：;；]{0,14}(?:统计|核算|测算|了解|介绍|监测|调查|数据|显示|报道|消息)|[^,，。:：;；]{0,12}(?:数据|统计|资料|监测|核算)(?:结果)?显示|(?:经|据)?初步(?:核算|统计|测算))[\s\u3000]*[,，:：][\s\u3000]*/;

/** The sentence without its speaker label and source lead-in (see SPEAKER, LEAD_IN). */
export function stripLeadIn(t: string): string {
  return t.replace(SPEAKER, '').replace(LEAD_IN, '');
}

/**
 * A sentence governed by a year before the report's: "2022年，全市经济…", "2022年全年…", "截至2022年底，…",
 * "2022年以来". 到/至 are included: in a report of 2025, "到2024年底，全市已…" looks back. The first sentence
 * of a paragraph (`first`) needs no comma: "2022年全市地区生产总值增长5.3%" opens a news story or an answer
 * as a statistics bulletin does. A span (2024—2026年, 2024年至2026年) or a start (2024年起) reaches into the
 * report's year and frames nothing.
 */
function opensWithPastYear(t: string, reportYear: number | null, first: boolean): boolean {
  if (reportYear === null) return false;
  const lead = /^(?:截至|截止到?|到|至|在)?/.exec(t)![0].length;
  const y = findYears(t, lead, Math.min(t.length, lead + 6))[0];
  if (y === undefined || y.start !== lead || y.year >= reportYear) return false;
  const rest = t.slice(y.end);
  if (/^(?:[,，]|全年|以来|(?:底|末|度)[,，])/.test(rest)) return true;
  return first && !/^(?:[-—–~至到起]|[0-9])/.test(rest);
}

/** Whether t opens with a year not before the report's (2023年，… in a report of 2023). */
function opensWithYearFrom(t: string, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  const y = findYears(t, 0, Math.min(t.length, 6))[0];
  return y !== undefined && y.start === 0 && y.year >= reportYear;
}

/**
 * The tense a paragraph carries from sentence to sentence: after "报告回顾了过去一年的工作。" or
 * "一年来，我们攻坚克难。" the figures that follow are achievements, until a sentence looks ahead
 * (今年 / 目标 / 力争 …) or a new section starts. A frame opened by a sentence that is the look back
 * (过去一年，… / 一年来，…) carries on to the next lines — a page sets each paragraph of a review on its own line, and the review
 * runs over several — while one a past year opens ("2023年，全市…") ends with its line: a news list puts
 * the next story, of another year, on the next.
 */
export class ParagraphTense {
  private line = -1;
  private section: unknown = null;
  /** The frame was opened by a look back (FRAME), which outlives its line. */
  private lasting = false;
  /** The line and section of the sentence read last: the next one on another line opens a paragraph. */
  private lastLine = -1;
  private lastSection: unknown = null;

  /**
   * Reads the next sentence (starting the line at `line`, in `section`); returns whether it is inside a
   * review frame opened by an earlier sentence of its paragraph.
   */
  read(text: string, line: number, section: unknown, opts: TenseOptions): boolean {
    if (section !== this.section || (line !== this.line && !this.lasting)) this.line = -1;
    const first = line !== this.lastLine || section !== this.lastSection;
    this.lastLine = line;
    this.lastSection = section;
    // A plan's paragraphs look ahead whatever they recall on the way.
    if (opts.planned) {
      this.line = -1;
      return false;
    }
    const t = stripLeadIn(text).replace(BASELINE, '');
    let framed = this.line >= 0;
    // A sentence that looks ahead ends the frame, and so does one that opens with the report's year or
    // later ("2023年，全市…增长6%左右" after a paragraph on the year before): a new year's paragraph.
    if (framed && ((FORWARD.test(t) && !isPastText(text, opts)) || opensWithYearFrom(t, opts.reportYear))) {
      framed = false;
      this.line = -1;
    }
    const look = FRAME.test(t) && !AHEAD.test(t);
    if (look || opensWithPastYear(t, opts.reportYear, first && !AHEAD.test(t))) {
      // Only a sentence that is itself the look back lasts (过去一年，全市…); one that says a report gives
      // it (报告回顾了过去一年的工作。) is an article's summary, whose next paragraph is usually the plan.
      // A year frame inside a lasting one keeps it lasting.
      this.lasting = (look && LOOK_BACK.test(t)) || (framed && this.lasting);
      this.line = line;
      this.section = section;
    }
    return framed;
  }
}

/**
 * A bracketed aside: 地方一般公共预算收入增长6%左右（上年为5.2%）. It comments on its clause — last year's
 * figure, a definition, a part (其中…) — and its tense is its own: 上年 in it does not make the target
 * before it an achievement. One line, no nested brackets, at most 80 characters.
 */
const ASIDE = /[（(][^（()）\n]{1,80}[)）]/g;

export interface Aside {
  /** The opening bracket. */
  start: number;
  /** After the closing bracket. */
  end: number;
}

/** Every aside of s, in order. */
export function findAsides(s: string): Aside[] {
  const out: Aside[] = [];
  ASIDE.lastIndex = 0;
  for (let m = ASIDE.exec(s); m; m = ASIDE.exec(s)) {
    // A bracketed year dates what it follows (地区生产总值（2022年）达到…): it is the clause's time, not an aside.
    if (BARE_TIME.test(m[0].slice(1, -1))) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
const BARE_TIME = /^\s*(?:[0-9〇零一二三四五六七八九]{4}年(?:底|末|度)?|去年|上年|今年|明年)\s*$/;

/** `s` with the inside of each aside blanked (same length, so offsets hold), to read the tense around them. */
export function blankAsides(s: string, asides: readonly Aside[]): string {
  if (!asides.length) return s;
  let out = '';
  let from = 0;
  for (const a of asides) {
    out += s.slice(from, a.start + 1) + ' '.repeat(a.end - a.start - 2);
    from = a.end - 1;
  }
  return out + s.slice(from);
}

/** The aside holding offset i, or null. */
export function asideAt(asides: readonly Aside[], i: number): Aside | null {
  let lo = 0;
  let hi = asides.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (asides[mid]!.end <= i) lo = mid + 1;
    else hi = mid;
  }
  const a = asides[lo];
  return a && a.start < i && i < a.end - 1 ? a : null;
}

/**
 * Relative time words; 今年以来 (since the start of this year) looks back, 上年/去年 as a base is masked
 * first, and 未来 counts only as a time (未来五年, 未来一个时期), not in a name (未来社区, 未来乡村).
 */
const AHEAD_WORD = /今年(?!以来)|本年度?|明年|新的一年|今后|未来(?=[0-9一二三四五六七八九十两几]+年|一个?时期|一段时[期间]|[,，])|下一步/g;
const PAST_WORD = /去年|上年|前年|过去/g;
/**
 * A five-year period named as the time of what follows ("十三五"期间, “十四五”时期, 十三五以来) dates it as a
 * year does — in a plan's chapters too, which recall the period before on the way to their targets:
 * "“十三五”期间，全省高新技术企业由2600家增加到8700家，到2025年突破1.5万家". Not a base (比/较“十三五”时期,
 * “十三五”时期末, 在“十三五”时期基础上): what a target is measured against.
 */
const PERIOD_TIME = /十([一二三四五六七八九])五["”」’']?(?:期间|时期|以来)(?!末|的?基础|的?水平)/g;
const COMPARED = /[比较与同]["“「‘']?$/;

/**
 * The time a period mark names: 以来 looks back from now; a period that ended before the report's year is
 * past, one that reaches into it is ahead (“十四五”时期 in a report of 2025 is still running, as 2024—2026年 is).
 */
function periodTime(plan: number, since: boolean, reportYear: number | null): TimeMark['time'] {
  if (since) return 'past';
  if (reportYear === null) return null;
  // The Nth five-year plan ends in 1955 + 5N (十三五: 2016–2020).
  return 1955 + 5 * plan < reportYear ? 'past' : 'ahead';
}

/**
 * The time the text s[from, to) last names before `to`: a year (not a base: 比2020年, 2020年的基础上),
 * 今年/明年/今后, 去年/上年/过去 or a five-year period (PERIOD_TIME). 'past' for a year before the report's or a past word, 'ahead' for the
 * report's year or later, a span reaching on (2024—2026年) or an ahead word; null when none is named.
 * "2023年全市新建5G基站2000个，今年新建1500个以上": 1500 is governed by 今年, 2000 by 2023年.
 */
export function timeBefore(s: string, from: number, to: number, reportYear: number | null): 'past' | 'ahead' | null {
  return lastTime(timeMarks(s, from, to, reportYear), from, to);
}

export interface TimeMark {
  at: number;
  end: number;
  time: 'past' | 'ahead' | null;
}

/**
 * Every time s[from, to) names (see timeBefore), by position: worked out once for a sentence, then read
 * for each of its values (lastTime), so a sentence of thousands of values is not rescanned for each.
 */
export function timeMarks(s: string, from: number, to: number, reportYear: number | null): TimeMark[] {
  const marks: TimeMark[] = [];
  for (const y of findYears(s, from, to)) {
    if (isBaseYear(s, y)) continue;
    marks.push({ at: y.start, end: y.end, time: reportYear === null ? null : y.year < reportYear && !opensSpan(s, y) ? 'past' : 'ahead' });
  }
  const t = s.slice(from, to).replace(BASELINE, (m) => ' '.repeat(m.length));
  for (const [re, kind] of [
    [AHEAD_WORD, 'ahead'],
    [PAST_WORD, 'past'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) marks.push({ at: from + m.index, end: from + m.index + m[0].length, time: kind });
  }
  PERIOD_TIME.lastIndex = 0;
  for (let m = PERIOD_TIME.exec(t); m; m = PERIOD_TIME.exec(t)) {
    if (COMPARED.test(t.slice(Math.max(0, m.index - 2), m.index))) continue;
    const plan = 10 + '一二三四五六七八九'.indexOf(m[1]!) + 1;
    marks.push({ at: from + m.index, end: from + m.index + m[0].length, time: periodTime(plan, m[0].endsWith('以来'), reportYear) });
  }
  return marks.sort((x, y) => x.at - y.at);
}

/** The time of the last mark wholly inside [from, to), or null. */
export function lastTime(marks: readonly TimeMark[], from: number, to: number): 'past' | 'ahead' | null {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.at < to) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && marks[i]!.at >= from; i--) if (marks[i]!.end <= to) return marks[i]!.time;
  return null;
}
