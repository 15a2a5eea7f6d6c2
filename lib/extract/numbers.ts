/**
 * Numbers and quantities as Chinese government reports write them: ASCII and full-width digits,
 * decimals, Chinese numerals (一千一百万, 百分之五点五, 二〇二五), ranges (5%-5.5%, 5.5%至6%),
 * units with their 万/亿 multiplier kept (4.7万人 → 4.7 + 万人, never 47000) and a trailing
 * qualifier (以上, 左右, 以内 …).
 *
 * The scanners expect folded text (lib/text/normalize.ts: simplified, half-width) and also read
 * full-width digits; parseQuantity folds its argument itself. Every function is a forward scan from a
 * position: no regex, no backtracking.
 */
import type { Qualifier } from '../types';
import { foldChars } from '../text/normalize';

export interface ParsedNumber {
  value: number;
  start: number;
  /** Exclusive end of the numeral itself (before any 万/亿 the caller keeps as unit). */
  end: number;
  /** 万 / 亿 a Chinese numeral stopped at, to be kept in the unit (一千一百万 → 1100 + 万). */
  big: string;
  chinese: boolean;
  /** 百分之… / 千分之… form: the unit is already % / ‰ ('' otherwise). */
  per: '' | '%' | '‰';
}

export interface Quantity {
  /** Start of the numeral (or of 百分之 / 千分之). */
  start: number;
  /** End of numeral + unit (+ range), before the qualifier. */
  valueEnd: number;
  /** End including the trailing qualifier. */
  end: number;
  value: number;
  valueMax: number | null;
  unit: string;
  qualifier: Qualifier;
  /** The qualifier word as written (以下 is reported as 以内, see QUALIFIERS). */
  qualifierText: string;
  chinese: boolean;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Per code unit: 1 + digit value for 零〇一…九两, 20 for 十百千, 0 otherwise (hot path: a table, not `in`). */
const CN_CLASS = new Uint8Array(0x10000);
for (const [ch, v] of Object.entries(CN_DIGIT)) CN_CLASS[ch.charCodeAt(0)] = v + 1;
for (const ch of Object.keys(CN_SMALL)) CN_CLASS[ch.charCodeAt(0)] = 20;

function isCnDigitCode(code: number): boolean {
  const c = CN_CLASS[code] ?? 0;
  return c > 0 && c <= 10;
}

export function isAsciiDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

function digitValue(code: number): number {
  return code >= 0xff10 ? code - 0xff10 : code - 0x30;
}

function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

export function isCnNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && CN_CLASS[ch.charCodeAt(0)]! > 0;
}

function isCnNumeralCode(code: number): boolean {
  return (CN_CLASS[code] ?? 0) > 0;
}

/** ASCII / full-width digits with an optional decimal part. */
export function parseArabicAt(s: string, i: number): ParsedNumber | null {
  let j = i;
  let int = 0;
  while (j < s.length && isAsciiDigit(s.charCodeAt(j))) int = int * 10 + digitValue(s.charCodeAt(j++));
  if (j === i) return null;
  let value = int;
  if (j + 1 < s.length && isDot(s.charCodeAt(j)) && isAsciiDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    let frac = '';
    while (k < s.length && isAsciiDigit(s.charCodeAt(k))) frac += String(digitValue(s.charCodeAt(k++)));
    value = Number(`${int}.${frac}`);
    j = k;
  }
  return { value, start: i, end: j, big: '', chinese: false, per: '' };
}

/**
 * Chinese numeral at i. Two shapes:
 *  - positional with 十百千 (and 万/亿 in the middle: 三万五千 = 35000), optional 点 decimals;
 *    a trailing 万/亿 with nothing after it is left to the unit (一千一百万 → 1100, big 万).
 *  - a digit string (二〇二五) — only when it contains 〇/零 or is a year (followed by 年); otherwise
 *    runs like 一二三产业 are enumerations, not numbers.
 * Returns null for fragments of slogans such as 十四五 (a digit right after a completed digit).
 */
