import type { UnknownSlogan } from '../types';
import { toOriginalSpan, type FoldedText } from '../text/normalize';
import { overlapTest } from '../text/ranges';

/*
 * Quoted numeric slogans nobody defines. Reports coin counted slogans — 三清三建, 一拆二改三清四化,
 * 两站, 五个一批 — and quote them; the quote plus the counting structure is what separates them from
 * ordinary numerals. The rules below are structural (where the numeral sits, what follows it); the
 * idiom list is only a backstop for 成语 that have exactly the slogan shape (三心二意 ≈ 三清三建).
 */

const MIN_INNER = 2;
const MAX_INNER = 12;

// Counters: a run of Chinese numerals or of digits. 双 is always a counter of its own (双一流 = 双 + 一流),
// never part of a number, so it is not merged into runs.
const RUN_RE = /双|[一二三四五六七八九十两百千万零〇]+|[0-9]+/g;
// Units after which a numeral is a quantity, not a slogan counter (三个月, 两年, 五次, 3步, 两种, 三级:
// a count of tiers, as in 三级联动, 三级医院, 县乡村三级).
// 个/项/条/张/类/批/大/位/字 are deliberately absent: slogans count with them (三个代表, 八项规定,
// 三条红线, 五张网, 三类500强, 六大强农, 六位, 八字方针).
const UNIT = '年月日天号时点分秒周岁元块角毛米里斤吨亩克升倍次遍回趟届期层级楼成人名口户家种步件只本页行句声下把杯碗';
// Measures of more than one character: 八小时以外, 五分钟, 三个星期, 两公里.
const UNIT_WORD = '小时|钟头|分钟|星期|礼拜|世纪|年代|周年|季度|公里|公斤|公顷|千米|平方|立方';
const QUANTITY_START_RE = new RegExp(`^(?:个|多|余|来)?(?:${UNIT_WORD}|[${UNIT}])`);
const QUANTITY_ONLY_RE = new RegExp(`^(?:个|多|余|来)?(?:${UNIT_WORD}|[${UNIT}])+$`);
const SOFT_CLASSIFIER_RE = /^[个项条张类批大位]$/;
// A lone counter heading a slogan. 一 is lexical far more often than it counts (一般, 一体化, 一键);
// 二 does not count nouns in Chinese (the counting form is 两: 两站, not 二站); 十/百/千/万 alone
// start ordinary words (十分, 百姓, 千万).
const SINGLE_COUNTER_RE = /^[两双三四五六七八九]$/;
// Counters with nothing after them: five-year-plan periods (十四五, 八五), place-value programme names
// (百千万, 千百十) and three-digit programme numbers read digit by digit (三三五 = 3 platforms, 3
// priorities, 5 unifications) — but not counting aloud (一二三, 三四五).
const PURE_RUN_RE = /^(?:十[一二三四五六七八九]五|[六七八九]五|[十百千万]{3,}|[一二三四五六七八九两]{3})$/;
const DIGIT_VALUE: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function isCounting(run: string): boolean {
  const v = [...run].map((c) => DIGIT_VALUE[c] ?? -1);
  return v.length >= 3 && v.every((x, i) => i === 0 || x === v[i - 1]! + 1);
}
/**
 * A three-digit run that reads as a month and a day names a date, as anniversaries are written (九一八 =
 * 9.18, 一二九 = 12.9, 三一五 = 3.15); programme numbers (三三五) do not.
 */
function isDate(run: string): boolean {
  const v = [...run].map((c) => DIGIT_VALUE[c] ?? -1);
  if (v.length !== 3 || v.some((x) => x < 0)) return false;
  const [a, b, c] = v as [number, number, number];
  const monthDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
  return monthDay(a, 10 * b + c) || monthDay(10 * a + b, c);
}
// 1+N, 1+X, 4+2: digits or single letters joined by plus signs.
const PLUS_RE = /^(?:[0-9]{1,2}|[一二三四五六七八九十两])(?:\+(?:[0-9]{1,2}|[A-Za-z]|[一二三四五六七八九十两]))+$/;
const HAN_RE = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;

