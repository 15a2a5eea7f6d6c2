/**
 * Years: the report's own year, and the target year a sentence or heading points to.
 * All functions take folded (simplified, half-width) text.
 */
import { parseYearAt } from './numbers';

export interface YearMention {
  year: number;
  start: number;
  end: number;
}

const YEAR_START = /[12一二〇零]/;

/** Every 2022年 / 二〇二二年 in s[from, to). */
export function findYears(s: string, from = 0, to = s.length): YearMention[] {
  const out: YearMention[] = [];
  for (let i = s.indexOf('年', from); i >= 0 && i < to; i = s.indexOf('年', i + 1)) {
    // Walk back over at most four digits of either script.
    let k = i;
    while (k > from && i - k < 4 && /[0-9〇零一二三四五六七八九]/.test(s[k - 1]!)) k--;
    if (i - k !== 4 || !YEAR_START.test(s[k]!)) continue;
    const y = parseYearAt(s, k);
    if (y) out.push({ year: y.year, start: k, end: y.end });
  }
  return out;
}

/**
 * A report title line: 2022年邵阳市政府工作报告, 衡南县2022年政府工作报告, 政府工作报告解读④丨实干2022年,
 * 关于…2024年…计划执行情况与2025年…计划草案的报告, 《2025年政府工作报告》名词解释, and the statistical
 * bulletin 2023年南岭市国民经济和社会发展统计公报 (its year is the one it reports on).
 * Not a numbered heading ("十三、…为实现“十四五”规划和二〇三五年远景目标而奋斗"), and the year must be
 * the report's own, not a horizon (到2035年, 二〇三五年远景目标).
 *
 * Prose names the same words: "2024年，我们认真办理人大代表建议325件", "2025年是“十四五”规划收官之年",
 * "今年计划改造老旧小区120个". A title is a name, not a clause: the title word comes before any
 * punctuation, and what follows it is nothing, a title word again (草案的报告, 解读, 名词解释), a
 * parenthesis ((全文), (征求意见稿), (一)), an instalment number (④) or a separator to a subtitle or a
 * site name (丨 : _ —) — never the object of a verb (建议325件, 计划改造…, 规划收官之年).
 */
const TITLE_WORDS = /工作报告|规划纲要|纲要|规划|建议|计划|统计公报/g;
/** Punctuation of prose: a title word after any of these is inside a sentence. */
const PROSE_PUNCT = /[,，。;；!！?？:：、]/;
/** What may follow a title word: more of the title, then its end, a parenthesis, a number or a separator. */
const TITLE_TAIL =
  /^[》”"」]?(?:的?报告|草案|纲要|全文|摘要|(?:政策)?解读|读本|图解|修订稿|征求意见稿|(?:相关|有关)?名词解释|[》”"」])*(?:$|[(（【[〔]|[\u2460-\u2473]|\s*[丨|:：_—–\-·])/;
/** After the book-title marks close the name, a short word says what the page is: 《…报告》政策解读, 》要点速览. */
const BOOK_TAIL = /^》[\u4e00-\u9fff]{0,6}(?:$|[(（【[〔]|\s*[丨|:：_—–\-·])/;

function hasTitleShape(t: string): boolean {
  if (/^(?:[0-9]{4}|[一二〇零]{4})年\s*(?:[,，]|是)/.test(t) || /[。;；!！?？]$/.test(t)) return false;
  for (const m of t.matchAll(TITLE_WORDS)) {
    if (PROSE_PUNCT.test(t.slice(0, m.index))) return false;
    const tail = t.slice(m.index + m[0].length);
    if (TITLE_TAIL.test(tail) || BOOK_TAIL.test(tail)) return true;
  }
  return false;
}

/** A line shaped like a report's title (see above), numbered headings excluded. */
export function isTitleLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 60 && hasTitleShape(t) && !/^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、])/.test(t);
}

export function titleYear(line: string): number | null {
  const t = line.trim();
  if (!isTitleLine(t)) return null;
  const ys = findYears(t);
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]!;
    const before = t[y.start - 1];
    if (before === '到' || before === '至' || t.startsWith('远景', y.end)) continue;
    // "关于2022年…计划执行情况与2023年计划草案的报告" is the report for the year after the one it accounts for.
    const next = ys[i + 1];
    if (next && next.year > y.year && /(?:执行|完成)情况/.test(t.slice(y.end, next.start))) continue;
    return y.year;
  }
  return null;
}

/**
 * The report's year from its text: a title line first, then "2022年是…" (how a work plan opens its
 * year), then the most frequent year that is not a horizon (到2035年, 二〇三五年远景目标).
 */
