import { foldText, toOriginalSpan } from '../text/normalize';

/**
 * Region and year recognition for Chinese government documents. Everything here works on FOLDED text
 * (simplified, half-width), so 衡南縣 / 衡南县 and ２０２２ / 2022 look the same; callers map spans back
 * to the original to report the region "as the page writes it".
 *
 * Chinese has no word boundaries, so a place name is never searched for on its own: it is read
 * backwards from an anchor that only follows a place name in formal text (政府工作报告, 人民政府,
 * 第…届人民代表大会, 第…届委员会, 国民经济和社会发展…). The hard part is where the name starts; see
 * `nameBefore`.
 */

export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** A year written as digits or, in formal documents, as 二〇二二 (digit by digit, not 两千零二十二). */
export const YEAR_TOKEN = '(?:(?:19|20)\\d{2}|[〇零○一二三四五六七八九]{4})';
/** A month or day: 3 / 03 / 三 / 十二 / 二十三. */
const SMALL_NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';

export function parseYear(token: string): number | null {
  let y: number;
  if (/^\d{4}$/.test(token)) y = Number(token);
  else {
    y = 0;
    for (const ch of token) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return null;
      y = y * 10 + d;
    }
  }
  return y >= 1949 && y <= 2100 ? y : null;
}

export function parseSmallNumber(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  // 十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23.
  const i = token.indexOf('十');
  if (i < 0) return token.length === 1 ? (CN_DIGIT[token] ?? null) : null;
  const tens = i === 0 ? 1 : (CN_DIGIT[token.slice(0, i)] ?? NaN);
  const ones = i === token.length - 1 ? 0 : (CN_DIGIT[token.slice(i + 1)] ?? NaN);
  const n = tens * 10 + ones;
  return Number.isNaN(n) ? null : n;
}

/** Administrative suffixes, longest first so 自治州 wins over 州. 新区/地区/林区/特区 end in 区 anyway. */
const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '省', '市', '州', '盟', '县', '区', '旗'];

/**
 * Where a longer name splits into levels (湖南省|衡阳市|衡南县). Only units that contain lower units;
 * 县/区 never do, and splitting at them would cut 市中区-style names.
 */
const SPLITTERS = ['特别行政区', '自治区', '自治州', '地区', '省', '市', '州', '盟'];

/**
 * Words that end the text before a place name. A run of Han characters read backwards from an anchor
 * ("日在衡南县", "我代表衡阳市", "中国共产党衡阳市") starts after the first of these. Deliberately absent:
 * 和 (和平区), 向 (向阳区), 将 (将乐县), 作 (焦作市), 于 (于都县) — characters that begin or sit inside
 * real names.
 */
const MARKERS = [
  '中国共产党', '共产党', '中共', '代表', '关于', '大会', '在', '的', '对', '是', '为', '我', '及', '与', '由', '据',
  // Headline verbs of interpretations and news: 一图读懂衡州市…, 聚焦衡阳市…, 学习贯彻…
  '一图', '读懂', '看懂', '解读', '图解', '聚焦', '数说', '数读', '速览', '关注', '学习', '贯彻', '落实',
];

/** 年/月/日 end a date (2022年邵阳市…, 十二月三十日在…) but 日 also starts 日照市, so only after a number. */
const DATE_ENDERS = '年月日';
const DATE_PRECEDERS = /[\d〇零○一二三四五六七八九十今去明本当同]/;

/** A one-character stem is plausible only for counties (沛县, 泾县); these are words, not names. */
const ONE_CHAR_STOP = new Set('全本该我各此其每外邻市县区省州上下城地郊辖分两一二三四五六七八九十这那某作长副等原新老'.split(''));
/** Stems that are determiners or generic nouns: 各县市区, 全市, 本级, 自治区人民政府. */
const STEM_STOP = /^(?:各|本|该|我|每|此|其|这|那|某|全[省市县区州]|[省市县区州]+$)|^(?:自治|人民|城市|地方|社区|景区|园区|片区|开发|乡镇|城乡|省市|市县|县市|县区|区县|地市)$/;

