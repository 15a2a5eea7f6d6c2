/**
 * Value items of one sentence: every quantity that can be a target value, with the indicator and verb
 * before it. A sentence is cut into clauses at commas, semicolons and colons; inside a clause 、 either
 * continues a list of values for one indicator (分别增长8.5%、10.5%以上) or starts the next indicator
 * (粮食播种面积138万亩以上、粮食总产量62万吨以上).
 */
import type { Direction, Qualifier } from '../types';
import { parseYearAt, scanQuantities, type Quantity } from './numbers';
import { cleanIndicator, splitSubjects } from './indicator';
import { concat, remove, slice, sourcedSlice, split, supplied, type Sourced } from '../text/sourced';
import { isClauseBreak } from './sentences';

export interface ValueItem {
  q: Quantity;
  /** Folded, each character with its offset in the folded text, so the name can be shown in the page's script. */
  indicator: Sourced;
  verb: string;
  direction: Direction;
  qualifier: Qualifier;
  unit: string;
  /** The verb alone makes the number a target (控制在, 突破, 达到 …). */
  targetVerb: boolean;
  /** The value closes its clause (or is followed by 、 or a closing quote). */
  followOk: boolean;
  /**
   * The count stands before what it counts (新增10个县(市、区)通过…督导评估, 新建3个污水处理厂): a count of work
   * or of units to reach a standard, which the caller takes as it takes a planned count.
   */
  countFirst?: boolean;
  clauseStart: number;
  clauseEnd: number;
}

const VERBS = [
  '提高到', '提高至', '提升到', '提升至', '增长到', '增长至', '增加到', '增加至', '扩大到', '扩大至',
  '下降到', '下降至', '降低到', '降低至', '减少到', '减少至', '控制在', '控制到', '稳定在', '保持在',
  '维持在', '不低于', '不少于', '不超过', '不高于', '超过', '突破', '达到', '增至', '降至', '增长', '增加',
  '提高', '提升', '扩大', '下降', '降低', '减少', '压减', '压缩', '缩减', '削减', '保持', '稳定', '维持',
  '高于', '低于', '至少', '达', '回落至', '回落到', '回升至', '回升到', '缩小到', '缩小至', '上涨到', '上涨至',
  '上涨', '回落', '回升', '缩小', '压缩到', '压缩至', '压减到', '压减至', '缩短到', '缩短至', '缩短',
  // 净增 right before the value (…达到1000家，净增200家以上): the net change of the indicator named before.
  '净增',
];
const VERB_SET = new Set(VERBS);

interface VerbMatch {
  verb: string;
  /** Where the verb phrase (with 分别 / 年均 / 约) starts in the head. */
  index: number;
  /** 分别 marks values that go to listed subjects one by one. */
  respectively: boolean;
}

/**
 * The year a verb reaches a figure in (增加到|2025年的|5000亿元, 提高到|2024年底的|59.5%): when, not part of the
 * value, so the verb before it is still the value's verb.
 */
const YEAR_AFTER_VERB = /(?:(?:20|19)[0-9]{2}|[〇零一二三四五六七八九]{4})年(?:底|末)?的?$/;

/**
 * The unit a standard is paid per, between the verb and the figure (提高到|每人每月|800元, 达到|每亩|1200斤):
 * part of the value's unit, not of the name, and the verb before it is still the value's verb.
 */
const PER_AFTER_VERB = /(?:每人|人均|每户|户均)?每(?:年|月|天|日|亩|人|户|吨)$/;

/**
 * The verb phrase that ends a head: [分别][年均|平均]verb[分别][约|近][year]. Matched by looking at the last
 * few characters rather than with a regex anchored at $, which would retry every start position.
 */
function matchVerb(head: string): VerbMatch | null {
  let end = head.length;
  while (end > 0 && /[\s\u200b]/.test(head[end - 1]!)) end--;
  const year = YEAR_AFTER_VERB.exec(head.slice(Math.max(0, end - 8), end));
  if (year) end -= year[0].length;
  const rate = PER_AFTER_VERB.exec(head.slice(Math.max(0, end - 6), end));
  if (rate) end -= rate[0].length;
  if (head[end - 1] === '约' || head[end - 1] === '近') end--;
  let respectively = false;
  if (head.endsWith('分别', end)) {
    end -= 2;
    respectively = true;
  }
  let verb = '';
  for (let len = 3; len >= 1 && !verb; len--) {
    const w = head.slice(end - len, end);
    if (end - len >= 0 && VERB_SET.has(w)) verb = w;
  }
  if (!verb) return null;
  let index = end - verb.length;
  if (head.startsWith('年均', index - 2) || head.startsWith('平均', index - 2)) index -= 2;
  if (head.startsWith('分别', index - 2)) {
    index -= 2;
    respectively = true;
  }
  return { verb, index, respectively };
}

