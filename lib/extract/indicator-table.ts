/**
 * A plan's 主要指标 table (专栏：“十四五”时期经济社会发展主要指标 — 类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性),
 * read from the page text, where the text model writes a table row as one line and its cells
 * separated by '\t' (lib/dom/text-model; a text file copied from a spreadsheet reads the same way).
 *
 * A table is one when its header names the indicator (指标) and a year, and says that year is ahead: an
 * 属性 column (预期性/约束性), a year column called 目标/规划, or a year after the report's. Each row's
 * value in the target-year column is a target for that year, and so is its value in a 年均/累计 column;
 * the base-year column is the past and never one. A statistics table (2019年 | 2020年 | 比上年增长) or a
 * league table names no year ahead, and gives nothing.
 */
import type { Direction, Qualifier } from '../types';
import { concat, slice, sourcedSlice, supplied, trim, type Sourced } from '../text/sourced';
import { goalDirection } from './goals';
import { verbDirection } from './clauses';

export interface TableTarget {
  /** A figure, or a goal written in words (与GDP增长基本同步, 保持在合理区间). */
  kind: 'value' | 'goal';
  /**
   * The indicator as the row names it, its unit cut off; a goal's statement follows it
   * (居民人均可支配收入增长与GDP增长基本同步), a five-year total says so (单位GDP能源消耗降低(累计)); its
   * brackets are half-width, as the folded names of the rest of the extractor are.
   */
  indicator: Sourced;
  value: number | null;
  valueMax: number | null;
  unit: string;
  qualifier: Qualifier;
  direction: Direction;
  /** The row's 属性 (预期性 / 约束性), or ''. */
  hedge: string;
  year: number;
  /** The row's line, from its first cell to its last (offsets of the text read). */
  start: number;
  end: number;
}

export interface IndicatorTable {
  /** From the header row to the end of the last row. */
  start: number;
  end: number;
  /** The line naming the table just above it (专栏1　“十四五”时期经济社会发展主要指标), or null. */
  caption: { start: number; end: number } | null;
  targets: TableTarget[];
}

interface Cell {
  /** The cell without blanks, for reading. */
  text: string;
  /** Its trimmed extent in the text. */
  start: number;
  end: number;
}

/**
 * The direction of a row's figure for the target year. A row named by its rate of change (地区生产总值增速 6左右,
 * 能耗降幅 3) is a growth or a fall, as 增速/降幅 read in a sentence with no verb (verbDirection); other names
 * say it in their words (…提高, …下降) or are a level.
 */
function rowDirection(name: string): Direction {
  const rate = verbDirection('', name);
  return rate !== 'level' ? rate : goalDirection(name);
}

/** A year column: 2025年, 2025年目标, 规划目标（2025年）; a year range is a 年均 column's (2021—2025年年均增长). */
const YEAR_HEAD = /^(.{0,6}?)[(（]?((?:19|20)\d\d)年?[)）]?(.{0,8})$/;
const NAME_HEAD = /指标/;
const ATTR_HEAD = /^(?:指标)?(?:属性|性质|类型)$/;
const PERIOD_HEAD = /年均|累计|平均/;
const UNIT_HEAD = /^(?:计量)?单位$/;
/** A year column that holds what happened (2020年实际, 完成情况, 比上年增长), not what is planned. */
const PAST_HEAD = /实际|完成|实绩|情况|比上年|同比|增长|增速/;
const AHEAD_HEAD = /目标|规划|预期|预计|力争/;
const ATTRIBUTE = /^(预期性|约束性)$/;
const NONE = /^[—\-–－/／…无]*$/;
const CUMULATIVE = /^[〔[【［](.+)[〕\]】］]$/;
const AT_LEAST = /^(?:≥|⩾|>=|>|不低于|不少于|大于|高于|超过)/;
const AT_MOST = /^(?:≤|⩽|<=|<|不超过|不高于|低于|小于)/;
const NUMBER = /^(\d+(?:\.\d+)?)(?:[-~～—–至到](\d+(?:\.\d+)?))?/;
const QUALIFIER_AFTER: ReadonlyArray<[RegExp, Qualifier]> = [
  [/^以上/, '以上'],
  [/^左右/, '左右'],
  [/^(?:以内|以下)/, '以内'],
];
/** A unit after a figure, or its magnitude alone (1300万 under an empty 单位 column). */
const UNIT_AFTER = /^(?:%|‰|个百分点|[万亿千百]?(?:元|人|吨|个|件|岁|年|公里|千米|平方米|平方公里|亩|户|家|所|张|辆|次|小时|天|千瓦|标准煤|吨标准煤)|[万亿])/;
/** The unit a row's name ends with: 国内生产总值（GDP）增长（%） → %, 粮食综合生产能力（亿吨） → 亿吨. */
const NAME_UNIT = /[（(]([^（）()0-9]{1,8})[)）]$/;
const NAME_NUMBER = /^(?:\d{1,2}(?:[.、．]|\s)|[（(]\d{1,2}[)）]|[\u2460-\u2473])\s*/;
/** Note marks after a name or a figure (带*的为2019年数据, ①, ★ for a binding one). */
const MARKS = /[*＊★☆▲△\u2460-\u2473]+$/;
const CHANGE_END = /(?:增长|增速|增幅|提高|提升|降低|下降|减少|压减)$/;
const DECREASE = /降低|下降|减少|压减/;
/** Longest line read as a table's caption, and as a category row spanning the table. */
const CAPTION_MAX = 40;
const SPANNING_MAX = 20;