export function detectReportYear(s: string): number | null {
  let from = 0;
  let lines = 0;
  while (from < s.length && lines < 400) {
    const nl = s.indexOf('\n', from);
    const end = nl < 0 ? s.length : nl;
    if (end - from <= 80) {
      const y = titleYear(s.slice(from, end));
      if (y) return y;
    }
    from = end + 1;
    lines++;
  }
  const counts = new Map<number, number>();
  for (const m of findYears(s)) {
    const after = s.slice(m.end, m.end + 3);
    if (/^,?是/.test(after)) return m.year;
    const before = s[m.start - 1];
    if (before === '到' || before === '至' || before === '-' || after.startsWith('远景')) continue;
    counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The horizon a phrase points to, relative to the report year: 今年/明年/全年/年内 → the report year
 * (明年 in a report read in December is the year the report is for), 十四五时期 → 2025, 十五五 → 2030,
 * 今后五年/未来五年 → the new government's term (report year + 4: a report for 2022 plans 2022–2026,
 * which is why 娄底 writes "力争到2026年").
 */
export function horizonYear(s: string, reportYear: number | null): number | null {
  if (reportYear !== null && /今年|明年|全年|年内/.test(s)) return reportYear;
  // Only the period itself: "今年是实施“十四五”规划的关键之年" names the plan, not a horizon.
  if (/十四五["”]?(?:时期|期间|末)/.test(s)) return 2025;
  if (/十五五["”]?(?:时期|期间|末)/.test(s)) return 2030;
  if (reportYear !== null && /(今后|未来)(五|5)年/.test(s)) return reportYear + 4;
  return null;
}

/**
 * A year a target is measured against, not the time it speaks of: 比2020年翻一番, 较2020年末下降,
 * 由2020年的3500亿元 (增加到…), 与2020年相比, 在2024年(的)基础上, 以2020年为基期.
 */
export function isBaseYear(s: string, y: YearMention): boolean {
  const before = s[y.start - 1] ?? '';
  if (/[比较与同由从]/.test(before)) return true;
  return /^(?:底|末)?(?:的)?(?:基础上|水平上?|基数|为基)/.test(s.slice(y.end, y.end + 6));
}

/** A span or a start that reaches on (2024年至2026年, 2024—2026年, 2024年起): no past time. */
export function opensSpan(s: string, y: YearMention): boolean {
  return /^(?:[-—–~至到](?:20|19|二〇)|起)/.test(s.slice(y.end, y.end + 3));
}

/**
 * The target year a span states: 到2025年 first (not 截至2025年底, which counts up to a date), then any year not before the report year that is not a
 * base, then a horizon word. Years before the report year (比2020年下降) are baselines, not targets, and so
 * is a base in the report's own year (今后五年，地区生产总值比2022年增长50%: the horizon's, not 2022).
 */
export function statedYear(s: string, from: number, to: number, reportYear: number | null): number | null {
  const ys = findYears(s, from, to);
  for (const y of ys) {
    const before = s[y.start - 1];
    // 截至2025年底 / 截止到2025年底 counts up to a date (a running total, the present), not a date a target is due by.
    if ((before === '到' || before === '至') && !/截$|截止$/.test(s.slice(Math.max(0, y.start - 3), y.start - 1))) return y.year;
  }
  for (const y of ys) if ((reportYear === null || y.year >= reportYear) && (!isBaseYear(s, y) || opensSpan(s, y))) return y.year;
  return horizonYear(s.slice(from, to), reportYear);
}

/**
 * A heading that names a five-year plan document as a whole — …第十四个五年规划和二〇三五年远景目标纲要,
 * …第十五个五年规划的建议, “十四五”规划纲要, a field's plan for the period (“十五五”数字经济发展规划, “十五五”养老服务体系建设规划) — and the
 * year the plan ends: its targets without a year of
 * their own are for that year, not for the year the plan was adopted in (2021 for the 十四五 纲要), nor
 * for the year of the vision that comes with it (…和二〇三五年远景目标纲要: a heading that is only
 * "二〇三五年远景目标" does point to 2035).
 * The nth plan ends in 1955 + 5n from the third on (三五 1966–1970 … 十四五 2021–2025, 十五五 2026–2030);
 * the first two (1953–1957, 1958–1962) were followed by three years of readjustment.
 * A 解读 or 图解 of such a plan (《…“十五五”养老服务体系建设规划》政策解读) speaks of its targets too: they are for that year.
 * Only at the end of the heading: "…为实现“十四五”规划和二〇三五年远景目标而奋斗" is a work report's
 * chapter, and "今年是实施“十四五”规划的关键之年" names the plan in passing.
 */
const PLAN_DOC =
  /(?:第([一二三四五六七八九十]{1,3})个五年|["“]?(十[一二三四五六七八九]?|[三四五六七八九])五["”]?)(?:[\u4e00-\u9fff]{2,14}?)?(?:规划|计划)(?:纲要)?(?:和(?:二〇三五|2035)年远景目标(?:纲要)?)?(?:的?建议)?(?:[(（][^)）]{0,10}[)）])?(?:[》”"」]?(?:政策)?(?:解读|图解))?$/;

export function planEndYear(text: string): number | null {
  const m = PLAN_DOC.exec(text.trim());
  if (!m) return null;
  const written = m[1] ?? m[2]!;
  const n = written === '十' ? 10 : written.length === 2 ? 10 + '一二三四五六七八九'.indexOf(written[1]!) + 1 : '一二三四五六七八九十'.indexOf(written) + 1;
  return n >= 3 ? 1955 + 5 * n : null;
}