const DECREASE = /^(?:下降|降低|减少|降至|压减|压缩|缩减|削减|回落|缩小|缩短)/;
const LEVEL = /^(?:控制|稳定|保持|维持|不低于|不少于|不超过|不高于|低于|高于|至少)/;
// 回落至/回升至 tell where a figure moves (forecasts, analysis), not where a plan puts it: a verb that names
// the indicator's end, not one that makes a target by itself.
const TARGET_VERB = /^(?!回落|回升)(?:控制在|稳定在|保持在|维持在|不低于|不少于|不超过|不高于|至少|超过|突破|达到|达|增至|降至|.{2}[到至])$/;
/** Bounds said by the verb: 低于5.5% is a ceiling as 5.5%以内 is (the strict 低于 is not kept apart). */
const PREFIX_QUALIFIER: Record<string, Qualifier> = {
  不低于: '以上', 不少于: '以上', 至少: '以上', 高于: '以上', 不超过: '以内', 不高于: '以内', 低于: '以内',
};

/**
 * A change named as the goal before its value, with no verb of its own (news, 数读 lines, answers):
 * "地区生产总值增长目标定为5.5%左右", "能耗下降目标为3%" — the name drops the words (indicator.ts,
 * TRAILING), the direction keeps them.
 */
const GOAL_OF_CHANGE = /(增长|增速|增幅|提高|提升|下降|降低|减少|降幅)(?:预期)?目标(?:值)?(?:定为|设定为|确定为|设定在|定在|为|是)?\s*$/;

export function verbDirection(verb: string, indicator = ''): Direction {
  if (verb) {
    if (DECREASE.test(verb)) return 'decrease';
    if (LEVEL.test(verb)) return 'level';
    return 'increase';
  }
  if (/降幅|下降率/.test(indicator)) return 'decrease';
  if (/增速|增幅/.test(indicator)) return 'increase';
  return 'level';
}

const BOUNDARY = new Set(['、', '”', '’', '"', "'", ')', '）', '」', '』', '】', ']', ' ', '\t', '\u3000', '\u200b', '.', '…']);
/** Words a value may be glued to and still close its clause: …达标, …的目标, a budget's 按3%左右安排. */
const TAIL = /^(?:达标|的目标|目标|安排)/;
/** "实现6%左右的增长": the growth the value is of, after it. */
const GROWTH_AFTER = /^的?(增长|增幅|提升|提高|下降|降幅)/;
const HEAD_MAX = 80;
const CLAUSE_BREAK = /[,，;；:：。!?！？\n]/g;
/** A digit, a colon and a lone 1: a ratio to one (see RATIO_TO_ONE in numbers.ts). */
const RATIO_COLON = /^[0-9][:：]1(?![0-9.])/;
/** Administrative tiers that enumerations repeat after one shared name (国家级…、省级…). */
const TIER = /^(?:国家级|国家|省级|省|市级|市|县级|县|区级|乡镇级|一级|二级|三级|四级)$/;
const TIER_END = /(?:国家级|国家|省级|省|市级|市|县级|县|区级|乡镇级|一级|二级|三级|四级)$/;
const INDICATOR_MAX = 24;

/**
 * The base of a ratio per head of population or per household that opens a name: 每千人口, 每万人, 每10万人口,
 * 每千名老年人, 每百户. Not per money or area (每万元GDP用水量, 每平方公里).
 */
export const PER_CAPITA_BASE = /^每(?:[0-9]+|[十百千万])+名?[^0-9，,、；;。]{0,4}?(?:人口|人|户)/;
/** A list member that opens with an action is work of its own, not a second ratio (…7.2张、新建乡镇卫生院5个). */
const MEMBER_ACTION = /^(?:新|建|改|扩|实施|完成|开展|培育|引进|打造|创建|推进|提升|提高|增加|达到)/;

/** A name that is only the action of a count of work (新建, 新增, 改造, 新建、改扩建), its object left unsaid. */
export const BARE_ACTION = /^(?:再|还|又|另)?(?:(?:新建|新增|新开工|开工|建成|建设|改造|改扩建|新改建|新改扩建|实施|培育|引进|完成|打造|创建|招引|整治|培训|新修|铺设|增设|加装|加固)、?)+$/;
const ADVERB_BEFORE_ACTION = /^(?:再|还|又|另)/;
/** A name that opens with work that adds new units (新建5G基站, 新增充电桩): its object is what the units are. */
const NEW_WORK = /^(?:新建|新增|新开工|建成|建设|改扩建|新改建|新改扩建|培育|引进|打造|创建|招引|增设)/;
/** A head that is only a date the value is reached by: 到年底, 年底前, 到2027年(底). */
const DATE_ONLY = /^[、\s]*(?:到|至)?(?:(?:20|19)\d\d年(?:底|末)?|(?:今|本)?年(?:底|末))前?\s*$/;
const COUNT_MULTIPLIER = /^(?:万亿|千亿|千万|百万|万|亿)/;

/** The unit of what a clause named: a value's, or none for a doubling's name (no value of its own). */
function unitOfNamed(named: Named): string {
  const unit = (named as Partial<ValueItem>).unit;
  return typeof unit === 'string' ? unit : '';
}

/** Two units that count the same thing, whatever their 万/亿 (个 and 万个, 户 and 万户); not money, not a rate. */
function sameCountUnit(a: string, b: string): boolean {
  const base = a.replace(COUNT_MULTIPLIER, '');
  return base !== '' && base === b.replace(COUNT_MULTIPLIER, '') && !/^(?:%|‰|个百分点|百分点|倍|元|美元|年|岁)$/.test(base);
}

/**
 * What a count of work is of: its name without the actions before it or after it (新建5G基站 → 5G基站, 老旧小区改造 →
 * 老旧小区), or null when two characters are not left.
 */