/** Every 主要指标 table in `s` (folded text), with its targets. */
export function findIndicatorTables(s: string, reportYear: number | null): IndicatorTable[] {
  const out: IndicatorTable[] = [];
  if (!s.includes('\t')) return out;
  const lines = splitLines(s);
  let nextTab = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // The next tab is looked for again only once passed: one scan of the text, however many lines.
    if (nextTab >= 0 && nextTab < line.start) nextTab = s.indexOf('\t', line.start);
    if (nextTab < 0) break;
    if (nextTab >= line.end) continue;
    // A first header row can read as a whole header (2020年 | 2025年 | 属性) while 2025年 spans the
    // second row's 目标值 | 年均增长: the second row decides.
    const top = cellsOf(s, line.start, line.end);
    const split = readSplitHeader(s, lines, i, top, reportYear);
    const header = split?.header ?? readHeader(top, reportYear);
    if (!header) continue;
    const first = split ? split.next : i + 1;
    const table: IndicatorTable = { start: line.start, end: lines[first - 1]!.end, caption: captionBefore(s, lines, i), targets: [] };
    let above: (Cell | undefined)[] = [];
    let j = first;
    for (; j < lines.length; j++) {
      const row = lines[j]!;
      const text = s.slice(row.start, row.end).trim();
      if (!text) continue;
      const tab = text.includes('\t');
      // A category written as its own row across the table (经济发展) stays inside; a note (注：…) or prose ends it.
      if (!tab && (text.length > SPANNING_MAX || /^注/.test(text) || /[。；;]/.test(text))) break;
      if (!tab) continue;
      const cells = cellsOf(s, row.start, row.end);
      // The next table's header: that table begins here.
      if (readHeader(cells, reportYear) || readSplitHeader(s, lines, j, cells, reportYear)) break;
      table.end = row.end;
      const aligned = align(cells, header, above);
      above = aligned;
      table.targets.push(...rowTargets(s, aligned, cells, header));
    }
    out.push(table);
    i = j - 1;
  }
  return out;
}

/** What a column holds, for lining up a row that merged cells left short. */
type ColumnKind = 'name' | 'unit' | 'attr' | 'value' | 'target' | 'period' | 'other';

interface Header {
  width: number;
  kinds: ColumnKind[];
  name: number;
  target: number;
  year: number;
  period: number;
  /** The unit the 年均/累计 header names (年均增长（%）), or ''. */
  periodUnit: string;
  /** The 年均 header says growth (年均增长, 年均增速): a rate of change, in %, of a row counted in 亿元 or 万人. */
  periodGrowth: boolean;
  attr: number;
  unit: number;
}