export function parseChineseAt(s: string, i: number): ParsedNumber | null {
  if (!isCnNumeralCode(s.charCodeAt(i))) return null;
  // Digit-string form.
  if (isCnDigitCode(s.charCodeAt(i)) && isCnDigitCode(s.charCodeAt(i + 1))) {
    let j = i;
    let digits = '';
    let hasZero = false;
    while (j < s.length && isCnDigitCode(s.charCodeAt(j))) {
      const v = CN_CLASS[s.charCodeAt(j)]! - 1;
      if (v === 0) hasZero = true;
      digits += String(v);
      j++;
    }
    if (isCnNumeralCode(s.charCodeAt(j)) || s[j] === '万' || s[j] === '亿') return null;
    if (!hasZero && s[j] !== '年') return null;
    return { value: Number(digits), start: i, end: j, big: '', chinese: true, per: '' };
  }
  let total = 0;
  let section = 0;
  let num = -1; // pending digit, -1 when none
  let j = i;
  let big = '';
  let lastSmall = 0;
  for (; j < s.length; j++) {
    const code = s.charCodeAt(j);
    const cls = CN_CLASS[code]!;
    if (cls === 1) continue; // 零/〇 only marks a gap (一百零五)
    if (cls > 1 && cls <= 10) {
      if (num >= 0) return null; // 十四五: a digit after a digit is not a numeral
      num = cls - 1;
      continue;
    }
    if (cls === 20) {
      const mult = code === 0x5341 ? 10 : code === 0x767e ? 100 : 1000; // 十 百 千
      if (lastSmall && mult >= lastSmall && num < 0) return null; // 十百, 百百
      section += (num < 0 ? 1 : num) * mult;
      lastSmall = mult;
      num = -1;
      continue;
    }
    if (code === 0x4e07 || code === 0x4ebf) {
      // 万 亿
      if (!isCnNumeralCode(s.charCodeAt(j + 1))) {
        big = s[j]!;
        break;
      }
      total = (total + section + Math.max(num, 0)) * (code === 0x4e07 ? 1e4 : 1e8);
      section = 0;
      num = -1;
      lastSmall = 0;
      continue;
    }
    if (code === 0x70b9 && num >= 0 && isCnDigitCode(s.charCodeAt(j + 1))) {
      // 点: decimals digit by digit (五点五 = 5.5)
      let k = j + 1;
      let frac = '';
      while (k < s.length && isCnDigitCode(s.charCodeAt(k))) frac += String(CN_CLASS[s.charCodeAt(k++)]! - 1);
      const whole = total + section + num;
      return { value: Number(`${whole}.${frac}`), start: i, end: k, big: '', chinese: true, per: '' };
    }
    break;
  }
  if (j === i) return null;
  const value = total + section + Math.max(num, 0);
  return { value, start: i, end: j, big, chinese: true, per: '' };
}

/**
 * Any number at i: 百分之… (%), 千分之… (‰: 人口自然增长率控制在千分之五以内, 婴儿死亡率千分之4.5),
 * ASCII/full-width, Chinese.
 */
export function parseNumberAt(s: string, i: number): ParsedNumber | null {
  const per = s.startsWith('百分之', i) ? '%' : s.startsWith('千分之', i) ? '‰' : '';
  if (per) {
    const n = parseArabicAt(s, i + 3) ?? parseChineseAt(s, i + 3);
    if (!n || n.big) return null;
    return { ...n, start: i, per };
  }
  return parseArabicAt(s, i) ?? parseChineseAt(s, i);
}

/** Multipliers kept in the unit, longest first (1千亿元 as 1 + 千亿元, like 5千万元). */
const MULTIPLIERS = ['万亿', '千亿', '千万', '百万', '万', '亿'];

/**
 * Measure words and units that follow a target value, longest first. Deliberately without 月/级/强:
 * 1至4月, 5A级 and 50强 are labels, not target values. 年 and 岁 are units only at the end of a clause
 * (see DURATION_UNITS). 成 is tenths as written (六成以上 → 6 成), kept like 倍 rather than turned into %.
 */
const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '立方米', '千瓦时', '标准箱', '人次', '标箱',
  '微克/立方米', '毫克/立方米', '微克每立方米', '毫克每立方米', '微克', '毫克',
  '吨标准煤/万元', '吨标准煤', '吨标煤', '个工作日', '工作日', '人年',
  '公里', '千米', '公顷', '千瓦', '兆瓦', '公斤', '千克', '美元', '小时', '年', '岁', '天',
  '%', '‰', '吨', '斤', '亩', '米', '元', '人', '户', '个', '家', '所', '座', '条', '处', '项', '件', '台',
  '套', '辆', '列', '架', '艘', '名', '位', '张', '床', '间', '栋', '批', '场', '次', '倍', '块', '株',
  '棵', '头', '只', '羽', '份', '册', '篇', '例', '班', '成',
];

/**
 * 年 and 岁 measure a target (人均预期寿命达到79岁, 平均受教育年限提高到11.3年) only where the value
 * closes its clause; elsewhere they are labels and dates (2022年, 0-3岁婴幼儿, 用5年时间, 3岁以下婴幼儿).
 */
const DURATION_UNITS = new Set(['年', '岁']);
const DURATION_MAX = 150;

