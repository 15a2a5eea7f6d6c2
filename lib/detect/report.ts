import { isLibraryYear } from '../ranges';
import type { PageInput, ReportInfo, ReportKind } from '../types';
import { foldText, toOriginalSpan, type FoldedText } from '../text/normalize';
import {
  YEAR_TOKEN,
  dominantYear,
  firstYear,
  isHanCode,
  isSpaceCode,
  meetingAt,
  nameBefore,
  nameBeforeReportPhrase,
  parseSmallNumber,
  parseYear,
  partyCommitteeAt,
  reportYearFromDate,
  type NameSpan,
} from './place';

export { extractRegion, extractYear } from './place';

/**
 * Is this page a Chinese government report (or a page about one), which kind, whose and which year?
 *
 * Everything is matched on folded text, so 政府工作報告, 政府工作报告 and the over-converted 全麵/製度
 * of mirror sites score alike. Evidence is collected per kind as independent signals and combined
 * noisy-or style (1 − Π(1 − w)); a page is a report when its kind's evidence without the URL reaches
 * 0.4, the overall score 0.5, and — for a work report — some of it comes from the running text. The
 * weights encode one idea: *structure* counts, *mentions* barely do. A work report opens with
 * "各位代表：" and "我代表…人民政府向大会作政府工作报告", carries a date line "…在衡南县第十八届人民
 * 代表大会第二次会议上" and is titled "<地名><年>政府工作报告"; a newspaper, a novel or a market column
 * merely says "政府工作报告提出…", which is worth a few hundredths however often it is repeated.
 */

type Kind = Exclude<ReportKind, 'other'>;
type Pool = Kind | 'gov';

const KINDS: Kind[] = ['work-report', 'plan', 'goals', 'interpretation', 'glossary'];

class Evidence {
  private readonly signals = new Map<string, { pool: Pool; weight: number; body: boolean }>();

  /** `body`: found in the running text's structure (not the title, a heading list, the URL). */
  add(pool: Pool, name: string, weight: number, body = false): void {
    const cur = this.signals.get(name);
    if (!cur || cur.weight < weight) this.signals.set(name, { pool, weight, body: body || (cur?.body ?? false) });
  }

  hasBody(pool: Pool): boolean {
    for (const s of this.signals.values()) if (s.pool === pool && s.body && s.weight > 0) return true;
    return false;
  }

  has(pool: Pool, test: (name: string) => boolean): boolean {
    for (const [name, s] of this.signals) if (s.pool === pool && s.weight > 0 && test(name)) return true;
    return false;
  }

  /** Noisy-or of the pool's weights; `contentOnly` leaves out URL signals. */
  strength(pool: Pool, contentOnly = false): number {
    let miss = 1;
    for (const [name, s] of this.signals) if (s.pool === pool && !(contentOnly && name.startsWith('url:'))) miss *= 1 - s.weight;
    return 1 - miss;
  }

  /** Scale down the pool's signals that pass `test` (evidence that turned out to be quoted speech). */
  discount(pool: Pool, factor: number, test: (name: string) => boolean): void {
    for (const [name, s] of this.signals) if (s.pool === pool && test(name)) s.weight *= factor;
  }

  reasons(): string[] {
    return [...this.signals.entries()].sort((a, b) => b[1].weight - a[1].weight).map(([name]) => name);
  }
}

// ---------------------------------------------------------------------------------------------------
// Titles and headings: what the page says it is.

const INTERP_WORD = /解读|图解|读懂|解析|答记者问|问答|数说|数读|划重点|一图看|看点|热词/;
const GOV_TOPIC = /政府工作报告|报告|规划|纲要|政策|建议|两会|会议精神|条例|意见|方案|决定|通知|办法|部署|预期目标|目标任务/;
const PLAN_TOPIC = /五年规划|十[一二三四五六]五|远景目标|国民经济和社会发展|规划纲要|发展规划/;
const PLAN_END = /(?:规划|纲要|建议)(?:\((?:草案|全文|征求意见稿)\))?$/;
const REPORT_REST = new RegExp(`^(?:\\((?:全文|摘要|摘登|摘编|草案|${YEAR_TOKEN}年?)\\)|全文|摘要|摘登|摘编|草案)?$`);
const YEAR_EDGE_START = new RegExp(`^${YEAR_TOKEN}年度?`);
const YEAR_EDGE_END = new RegExp(`${YEAR_TOKEN}年度?$`);