function readHeader(cells: Cell[], reportYear: number | null): Header | null {
  if (cells.length < 3) return null;
  let name = -1;
  let attr = -1;
  let period = -1;
  let unit = -1;
  let target = -1;
  let year = -1;
  let targetSaysAhead = false;
  let periodUnit = '';
  let periodGrowth = false;
  const kinds: ColumnKind[] = cells.map(() => 'other');
  cells.forEach((c, k) => {
    const y = PERIOD_HEAD.test(c.text) ? null : YEAR_HEAD.exec(c.text);
    if (y) {
      kinds[k] = 'value';
      const n = Number(y[2]);
      const words = y[1]! + y[3]!;
      if (PAST_HEAD.test(words) && !AHEAD_HEAD.test(words)) return;
      if (n > year) {
        year = n;
        target = k;
        targetSaysAhead = AHEAD_HEAD.test(words);
      }
    } else if (ATTR_HEAD.test(c.text)) attr = k;
    else if (UNIT_HEAD.test(c.text)) unit = k;
    else if (PERIOD_HEAD.test(c.text)) {
      period = k;
      periodUnit = NAME_UNIT.exec(c.text)?.[1] ?? '';
      periodGrowth = /增长|增速|增幅/.test(c.text);
    } else if (name < 0 && NAME_HEAD.test(c.text)) name = k;
  });
  if (name < 0 || target < 0) return null;
  kinds[name] = 'name';
  kinds[target] = 'target';
  if (period >= 0) kinds[period] = 'period';
  if (attr >= 0) kinds[attr] = 'attr';
  if (unit >= 0) kinds[unit] = 'unit';
  // The year must lie ahead: said by the table (属性, 2025年目标) or by the report's own year.
  if (reportYear !== null && year < reportYear) return null;
  if (!(attr >= 0 || targetSaysAhead || (reportYear !== null && year > reportYear))) return null;
  return { width: cells.length, kinds, name, target, year, period, periodUnit, periodGrowth, attr, unit };
}

/** A header cell that spans the second header row (rowspan) rather than heading a group of its columns. */
const LEAF_HEAD = /^(?:类别|类型|领域|分类|序号|编号|(?:主要)?指标(?:名称|内容)?|(?:计量)?单位|(?:指标)?(?:属性|性质)|备注)$/;
/** A second header row's cell: a year, 年均/累计, or words a year group is cut into (目标值, 基期值). */
const SUB_HEAD = /(?:19|20)\d\d年?|年均|累计|平均|基期|基数|目标|规划|预期|现状|数值|绝对值/;

/**
 * A header written over two rows: the first names the columns and one cell spanning a group of them
 * (规划目标, 指标值, or a year over 目标值 | 年均增长), the second row the group's own columns. The rows
 * below tell how many columns there are, so the group is the one first-row cell they replace.
 */
function readSplitHeader(
  s: string,
  lines: { start: number; end: number }[],
  i: number,
  top: Cell[],
  reportYear: number | null,
): { header: Header; next: number } | null {
  if (top.length < 2 || !top.some((c) => NAME_HEAD.test(c.text))) return null;
  const nonBlank = (from: number): number => {
    let k = from;
    while (k < lines.length && !s.slice(lines[k]!.start, lines[k]!.end).trim()) k++;
    return k;
  };
  const subAt = nonBlank(i + 1);
  if (subAt >= lines.length) return null;
  const sub = cellsOf(s, lines[subAt]!.start, lines[subAt]!.end);
  // A figure is a row's, not a heading; a year (2020年) reads as one too.
  const heading = (t: string) => t.length <= 16 && SUB_HEAD.test(t) && (/(?:19|20)\d\d年/.test(t) || readValue(t)?.kind !== 'value');
  if (sub.length < 2 || !sub.every((c) => heading(c.text))) return null;
  // The widest of the next rows (a merged 类别 or value leaves the others short).
  let width = 0;
  for (let k = nonBlank(subAt + 1), n = 0; k < lines.length && n < 6; k = nonBlank(k + 1), n++) {
    const { start, end } = lines[k]!;
    if (!s.slice(start, end).includes('\t')) break;
    width = Math.max(width, cellsOf(s, start, end).length);
  }
  if (width !== top.length - 1 + sub.length) return null;
  const hasYear = (t: string) => /(?:19|20)\d\d/.test(t);
  const groups = top.map((c, k) => k).filter((k) => top[k]!.text && !LEAF_HEAD.test(top[k]!.text));
  // Years below group under words (规划目标 over 2020年 | 2025年); words below under a year (2025年 over 目标值 | 年均增长).
  const childYears = sub.some((c) => hasYear(c.text));
  const fit = groups.filter((k) => hasYear(top[k]!.text) !== childYears);
  const pick = fit.length === 1 ? fit[0]! : groups.length === 1 ? groups[0]! : !childYears && fit.length ? fit[fit.length - 1]! : -1;
  if (pick < 0) return null;
  const parent = top[pick]!;
  const merged: Cell[] = [
    ...top.slice(0, pick),
    ...sub.map((c) => ({ ...c, text: hasYear(c.text) && hasYear(parent.text) ? c.text : parent.text + c.text })),
    ...top.slice(pick + 1),
  ];
  const header = readHeader(merged, reportYear);
  return header ? { header, next: subAt + 1 } : null;
}