function objectOf(name: Sourced): Sourced | null {
  const obj = remove(remove(name, LEADING_ACTIONS), TRAILING_ACTIONS);
  return (obj.text.match(/[\u4e00-\u9fffA-Za-z0-9]/g) ?? []).length >= 2 && !/^[的和及与、]/.test(obj.text) ? obj : null;
}
const ACTIONS = '新建|新增|新开工|开工|建成|建设|改造|改扩建|新改建|新改扩建|实施|培育|引进|完成|打造|创建|招引|整治|培训|新修|铺设|增设|加装|加固';
const LEADING_ACTIONS = new RegExp(`^(?:(?:${ACTIONS})、?)+`);
const TRAILING_ACTIONS = new RegExp(`(?:${ACTIONS})+$`);

/**
 * A count before what it counts, right after the word that sets it: 新增|10个|县(市、区)|通过国家义务教育优质均衡
 * 发展督导评估, 力争|60家|企业|进入省重点上市后备企业资源库, 新建|3个|污水处理厂. The count is of units that reach a standard
 * (the statistic is what follows the units: 通过…督导评估的县(市、区)) or of the work itself (新建污水处理厂).
 * Only a count in digits with a measure word, a noun of 1–16 characters (县, 乡镇卫生院) without figures (a bracketed
 * 市、区 inside it) that closes the clause or meets the verb of a standard reached.
 */
/** The word that sets the count: actions, run together as plans write them (培育建设, 新建改造), or a hedge alone. */
const COUNT_LEAD = /(?:((?:新增|新建|改扩建|新改扩建|新改建|改造|建设|建成|创建|打造|培育|引进|招引|实施|新开工|完成|整治|安置|培训)+)|力争|争取|确保|推动|支持)\s*$/;
/** Measure words and the units of built lengths, areas and homes (新建30公里城市绿道, 建设10万亩高标准农田); not money. */
const COUNT_WORD = /^(?:万|亿)?(?:个|家|所|座|条|处|项|支|批|名|户|套|辆|台|张|间|公里|千米|亩)$/;
const COUNTED_NOUN = /^((?:[^0-9０-９，,；;。：:、（(\s]|[（(][^）)0-9]{1,8}[）)]){1,16}?)(?=(?:通过|获评|获批|入选|纳入|列入|进入|跻身|创成|创建成为?|创建|争创|建成|成为|达到)|、\s*[0-9]|、\s*[^0-9０-９，,；;。：:、\s]{2,16}?[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:个|家|所|座|条|处|项|支|批|名|户|套|辆|台|张|间|公里|千米|亩)(?:以上|左右)?(?:[、，,；;。]|$)|$)/;
/** A list member with a count in it, up to its 、: what follows is a name of its own. */
const COUNTED_MEMBER = /^.*[0-9](?:万|亿)?(?:个|家|所|座|条|处|项|支|批|名|户|套|辆|台|张|间|公里|千米|亩)[^、0-9]*、\s*/;
/**
 * The next member of a 、 list of counts of work: a count (、5个垃圾中转站) or a name with its count after it
 * (、垃圾中转站5个) — the member before ends at its 、. Not a member that sets a level (、挂牌企业达到10家).
 */
const NEXT_MEMBER = /、\s*(?:[0-9]|[^0-9０-９，,；;。：:、\s]{2,16}?[0-9])/;
const LEVEL_WORDS = /达到|突破|超过|增长|提高|增加|控制|稳定|保持|下降|减少/;
const REACHED = /^(?:通过|获评|获批|入选|纳入|列入|进入|跻身|创成|创建成为?|创建|争创|建成|成为|达到)[^0-9０-９]{2,30}$/;

function countBeforeNoun(
  s: string,
  q: Quantity,
  head: Sourced,
  ce: number,
  /** The action (or hedge: null) of the member before, when this count follows it after 、 (新建3个污水处理厂、|5个垃圾中转站). */
  shared?: { action: Sourced | null },
): { indicator: Sourced; direction: Direction; end: number; action: Sourced | null } | null {
  const lead = shared ? null : COUNT_LEAD.exec(head.text);
  if ((!lead && !shared) || q.chinese || q.valueMax !== null || !COUNT_WORD.test(q.unit)) return null;
  const rest = s.slice(q.end, ce);
  const noun = COUNTED_NOUN.exec(rest);
  if (!noun) return null;
  const nounEnd = q.end + noun[1]!.length;
  let tail = s.slice(nounEnd, ce).replace(/\s+$/, '');
  // A list of counted members under one action: this member ends at the 、 before the next count.
  let end = ce;
  const nextMember = NEXT_MEMBER.exec(tail);
  const next = nextMember && !LEVEL_WORDS.test(nextMember[0]) ? nextMember.index : -1;
  if (next >= 0) {
    end = nounEnd + next;
    tail = tail.slice(0, next);
  }
  const action = shared ? shared.action : lead?.[1] ? slice(head, lead.index, lead.index + lead[1].length) : null;
  const direction: Direction = /^(?:新增|新建|改扩建|新改扩建|建成|创建|打造|培育|引进|新开工)/.test(action?.text ?? '') ? 'increase' : 'level';
  const nounPart = sourcedSlice(s, q.end, nounEnd);
  if (!tail) {
    // 新建|3个|污水处理厂: the action and the noun, as 新建污水处理厂3个 reads (a hedge is no part of the name).
    // Not a noun that is a phrase (建成3个示范区的目标: what the count belongs to is not named).
    if (/的/.test(noun[1]!)) return null;
    return { indicator: action ? concat(action, nounPart) : nounPart, direction: 'level', end, action };
  }
  if (!REACHED.test(tail)) return null;
  return { indicator: concat(sourcedSlice(s, nounEnd, nounEnd + tail.length), supplied('的', '的'), nounPart), direction, end, action };
}