function closesClause(s: string, i: number): boolean {
  const ch = s[i];
  return ch === undefined || /[\s\u200b,，。;；:：!！?？、)）”"'’]/.test(ch);
}

/** Words of a list grouped by first code unit, longest first, so matching costs one map lookup. */
function byFirst(list: readonly string[]): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const w of [...list].sort((a, b) => b.length - a.length)) {
    const k = w.charCodeAt(0);
    const bucket = m.get(k);
    if (bucket) bucket.push(w);
    else m.set(k, [w]);
  }
  return m;
}

function matchFrom(s: string, i: number, index: Map<number, string[]>): string {
  const bucket = index.get(s.charCodeAt(i));
  if (bucket) for (const w of bucket) if (s.startsWith(w, i)) return w;
  return '';
}

const MULTIPLIER_INDEX = byFirst(MULTIPLIERS);
const UNIT_INDEX = byFirst(UNITS);

/** Unit after a number: optional 万/亿 multiplier, then a base unit. */
export function parseUnitAt(s: string, i: number, big: string): { unit: string; end: number } {
  let j = i;
  let mult = big;
  if (big) j += 1; // the numeral stopped right before its 万/亿
  else {
    const m = matchFrom(s, j, MULTIPLIER_INDEX);
    if (m) {
      mult = m;
      j += m.length;
    }
  }
  const base = matchFrom(s, j, UNIT_INDEX);
  return { unit: mult + base, end: j + base.length };
}

/**
 * Postfix qualifiers. The Target contract has no 以下: "15.7%以下" / "30%以下" are upper bounds just like
 * 以内, so they are reported as 以内 (qualifierText keeps the written word).
 */
const POSTFIX_QUALIFIERS: Array<[string, Qualifier]> = [
  ['以上', '以上'], ['左右', '左右'], ['上下', '左右'], ['以内', '以内'], ['之内', '以内'], ['以下', '以内'],
  // 100家及以上: "and above", the same bound.
  ['及以上', '以上'], ['及以下', '以内'],
];

export function parseQualifierAt(s: string, i: number): { qualifier: Qualifier; text: string } {
  for (const [w, q] of POSTFIX_QUALIFIERS) if (s.startsWith(w, i)) return { qualifier: q, text: w };
  return { qualifier: '', text: '' };
}

const RANGE_SEPARATORS = byFirst(['-', '—', '–', '~', '至', '到', '－', '～']);

/**
 * A full quantity at i: number, unit, optional range, qualifier. Returns null when there is no number
 * or when a Chinese numeral has no unit (一批, 一体, 六稳 are words, not quantities).
 */
/** parseUnitAt, with 年/岁 kept only at the end of a clause (after any qualifier) and below DURATION_MAX. */
function unitOf(s: string, j: number, n: ParsedNumber): { unit: string; end: number } {
  const u = parseUnitAt(s, j, n.big);
  if (!DURATION_UNITS.has(u.unit)) return u;
  const closes = n.value < DURATION_MAX && closesClause(s, u.end + parseQualifierAt(s, u.end).text.length);
  return closes ? u : { unit: '', end: j };
}

export function parseQuantityAt(s: string, i: number): Quantity | null {
  const n1 = parseNumberAt(s, i);
  if (!n1) return null;
  let unit = '';
  let j = n1.end;
  // 5G, 4A级, 3D: a number glued to Latin letters is a label — unless the letters are a unit of computing
  // power, which plans write in Latin (算力规模达到300EFLOPS, 智能算力20 EFLOPS is not glued and not read).
  const latin = !n1.big && isAsciiLetter(s.charCodeAt(n1.end)) ? FLOPS.exec(s.slice(n1.end, n1.end + 8)) : null;
  if (!n1.big && isAsciiLetter(s.charCodeAt(n1.end)) && !latin) return null;
  if (latin) {
    unit = latin[0].toUpperCase();
    j += latin[0].length;
  } else if (n1.per) unit = n1.per;
  else if (!n1.chinese && PER_POPULATION.test(s.slice(j, j + 6))) {
    // 孕产妇死亡率控制在9/10万以下: a rate per 100,000 people, whose base is its unit (not a second figure, 10万).
    const per = PER_POPULATION.exec(s.slice(j, j + 6))![0];
    unit = per;
    j += per.length;
  } else if (!n1.chinese && RATIO_TO_ONE.test(s.slice(j, j + 3))) {
    // 城乡居民收入比缩小到1.8:1 — a ratio to one is written with its ":1", which is its unit (a score, 3:1, has
    // no decimal and no 比 in its name; the caller's name check leaves it out of non-reports anyway).
    unit = ':1';
    j += 2;
  } else {
    const u = unitOf(s, j, n1);
    unit = u.unit;
    j = u.end;
  }
  if (n1.chinese && !unit) return null;
  let valueMax: number | null = null;
  // Range: 5%-5.5%, 5-5.5%, 5%—6%, 5.5%至6%. The second number must carry the same unit (or the
  // first none), otherwise "至" is just the next word.
  const sep = matchFrom(s, j, RANGE_SEPARATORS);
  if (sep) {
    const n2 = parseNumberAt(s, j + sep.length);
    if (n2 && n2.chinese === n1.chinese) {
      let unit2 = '';
      let k = n2.end;
      if (n2.per) unit2 = n2.per;
      else {
        const u2 = unitOf(s, k, n2);
        unit2 = u2.unit;
        k = u2.end;
      }
      // The second number must carry a unit (1至4月, 2021-2025年 are spans of months and years).
      if (unit2 !== '' && (unit === '' || unit === unit2) && n2.value > n1.value) {
        valueMax = n2.value;
        unit = unit || unit2;
        j = k;
      }
    }
  }
  const q = parseQualifierAt(s, j);
  return {
    start: n1.start,
    valueEnd: j,
    end: j + q.text.length,
    value: n1.value,
    valueMax,
    unit,
    qualifier: q.qualifier,
    qualifierText: q.text,
    chinese: n1.chinese,
  };
}