/** A cell that holds only a unit (万元, %, 万人次), as a 单位 column merged down from a row above does. */
const UNIT_CELL = /^(?:%|‰|个?百分点|[万亿千百]?(?:元|人|人次|吨|个|件|岁|年|公里|千米|平方米|平方公里|亩|户|家|所|张|辆|次|小时|天|千瓦|标准煤|吨标准煤|立方米|床|人\/万人|元\/人)(?:\/[\u4e00-\u9fff]{1,3})?)$/;

type CellKind = 'attr' | 'empty' | 'unit' | 'number' | 'words';

function cellKind(text: string): CellKind {
  if (ATTRIBUTE.test(text)) return 'attr';
  if (NONE.test(text)) return 'empty';
  if (UNIT_CELL.test(text)) return 'unit';
  const v = readValue(text);
  if (v?.kind === 'value' || /^\d+$/.test(text)) return 'number';
  return 'words';
}

/** How badly a cell fits a column: 0 is what such a column holds; a goal in words may stand for a figure. */
const FIT: Record<ColumnKind, Record<CellKind, number>> = {
  name: { words: 0, unit: 15, empty: 30, number: 30, attr: 100 },
  unit: { unit: 0, empty: 0, words: 10, number: 30, attr: 100 },
  attr: { attr: 0, empty: 2, words: 30, unit: 30, number: 30 },
  value: { number: 0, empty: 0, words: 3, unit: 30, attr: 100 },
  target: { number: 0, empty: 0, words: 3, unit: 30, attr: 100 },
  period: { number: 0, empty: 0, words: 3, unit: 30, attr: 100 },
  other: { words: 0, number: 0, empty: 0, unit: 20, attr: 100 },
};
/**
 * How likely a column is the one a merged cell left out: a 类别 at the left most of all, then a 属性 or a
 * unit shared by the rows of a group, a 年均 rate shared by two rows (地区生产总值 and 人均地区生产总值), a
 * target; a base year's figure, each row's own, least.
 */
const GAP: Record<ColumnKind, number> = { other: 0, attr: 1, unit: 1, period: 2, target: 3, value: 4, name: 20 };

/**
 * The row's cells by header column. Cells merged down from a row above (rowspan) are missing from the
 * row: a 类别 at the left, a 属性 or a unit shared by a group, a 年均 value shared by two rows. The text
 * keeps no spans, so the missing columns are the ones where the cells left fit what their columns hold
 * (a unit under 单位, a figure under a year, 预期性 under 属性), a tie going to lining up from the right;
 * a missing column takes the cell above, merged down into it. A figure column left out next to a goal in
 * words is that goal's (colspan: 完成国家下达任务 across 2025年 and 年均), not the row above's. A header
 * cell spanning two columns (指标 over 序号 and the name) leaves the row longer: from the right, its
 * name still lines up with 指标.
 */
function align(cells: Cell[], h: Header, above: (Cell | undefined)[]): (Cell | undefined)[] {
  const right = (list: Cell[], width: number) => Array.from({ length: width }, (_, k) => list[list.length - width + k]);
  const missing = h.width - cells.length;
  if (missing <= 0 || missing > 3) return right(cells, h.width);
  const kinds = cells.map((c) => cellKind(c.text));
  let best: number[] = [];
  let bestCost = Infinity;
  // Gaps in lexicographic order: the first of equal cost leaves out the leftmost columns (lines up from the right).
  const gaps: number[] = [];
  const visit = (from: number): void => {
    if (gaps.length === missing) {
      let cost = 0;
      for (let c = 0, k = 0; c < h.width && cost < bestCost; c++) {
        const kind = h.kinds[c]!;
        if (gaps.includes(c)) cost += kind === 'attr' || kind === 'unit' ? (above[c] ? GAP[kind] : 6) : GAP[kind];
        else cost += FIT[kind][kinds[k++]!];
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = gaps.slice();
      }
      return;
    }
    for (let c = from; c <= h.width - (missing - gaps.length); c++) {
      gaps.push(c);
      visit(c + 1);
      gaps.pop();
    }
  };
  visit(0);
  const row: (Cell | undefined)[] = [];
  for (let c = 0, k = 0; c < h.width; c++) {
    if (!best.includes(c)) {
      row.push(cells[k++]);
      continue;
    }
    const kind = h.kinds[c]!;
    const left = row[c - 1];
    const spanned = (kind === 'target' || kind === 'period' || kind === 'value') && left && !best.includes(c - 1) && cellKind(left.text) === 'words';
    row.push(kind === 'other' || kind === 'name' || spanned ? undefined : above[c]);
  }
  return row;
}