function suffixOf(name: string): string | null {
  for (const s of SUFFIXES) if (name.length > s.length && name.endsWith(s)) return s;
  return null;
}

export interface NameSpan {
  /** Offsets in the folded string. */
  start: number;
  end: number;
  /** Folded (simplified) name: the region key. */
  key: string;
}

/**
 * The place name that ends at `end` (whitespace before `end` skipped), or null. `floor` bounds the
 * backward read (a line start, say).
 */
export function nameBefore(f: string, end: number, floor = 0): NameSpan | null {
  let e = end;
  while (e > floor && isSpaceCode(f.charCodeAt(e - 1))) e--;
  let s = e;
  // Names are at most ~12 characters with their parent units (黔东南苗族侗族自治州凯里市 is 13).
  while (s > floor && e - s < 18 && isHanCode(f.charCodeAt(s - 1))) s--;
  if (e - s < 2) return null;
  const naturalStart = s;
  const cutStart = cutMarkers(f, s, e);
  if (cutStart < 0) return null;
  s = splitLevels(f, cutStart, e);
  const name = f.slice(s, e);
  const suffix = suffixOf(name);
  if (!suffix) return null;
  const stem = name.slice(0, name.length - suffix.length);
  if (STEM_STOP.test(stem)) return null;
  if (stem.length === 1) {
    // After a cut marker the run boundary is a guess; a lone character there is usually a word end.
    if (suffix !== '县' || ONE_CHAR_STOP.has(stem) || (s === cutStart && cutStart !== naturalStart)) return null;
  }
  return { start: s, end: e, key: name };
}

/**
 * Start of the name inside the run [s, e), or -1 when a marker leaves less than a name: "我代表市",
 * "2022年市" are a phrase ending in a bare 市, not a place.
 */
function cutMarkers(f: string, s: number, e: number): number {
  // Repeat: "日在衡阳市" cuts at 日 then at 在.
  for (let guard = 0; guard < 8; guard++) {
    let cut = -1;
    for (let i = s; i < e && cut < 0; i++) {
      const ch = f[i]!;
      if (DATE_ENDERS.includes(ch)) {
        if (i > 0 && DATE_PRECEDERS.test(f[i - 1]!)) cut = i + 1;
        continue;
      }
      for (const m of MARKERS) {
        if (f.startsWith(m, i)) {
          cut = i + m.length;
          break;
        }
      }
    }
    if (cut < 0) return s;
    if (e - cut < 2) return -1;
    s = cut;
  }
  return s;
}

function splitLevels(f: string, s: number, e: number): number {
  for (let i = s + 1; i < e; i++) {
    for (const sp of SPLITTERS) {
      if (!f.startsWith(sp, i)) continue;
      const cut = i + sp.length;
      // Left part must be a full unit (stem ≥ 2: 湖南省, not 苏州 split at 州); right at least 2 chars.
      if (cut - s >= 3 && e - cut >= 2 && suffixOf(f.slice(cut, e))) {
        s = cut;
        i = cut - 1;
      }
      break;
    }
  }
  return s;
}

const YEAR_BEFORE = new RegExp(`${YEAR_TOKEN}\\s*年(?:度)?\\s*$`);