/** What ends a scope list before the statistic: 工业、农业、…、医疗等领域|设备投资规模. */
const SCOPE_END = /等(?:重点)?(?:领域|行业|产业|方面|地区|部门|单位)?/;

/**
 * A name of at most INDICATOR_MAX characters, its end kept (the statistic is last). A longer one that
 * opens with a list of scopes is cut where the list ends — after its 等(领域) or its last 、 — not in
 * the middle of a member: "工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模" → 设备投资规模, where
 * the last 24 characters were "、建筑、交通、…设备投资规模".
 */
function limitName(name: Sourced): Sourced {
  const t = name.text;
  if (t.length <= INDICATOR_MAX) return name;
  const sep = t.lastIndexOf('、');
  if (sep >= 0) {
    const etc = SCOPE_END.exec(t.slice(sep + 1));
    const cut = etc ? sep + 1 + etc.index + etc[0].length : sep + 1;
    if (t.length - cut >= 2 && t.length - cut <= INDICATOR_MAX) return slice(name, cut);
  }
  return slice(name, -INDICATOR_MAX);
}

function followsOk(s: string, end: number, clauseEnd: number): boolean {
  if (end >= clauseEnd) return true;
  const ch = s[end]!;
  // An aside may follow: 增长6%左右（上年为5.2%）.
  return (
    BOUNDARY.has(ch) ||
    isClauseBreak(ch) ||
    ch === '（' ||
    ch === '(' ||
    TAIL.test(s.slice(end, end + 3)) ||
    growthAfter(s, end, clauseEnd) !== '' ||
    VALUE_JOIN.test(s.slice(end, end + 2))
  );
}

/**
 * 和/及/以及/与 right after a value end it as 、 does: they join two values of one list (分别增长6%和7.5%) or
 * two items (地区生产总值增长6%和规模工业增加值增长8%). 及时 is a word of its own.
 */
const VALUE_JOIN = /^(?:以及|和|与|及(?!时|以[上下内]))/;
/** What stands between two values of one list: 、 or a joining word. */
const LIST_SEPARATOR = /^[、\s]*(?:以及|和|及|与)?\s*$/;

/** The growth word that closes the clause after a value (6%左右的增长), or ''. */
function growthAfter(s: string, end: number, clauseEnd: number): string {
  const m = GROWTH_AFTER.exec(s.slice(end, Math.min(clauseEnd, end + 4)));
  return m && end + m[0].length >= clauseEnd - 0 && /^[\s。]*$/.test(s.slice(end + m[0].length, clauseEnd)) ? m[1]! : '';
}

/** 由/从 and words saying when (2020年的, 目前的) before a starting figure. */
const FROM_BEFORE = /(?:由|从)(?:(?:20|19)[0-9]{2}年(?:底|末)?的?|[^，,、；;。由从0-9A-Za-z]{1,4}的)?$/;
/** The verb that moves from the starting figure to the value. */
const MOVES_TO = /^(?:提高|提升|增加|增长|扩大|上升|上涨|下降|降低|减少|缩小|压减|压缩|缩减|削减|回落|回升)(?:到|至)/;

function isStartingFigure(s: string, q: Quantity, from: number): boolean {
  return MOVES_TO.test(s.slice(q.end, q.end + 3)) && FROM_BEFORE.test(s.slice(from, q.start));
}

interface Draft extends ValueItem {
  /** Values of one indicator share a group (8.5%、10.5%以上). */
  group: number;
  /** "A、B均增长15%": the value applies to each listed member. */
  each: boolean;
  /** The action a count before its noun was set by (新建|3个污水处理厂、5个垃圾中转站): the next member's too. */
  countAction?: Sourced | null;
}

/**
 * A doubling said in words at the end of a head: 翻一番, 翻两番, (实现)翻番, 翻一番以上, and 倍增 where a base
 * or 实现 stands before it (比2020年倍增, 实现倍增; 倍增 alone names programmes: 破零倍增, 倍增工程). It
 * carries no value of its own, so the indicator it names goes on to the value after it: "地区生产总值比
 * 2020年翻一番，达到6000亿元以上", "…翻一番、达到…", "…实现翻番，突破…".
 */
const DOUBLING = /(?:实现)?(?:翻了?[一两二三四]?番多?|(?<=年|底|末|基础上|相比|实现)倍增)(?:以上|左右)?[、\s]*$/;

/** What a clause without a value of its own names for the next one: the indicator before a doubling. */
type Named = Pick<ValueItem, 'indicator' | 'verb' | 'direction' | 'targetVerb'> & {
  /** A label before a colon (地区生产总值：增长6%左右): it names the value after it, verb or not. */
  label?: boolean;
};