function rowTargets(s: string, row: (Cell | undefined)[], cells: Cell[], h: Header): TableTarget[] {
  const nameCell = row[h.name];
  if (!nameCell || !nameCell.text) return [];
  let name = trim(sourcedSlice(s, nameCell.start, nameCell.end));
  const marks = MARKS.exec(name.text);
  if (marks) name = trim(slice(name, 0, marks.index));
  const numbered = NAME_NUMBER.exec(name.text);
  if (numbered) name = trim(slice(name, numbered[0].length));
  let unit = h.unit >= 0 ? (row[h.unit]?.text ?? '') : '';
  if (NONE.test(unit)) unit = '';
  const u = NAME_UNIT.exec(name.text);
  if (u) {
    if (!unit) unit = u[1]!.trim();
    name = trim(slice(name, 0, u.index));
  } else if (/[%‰]$/.test(name.text)) {
    if (!unit) unit = name.text.slice(-1);
    name = trim(slice(name, 0, name.text.length - 1));
  }
  if (name.text.length < 2 || !/[\u4e00-\u9fff]/.test(name.text)) return [];
  const attr = h.attr >= 0 ? (row[h.attr]?.text ?? '') : '';
  const hedge = ATTRIBUTE.test(attr) ? attr : '';
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  const base = { hedge, year: h.year, start: first.start, end: last.end };
  const out: TableTarget[] = [];
  const read = (cell: Cell | undefined, period: boolean): void => {
    if (!cell) return;
    const v = readValue(cell.text);
    if (!v) return;
    if (v.kind === 'goal') {
      out.push({
        kind: 'goal',
        indicator: concat(name, trim(sourcedSlice(s, cell.start, cell.end))),
        value: null,
        valueMax: null,
        unit: '',
        qualifier: '',
        direction: goalDirection(name.text),
        ...base,
      });
      return;
    }
    const total = v.cumulative;
    let indicator = name;
    if (total) indicator = concat(name, supplied('(累计)', '(累計)'));
    // 年均增长 only where the table says growth; a flow or a change named by the row is its yearly amount.
    else if (period) indicator = concat(name, CHANGE_END.test(name.text) || /新增/.test(name.text) || !h.periodGrowth ? supplied('(年均)', '(年均)') : supplied('年均增长', '年均增長'));
    out.push({
      kind: 'value',
      indicator,
      value: v.value,
      valueMax: v.valueMax,
      unit: total || period ? changeUnit(v.unit, unit, name.text, h, total) : withMagnitude(v.unit, unit),
      qualifier: v.qualifier,
      // A total over the years is a change, up unless the name says down (人均预期寿命〔1〕: one year more).
      direction: total || period ? (DECREASE.test(name.text) ? 'decrease' : 'increase') : rowDirection(name.text),
      ...base,
    });
  };
  read(row[h.target], false);
  if (h.period >= 0) read(row[h.period], true);
  return out;
}

/**
 * A figure's unit when the cell writes its own magnitude: 1300万 under an empty 单位 is 1300万; under 人,
 * 1300万人; 1.2亿 in a row counted in 万元 is 1.2亿元 (the cell says what it means).
 */
function withMagnitude(cellUnit: string, rowUnit: string): string {
  if (!cellUnit) return rowUnit;
  if (!/^[万亿]$/.test(cellUnit) || !rowUnit || /^(?:%|‰|个?百分点)$/.test(rowUnit)) return cellUnit;
  return cellUnit + rowUnit.replace(/^[万亿千百]/, '');
}