/** Quotes, book-title marks and spaces vary between mirrors and say nothing about the kind. */
function clean(folded: string): string {
  return folded.replace(/[《》“”"「」『』'‘’\s]/g, '');
}

/**
 * Title parts: "衡南县2022年政府工作报告_衡南县人民政府", "政府工作报告——2022年3月5日在…", and the
 * unspaced dashes news and government sites put before their name ("…-新华网", "…--时政--人民网",
 * "…-衡阳市人民政府"). A dash between digits or letters is part of the title (2021-2025年, COVID-19).
 */
function titleParts(s: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const sep = /\s[-–—|]\s|[_|丨]|——|\s{2,}|(?<![0-9A-Za-z])[-–—](?![0-9A-Za-z])/g;
  let last = 0;
  for (let m = sep.exec(s); m; m = sep.exec(s)) {
    if (m.index > last) parts.push({ text: s.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ text: s.slice(last), start: last });
  return parts;
}

/**
 * "<地名><年>政府工作报告" and nothing else (but 全文/摘要). A headline that merely contains the phrase
 * (聚焦政府工作报告, 市长在政府工作报告中提出…) is news about the report, not the report.
 */
function isWorkReportTitle(c: string): boolean {
  const i = c.indexOf('政府工作报告');
  if (i < 0 || INTERP_WORD.test(c)) return false;
  if (!REPORT_REST.test(c.slice(i + 6))) return false;
  let prefix = c.slice(0, i).replace(YEAR_EDGE_END, '').replace(YEAR_EDGE_START, '');
  if (prefix === '' || prefix === '国务院') return true;
  prefix = prefix.replace(/人民政府$/, '');
  return isNameChain(prefix);
}

/**
 * The whole string is a place name, its parent units included: 天心区, 长沙市天心区, 湖南省衡阳市衡南县.
 * nameBefore reads the lowest unit (it splits levels), so what it leaves must itself be a name chain.
 */
function isNameChain(s: string): boolean {
  for (let end = s.length, guard = 0; guard < 4; guard++) {
    const name = nameBefore(s, end);
    if (name === null || name.end !== end) return false;
    if (name.start === 0) return true;
    end = name.start;
  }
  return false;
}

/**
 * A government body's name: a place (its parent units included), its government (人民政府/政府) and a
 * department of it (教育厅, 发展和改革委员会, 统计局, 办公室): 青川省教育厅, 衡阳市人民政府办公室. Not a
 * school, a company or a committee of villagers (青川市第一中学, 青川城投集团有限公司).
 */
const DEPARTMENT = /^(?:人民政府|政府)?(?:[\u4e00-\u9fff]{1,12}?(?:厅|局|委员会|委|办公室|办|署))?$/;

function isGovernmentBody(s: string): boolean {
  for (let end = s.length; end >= 2; end--) {
    if (DEPARTMENT.test(s.slice(end)) && isNameChain(s.slice(0, end))) return true;
  }
  return false;
}

/**
 * "<地名><年>(经济社会发展)(主要)目标任务": a place's list of the year's targets, as a 目标篇 is. The year may
 * stand before the place too (2025年青川市目标任务). The list is also published as what it is laid out in:
 * 目标任务分解表, 目标任务清单, 目标任务分解方案, 主要目标一览表 (each office's share of the year's targets).
 */
const GOALS_TITLE = new RegExp(
  `^(?:${YEAR_TOKEN}年度?)?(.+?)(?:${YEAR_TOKEN}年度?)?(?:经济社会发展|经济和社会发展|国民经济和社会发展)?(?:主要)?(?:目标任务|主要目标|预期目标)(?:清单|分解|责任分解)?(?:表|一览表|方案)?$`,
);
/**
 * "<地名>(人民政府关于印发)<年>(十件)民生实事(项目)(的通知)": a place's list of the year's 民生实事, each item a count
 * of work to be done (新建公办幼儿园8所, 改造老旧小区85个) — a list of the year's targets, as a 目标任务 page is,
 * though not its 主要预期目标. News about the list (…民生实事出炉, …民生实事进展顺利) names no place before it
 * alone, or says more after it.
 */
const LIVELIHOOD_TITLE = new RegExp(
  `^(?:${YEAR_TOKEN}年度?)?(.+?)(?:关于印发)?(?:${YEAR_TOKEN}年度?)?(?:[省市县区]级)?(?:[0-9十]{1,2}(?:件|项))?(?:重点)?民生实事(?:项目)?(?:清单|计划|安排)?(?:的通知)?$`,
);
/** "<政府或部门><年>工作要点": a government body's plan for the year (青川省教育厅2025年工作要点). */
const WORK_POINTS_TITLE = new RegExp(`^(?:${YEAR_TOKEN}年度?)?(.+?)(?:${YEAR_TOKEN}年度?)?工作要点$`);
const YEAR_INSIDE = new RegExp(`${YEAR_TOKEN}年度?`, 'g');
/** A plan's own review: …规划纲要实施中期评估报告, …规划实施情况终期评估. */
const PLAN_REVIEW_END = /(?:规划|纲要)(?:的)?(?:实施)?(?:情况)?(?:中期|终期|总结)?评估(?:报告)?(?:\(.{0,16}\))?$/;

/**
 * A title that opens with a body other than a government: a university, a school, a hospital, a company, a bank, an
 * association, a club (云岚理工大学…, 青川市人民医院…, 青禾乳业集团…), the plan's period or kind right after its name
 * (“十五五”, 2026—2030年, 事业发展, 发展战略). Not a place named after one (大学城), nor a government's plan for
 * schools (青川市学校布局专项规划: 学校 is what the plan is about).
 */
const NON_GOVERNMENT_MAKER =
  /^[^\s，。、:：]{2,24}?(?:大学(?!城)|学院|学校|中学|小学|幼儿园|医院|集团|股份有限公司|有限责任公司|有限公司|公司|银行|协会|学会|商会|俱乐部|研究院|研究所|基金会)(?=十[一二三四五六]五|(?:19|20)[0-9]{2}|[(（]|事业|发展|中长期|战略|五年)/;

interface Form {
  kind: Kind;
  name: string;
  weight: number;
}

/** Kind declarations in a title or heading, strongest first. `top`: the page's own title or headline. */
function formsOf(folded: string, where: 'title' | 'heading', top: boolean): Form[] {
  const c = clean(folded);
  const forms: Form[] = [];
  const w = (topW: number, otherW: number) => (top ? (where === 'title' ? topW : topW - 0.05) : otherW);
  if (c.includes('目标篇')) forms.push({ kind: 'goals', name: `${where}:目标篇`, weight: w(0.55, 0.35) });
  if (INTERP_WORD.test(c)) {
    const topical = GOV_TOPIC.test(c);
    forms.push({ kind: 'interpretation', name: `${where}:${topical ? '报告解读' : '解读'}`, weight: topical ? w(0.55, 0.2) : w(0.25, 0.1) });
  }
  if (c.includes('名词解释')) {
    const topical = /报告|规划|纲要|政府|会议/.test(c);
    forms.push({ kind: 'glossary', name: `${where}:名词解释`, weight: topical ? w(0.55, 0.45) : w(0.35, 0.25) });
  }
  // The page's own title or headline only: a section of a report is titled "二、2025年目标任务" too.
  if (top) {
    const goals = GOALS_TITLE.exec(c);
    if (goals && isNameChain(goals[1]!.replace(/人民政府$|政府$/, ''))) forms.push({ kind: 'goals', name: `${where}:目标任务`, weight: w(0.55, 0) });
    const livelihood = LIVELIHOOD_TITLE.exec(c);
    if (livelihood && isNameChain(livelihood[1]!.replace(/人民政府$|政府$/, '').replace(YEAR_INSIDE, ''))) forms.push({ kind: 'goals', name: `${where}:民生实事`, weight: w(0.55, 0) });
    const points = WORK_POINTS_TITLE.exec(c);
    // The year may also stand between the place and its government (青川县2025年政府工作要点).
    if (points && isGovernmentBody(points[1]!.replace(YEAR_INSIDE, ''))) forms.push({ kind: 'plan', name: `${where}:工作要点`, weight: w(0.55, 0) });
    if (PLAN_REVIEW_END.test(c) && PLAN_TOPIC.test(c)) forms.push({ kind: 'plan', name: `${where}:规划评估`, weight: w(0.55, 0) });
  }
  // A plan that names its maker as a school, a hospital, a company or a club first (云岚理工大学“十五五”事业发展规划) is
  // that body's own plan, however it is titled: its 到2030年 figures are its own, no government's.
  const ownPlan = NON_GOVERNMENT_MAKER.test(c);
  if (PLAN_END.test(c) && PLAN_TOPIC.test(c) && !ownPlan) forms.push({ kind: 'plan', name: `${where}:规划`, weight: w(0.6, 0.35) });
  else if (/规划(?:\(.{0,16}\))?$/.test(c) && !ownPlan) forms.push({ kind: 'plan', name: `${where}:规划`, weight: w(0.3, 0.15) });
  if (isWorkReportTitle(c)) forms.push({ kind: 'work-report', name: `${where}:政府工作报告`, weight: w(0.6, 0.3) });
  else if (c.includes('政府工作报告')) {
    // A headline about the report: most likely an interpretation or news piece.
    forms.push({ kind: 'interpretation', name: `${where}:提及政府工作报告`, weight: w(0.4, 0.05) });
  }
  return forms;
}

const BREADCRUMB_SEP = /[/>›»→]/g;
const NOT_HEADLINE = /^(?:发布时间|发布日期|来源|日期|时间|作者|当前位置|您的位置|您现在的位置|首页|字号|浏览|点击)/;

/**
 * "首页 > 政务公开 > 政策解读", "首页 / 信息公开 / 政策解读 /": three or more short segments. Counting
 * separators alone would take a code comment ("// 9") or a date for a breadcrumb.
 */
function isBreadcrumb(s: string): boolean {
  if (s.length > 160 || (s.match(BREADCRUMB_SEP)?.length ?? 0) < 2) return false;
  const segs = s.split(BREADCRUMB_SEP).map((x) => x.trim()).filter((x) => x.length > 0);
  return segs.length >= 3 && segs.every((x) => x.length <= 20) && segs.filter((x) => /[\u4e00-\u9fff]/.test(x)).length >= 2;
}

/** The headline: first heading that is not a breadcrumb or a byline. */
function headlineIndex(folded: string[]): number {
  for (let i = 0; i < folded.length && i < 12; i++) {
    const h = folded[i]!.trim();
    if (isBreadcrumb(h) || NOT_HEADLINE.test(h)) continue;
    let han = 0;
    for (let k = 0; k < h.length && han < 2; k++) if (isHanCode(h.charCodeAt(k))) han++;
    if (han >= 2) return i;
  }
  return -1;
}

const DECLARE_ORDER: Kind[] = ['goals', 'interpretation', 'glossary', 'plan', 'work-report'];

/** The kind a title or headline claims: the more specific wins (政府工作报告解读 is an interpretation). */
function declaredKind(forms: Form[]): Kind | null {
  for (const k of DECLARE_ORDER) if (forms.some((f) => f.kind === k && f.weight >= 0.5)) return k;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The body: one pass over the folded text.

const KEY =
  /各位代表|我代表|委托|人民代表大会|政府工作报告|过去一年|过去的一年|工作回顾|工作安排|预期目标|请予审议|政协委员|远景目标|以下建议|届委员会|国民经济和社会发展|规划纲要|五年规划|名词解释|目标篇|解读|人民政府/g;

/**
 * Inside an open quotation on this line? Fiction and news quote a report's formulas ("“各位代表，现在，
 * 我代表县人民政府…请予审议……”"); the report itself never puts them in quotes.
 */
function inQuote(f: string, i: number, lineStart: number): boolean {
  const back = f.slice(Math.max(lineStart, i - 200), i);
  const open = Math.max(back.lastIndexOf('“'), back.lastIndexOf('「'), back.lastIndexOf('『'));
  const close = Math.max(back.lastIndexOf('”'), back.lastIndexOf('」'), back.lastIndexOf('』'));
  return open > close;
}
const REPORT_TITLE_END = /政府工作报告[)\]】\s—\-:]*$/;
const SECTION_BEFORE = new RegExp(`(?:^|[一二三四五六七八九十]、)\\s*(?:(${YEAR_TOKEN})\\s*年|今年|过去五年|过去一年|本届政府)\\s*(?:政府)?$`);
/** "1."三高四新"(P1):…", "[3]"一主一特双总部":…", "①…": a numbered quoted term followed by its definition. */
const GLOSSARY_ENTRY = /^(?:\d{1,3}\s*[.、]|\[\d{1,3}\]|[\u2460-\u2473])\s*[^\s"“「:]{0,6}["“「][^"”」\n]{1,20}["”」][^:\n]{0,12}:/;
/** A line near the top that is only a date, bracketed or not — "（2023年8月）" under a review's title: when it was written. */
const DATE_LINE = new RegExp(`(?:^|\\n)[ \\t\u3000]*[(（]?(${YEAR_TOKEN})\\s*年\\s*[0-9一二三四五六七八九十]{1,2}\\s*月(?:\\s*[0-9一二三四五六七八九十]{1,3}\\s*日)?[)）]?[ \\t\u3000]*(?:\\n|$)`);
/** A news byline: "来源：青川日报　2025-01-16", "来源：新华社 2025年3月5日" — the source, then the date. */
const BYLINE_DATE = new RegExp(`(?:来源|稿源|作者)\\s*:\\s*[^\\n\\d]{1,24}?[\\s\u3000]+(${YEAR_TOKEN})\\s*[-./年]\\s*[0-9一二三四五六七八九十]{1,2}`);
const PUBLISHED = new RegExp(`(?:发布时间|发布日期|发文日期|成文日期|日期|时间)\\s*:?\\s*(${YEAR_TOKEN})`);

interface TextFacts {
  mentions: number;
  openings: number;
  meetings: { span: NameSpan | null; year: number | null; month: number | null }[];
  sectionYear: number | null;
  party: NameSpan | null;
  planName: NameSpan | null;
  issuers: Map<string, { span: NameSpan; count: number }>;
  keywords: Set<string>;
  goalLines: number;
  measures: number;
  glossaryEntries: number;
  planMentions: number;
  planParts: number;
  planColumns: number;
}

function scanText(f: string, ev: Evidence): TextFacts {
  const facts: TextFacts = {
    mentions: 0,
    openings: 0,
    meetings: [],
    sectionYear: null,
    party: null,
    planName: null,
    issuers: new Map(),
    keywords: new Set(),
    goalLines: 0,
    measures: 0,
    glossaryEntries: 0,
    planMentions: 0,
    planParts: 0,
    planColumns: 0,
  };
  const n = f.length;
  KEY.lastIndex = 0;
  let m = KEY.exec(f);
  for (let ls = 0; ls <= n; ) {
    let le = f.indexOf('\n', ls);
    if (le < 0) le = n;
    // Skip leading spaces and bullets (the seeds indent with spaces and "•").
    let s = ls;
    while (s < le && /[\s•·\-*]/.test(f[s]!)) s++;
    const len = le - s;
    // An excerpt is another page's text (a search result, a 相关阅读 teaser): its opening or date line
    // is that page's, not this one's.
    const excerpt = isExcerpt(f, s, le);
    const crumb = len > 0 && !excerpt ? lineStart(f, s, le, len, ev, facts) : false;
    while (m && m.index < le) {
      if (!excerpt) hit(f, m[0], m.index, s, le, crumb, ev, facts);
      m = KEY.exec(f);
    }
    ls = le + 1;
  }
  return facts;
}

/**
 * A line of running text cut off with "..." or a lone "…" (the Chinese ellipsis is "……"): how search
 * results and teasers end their snippets. A page's own paragraphs end in punctuation.
 */
function isExcerpt(f: string, s: number, le: number): boolean {
  let e = le;
  while (e > s && isSpaceCode(f.charCodeAt(e - 1))) e--;
  if (e - s < 20) return false;
  if (f.startsWith('...', e - 3)) return true;
  return f[e - 1] === '…' && f[e - 2] !== '…';
}

/** Line-initial structure; returns whether the line is a breadcrumb. */
function lineStart(f: string, s: number, le: number, len: number, ev: Evidence, facts: TextFacts): boolean {
  const head = f.slice(s, Math.min(le, s + 48));
  const kw = /^关键词\s*(\d{1,2})(?:\s|$)/.exec(head);
  // Spam tokens like "关键词2" also sit inside sentences; a section heading is a short line of its own.
  if (kw && len <= 30) facts.keywords.add(kw[1]!);
  else if (/^目标\s*:/.test(head)) facts.goalLines++;
  else if (/^措施\s*[一二三四五六七八九十]{1,2}\s*(?::|$)/.test(head)) facts.measures++;
  else if (GLOSSARY_ENTRY.test(head)) facts.glossaryEntries++;
  // 规划纲要 are organised in 篇 (第一篇 …) with boxed 专栏; novels have 章, not 篇.
  else if (/^第[一二三四五六七八九十]{1,3}篇(?:\s|$)/.test(head) && len <= 40) facts.planParts++;
  else if (/^专栏\s*\d{1,2}(?:\s|$)/.test(head) && len <= 40) facts.planColumns++;
  if (len > 160) return false;
  const line = f.slice(s, le);
  const crumb = isBreadcrumb(line);
  if (crumb) {
    if (line.includes('解读')) ev.add('interpretation', 'breadcrumb:解读', 0.3);
    if (/政务公开|信息公开|政府信息/.test(line)) ev.add('gov', 'breadcrumb:政务公开', 0.15);
    if (line.includes('政府工作报告')) ev.add('work-report', 'breadcrumb:政府工作报告', 0.15);
    if (line.includes('规划')) ev.add('plan', 'breadcrumb:规划', 0.1);
  }
  return crumb;
}

/** What may follow a plan's own title in book-title marks on its line: 《…纲要》(全文). */
const OWN_TITLE_REST = /^\s*(?:\(?(?:全文|草案|摘要|征求意见稿)\)?)?\s*$/;

/**
 * `i` is inside 《…》 in running text: a document the page cites (根据《湖南省国民经济和社会发展第十四个
 * 五年规划…纲要》，编制本规划), not the page itself, whose title in book-title marks is a line of its own.
 * The marks are looked for near `i` only (a place name before, a plan title after).
 */
function citedAt(f: string, i: number, s: number, le: number): boolean {
  let open = -1;
  for (let k = i - 1; k >= Math.max(s, i - 24); k--) {
    if (f[k] === '《') open = k;
    if (f[k] === '《' || f[k] === '》') break;
  }
  if (open < 0) return false;
  if (open > s) return true;
  const close = f.indexOf('》', i);
  return close >= 0 && close < Math.min(le, i + 64) && !OWN_TITLE_REST.test(f.slice(close + 1, le));
}

function hit(f: string, key: string, i: number, s: number, le: number, crumb: boolean, ev: Evidence, facts: TextFacts): void {
  const atLineStart = i === s;
  const shortLine = le - s <= 40;
  switch (key) {
    case '各位代表': {
      // The address opens the report ("各位代表：") and its parts ("各位代表！"); in dialogue it sits
      // inside quotation marks.
      const next = f.slice(i + 4, i + 6).trimStart()[0];
      if (next && ':!,'.includes(next) && !inQuote(f, i, s)) ev.add('work-report', 'text:各位代表', 0.45, true);
      break;
    }
    case '我代表': {
      const w = f.slice(i, i + 44);
      // Local reports: 我代表县人民政府; the national one: 我代表国务院.
      let gov = w.indexOf('人民政府');
      if (gov < 0 && w.startsWith('国务院', 3)) gov = 3;
      const congress = gov >= 3 ? w.indexOf('大会', gov) : -1;
      if (gov >= 3 && gov <= 22 && congress > 0 && congress - gov <= 14 && w.slice(gov, congress).includes('向') && !inQuote(f, i, s)) {
        ev.add('work-report', 'text:我代表人民政府向大会报告', 0.65, true);
        facts.openings++;
      }
      break;
    }
    case '委托':
      // The plan and budget reports are the government's too, read by a department head for it:
      // 受市人民政府委托，现将…提请大会审议; 受国务院委托. Not 受…常务委员会委托 (the congress's own).
      if (/受(?:[^\n,。]{0,12}人民政府|国务院)$/.test(f.slice(Math.max(s, i - 16), i)) && !inQuote(f, i, s)) {
        ev.add('work-report', 'text:受人民政府委托', 0.2, true);
      }
      break;
    case '人民代表大会': {
      const mt = meetingAt(f, i);
      if (!mt) break;
      // The date line sits under the title: on a short line of its own, or starting a line, or right
      // after "…政府工作报告" when a page has run title and body together. The same words quoted
      // inside a paragraph (news, fiction) are not a report's header.
      let header = shortLine;
      if (!header && mt.dateStart >= 0) {
        const dls = f.lastIndexOf('\n', mt.dateStart) + 1;
        header = /^\s*$/.test(f.slice(dls, mt.dateStart)) || REPORT_TITLE_END.test(f.slice(Math.max(dls, mt.dateStart - 24), mt.dateStart));
      }
      if (header) {
        ev.add('work-report', 'text:在…人民代表大会…会议上', 0.45, true);
        facts.meetings.push({ span: mt.name, year: mt.year, month: mt.month });
      }
      break;
    }
    case '政府工作报告':
      facts.mentions++;
      break;
    case '过去一年':
    case '过去的一年':
      if (atLineStart) ev.add('work-report', 'text:过去一年', 0.1, true);
      break;
    case '工作回顾':
    case '工作安排': {
      const sec = SECTION_BEFORE.exec(f.slice(Math.max(s, i - 14), i));
      if (!sec) break;
      ev.add('work-report', `heading:${key}`, 0.25, true);
      if (sec[1] && facts.sectionYear === null) {
        const y = parseYear(sec[1]);
        if (y !== null) facts.sectionYear = key === '工作回顾' ? y + 1 : y;
      }
      break;
    }
    case '预期目标':
      if (f.slice(i - 2, i) !== '主要') break;
      if (shortLine) ev.add('work-report', 'heading:主要预期目标', 0.25, true);
      else if (/^\s*(?:是|为|:)/.test(f.slice(i + 4, i + 6))) ev.add('work-report', 'text:主要预期目标', 0.15, true);
      break;
    case '请予审议':
      if (!inQuote(f, i, s)) ev.add('work-report', 'text:请予审议', 0.3, true);
      break;
    case '政协委员':
      if (f.slice(Math.max(0, i - 4), i).includes('请各位') && !inQuote(f, i, s)) ev.add('work-report', 'text:请政协委员提出意见', 0.15, true);
      break;
    case '远景目标':
      if (/(?:二〇三五|2035)年$/.test(f.slice(Math.max(0, i - 8), i))) ev.add('plan', 'text:二〇三五年远景目标', 0.2);
      break;
    case '以下建议':
      if (f.slice(i - 2, i) === '提出' && f.slice(Math.max(0, i - 80), i).includes('规划')) ev.add('plan', 'text:提出规划建议', 0.5);
      break;
    case '届委员会': {
      const span = partyCommitteeAt(f, i);
      if (span && /全体会议/.test(f.slice(i, i + 16))) {
        ev.add('plan', 'text:全会', 0.2);
        facts.party ??= span;
      }
      break;
    }
    case '国民经济和社会发展': {
      const span = nameBefore(f, i, s);
      if (span && /^.{0,10}五年规划/.test(f.slice(i + 9, i + 24)) && !citedAt(f, i, s, le)) facts.planName ??= span;
      break;
    }
    case '规划纲要':
    case '五年规划':
      facts.planMentions++;
      break;
    case '名词解释':
      if (shortLine) {
        const topical = /报告|规划|纲要|政府|会议/.test(f.slice(s, le));
        ev.add('glossary', 'heading:名词解释', topical ? 0.45 : 0.25);
      }
      break;
    case '目标篇':
      if (shortLine) ev.add('goals', 'heading:目标篇', 0.5);
      break;
    case '解读':
      if (shortLine && !crumb) {
        const topical = GOV_TOPIC.test(f.slice(s, le));
        ev.add('interpretation', topical ? 'heading:报告解读' : 'heading:解读', topical ? 0.2 : 0.1);
      }
      break;
    case '人民政府': {
      const span = nameBefore(f, i, s);
      if (span) {
        const cur = facts.issuers.get(span.key);
        if (cur) cur.count++;
        else facts.issuers.set(span.key, { span, count: 1 });
      }
      break;
    }
  }
}

/**
 * A court, a procuratorate, the congress's standing committee, a village committee or a company's
 * 职代会 reads its report in the same frame as the government (各位代表, 请予审议, the date line at the
 * 人民代表大会, 工作回顾/工作安排): only the speaker makes it a 政府工作报告. The page must name it
 * (in the title, a heading, the breadcrumb or the text) or open 我代表…人民政府/国务院, or speak for the
 * government (受…人民政府委托: its plan and budget reports, which carry the year's targets too).
 */
function governmentSpeaks(ev: Evidence, otherNamed: boolean): boolean {
  // A court's or procuratorate's report says it served the tasks of the 政府工作报告: when the page names
  // its speaker, a mention in the text is not the page naming itself.
  const own = (name: string) =>
    (name.includes('政府工作报告') && !(otherNamed && name.startsWith('text:'))) || name === 'text:我代表人民政府向大会报告' || name === 'text:受人民政府委托';
  return ev.has('work-report', own) || ev.has('interpretation', own);
}

/**
 * The other bodies that report to a congress in the same frame, named as the speaker: in the opening
 * (我代表…人民法院向大会报告, 受…常务委员会委托) or in a title or headline (…人民检察院工作报告).
 */
const OTHER_BODY = '(?:人民法院|人民检察院|法院|检察院|常务委员会|常委会|村民委员会|居民委员会|职工代表大会|公司|集团)';
const OTHER_OPENING = new RegExp(`我(?:代表|受)[^，。；：\n]{0,30}?${OTHER_BODY}(?:委托)?[，,]?(?:向大会|向会议|报告工作)`);
const OTHER_TITLE = new RegExp(`${OTHER_BODY}(?:\\d{4}年度?)?工作报告`);

function otherSpeakerNamed(body: string, titles: readonly string[]): boolean {
  return OTHER_OPENING.test(body.slice(0, 3000)) || titles.some((t) => OTHER_TITLE.test(t));
}

// ---------------------------------------------------------------------------------------------------
// Speech without a report: fiction sets the opening formulas out as unquoted paragraphs.

/**
 * Work-report signals that belong to the report's own frame — its title, date line, section headings,
 * target list — rather than to the speech: 各位代表, 我代表…向大会报告, 请予审议 and a line-initial
 * 过去一年 are words a character can say, and a novel chapter may set them out unquoted.
 */
const REPORT_FRAME =
  /^(?:title:政府工作报告|heading:政府工作报告|heading:工作回顾|heading:工作安排|heading:主要预期目标|text:主要预期目标|text:在…人民代表大会…会议上|breadcrumb:政府工作报告)$/;
/** 第十二章 两会, 第3回, 第五节: a chapter heading (plans have 章 too, but they are not scored as speeches). */
const CHAPTER_HEADING = /^第[一二三四五六七八九十百千零〇两\d]{1,5}[章回节卷](?:\s|$|[^\u4e00-\u9fff])/;
/**
 * A quotation that is speech: said by someone (说：“…”, “…”他问道). Punctuation inside a quote is no
 * sign of it — reports quote whole sentences (“发展是第一要务，人才是第一资源。”).
 */
const DIALOGUE = /[说道问喊答][：:，,]?[“「][^”」\n]{1,160}[”」]|[“「][^”」\n]{1,160}[”」][他她]?[^，。\n“”「」]{0,4}?[说道问]/g;
/** Third-person narration; 其他/他人/他国/他乡/吉他 are not, nor 他们 (a report's people it serves: 让他们过上好日子). */
const PRONOUN = /(?<![其吉利])[他她](?![人国乡方们])/g;

/**
 * Narrative markers of a story around a speech: chapter headings in the title, headline or first lines,
 * quoted dialogue, he/she narration. Reasons, empty when none.
 */
function narrativeMarks(f: string, tops: string[]): string[] {
  const marks: string[] = [];
  const head = f.slice(0, 400).split('\n').slice(0, 6).map((x) => x.trim());
  if ([...tops, ...head].some((t) => CHAPTER_HEADING.test(t.trim()))) marks.push('narrative:第N章');
  const dialogue = f.match(DIALOGUE)?.length ?? 0;
  if (dialogue >= 1) marks.push(`narrative:对话×${dialogue}`);
  const pronouns = f.match(PRONOUN)?.length ?? 0;
  if (pronouns >= 3) marks.push(`narrative:他/她×${pronouns}`);
  return marks;
}

// ---------------------------------------------------------------------------------------------------
// Index pages: a column (政策解读, 政府工作报告) lists its articles as short dated link lines.

/** A list entry: a short line ending in its date (…解读  2023-03-01, …[2023/01/15]), or a date on its own line. */
const DATED_ENTRY = /(?:^|[\s(\[【])(?:19|20)\d{2}(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日)[)\]】]?$/;
const PAGINATION = /共\s*\d+\s*(?:条|页|篇)|下一页|上一页|尾页|第\s*\d+\s*页\s*$/m;
/** A line of running text: long enough, with sentence punctuation. */
const PROSE_LINE = /[。;；!！?？]/;

/**
 * Many short dated link lines and (almost) no running text: a column index. Its title is the column's
 * name, which is a kind's name (政策解读, 政府工作报告), but it is not that kind of page. Needs paging
 * (共5条, 下一页) or a long list, so that an image-only 图解 page with a short "related" list stays a page.
 */
function indexShape(f: string): { dated: number; excerpts: number; prose: number } | null {
  let dated = 0;
  let excerpts = 0;
  let prose = 0;
  for (const raw of f.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.length <= 100 && !NOT_HEADLINE.test(line) && DATED_ENTRY.test(line)) dated++;
    // A results list (a search engine's, a site search's) lists titles and excerpts instead of dates.
    else if (isExcerpt(line, 0, line.length)) excerpts++;
    else if (line.length >= 40 && PROSE_LINE.test(line)) prose += line.length;
    if (prose >= 200) return null;
  }
  const entries = dated + excerpts;
  if (entries < 3 || !(entries >= 8 || PAGINATION.test(f))) return null;
  return { dated, excerpts, prose };
}

// ---------------------------------------------------------------------------------------------------
// Region fallback: a headline that names the place bare (衡阳目标篇) while the body spells it out
// (《衡阳市三江六岸滨水区域规划条例》).

const BARE_SUFFIX = /[市县区州盟旗省]/g;

function stemFallback(f: string, tops: string[]): NameSpan | null {
  const tally = new Map<string, { span: NameSpan; count: number }>();
  BARE_SUFFIX.lastIndex = 0;
  for (let m = BARE_SUFFIX.exec(f); m; m = BARE_SUFFIX.exec(f)) {
    const p = m.index;
    for (let k = 2; k <= 4; k++) {
      const b = p - k;
      if (b < 0) break;
      const c = f.charCodeAt(b - 1);
      // The stem must start at a real boundary (《, “, punctuation, line start): inside a run of Han
      // characters there is no telling where a name begins.
      if (b > 0 && isHanCode(c)) continue;
      const stem = f.slice(b, p);
      if (/[^\u4e00-\u9fff]|[市县区州盟旗省]/.test(stem)) break;
      if (!tops.some((t) => t.includes(stem))) break;
      const span = nameBefore(f, p + 1, b);
      if (span && span.start === b) {
        const cur = tally.get(span.key);
        if (cur) cur.count++;
        else tally.set(span.key, { span, count: 1 });
      }
      break;
    }
  }
  let best: { span: NameSpan; count: number } | null = null;
  for (const v of tally.values()) if (!best || v.count > best.count) best = v;
  return best?.span ?? null;
}

// ---------------------------------------------------------------------------------------------------

const EMPTY: ReportInfo = { isReport: false, score: 0, kind: 'other', reasons: [], region: null, regionKey: null, year: null };

function urlSignals(url: string, ev: Evidence): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return;
  }
  const host = u.hostname.toLowerCase();
  if (host === 'gov.cn' || host.endsWith('.gov.cn')) ev.add('gov', 'url:gov.cn', 0.15);
  const path = u.pathname.toLowerCase();
  if (/\/(?:zfgzbg|gzbg)(?:\/|_|\b)/.test(path)) ev.add('work-report', 'url:zfgzbg', 0.25);
  if (/\/(?:zcjd|jiedu|zjjd)(?:\/|_|\b)/.test(path)) ev.add('interpretation', 'url:zcjd', 0.25);
  if (/\/(?:ghjh|fzgh|ghxx|ghgy|sswgh)(?:\/|_|\b)/.test(path)) ev.add('plan', 'url:ghjh', 0.2);
}