function doublingName(s: string, cs: number, ce: number): Named | null {
  const head = remove(remove(sourcedSlice(s, cs, ce), /\u200b/g), /\s+$/);
  if (!DOUBLING.test(head.text)) return null;
  const indicator = cleanIndicator(remove(head, DOUBLING));
  return indicator.text ? { indicator, verb: '', direction: 'increase', targetVerb: false } : null;
}

/**
 * Measure words that are no statistic on their own: 产量 of what, 投资 in what. Reports drop the subject
 * the sentence has just named — "稳定粮食播面465万亩以上、产量196万吨以上" (the list member before),
 * "实施省市重点项目310个以上，完成投资600亿元以上" (the projects of the clause before), "推动电子信息产业
 * 集聚发展，力争产值突破30亿元" (the industry the sentence is about) — and the name takes it back.
 */
const BARE_MEASURE = /^(?:总?产值|总?产量|增加值|营业收入|销售收入|营收|投资|总投资)$/;
/** A member's own measure after its subject (粮食|播面, 中药材|产值), so a bare measure next to it takes the subject. */
const MEMBER_MEASURES = '播种面积|播面|种植面积|面积|总产量|产量|总产值|产值|增加值|营业收入|销售收入|营收|总投资|投资|规模';
const MEMBER_MEASURE = new RegExp(`^(.{2,12}?)(?:${MEMBER_MEASURES})$`);
/** A listed member that is a measure alone (粮食播种面积、|产量): the first member's subject is its subject too. */
const BARE_MEMBER = new RegExp(`^(?:${MEMBER_MEASURES})$`);
/** Projects a clause names (实施|新开工…|省市重点项目): investment in them is theirs. */
const PROJECTS = /^(?:实施|建设|推进|开工|新开工|完成|建成|引进|新引进|谋划|储备)*(.{2,12}项目)$/;
/** An industry the sentence puts forward before the value: 推动|电子信息产业|集聚发展. */
// The verbs run together (加快发展, 培育壮大, 做大做强): all of them go before the name, none into it.
// 产业化 (农业产业化经营, 数字产业化) is a way of working, no industry, and the name does not run past it.
const INDUSTRY = /(?:推动|推进|促进|发展|做强|做大|做优|壮大|培育|打造|支持|加快|引导|振兴)+((?:(?!产业|行业)[\u4e00-\u9fff]){2,8}(?:产业|行业))(?!链|园|区|集群|基金|项目|化)/g;

/** The subject, taken where it stands (the list member before, the clause before, the sentence), or null. */
function subjectForMeasure(measure: string, s: string, sentenceStart: number, cs: number, prev: ValueItem | null, carry: Named | null): Sourced | null {
  if (prev && prev.indicator.text !== measure) {
    const m = MEMBER_MEASURE.exec(prev.indicator.text);
    if (m) return slice(prev.indicator, 0, m[1]!.length);
  }
  // 实施…项目280个、投资500亿元: the projects are the list member before as often as the clause before.
  for (const named of [prev, carry]) {
    if (!/投资$/.test(measure) || !named) continue;
    const m = PROJECTS.exec(named.indicator.text);
    if (m) return slice(named.indicator, -m[1]!.length);
  }
  if (!/投资$/.test(measure)) {
    let last: Sourced | null = null;
    INDUSTRY.lastIndex = 0;
    const before = s.slice(sentenceStart, cs);
    for (let m = INDUSTRY.exec(before); m; m = INDUSTRY.exec(before)) {
      // The industry's name closes the match.
      const end = sentenceStart + m.index + m[0].length;
      last = sourcedSlice(s, end - m[1]!.length, end);
    }
    return last;
  }
  return null;
}

/**
 * A head that names nothing but opens with a hedge or a modal (力争7%, 要达到, 将突破): the value belongs to
 * the indicator named just before, as one with a verb of its own does (…提高0.3个百分点，达到2.6%).
 */
const OPENER = /^[、\s]*(?:力争|确保|争取|努力|力求|要|将)/;

/**
 * A head that only says the value is the target (今年目标, 今年目标为, 2026年的预期目标是, 今年预期): a 数读 or a
 * bulletin sets the year's target beside last year's result — "一般公共预算收入完成128.3亿元、增长4.1%，今年目标增长
 * 4.5%" — and the target is of what the result was given for.
 */
export const TARGET_HEAD = /^[\s、]*(?:(?:今年|明年|全年|当年|(?:20|19)[0-9]{2}年)的?)?(?:主要)?(?=预期|目标)(?:预期)?(?:目标值?)?(?:是|为|定为|设定为|确定为)?\s*$/;

/**
 * The last name a sentence gave a value, leaving out what a result is measured against (完成年度目标的120%,
 * 高于年初预期目标0.3个百分点): the indicator a target clause after it is of.
 */
function lastNamed(out: readonly ValueItem[], sentenceStart: number): ValueItem | null {
  for (let i = out.length - 1; i >= 0; i--) {
    const it = out[i]!;
    if (it.q.start < sentenceStart) break;
    if (it.indicator.text && !/目标|预期|计划/.test(it.indicator.text) && !/^(?:高于|低于|超过|快于|慢于|好于|优于|完成|占)/.test(it.indicator.text)) return it;
  }
  return null;
}