/**
 * The unit of a 年均 or 累计 figure: the cell's, else the 年均 header's (年均增长（%）). Otherwise the
 * row's unit serves only where it measures the change itself: a row named as a change (GDP增长（%）,
 * 能耗降低（%）), a row counted in 个百分点, a five-year total of an amount (〔300〕 新增就业（万人）, 〔1〕
 * 人均预期寿命（岁）). A 年均增长 of an amount (地区生产总值（亿元） 7左右) is a growth rate, in %. The change
 * of a rate that is a level (城镇化率（%）) is in 个百分点 or in % by the table's own convention, and a
 * bare 年均 of an amount may be a yearly amount (年均新增就业 60): when the table does not say, no unit.
 */
function changeUnit(cellUnit: string, rowUnit: string, name: string, h: Header, total: boolean): string {
  if (cellUnit) return withMagnitude(cellUnit, rowUnit);
  if (h.periodUnit) return h.periodUnit;
  if (/^个?百分点$/.test(rowUnit)) return rowUnit;
  const change = CHANGE_END.test(name) || /增长|增速|增幅|降低|下降|减少|新增/.test(name);
  if (/^[%‰]$/.test(rowUnit)) return change ? rowUnit : '';
  // A row that counts a change or a flow (受教育年限提高（年）, 城镇新增就业（万人）): its 年均 is in its unit.
  if (total || (change && rowUnit)) return rowUnit;
  return h.periodGrowth || change ? '%' : '';
}

type CellValue =
  | { kind: 'goal' }
  | { kind: 'value'; value: number; valueMax: number | null; unit: string; qualifier: Qualifier; cumulative: boolean };

/**
 * A target cell: 65, 60.6*, >6.5, ≤5.5, 7.5左右, 〔13.5〕 (a five-year total), 6-6.5, >7、力争… (the figure
 * is the target, the words after it remark on it), or words alone (与GDP增长基本同步), which are a goal.
 * —, / or nothing is no target.
 */
export function readValue(cell: string): CellValue | null {
  let t = cell.replace(/\s+/g, '').replace(MARKS, '');
  if (NONE.test(t)) return null;
  const total = CUMULATIVE.exec(t);
  if (total) t = total[1]!.replace(MARKS, '');
  let qualifier: Qualifier = '';
  // A bound before a figure (>6.5, 不低于95); before words (高于GDP增长) it is part of a goal.
  const bound = AT_LEAST.exec(t) ?? AT_MOST.exec(t);
  if (bound && NUMBER.test(t.slice(bound[0].length))) {
    qualifier = AT_LEAST.test(bound[0]) ? '以上' : '以内';
    t = t.slice(bound[0].length);
  }
  const n = NUMBER.exec(t);
  if (!n) return /[\u4e00-\u9fff]{2}/.test(cell) && !total ? { kind: 'goal' } : null;
  let rest = t.slice(n[0].length);
  const unit = UNIT_AFTER.exec(rest)?.[0] ?? '';
  rest = rest.slice(unit.length);
  for (const [re, q] of QUALIFIER_AFTER) {
    const m = re.exec(rest);
    if (m) {
      qualifier = q;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  // Anything but a remark after the figure (2.3倍, 第3位) is not a figure of this indicator.
  if (rest && !/^[、，,;；(（]/.test(rest)) return null;
  return { kind: 'value', value: Number(n[1]), valueMax: n[2] !== undefined ? Number(n[2]) : null, unit, qualifier, cumulative: total !== null };
}

function splitLines(s: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const nl = s.indexOf('\n', start);
    const end = nl < 0 ? s.length : nl;
    lines.push({ start, end });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

function cellsOf(s: string, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  let from = start;
  for (;;) {
    const tab = s.indexOf('\t', from);
    const to = tab < 0 || tab > end ? end : tab;
    let a = from;
    let b = to;
    while (a < b && /\s/.test(s[a]!)) a++;
    while (b > a && /\s/.test(s[b - 1]!)) b--;
    cells.push({ text: s.slice(a, b).replace(/\s+/g, ''), start: a, end: b });
    if (to === end) return cells;
    from = to + 1;
  }
}

function captionBefore(s: string, lines: { start: number; end: number }[], i: number): { start: number; end: number } | null {
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const { start, end } = lines[k]!;
    const text = s.slice(start, end).trim();
    if (!text) continue;
    if (text.length > CAPTION_MAX || text.includes('\t') || /[。；;]$/.test(text) || !/指标|专栏|目标/.test(text)) return null;
    const a = start + (s.slice(start, end).length - s.slice(start, end).trimStart().length);
    return { start: a, end: a + text.length };
  }
  return null;
}