/** Computing power in Latin units (E/P/T + FLOPS), as written or in lower case. */
const FLOPS = /^[EPTept]FLOPS(?![A-Za-z])/i;
/** A rate per so many people, as health statistics write it: 9/10万, 1.5/万, 3/千 (十万 in words too). */
const PER_POPULATION = /^\/(?:10万|100万|十万|万|千)(?![0-9.元米克瓦吨亩斤公])/;
/** A ratio to one: ":1" or "：1" (folded to ":"), not ":10" or "1:1.5". */
const RATIO_TO_ONE = /^:1(?![0-9.])/;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * True when a number may start at i: not inside another number, not an ordinal (第三), not glued to
 * Latin letters (P1, 5G, VAMA三期 are labels).
 */
export function canStartNumberAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const startsCn = isCnNumeralCode(c);
  if (!isAsciiDigit(c) && !startsCn) return false;
  if (i === 0) return true;
  const p = s.charCodeAt(i - 1);
  if (isAsciiDigit(p) || isDot(p) || isAsciiLetter(p)) return false;
  const prev = s[i - 1]!;
  if (prev === '第') return false;
  if (startsCn && (isCnNumeralCode(p) || prev === '万' || prev === '亿' || prev === '点')) return false;
  return true;
}

/** Characters a number can start with; the scan jumps between them natively instead of char by char. */
const NUMBER_START = /[0-9０-９零〇一二两三四五六七八九十百千]/g;

/** All quantities in s[from, to), left to right, non-overlapping. */
export function scanQuantities(s: string, from = 0, to = s.length): Quantity[] {
  const out: Quantity[] = [];
  // Search a slice so a clause without numbers costs its own length, not the rest of the text.
  const sub = from === 0 && to === s.length ? s : s.slice(from, to);
  let i = from;
  while (i < to) {
    NUMBER_START.lastIndex = i - from;
    const m = NUMBER_START.exec(sub);
    if (!m) break;
    i = m.index + from;
    if (canStartNumberAt(s, i)) {
      const q = parseQuantityAt(s, i);
      if (q && q.end <= to) {
        out.push(q);
        i = q.end;
        continue;
      }
    }
    // Skip the rest of a rejected numeral so its tail is not re-read as a new number.
    let j = i + 1;
    while (j < to && (isAsciiDigit(s.charCodeAt(j)) || isCnNumeralCode(s.charCodeAt(j)))) j++;
    i = j;
  }
  return out;
}

/**
 * The first quantity in a short string of any script: folds it first (length-preserving, so offsets
 * hold) so 億元, ％ and 萬人 read like 亿元, % and 万人.
 */
export function parseQuantity(text: string): Quantity | null {
  return scanQuantities(foldChars(text))[0] ?? null;
}

/** A year written as 2022年 or 二〇二二年 at i (value and end after 年), else null. */
export function parseYearAt(s: string, i: number): { year: number; end: number } | null {
  const n = parseArabicAt(s, i) ?? parseChineseAt(s, i);
  if (!n || n.big || s[n.end] !== '年') return null;
  if (!Number.isInteger(n.value) || n.value < 1949 || n.value > 2100) return null;
  return { year: n.value, end: n.end + 1 };
}