/**
 * Returns the clause's last item, which the next clause may continue (see OPENER), or for a clause without
 * values the indicator its doubling names (see DOUBLING).
 */
function parseClause(s: string, cs: number, ce: number, out: ValueItem[], carry: Named | null, sentenceStart: number): Named | null {
  // A list item's number (1. 2、) is the layout's, never a value: it neither ends a label nor counts as one.
  const qs = scanQuantities(s, cs, ce).filter((q) => !isItemNumber(s, q));
  return (qs.length ? parseValues(s, qs, cs, ce, out, carry, sentenceStart) : null) ?? doublingName(s, cs, ce) ?? (qs.length ? null : labelName(s, cs, ce));
}

/** 1. or 2、 opening a line: a list item's number. */
function isItemNumber(s: string, q: Quantity): boolean {
  return !q.unit && !q.qualifier && q.valueMax === null && !q.chinese && /^[.．、](?![0-9])/.test(s.slice(q.end, q.end + 2)) && !s.slice(s.lastIndexOf('\n', q.start - 1) + 1, q.start).trim();
}

/**
 * What a line says before a colon, when that is only a name: a 目标篇 or a 图解 writes its list as labels —
 * "地区生产总值：增长6%左右，力争更高", "城镇新增就业：4.2万人以上" — and the label names the value after it on the
 * line. Not a list's intro or heading (主要预期目标：, 主要指标：, 目标：), a speaker (答：, 记者：, 市统计局局长张三：),
 * a byline field (来源：, 发布时间：) or a label closing its line.
 */