interface Located {
  span: NameSpan;
  /** Original string the span's offsets refer to, or the folded text of the body. */
  source: 'body' | FoldedText;
}

/**
 * `folded` lets a pipeline that already folded the page text (the glossary matcher does) pass it in;
 * folding is most of the cost on a 200 KB page.
 */
export function detectReport(input: PageInput, folded?: FoldedText): ReportInfo {
  const text = typeof input.text === 'string' ? input.text : '';
  const title = typeof input.title === 'string' ? input.title : '';
  const headings = Array.isArray(input.headings) ? input.headings : [];
  if (!text.trim() && !title.trim()) return { ...EMPTY, reasons: [] };

  const ev = new Evidence();
  urlSignals(typeof input.url === 'string' ? input.url : '', ev);

  // Title: each part ("报告名_网站名") separately.
  // Folded as the body is: a mirror's 政府工作報(bào)告 loses its pinyin residue (offsets map back through the fold).
  const titleFold = foldText(title);
  const fTitle = titleFold.folded;
  const titleForms: Form[] = [];
  const regionTitle: Located[] = [];
  const regionTitleIssuer: Located[] = [];
  let titleYear: number | null = null;
  for (const part of titleParts(fTitle)) {
    const forms = formsOf(part.text, 'title', true);
    titleForms.push(...forms);
    const span = regionOfHeadline(fTitle, part.start, part.start + part.text.length, forms);
    if (span) regionTitle.push({ span, source: titleFold });
    if (forms.some((x) => (x.kind === 'work-report' || x.kind === 'plan') && x.weight >= 0.5)) titleYear ??= firstYear(part.text);
    const gov = part.text.indexOf('人民政府');
    if (gov > 0) {
      const issuer = nameBefore(fTitle, part.start + gov, part.start);
      if (issuer) regionTitleIssuer.push({ span: issuer, source: titleFold });
    }
  }
  for (const x of titleForms) ev.add(x.kind, x.name, x.weight);

  // Headings. The headline is read like the title; other headings only in report-title form
  // (a "related reports" list at the bottom names other places and years).
  const headFolds = headings.slice(0, 400).map((h) => foldText(typeof h.text === 'string' ? h.text : ''));
  const fHeads = headFolds.map((h) => h.folded);
  const top = headlineIndex(fHeads);
  let headlineForms: Form[] = [];
  const regionTop: Located[] = [];
  const regionHeads: Located[] = [];
  const headYears: number[] = [];
  fHeads.forEach((fh, idx) => {
    const forms = formsOf(fh, 'heading', idx === top);
    for (const x of forms) ev.add(x.kind, x.name, x.weight);
    const source = headFolds[idx]!;
    if (idx === top) {
      headlineForms = forms;
      const span = regionOfHeadline(fh, 0, fh.length, forms);
      if (span) regionTop.push({ span, source });
    }
    if (forms.some((x) => x.name === 'heading:政府工作报告')) {
      const span = nameBeforeReportPhrase(fh, fh.indexOf('政府工作报告'));
      if (span) regionHeads.push({ span, source });
      const y = firstYear(fh);
      if (y !== null) headYears.push(y);
    } else if (forms.some((x) => x.kind === 'plan' && x.weight >= 0.35)) {
      const span = leadingName(fh, 0, fh.length);
      if (span) regionHeads.push({ span, source });
    }
  });

  // Body.
  const ft: FoldedText = folded && folded.original === text ? folded : foldText(text);
  const f = ft.folded;
  const facts = scanText(f, ev);
  if (facts.mentions > 0) ev.add('work-report', `text:政府工作报告×${facts.mentions}`, Math.min(0.24, 0.06 * facts.mentions));
  if (facts.planMentions > 0) ev.add('plan', `text:规划纲要×${facts.planMentions}`, Math.min(0.18, 0.06 * facts.planMentions));
  if (facts.planParts >= 2) ev.add('plan', `heading:第N篇×${facts.planParts}`, 0.25, true);
  if (facts.planColumns >= 2) ev.add('plan', `heading:专栏×${facts.planColumns}`, 0.15, true);
  if (facts.keywords.size >= 2) ev.add('goals', `heading:关键词×${facts.keywords.size}`, 0.35);
  if (facts.goalLines >= 2) ev.add('goals', `text:目标:×${facts.goalLines}`, 0.2);
  if (facts.measures >= 2) ev.add('goals', `heading:措施×${facts.measures}`, 0.25);
  if (facts.glossaryEntries >= 3) ev.add('glossary', `text:名词解释条目×${facts.glossaryEntries}`, facts.glossaryEntries >= 5 ? 0.35 : 0.2);

  // A speech with no report around it (no report title, date line, section headings or target list)
  // inside a story is fiction: the speech's signals count for little.
  if (ev.hasBody('work-report') && !ev.has('work-report', (name) => REPORT_FRAME.test(name))) {
    const tops = [...titleParts(fTitle).map((p) => p.text), ...fHeads.slice(0, Math.max(0, top) + 2)];
    const marks = narrativeMarks(f, tops);
    // One marker alone is weak (a report quotes a resident's words, or says 他们 of its people): a
    // chapter heading, or dialogue together with narration.
    if (marks.includes('narrative:第N章') || marks.length >= 2) {
      ev.discount('work-report', 0.3, (name) => !name.startsWith('url:'));
      for (const mk of marks) ev.add('gov', mk, 0);
    }
  }

  const index = indexShape(f);
  if (index) {
    for (const k of KINDS) ev.discount(k, 0.3, (name) => !name.startsWith('url:'));
    if (index.dated) ev.add('gov', `index:${index.dated} dated entries`, 0);
    if (index.excerpts) ev.add('gov', `index:${index.excerpts} excerpts`, 0);
  }

  // Kind: the page's own declaration (title, else headline) when its evidence holds, else the strongest.
  const strength = new Map<Kind, number>(KINDS.map((k) => [k, ev.strength(k)]));
  let kind: Kind = KINDS.reduce((a, b) => (strength.get(b)! > strength.get(a)! ? b : a));
  const declared = declaredKind(titleForms) ?? declaredKind(headlineForms);
  if (declared && strength.get(declared)! >= 0.4) kind = declared;

  const best = strength.get(kind)!;
  let miss = (1 - best) * (1 - ev.strength('gov'));
  for (const k of KINDS) if (k !== kind) miss *= 1 - 0.25 * strength.get(k)!;
  const score = round(1 - miss);
  // The URL corroborates but never decides: gov.cn hosts everything from tenders to tourism. A work
  // report also needs its own text (各位代表, the date line, 工作回顾…): a column page titled
  // 政府工作报告 that lists last years' reports is an index, not a report. And it must be the
  // government's: a court or a village committee reads its report in the same frame.
  // An interpretation must say so somewhere (解读/图解 in title, headings or breadcrumb, or a /zcjd/
  // path): a headline that only names the report (…征求意见座谈会, …的决议) is news about it.
  const framed = ev.strength(kind, true) >= 0.4 && score >= 0.5 && (kind !== 'work-report' || ev.hasBody('work-report'));
  const otherSpeaker =
    kind === 'work-report' && !governmentSpeaks(ev, otherSpeakerNamed(f, [...titleParts(fTitle).map((p) => p.text), ...(top >= 0 ? [fHeads[top]!] : [])]));
  const isReport = framed && !otherSpeaker && (kind !== 'interpretation' || ev.has('interpretation', (name) => !name.includes('提及')));
  // The reader should see why a report in full frame (各位代表, the date line) was not taken.
  if (framed && otherSpeaker) ev.add('gov', 'speaker:not the government', 0);

  // Several reports on one page (a news list carrying four cities' reports): count the openings.
  const reportCount = Math.max(facts.openings, facts.meetings.length);
  const meetingKeys = [...new Set(facts.meetings.flatMap((x) => (x.span ? [x.span.key] : [])))];
  let multiRegion = false;
  if (reportCount >= 2 && kind === 'work-report') {
    multiRegion = meetingKeys.length >= 2;
    ev.add('gov', `multi:${reportCount} reports${meetingKeys.length ? ` (${meetingKeys.join('/')})` : ''}`, 0);
  }

  // Keep score ≥ 0.5 ⇔ isReport, so a UI can threshold the score alone.
  if (!isReport) return { isReport, score: Math.min(score, 0.49), kind: 'other', reasons: ev.reasons(), region: null, regionKey: null, year: null };

  // Region: the report's own formal phrases first, the bare-headline fallback last.
  let region: string | null = null;
  let regionKey: string | null = null;
  if (!multiRegion) {
    const bodyCandidates: (NameSpan | null)[] = [
      facts.meetings.find((x) => x.span)?.span ?? null,
      kind === 'plan' || !facts.meetings.length ? facts.party : null,
      facts.planName,
    ];
    let chosen: Located | null = regionTitle[0] ?? regionTop[0] ?? null;
    for (const c of bodyCandidates) if (!chosen && c) chosen = { span: c, source: 'body' };
    chosen ??= regionHeads[0] ?? regionTitleIssuer[0] ?? null;
    if (!chosen) {
      let topIssuer: { span: NameSpan; count: number } | null = null;
      for (const v of facts.issuers.values()) if (!topIssuer || v.count > topIssuer.count) topIssuer = v;
      if (topIssuer) chosen = { span: topIssuer.span, source: 'body' };
    }
    if (!chosen) {
      const tops = [fTitle, ...fHeads.slice(Math.max(0, top), Math.max(0, top) + 3)].filter((t) => t.length > 0);
      const span = stemFallback(f, tops);
      if (span) {
        chosen = { span, source: 'body' };
        ev.add('gov', `region:headline+${span.key}`, 0);
      }
    }
    if (chosen) {
      regionKey = chosen.span.key;
      if (chosen.source === 'body') {
        const o = toOriginalSpan(ft, chosen.span.start, chosen.span.end);
        region = text.slice(o.start, o.end);
      } else {
        const o = toOriginalSpan(chosen.source, chosen.span.start, chosen.span.end);
        region = chosen.source.original.slice(o.start, o.end);
      }
    }
  }

  // Year: what the report is for, from the most formal place that states it.
  const meetingYears = facts.meetings.flatMap((x) => (x.year !== null ? [reportYearFromDate(x.year, x.month)] : []));
  const allSame = (ys: number[]) => (ys.length && ys.every((y) => y === ys[0]) ? ys[0]! : null);
  let year: number | null =
    titleYear ??
    (multiRegion ? allSame(headYears) : (headYears[0] ?? null)) ??
    (multiRegion ? allSame(meetingYears) : (meetingYears[0] ?? null)) ??
    facts.sectionYear ??
    firstYear(fTitle);
  if (year === null) {
    for (const h of fHeads.slice(Math.max(0, top), Math.max(0, top) + 3)) {
      year = firstYear(h);
      if (year !== null) break;
    }
  }
  if (year === null) {
    const pub = PUBLISHED.exec(f.slice(0, 3000)) ?? BYLINE_DATE.exec(f.slice(0, 600)) ?? DATE_LINE.exec(f.slice(0, 600));
    year = pub ? parseYear(pub[1]!) : null;
  }
  if (year === null && kind === 'plan') year = planYear(f, [...titleParts(fTitle).map((p) => p.text), ...fHeads.slice(0, Math.max(0, top) + 3)], ev);
  year ??= dominantYear(f);
  // A meeting in November 2100 dates the report 2101: past what the library holds (lib/ranges.ts).
  if (year !== null && !isLibraryYear(year)) year = null;

  return { isReport, score, kind, reasons: ev.reasons(), region, regionKey, year };
}