/** Place name before a report phrase: 衡南县2022年政府工作报告, 2022年邵阳市政府工作报告, 衡阳市《政府工作报告》. */
export function nameBeforeReportPhrase(f: string, i: number, floor = 0): NameSpan | null {
  let j = i;
  while (j > floor && /[《“"「\s]/.test(f[j - 1]!)) j--;
  const y = YEAR_BEFORE.exec(f.slice(Math.max(floor, j - 8), j));
  if (y) j -= y[0].length;
  return nameBefore(f, j, floor);
}

const ORDINAL = '[一二三四五六七八九十百零〇\\d]{1,4}';
// The national report's line reads 第十三届全国人民代表大会: no region, but the same header.
const SESSION_BEFORE = new RegExp(`第\\s*${ORDINAL}\\s*届\\s*(?:全国)?\\s*$`);
const MEETING_AFTER = new RegExp(`^\\s*第\\s*${ORDINAL}\\s*次\\s*(?:全体)?会议`);
const DATE_BEFORE_ZAI = new RegExp(`(${YEAR_TOKEN})\\s*年\\s*(${SMALL_NUM})\\s*月\\s*(${SMALL_NUM})\\s*日\\s*在?\\s*$`);

export interface Meeting {
  name: NameSpan | null;
  /** Year and month of the 报告 date line (2022年3月23日在…), when written. */
  year: number | null;
  month: number | null;
  /** Where the date starts in `f`, or -1. */
  dateStart: number;
}

/**
 * `i` points at 人民代表大会. Recognises "[2022年3月23日]在衡南县第十八届人民代表大会第二次会议上", the
 * line under every local work report's title. Line breaks inside are common (the page breaks the
 * date line in two), so this reads across them.
 */
export function meetingAt(f: string, i: number): Meeting | null {
  const after = f.slice(i + 6, i + 24);
  if (!MEETING_AFTER.test(after)) return null;
  const before = f.slice(Math.max(0, i - 24), i);
  const session = SESSION_BEFORE.exec(before);
  if (!session) return null;
  const nameEnd = i - before.length + session.index;
  const name = nameBefore(f, nameEnd);
  const dateEnd = name ? name.start : nameEnd;
  // "在衡南县第十八届…会议上" is the report's own line; "衡州市第十五届人民代表大会第三次会议关于…的
  // 决议" or "…会议听取和审议了…" is the congress speaking about the report.
  let k = dateEnd;
  while (k > 0 && isSpaceCode(f.charCodeAt(k - 1))) k--;
  const at = f[k - 1] === '在';
  const from = Math.max(0, dateEnd - 24);
  const date = DATE_BEFORE_ZAI.exec(f.slice(from, dateEnd));
  if (!at && !date) return null;
  return {
    name,
    year: date ? parseYear(date[1]!) : null,
    month: date ? parseSmallNumber(date[2]!) : null,
    dateStart: date ? from + date.index : -1,
  };
}

/**
 * Year a work report is FOR, from its date line: local congresses sometimes sit in late December
 * (2022年邵阳市政府工作报告 was delivered 2021年12月30日), and that report plans the coming year.
 */
export function reportYearFromDate(year: number, month: number | null): number {
  return month !== null && month >= 11 ? year + 1 : year;
}

/** 中国共产党衡阳市第十一届委员会 (the issuer of 规划建议) — `i` points at 届委员会. */
export function partyCommitteeAt(f: string, i: number): NameSpan | null {
  const before = f.slice(Math.max(0, i - 8), i + 1);
  const m = new RegExp(`第\\s*${ORDINAL}\\s*届$`).exec(before);
  if (!m) return null;
  return nameBefore(f, i + 1 - before.length + m.index);
}

// ---------------------------------------------------------------------------------------------------
// Years in running text.

const YEAR_IN_TEXT = new RegExp(`(${YEAR_TOKEN})\\s*年`, 'g');
/** 到2035年, 至2025年, and the end of a range (2021-2035年, 2021—2035年) name a horizon. */
const TARGET_BEFORE = /[到至迄\-—~～]\s*$/;

/**
 * Most frequent year written in `f`, ignoring target years (到2025年, 二〇三五年远景目标, 2035年前):
 * plans and reports name far horizons often, but the horizon is not the document's year. Ties go to
 * the later year — a report looks back at last year and ahead at this one.
 */
export function dominantYear(f: string, limit = f.length): number | null {
  const counts = new Map<number, number>();
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(f); m && m.index < limit; m = YEAR_IN_TEXT.exec(f)) {
    const y = parseYear(m[1]!);
    if (y === null) continue;
    const prev = f.slice(Math.max(0, m.index - 2), m.index);
    const next = f.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (TARGET_BEFORE.test(prev) || /^(?:远景|前|底前|以前)/.test(next)) continue;
    counts.set(y, (counts.get(y) ?? 0) + 1);
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

/** First non-target year in a short string (a title, a heading). */
export function firstYear(f: string): number | null {
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(f); m; m = YEAR_IN_TEXT.exec(f)) {
    const next = f.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const prev = f.slice(Math.max(0, m.index - 2), m.index);
    if (TARGET_BEFORE.test(prev) || /^(?:远景|前|底前)/.test(next)) continue;
    const y = parseYear(m[1]!);
    if (y !== null) return y;
  }
  // Dates like 2022-01-26 in headings (发布时间) carry no 年.
  const iso = /(?:^|\D)((?:19|20)\d{2})[-./](?:0?[1-9]|1[0-2])(?:\D|$)/.exec(f);
  return iso ? parseYear(iso[1]!) : null;
}

// ---------------------------------------------------------------------------------------------------
// Public helpers.

const REGION_ANCHORS = /政府工作报告|人民代表大会|届委员会|国民经济和社会发展|人民政府/g;
const ANCHOR_RANK: Record<string, number> = {
  政府工作报告: 0,
  人民代表大会: 1,
  届委员会: 2,
  国民经济和社会发展: 2,
  人民政府: 3,
};

export interface RegionResult {
  /** As written in `text`. */
  region: string;
  /** Simplified. */
  regionKey: string;
}

/**
 * The region a government document belongs to, read from the formal phrases that carry it: the
 * report title (衡南縣2022年政府工作報告), the date line (在衡南县第十八届人民代表大会), the issuing
 * committee (中国共产党衡阳市第十一届委员会), the plan title (衡阳市国民经济和社会发展…) or the issuer
 * (衡南县人民政府). Stronger phrases win; among equals, the earliest.
 */
export function extractRegion(text: string): RegionResult | null {
  const ft = foldText(text);
  const f = ft.folded;
  let best: { rank: number; span: NameSpan } | null = null;
  REGION_ANCHORS.lastIndex = 0;
  for (let m = REGION_ANCHORS.exec(f); m; m = REGION_ANCHORS.exec(f)) {
    const rank = ANCHOR_RANK[m[0]] ?? 9;
    if (best && best.rank <= rank) continue;
    let span: NameSpan | null = null;
    if (m[0] === '政府工作报告') span = nameBeforeReportPhrase(f, m.index);
    else if (m[0] === '人民代表大会') span = meetingAt(f, m.index)?.name ?? null;
    else if (m[0] === '届委员会') span = partyCommitteeAt(f, m.index);
    else span = nameBefore(f, m.index);
    if (span) best = { rank, span };
    if (best?.rank === 0) break;
  }
  if (!best) return null;
  const o = toOriginalSpan(ft, best.span.start, best.span.end);
  return { region: text.slice(o.start, o.end), regionKey: best.span.key };
}

const REPORT_TITLE_YEAR = new RegExp(`(${YEAR_TOKEN})\\s*年(?:度)?[^\\n。]{0,16}?[《“"]?政府工作报告`);
const SECTION_YEAR = new RegExp(`(${YEAR_TOKEN})\\s*年\\s*(工作回顾|工作安排|政府工作|主要预期目标|经济社会发展主要预期目标)`);

/**
 * The year a document is about: a year next to 政府工作报告 (衡南縣2022年政府工作報告 → 2022), else the
 * report's date line (December sessions report on the next year), else a section heading
 * (2021年工作回顾 → 2022, 2022年工作安排 → 2022), else the most frequent non-target year.
 */
export function extractYear(text: string): number | null {
  const f = foldText(text).folded;
  const t = REPORT_TITLE_YEAR.exec(f);
  if (t) {
    const y = parseYear(t[1]!);
    if (y !== null) return y;
  }
  for (let i = f.indexOf('人民代表大会'); i >= 0; i = f.indexOf('人民代表大会', i + 6)) {
    const meeting = meetingAt(f, i);
    if (meeting?.year) return reportYearFromDate(meeting.year, meeting.month);
  }
  const s = SECTION_YEAR.exec(f);
  if (s) {
    const y = parseYear(s[1]!);
    if (y !== null) return s[2] === '工作回顾' ? y + 1 : y;
  }
  return dominantYear(f);
}