// Numeral 成语 that have the slogan shape and pass the structural rules; idioms the rules already
// reject (一日千里, 三天两头: a measure after the first numeral) need no entry.
export const NUMERAL_IDIOMS: ReadonlySet<string> = new Set(
  (
    '一心一意 一模一样 一清二楚 一干二净 一穷二白 一举两得 一石二鸟 一箭双雕 一刀两断 一分为二 ' +
    '一心二用 一波三折 一朝一夕 一生一世 一丝一毫 一草一木 一言一行 一举一动 一针一线 一砖一瓦 ' +
    '一来二去 一差二错 一唱一和 一张一弛 一问一答 一上一下 一前一后 一左一右 一东一西 一长一短 ' +
    '一高一低 一进一出 两面三刀 两全其美 两袖清风 两小无猜 两败俱伤 三心二意 三言两语 三番五次 ' +
    '三令五申 三长两短 三从四德 三教九流 三头六臂 三思而行 三顾茅庐 三足鼎立 三生有幸 三缄其口 ' +
    '三更半夜 三宫六院 三姑六婆 三灾八难 三推六问 四面八方 四通八达 四平八稳 四海为家 四面楚歌 ' +
    '四季如春 四书五经 五湖四海 五花八门 五颜六色 五光十色 五体投地 五谷丰登 五脏六腑 五马分尸 ' +
    '五大三粗 六神无主 六亲不认 六根清净 七上八下 七嘴八舌 七手八脚 七拼八凑 七情六欲 七窍生烟 ' +
    '七老八十 七长八短 八面玲珑 八仙过海 八方来财 八九不离十 九死一生 九牛一毛 九霄云外 九九归一 ' +
    '十全十美 十拿九稳 十有八九 十室九空 百发百中 百战百胜 百依百顺 百里挑一 百无一失 千方百计 ' +
    '千军万马 千丝万缕 千变万化 千辛万苦 千言万语 千山万水 千秋万代 千锤百炼 千奇百怪 千疮百孔 ' +
    '千篇一律 千钧一发 千载一时 万水千山 万紫千红 万无一失 万众一心 三天打鱼两天晒网 五十步笑百步'
  ).split(' '),
);

// Ordinary words that have the slogan shape: 双 as an adjective (双赢, 双向, 双方), geometry, eras, the
// shopping days named by their date (双十一 = 11.11), the top hospital grade (三甲 = 三级甲等), the
// seasons and directions (“四季”文旅节), places named by a numeral (四川, 九州, 三峡). Like the idiom
// list, a backstop: 双减, 双控, 双碳 have the very same shape and are slogans.
export const ORDINARY_WORDS: ReadonlySet<string> = new Set(
  (
    '双赢 双向 双方 双重 双手 双边 双语 双面 双打 双眼 双亲 双全 双休 双休日 双胞胎 双轨制 ' +
    '双十一 双十二 三甲 三维 四维 五维 三相 两栖 四边形 五边形 六边形 八边形 三国 两汉 五代 六朝 五官 四合院 五星红旗 ' +
    '四季 四方 八方 四肢 五金 八卦 九州 四川 三峡 三亚 五岳'
  ).split(' '),
);

/** True when the inside of a quote is a counted slogan. `s` is folded (simplified, half-width). */
export function isNumericSlogan(s: string): boolean {
  return hasSloganShape(s) && !NUMERAL_IDIOMS.has(s) && !ORDINARY_WORDS.has(s);
}

/** The structural test alone, without the idiom backstop. */
export function hasSloganShape(s: string): boolean {
  if (s.length < MIN_INNER || s.length > MAX_INNER) return false;
  for (const ch of s) if (!HAN_RE.test(ch) && !/[0-9A-Za-z+]/.test(ch)) return false; // punctuation: speech, not a slogan
  if (s.includes('+')) return PLUS_RE.test(s);
  if (/[A-Za-z]/.test(s)) return false; // 5G, v2: product names and versions

  const runs = [...s.matchAll(RUN_RE)];
  const first = runs[0];
  // The counter heads the slogan: 第一, 最多跑一次, 接二连三 do not count anything.
  if (!first || first.index !== 0) return false;
  if (runs.some((r) => /[零〇]/.test(r[0]))) return false; // 二〇三五年, 三百零五: dates and numbers
  // Digits count slogans only in small numbers (1+N, 三类500强 after a Chinese counter); a leading
  // 2021 is a year that titles something (2021中国百佳县市).
  if (/^[0-9]{3,}/.test(first[0])) return false;
  if (first[0].length === s.length) return PURE_RUN_RE.test(s) && !isCounting(s) && !isDate(s);

  const rests = runs.map((r, i) => s.slice(r.index + r[0].length, runs[i + 1]?.index ?? s.length));
  const rest = rests[0]!;
  if (runs.length >= 2) {
    // Several counters (三清三建, 五个一批, 三类500强): only a leading measure makes it a quantity
    // (三年两个月, 一日千里).
    return !QUANTITY_ONLY_RE.test(rest);
  }
  // One counter: 六稳, 两站, 三集中, 六大强农, 三个代表, 十大工程.
  const counter = first[0];
  if (QUANTITY_START_RE.test(rest) || SOFT_CLASSIFIER_RE.test(rest)) return false;
  if (counter === '十') return /^[大项个条]./.test(rest);
  if (!SINGLE_COUNTER_RE.test(counter)) return false;
  // N个 + one character is a plain count (三个字, 两个人); counted slogans name a two-character thing.
  if (rest.startsWith('个') && rest.length < 3) return false;
  return true;
}