// ---------------------------------------------------------------------------------------------------
// Plan years.

/** 第十四个五年规划, "十四五"规划, 十四五时期…规划纲要: the n-th five-year plan (n ≥ 11: 十五 alone is a plain number). */
const FIVE_YEAR_PLAN = /第十([一二三四五六七八九])个五年规划|十([一二三四五六七八九])五[”"」]?[^\n。，,;；]{0,20}?(?:规划|纲要)/g;

function fiveYearPlanStart(s: string): number | null {
  let best = 0;
  FIVE_YEAR_PLAN.lastIndex = 0;
  for (let m = FIVE_YEAR_PLAN.exec(s); m; m = FIVE_YEAR_PLAN.exec(s)) {
    const n = 10 + (parseSmallNumber(m[1] ?? m[2]!) ?? 0);
    if (n > best) best = n;
  }
  // 十一五 = 2006–2010, 十四五 = 2021–2025.
  return best >= 11 ? 2006 + 5 * (best - 11) : null;
}

/**
 * The year of a plan when it states neither a dateline (…人民代表大会…会议批准, read as the meeting year
 * earlier in the chain) nor a publication date: the year it was adopted. A 规划纲要 is adopted by the
 * congress early in the period's first year (十四五纲要: 2021); a 规划建议 by the party plenum in the
 * year before (2020). Never the horizon (二〇三五年, 到2025年) nor an indicator table's 2025 column.
 * This is what targets expect of report.year: years before it are the past (the table's 2020 base
 * column), and an unstated multi-year target lands on report.year + 4, the period's last year.
 * The newest plan named wins (a 十四五 plan reviews 十三五规划); the title and headline first.
 */
function planYear(f: string, tops: string[], ev: Evidence): number | null {
  const start = fiveYearPlanStart(tops.join('\n')) ?? fiveYearPlanStart(f.slice(0, 5000));
  if (start === null) return null;
  const proposal = tops.some((t) => /建议(?:\(.{0,16}\))?$/.test(clean(t))) || ev.has('plan', (name) => name === 'text:提出规划建议' || name === 'text:全会');
  return proposal ? start - 1 : start;
}

/**
 * The place a title or headline is about: the name before 政府工作报告 (衡南县2022年政府工作报告, but
 * also 衡阳市政府工作报告解读), or the name a plan title starts with.
 */
function regionOfHeadline(f: string, from: number, to: number, forms: Form[]): NameSpan | null {
  const at = f.indexOf('政府工作报告', from);
  if (at >= 0 && at < to) {
    const span = nameBeforeReportPhrase(f, at, from);
    if (span) return span;
  }
  if (forms.some((x) => x.kind === 'plan' || x.name.endsWith(':目标任务') || x.name.endsWith(':民生实事'))) return leadingName(f, from, to);
  return null;
}

const LEADING_YEAR = new RegExp(`^${YEAR_TOKEN}年度?`);

/** Plan titles begin with the place: 衡阳市国民经济和社会发展第十四个五年规划…, 衡阳市"十四五"…规划. */
function leadingName(f: string, from: number, to: number): NameSpan | null {
  let s = from;
  while (s < to && /[《“"「\s]/.test(f[s]!)) s++;
  // 2025年衡南县目标任务: a year may open the title before the place.
  const year = LEADING_YEAR.exec(f.slice(s, to));
  if (year) s += year[0].length;
  let e = s;
  while (e < to && e - s < 16 && isHanCode(f.charCodeAt(e))) e++;
  // Try the longest prefix that is a name ending at an administrative suffix.
  for (let k = e; k > s + 1; k--) {
    const span = nameBefore(f, k, s);
    if (span && span.start === s) return span;
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