function labelName(s: string, cs: number, ce: number): Named | null {
  if (s[ce] !== ':' && s[ce] !== '：') return null;
  const lineStart = s.lastIndexOf('\n', cs - 1) + 1;
  if (s.slice(lineStart, cs).trim() || !/^[ \t\u3000]*[^\s\n]/.test(s.slice(ce + 1, ce + 8))) return null;
  const text = s.slice(cs, ce).trim();
  if (text.length < 2 || text.length > INDICATOR_MAX || NOT_A_LABEL.test(text) || SPEAKER_TITLE.test(text) || /[，,。；;、“”"]/.test(text)) return null;
  const indicator = cleanIndicator(remove(sourcedSlice(s, cs, ce), /\u200b/g));
  return indicator.text.length >= 2 ? { indicator, verb: '', direction: 'level', targetVerb: false, label: true } : null;
}
/** Someone speaking (市统计局局长张明：): a title anywhere in the label. */
const SPEAKER_TITLE = /局长|主任|市长|县长|区长|镇长|乡长|书记|负责人|发言人|主席|部长|厅长|处长|科长|记者|主持人|嘉宾|网友|委员/;
const NOT_A_LABEL =
  /(?:目标|任务|指标|要求|要点|举措|措施|安排|如下|是|为|提出|表示|指出|强调|介绍|说|来源|时间|日期|作者|记者|编辑|答|问|主持人|嘉宾|发言人|负责人|局长|主任|市长|县长|区长|书记|地址|电话|网址|附件|注)$/;

function parseValues(s: string, qs: Quantity[], cs: number, ce: number, out: ValueItem[], carry: Named | null, sentenceStart: number): ValueItem | null {
  const drafts: Draft[] = [];
  let prevEnd = cs;
  let prev: Draft | null = null;
  let group = 0;
  const sharedGroups = new Set<number>();
  for (const q of qs) {
    // 不漏一户、不落一人, 办好一所: a written-out 一 with a measure word is idiom, not a target value (一倍 is one:
    // 比2020年增长一倍).
    if (q.chinese && q.value === 1 && q.valueMax === null && !/[万亿%倍]/.test(q.unit)) continue;
    // A year (提高到2024年的59.5%) says when, never how much: it is no value and does not end the head of the
    // value after it.
    if (!q.unit && q.valueMax === null && parseYearAt(s, q.start)) continue;
    // The starting figure of 由…增加到 / 从…提高到 is the name's, not a value (see FROM_BASE in indicator.ts).
    if (isStartingFigure(s, q, Math.max(prevEnd, q.start - 16))) continue;
    const followOk = followsOk(s, q.end, ce);
    // Zero-width spaces (masked footnotes, joined line wraps: "增⏎长") are not there for the reader.
    const head = remove(sourcedSlice(s, Math.max(prevEnd, q.start - HEAD_MAX), q.start), /\u200b/g);
    const vm = matchVerb(head.text);
    // "地区生产总值实现6%左右的增长": with no verb before it (实现 only carries), the growth after it is the verb.
    const after = !vm && /实现\s*$/.test(head.text) ? growthAfter(s, q.end, ce) : '';
    const verb = vm?.verb ?? after;
    const targetVerb = TARGET_VERB.test(verb);
    // A number glued to the next word (百亿企业, 55人以上大班额) is part of a name unless a qualifier
    // or a target verb marks it as a value; the caller decides on the weaker cases.
    if (!followOk && !q.qualifier && !targetVerb) {
      const counted = !vm ? countBeforeNoun(s, q, head, ce, prev?.countFirst && /^[、\s]*$/.test(head.text.slice(head.text.lastIndexOf('、'))) && /、\s*$/.test(head.text) ? { action: prev.countAction ?? null } : undefined) : null;
      if (counted) {
        group++;
        const draft: Draft = {
          q,
          indicator: counted.indicator,
          verb: '',
          direction: counted.direction,
          qualifier: '',
          unit: q.unit,
          targetVerb: false,
          followOk: true,
          countFirst: true,
          countAction: counted.action,
          clauseStart: cs,
          clauseEnd: ce,
          group,
          each: false,
        };
        drafts.push(draft);
        prevEnd = counted.end;
        prev = draft;
      }
      continue;
    }
    // A span of years or an age is a value only after its verb (达到79岁, 提高到11.3年), not in 今后5年.
    if ((q.unit === '年' || q.unit === '岁') && !verb) continue;
    const headNoVerb = vm ? head.text.slice(0, vm.index) : head.text;
    // "亩均生产总值、亩均税收均增长15%以上": one value that each listed member reaches.
    const each = /[均都][\s]*$/.test(headNoVerb);
    // The word that joined the value before (…6%和|规模工业增加值增长) is no part of this name.
    const join = prev !== null && prevEnd >= q.start - HEAD_MAX ? VALUE_JOIN.exec(headNoVerb) : null;
    // Kept whole until the list it may name is split (limitName): "规模以上工业企业数字化研发设计工具普及率、
    // 关键工序数控化率分别超过90%、75%" cut first would lose the first member's head.
    const named0 = cleanIndicator(remove(slice(head, join ? join[0].length : 0, headNoVerb.length), DOUBLING));
    // "力争3家企业上市、挂牌企业达到10家": a member before the 、 that holds a count of its own is another item, not
    // part of this name (挂牌企业).
    const listed = COUNTED_MEMBER.exec(named0.text);
    const indicator = listed ? slice(named0, listed.index + listed[0].length) : named0;
    const onlySeparator = prev !== null && LIST_SEPARATOR.test(headNoVerb);
    let qualifier = q.qualifier;
    if (!qualifier && PREFIX_QUALIFIER[verb]) qualifier = PREFIX_QUALIFIER[verb]!;
    const draft: Draft = {
      q,
      indicator,
      verb,
      direction: verb ? verbDirection(verb) : (GOAL_OF_CHANGE.exec(headNoVerb)?.[1] ? verbDirection(GOAL_OF_CHANGE.exec(headNoVerb)![1]!) : verbDirection('', indicator.text)),
      qualifier,
      unit: q.unit,
      targetVerb,
      followOk,
      clauseStart: cs,
      clauseEnd: ce,
      group,
      each,
    };
    if (onlySeparator && !verb && prev) {
      // 8.5%、10.5%以上, 6%和7.5%: one more value for the same indicator and verb.
      draft.indicator = prev.indicator;
      draft.verb = prev.verb;
      draft.direction = prev.direction;
      draft.targetVerb = prev.targetVerb;
      draft.group = prev.group;
    } else {
      group++;
      draft.group = group;
      // A target clause (今年目标为3.5万人以上) is of the last indicator the sentence named, past what a result was
      // measured against (全年城镇新增就业3.6万人，完成年度目标的120%，…).
      const target = !indicator.text && TARGET_HEAD.test(headNoVerb) ? lastNamed(out, sentenceStart) ?? lastNamed(drafts, sentenceStart) : null;
      const named = target ?? prev ?? carry;
      // 、突破3400亿元: a second verb for the indicator just named. A clause or list member with no name of
      // its own that opens with a verb, a comparison base or a hedge continues it too: "研发经费投入强度
      // 提高0.3个百分点，达到2.6%", "增长6%以上、力争7%", "…6万人以上，较上年增长2%" (what 较上年 compares
      // is the indicator just named; a verb-less 力争7% keeps that indicator's verb).
      if (!indicator.text && prev && /^[、\s]*$/.test(headNoVerb)) draft.indicator = prev.indicator;
      // A value glued to the words after it names its subject there (力争2家以上产业园区进入…): not this one.
      else if (!indicator.text && named && followOk && (verb || OPENER.test(headNoVerb) || target !== null || (!prev && carry?.label === true))) {
        // "新建数据中心标准机架800个，到年底达到2000个": the level a date is given for is the total of what the work
        // adds to (数据中心标准机架), not more work; a hedge before the verb (…5万人以上，力争达到6万人) is a firmer
        // figure of the same count.
        const total = verb && DATE_ONLY.test(headNoVerb) && TARGET_VERB.test(verb) && NEW_WORK.test(named.indicator.text) ? objectOf(named.indicator) : null;
        draft.indicator = total ?? named.indicator;
        if (!verb) {
          draft.verb = named.verb;
          draft.direction = named.direction;
          draft.targetVerb = named.targetVerb;
        }
      }
      // "5G基站累计达到3000个，今年新建1500个以上", "新建燃气干管40公里、改造70公里": a name that is only the action
      // counts more of what was just named, in its unit — 新建5G基站, 改造燃气干管 — not a statistic called 新建.
      else if (!verb && named && BARE_ACTION.test(indicator.text) && sameCountUnit(unitOfNamed(named), q.unit)) {
        const obj = objectOf(named.indicator);
        // An adverb before the action (再改造, 还将新建) is no part of the name.
        if (obj) draft.indicator = concat(remove(indicator, ADVERB_BEFORE_ACTION), obj);
      }
      // "“小巨人”企业国家级3家、省级20家以上": a bare tier word continues the previous name, and the tiers are
      // one list that shares its last qualifier and unit (国家级3家 is a target as 省级20家以上 is).
      else if (prev && /^[、\s]/.test(headNoVerb) && TIER.test(indicator.text)) {
        const stem = remove(prev.indicator, TIER_END);
        if (stem.text !== prev.indicator.text) {
          draft.indicator = concat(stem, indicator);
          draft.group = prev.group;
          group--;
        }
      }
    }
    // "每千人口执业(助理)医师3.5人、注册护士4.2人": the per-capita base the first member opens with is the next
    // member's too, when that one is a bare count (not a rate: …床位7.2张、参保率95%; not work: …、新建卫生院5个).
    const base = prev && /^[、\s]/.test(headNoVerb) && indicator.text === draft.indicator.text ? PER_CAPITA_BASE.exec(prev.indicator.text) : null;
    if (base && !PER_CAPITA_BASE.test(indicator.text) && !/^(?:%|‰|个百分点|倍)$/.test(q.unit) && !MEMBER_ACTION.test(indicator.text)) {
      draft.indicator = concat(slice(prev!.indicator, 0, base[0].length), indicator);
    }
    if (BARE_MEASURE.test(draft.indicator.text)) {
      const subject = subjectForMeasure(draft.indicator.text, s, sentenceStart, cs, prev, carry);
      if (subject?.text) draft.indicator = concat(subject, draft.indicator);
    }
    if (vm?.respectively) sharedGroups.add(draft.group);
    drafts.push(draft);
    prevEnd = q.end;
    prev = draft;
  }
  // Shared qualifier and unit: the last value's 以上 / % govern the whole list.
  const byGroup = new Map<number, Draft[]>();
  for (const d of drafts) {
    const g = byGroup.get(d.group);
    if (g) g.push(d);
    else byGroup.set(d.group, [d]);
  }
  for (const [g, members] of byGroup) {
    if (members.length < 2) continue;
    const last = members[members.length - 1]!;
    for (const m of members) {
      if (!m.qualifier) m.qualifier = last.qualifier;
      if (!m.unit) m.unit = last.unit;
    }
    const first = members[0]!;
    if (sharedGroups.has(g) || first.indicator.text.includes('、')) {
      const subjects = splitSubjects(first.indicator, members.length);
      // 粮食播种面积、产量分别…: the subject the first member names (粮食) is the bare measures' subject too.
      const lead = subjects ? MEMBER_MEASURE.exec(subjects[0]!.text) : null;
      const subject = lead ? slice(subjects![0]!, 0, lead[1]!.length) : null;
      if (subjects) members.forEach((m, i) => (m.indicator = subject && i > 0 && BARE_MEMBER.test(subjects[i]!.text) ? concat(subject, subjects[i]!) : (subjects[i] ?? m.indicator)));
    }
  }
  for (const d of drafts) {
    const { group: _g, each, ...item } = d;
    const members = each && (byGroup.get(d.group)?.length ?? 0) === 1 ? split(d.indicator, '、').filter((m) => m.text) : [];
    if (members.length > 1) for (const m of members) out.push({ ...item, indicator: limitName(m) });
    // A counted noun's name is built from the clause it closes (通过…督导评估的县(市、区)), not cut from a long head.
    else out.push({ ...item, indicator: item.countFirst ? item.indicator : limitName(item.indicator) });
  }
  return out.length && drafts.length ? out[out.length - 1]! : null;
}

/**
 * Value items of s[start, end) in text order. `cuts` are extra clause starts, e.g. right after a list
 * intro that has no colon ("…的主要预期目标地区生产总值增长8.5%以上").
 */
export function parseItems(s: string, start: number, end: number, cuts: readonly number[] = []): ValueItem[] {
  const out: ValueItem[] = [];
  let cs = start;
  let c = 0;
  // The last item (or doubled indicator) of the clause just read: a clause that opens with a verb continues its indicator.
  let carry: Named | null = null;
  const closeAt = (i: number): void => {
    // Intro cuts before this break start a new clause without consuming a character.
    while (c < cuts.length && cuts[c]! <= i) {
      const cut = cuts[c++]!;
      if (cut > cs && cut < i) {
        parseClause(s, cs, cut, out, null, start);
        // An intro ends what came before it: its first item names its own indicator — unless the intro is the
        // clause's only words (…，增长5.7%，2026年的预期目标是增长6%左右): it is then the target of what was just named.
        carry = TARGET_HEAD.test(s.slice(cs, cut)) ? lastNamed(out, start) : null;
        cs = cut;
      }
    }
    carry = i > cs ? parseClause(s, cs, i, out, carry, start) : null;
    cs = i + 1;
  };
  // A slice bounds the search to this sentence.
  const sub = s.slice(start, end);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sub); m; m = CLAUSE_BREAK.exec(sub)) {
    // The colon of a ratio (收入比缩小到1.8:1, 2.1：1) is inside its value, not between clauses.
    if (RATIO_COLON.test(sub.slice(Math.max(0, m.index - 1), m.index + 3))) continue;
    closeAt(start + m.index);
  }
  closeAt(end);
  return out;
}