// Opening quote → its closing quote, as UTF-16 units: “” 「」 『』 ‘’ and the straight " (full-width ＂
// is already folded to it). Compared as numbers: indexing a string yields a fresh one-character
// string for every CJK character, which made this scan twenty times slower.
const QUOTE_CLOSE = new Map<number, number>([
  [0x201c, 0x201d],
  [0x300c, 0x300d],
  [0x300e, 0x300f],
  [0x2018, 0x2019],
  [0x22, 0x22],
]);
const STRAIGHT = 0x22;

function isCloser(c: number): boolean {
  return c === 0x201d || c === 0x300d || c === 0x300f || c === 0x2019;
}

interface QuotePair {
  open: number;
  close: number;
  /** Open index of the enclosing quote on the same line, or -1. */
  parent: number;
}

/** Quote pairs of one line of folded text, nested quotes included. */
function quotePairs(text: string, from: number, to: number): QuotePair[] {
  const stack: Array<{ close: number; pos: number }> = [];
  const pairs: QuotePair[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Quotes live in U+2018–201D and U+300C–300F (plus the straight quote): two comparisons reject
    // almost every character, Han included.
    if (c > 0x300f || (c < 0x2018 && c !== STRAIGHT) || (c > 0x201d && c < 0x300c)) continue;
    const top = stack[stack.length - 1];
    // A straight quote closes an open straight quote, else opens one: "三化""四减" pairs left to right.
    if (c === STRAIGHT && top?.close === STRAIGHT) {
      stack.pop();
      pairs.push({ open: top.pos, close: i, parent: stack[stack.length - 1]?.pos ?? -1 });
      continue;
    }
    const close = QUOTE_CLOSE.get(c);
    if (close !== undefined) {
      stack.push({ close, pos: i });
      continue;
    }
    if (!isCloser(c)) continue;
    // Close the nearest opener of the same style; openers above it were strays.
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.close !== c) continue;
      const open = stack[k]!.pos;
      stack.length = k;
      pairs.push({ open, close: i, parent: stack[k - 1]?.pos ?? -1 });
      break;
    }
  }
  return pairs;
}

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,、：:]/;
// Extracted report text often loses its full stops (a CMS that puts every sentence in its own <span>),
// so a "sentence" can run for a whole paragraph; past this many characters on either side the
// sentence is cut at the nearest clause boundary instead.
const MAX_REACH = 120;

function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1]!) && start - a < MAX_REACH) a--;
  if (a > 0 && !SENTENCE_END.test(text[a - 1]!)) {
    let k = a;
    while (k < start && !CLAUSE_END.test(text[k]!)) k++;
    if (k < start) a = k + 1;
  }
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b]!) && b - end < MAX_REACH) b++;
  if (b < text.length && !SENTENCE_END.test(text[b]!)) {
    let k = b;
    while (k > end && !CLAUSE_END.test(text[k - 1]!)) k--;
    if (k > end) b = k - 1;
  } else if (b < text.length && text[b] !== '\n') b++; // keep the sentence's own full stop
  return text.slice(a, b).trim();
}

/**
 * Quoted numeric slogans the glossary and the page leave undefined, with their sentences. Quotes of
 * any style count; a short quote inside a long one (a character's line of dialogue quoting something)
 * is speech and is skipped. `known` holds original-offset ranges to leave alone: term spans
 * (glossary, page, user) and the page's own glossary entries — a PageGlossaryEntry has start/end too,
 * and the slogans its lines quote are defined right there.
 */
export function findUnknownSlogans(
  text: string,
  folded: FoldedText,
  known: ReadonlyArray<{ readonly start: number; readonly end: number }>,
): UnknownSlogan[] {
  const f = folded.folded;
  const covered = overlapTest(known);

  const out: UnknownSlogan[] = [];
  let lineStart = 0;
  while (lineStart <= f.length) {
    let lineEnd = f.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = f.length;
    const pairs = quotePairs(f, lineStart, lineEnd);
    const closeOf = new Map(pairs.map((p) => [p.open, p.close]));
    for (const p of pairs) {
      const raw = f.slice(p.open + 1, p.close);
      const inner = raw.trim();
      if (inner.length < MIN_INNER || inner.length > MAX_INNER) continue;
      if (p.parent >= 0) {
        // A parent that never closes on this line is dialogue running on into the next paragraph.
        const parentEnd = closeOf.get(p.parent) ?? lineEnd;
        if (parentEnd - p.parent - 1 > MAX_INNER) continue;
      }
      if (!isNumericSlogan(inner)) continue;
      const a = p.open + 1 + (raw.length - raw.trimStart().length);
      const { start, end } = toOriginalSpan(folded, a, a + inner.length);
      if (covered(start, end)) continue;
      out.push({ start, end, text: text.slice(start, end), sentence: sentenceAround(text, start, end) });
    }
    lineStart = lineEnd + 1;
  }
  return out.sort((x, y) => x.start - y.start);
}
