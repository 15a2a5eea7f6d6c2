/**
 * Indicator names: what precedes a target value once the verb, hedges and scope words are removed
 * (确保全市粮食总产稳定在310万吨以上 → 粮食总产), a grouping key, and the split of shared subjects
 * (城、乡居民人均可支配收入分别增长8.5%、10.5% → 城镇居民… / 农村居民…).
 */
import { concat, remove, slice, split, supplied, trim, type Sourced } from '../text/sourced';

/**
 * Scope and time words that open a clause but are not part of the indicator, and the list marks an item
 * line opens with (——, ①, ●, (1), （一）, 1.), which are the layout's, not the statistic's name. Who says it
 * goes too (报告提出, 会议要求, 文件明确, 市政府表示, a bare 提出/指出/要求/强调, 据介绍), and when (目前, 当前, 今后五年,
 * 年底前, 到年底), and the modal with the adverb speech puts before it (还要, 也要, 先要, 仍将), or a plan's (我市计划|新建…,
 * 拟|新增…; not 计划生育), and a budget's verb with its 拟 (拟发行|超长期特别国债, 拟申请|新增…专项债券额度):
 * whole words at the start of a name only, so a name that holds 提出 (提出专利申请) keeps it.
 */
const LEADING = /^(?:《[^》]{1,30}》(?:中|里)?(?:明确)?(?:提出|指出|明确|要求|强调|确定|部署)?了?|(?:(?:政府工作)?报告|会议|全会|文件|规划|纲要|方案|意见|通知|公报|计划|决定|我们|[省市县区州]委|[省市县区州]政府)(?:中|里)?(?:明确)?(?:提出|指出|明确|要求|强调|表示|显示|提到|部署|确定)了?(?![申的])|(?:提出|指出|要求|强调)了?(?![申的])|据(?:介绍|悉|了解)|目前|当前|现阶段|届时|近期|(?:今后|未来)[0-9一二三四五两几]年(?:内|间)?|[一二三四五六七八九十]{1,2}是|[、，,:：;；.\s》)）]|——|—|--|－－|[·•●○▲△◆◇■□★☆►▶→<>#*=|~^＜＞＃＊＝｜～]|[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u3251-\u325f]|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、.．](?![0-9])|(?:在|以)?(?:上年|去年|(?:20|19)\d\d年)(?:的)?基础上|其中|并且|并|同时|以及|(?:还|也|先|更|仍|就|都)?(?:将|要)|使|让|把|全年|今年|明年|去年|上年度?|年内|年(?:末|底)前?|(?:到|至)(?:今|本)?年(?:末|底)前?|上半年|前三季度|[一二三四]季度|["“]?十[一二三四五六]五["”]?(?:期间|时期|末)|到?(?:20|19)\d\d年(?:底|末)?(?:前|以前)?|全市|全县|全区|全州|全省|全镇|全乡|我[省市县区州镇乡]|(?:计划|拟)(?:申请|发行|安排)|(?:计划|拟)(?=新建|新增|新开工|开工|建成|建设|改造|实施|完成|引进|培育|招引|打造|创建)|确保|力争|争取|预期(?!寿命|性)|预计|有望|尽可能|尽量|努力|力求|继续|进一步|持续|稳步|逐步|先后|稳定|保持|维持|[(（](?![一二三四五六七八九十0-9]{1,3}[)）]))+/;
/**
 * Adverbs, rate words and comparison bases (比上年, 比上年末, 较2020年底, 与2020年相比, 在去年基础上) between the
 * indicator and its verb, and the hedge a news story or a 数读 line puts there: 地区生产总值|预期|增长6%左右,
 * 城镇新增就业|目标|4.5万人以上, GDP|增长目标为|5%左右, 能耗|下降目标为|3% (人均预期寿命 ends in its own word),
 * and the modal of a budget line: 赤字率|拟按|3%左右安排.
 */
const TRAILING = /(?:[、，,\s“‘(（《]|预期|的?(?:增长|增速|增幅|提高|提升|下降|降低|减少|降幅)?(?:预期)?目标(?:值)?(?:定为|设定为|确定为|设定在|定在|为|是)?|(?:比|较|与|同)(?:(?:上年|去年|(?:20|19)\d\d年)(?:底|末)?|["“]?十[一二三四五]五["”]?(?:时期|期间)?末)(?:同期)?(?:相比)?|(?:在|以)?(?:上年|去年|(?:20|19)\d\d年)(?:的)?基础上|分别|年均|平均|同比|累计|均|要|将|今年|年内|全年|当年|(?<=[^\s，,、]{2})(?:完成|建成|新建|新增)|(?<![模虚草比])拟按?|有望|可能|继续|进一步|努力|持续|再|稳步|逐步|力争|确保|争取|总体|保持|实现|首次|(?<=[^\s，,、]{2})(?<![作行认成以])为)+$/;
/**
 * Action verbs whose object is the indicator (培育新型职业农民5000名以上 → 新型职业农民, 力争获评国家级
 * 示范区2个以上 → 国家级示范区). Only the last
 * one counts and only when something is left after it, so 新增城镇就业 keeps its 新增.
 */
const ACTION = /创建|培育|打造|完成|实现|确保|力争|争取|引导|推动|推进|促进|获评/g;

const KEY_NOISE = /["“”'‘’《》「」\s()（）[\]【】]/g;

/**
 * The starting point of a 由…提高到 / 从…增加到 target (地区生产总值由2025年的3500亿元增加到4300亿元):
 * a figure with a Chinese unit, right after 由/从 or after words naming when (2025年的, 目前的, 上年的).
 * Names that hold 从/由 and a figure stay whole: 从化区新建5G基站, 由政府主导的3A级景区, 从事3D打印.
 */
const FROM_BASE = /(?:由|从)(?:(?:20|19)\d\d年(?:底|末)?的?|[^，,、；;。由从0-9A-Za-z]{1,4}的)?[0-9]+(?:\.[0-9]+)?(?!级)[^\s，,、；;。0-9A-Za-z]{0,4}$/;

/**
 * The name in a head (the words before the verb). Every step only cuts characters out, so the name keeps
 * the offset of each of its characters (see lib/text/sourced.ts).
 */
export function cleanIndicator(head: Sourced): Sourced {
  let t = remove(head, /\u200b/g);
  // Masked noise (spam tokens) and spaces separate words the injector glued together.
  const sp = t.text.search(/\s+\S*$/);
  if (sp >= 0) {
    const tail = trim(slice(t, sp));
    if (tail.text.length >= 2) t = tail;
  }
  const base = remove(t, FROM_BASE);
  if (base.text.trim()) t = base;
  let last = -1;
  for (const m of t.text.matchAll(ACTION)) last = m.index + m[0].length;
  if (last > 0 && t.text.length - last >= 2) t = slice(t, last);
  for (let i = 0; i < 4; i++) {
    const before = t.text;
    t = remove(remove(t, LEADING), TRAILING);
    if (t.text === before) break;
  }
  t = trim(t);
  // Quotes survive only when they still pair up ("新增“圳品”认证"); a quote cut in half by the clause
  // boundary ("两品一标”产品") or one around the whole name is dropped.
  const open = (t.text.match(/[“‘]/g) ?? []).length;
  const close = (t.text.match(/[”’]/g) ?? []).length;
  const straight = (t.text.match(/"/g) ?? []).length;
  if (open !== close || straight % 2 === 1 || /^[“"][^“”"]*[”"]$/.test(t.text)) t = remove(t, /["“”‘’]/g);
  return t;
}

/** Synonyms that name the same statistic, mapped to one key (exact names: a Map, no regex warm-up). */
const ALIASES = new Map<string, string>();
for (const [key, names] of [
  // 经济增长5%左右 (经济|增长, the name its verb leaves) is the growth of GDP: 经济增长预期目标定为5%左右.
  ['地区生产总值', ['GDP', 'gdp', '地区生产总值', '国内生产总值', '生产总值', '经济总量', '经济', '经济增长', '经济增速']],
  ['规模工业增加值', ['规模以上工业增加值', '规上工业增加值', '规模工业增加值']],
  ['城镇新增就业', ['新增城镇就业', '城镇新增就业', '新增城镇就业人数', '城镇新增就业人数']],
  ['居民消费价格涨幅', ['居民消费价格', '居民消费价格指数', '居民消费价格涨幅', 'CPI', '居民消费价格总水平涨幅']],
  ['社会消费品零售总额', ['社会消费品零售总额', '社零总额']],
  ['地方一般公共预算收入', ['一般公共预算收入', '地方一般公共预算收入', '地方财政收入']],
  ['固定资产投资', ['固定资产投资', '固定资产投资总额', '全社会固定资产投资']],
  ['进出口总额', ['进出口总额', '外贸进出口总额', '进出口总值']],
] as const) {
  for (const n of names) ALIASES.set(n, key);
}

/** Simplified (the caller passes folded text), no spaces, quotes or brackets, synonyms merged. */
/** A list mark in front of a name ("——地区生产总值", "①规模工业增加值", "(1)…") from an older record. */
const KEY_MARK = /^(?:——|—|--|－－|[·•●○▲△◆◇■□★☆►▶→]|[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u3251-\u325f]|[(（][一二三四五六七八九十0-9]{1,3}[)）])+/;

export function indicatorKey(indicator: string): string {
  const k = indicator.trim().replace(KEY_MARK, '').replace(KEY_NOISE, '');
  return ALIASES.get(k) ?? k;
}

/**
 * 城/乡 as list members stand for the urban and rural halves of the statistic. What they stand for is
 * partly supplied, not read, so it comes in both scripts: a traditional page's 城、鄉居民 reads 城鎮居民
 * and 農村居民 (鄉 itself is replaced, not kept).
 */
function half(member: Sourced): Sourced | undefined {
  switch (member.text) {
    case '城':
      return concat(member, supplied('镇', '鎮'));
    case '农':
      return concat(member, supplied('村', '村'));
    case '乡':
      return supplied('农村', '農村');
  }
  return undefined;
}

/**
 * Subjects for n values that share one indicator with 分别: "城、乡居民人均可支配收入", "城乡居民人均可支配收入"
 * or "城镇和农村居民人均可支配收入" → [城镇居民人均可支配收入, 农村居民人均可支配收入];
 * "公办幼儿园、普惠性幼儿园在园幼儿比例" → [公办幼儿园在园幼儿比例, 普惠性幼儿园在园幼儿比例].
 * Returns null when the members cannot be matched to the values.
 */
export function splitSubjects(indicator: Sourced, n: number): Sourced[] | null {
  if (n < 2) return null;
  const text = indicator.text;
  if (n === 2 && text.startsWith('城乡')) {
    const rest = slice(indicator, 2);
    return [concat(half(slice(indicator, 0, 1))!, rest), concat(half(slice(indicator, 1, 2))!, rest)];
  }
  let parts = split(indicator, '、').map(trim).filter((p) => p.text);
  // 城镇和农村居民…, 甲、乙及丙…: the last member joined by 和/及/以及, as the values are (6%和7.5%).
  const tail = parts[parts.length - 1];
  // Not the 及 of 及时 (传染病疫情及时报告率和处置率).
  const join = parts.length === n - 1 && tail ? /以及|和|及(?!时)/.exec(tail.text) : null;
  if (tail && join && join.index > 0) parts = [...parts.slice(0, -1), trim(slice(tail, 0, join.index)), trim(slice(tail, join.index + join[0].length))];
  if (parts.length !== n) return null;
  const last = parts[n - 1]!;
  const first = parts[0]!;
  // Where does the last member's own name end? Short members (城、乡) have the same length; longer
  // ones end where the first member's tail word recurs (…幼儿园、普惠性幼儿园|在园幼儿比例).
  let cut = -1;
  if (first.text.length <= 2) cut = first.text.length;
  else {
    for (let len = Math.min(first.text.length, last.text.length - 1); len >= 2 && cut < 0; len--) {
      const tail = first.text.slice(first.text.length - len);
      const at = last.text.indexOf(tail);
      if (at >= 0 && at + len < last.text.length) cut = at + len;
    }
  }
  if (cut <= 0 || cut >= last.text.length) return sharePerUnit(parts);
  const suffix = slice(last, cut);
  const members = [...parts.slice(0, n - 1), slice(last, 0, cut)];
  return sharePerUnit(members.map((m) => concat(half(m) ?? m, suffix)));
}

/**
 * The per-unit base the first member opens with is the others' too: plans name it once, "单位地区生产总值能源
 * 消耗和二氧化碳排放分别降低14%、18%" (the 18% is carbon intensity, not total emissions). Not for a member
 * that is a total (单位地区生产总值能耗、主要污染物排放总量分别下降…), nor one with a base of its own.
 */
const PER_UNIT = /^单位(?:国内|地区)?(?:生产总值|GDP|gdp|工业增加值|增加值)/;
const TOTAL = /总[量额值数]$|^单位/;

function sharePerUnit(members: Sourced[]): Sourced[] {
  const base = PER_UNIT.exec(members[0]!.text);
  if (!base) return members;
  const prefix = slice(members[0]!, 0, base[0].length);
  return members.map((m, i) => (i === 0 || TOTAL.test(m.text) ? m : concat(prefix, m)));
}
