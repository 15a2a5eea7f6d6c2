import type { TargetKind } from '../types';
import { foldChars } from '../text/normalize';
import type { PageRecord, ReportLensDB, TargetRecord } from './schema';

/**
 * Filtering, sorting and grouping of saved targets for the library page. The pure functions take plain
 * arrays (so they run in Node); `queryTargets` and `loadFacets` read through the table's indexes.
 */

/** `undefined` = any value; `null` = rows where the field is not known (region or year unrecognised). */
export interface TargetFilter {
  regionKey?: string | null;
  year?: number | null;
  indicatorKey?: string;
  kind?: TargetKind;
  /** Free text: every whitespace-separated word must occur (simplified/traditional and case folded). */
  text?: string;
}

export type SortKey = 'region' | 'year' | 'indicator' | 'value' | 'qualifier' | 'hedge' | 'kind' | 'sentence' | 'page';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export type PageIndex = ReadonlyMap<number, PageRecord>;

export function pageIndex(pages: readonly PageRecord[]): Map<number, PageRecord> {
  return new Map(pages.map((p) => [p.id, p]));
}

/** Folded for search, so 衡南縣 finds 衡南县 and ＧＤＰ finds gdp. */
export function searchFold(s: string): string {
  return foldChars(s.toLowerCase()).toLowerCase();
}

// Folding every row's text on each keystroke would cost more than the match itself; rows are immutable
// objects from the database, so their folded text is cached per object.
const haystacks = new WeakMap<TargetRecord, string>();
function haystack(row: TargetRecord, pages: PageIndex): string {
  let h = haystacks.get(row);
  if (h === undefined) {
    const page = pages.get(row.pageId);
    h = searchFold([row.indicator, row.regionKey ?? '', page?.region ?? '', row.section, row.sentence, row.hedge, row.unit, page?.title ?? ''].join('\n'));
    haystacks.set(row, h);
  }
  return h;
}

export function searchWords(text: string | undefined): string[] {
  return text ? searchFold(text).split(/\s+/).filter(Boolean) : [];
}

export function isEmptyFilter(f: TargetFilter): boolean {
  return f.regionKey === undefined && f.year === undefined && f.indicatorKey === undefined && f.kind === undefined && searchWords(f.text).length === 0;
}

/** A predicate for one filter; build it once per filter change, not per row. */
export function targetMatcher(filter: TargetFilter, pages: PageIndex): (row: TargetRecord) => boolean {
  const words = searchWords(filter.text);
  const { regionKey, year, indicatorKey, kind } = filter;
  return (row) => {
    if (regionKey !== undefined && (row.regionKey ?? null) !== regionKey) return false;
    if (year !== undefined && (row.year ?? null) !== year) return false;
    if (indicatorKey !== undefined && row.indicatorKey !== indicatorKey) return false;
    if (kind !== undefined && row.kind !== kind) return false;
    if (words.length) {
      const h = haystack(row, pages);
      for (const w of words) if (!h.includes(w)) return false;
    }
    return true;
  };
}

export function filterTargets(rows: readonly TargetRecord[], filter: TargetFilter, pages: PageIndex): TargetRecord[] {
  if (isEmptyFilter(filter)) return rows.slice();
  return rows.filter(targetMatcher(filter, pages));
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
const KIND_ORDER: Record<TargetKind, number> = { main: 0, other: 1, goal: 2 };

function sortValue(row: TargetRecord, key: SortKey, pages: PageIndex): string | number | null {
  switch (key) {
    case 'region':
      return row.regionKey ?? null;
    case 'year':
      return row.year ?? null;
    case 'indicator':
      // Names are shown as each page writes them (地區生產總值, 地区生产总值): sorted folded, one
      // indicator's rows stay together whatever the script, and a simplified library sorts as before.
      return foldChars(row.indicator);
    case 'value':
      return row.value ?? null;
    case 'qualifier':
      return row.qualifier || null;
    case 'hedge':
      return row.hedge || null;
    case 'kind':
      return KIND_ORDER[row.kind];
    case 'sentence':
      return row.sentence;
    case 'page': {
      const page = pages.get(row.pageId);
      return page ? page.title || page.url : null;
    }
  }
}

/**
 * A stable sort (ties keep database order, i.e. page order then sentence order). Unknown values go last
 * in both directions: a reader sorting by year wants the years, not a block of dashes, first.
 */
export function sortTargets(rows: readonly TargetRecord[], sort: Sort, pages: PageIndex): TargetRecord[] {
  if (sort.key === 'value') return sortByValue(rows, sort.dir);
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Keys are computed once (decorate-sort-undecorate): the comparator runs n·log n times.
  const keyed = rows.map((row, i) => ({ row, i, k: sortValue(row, sort.key, pages) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
    const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.map((x) => x.row);
}

/** Scale prefixes of Chinese units, longest first (万亿元, 千万元, 万千瓦). */
const SCALE: [string, number][] = [['万亿', 1e12], ['千万', 1e7], ['百万', 1e6], ['亿', 1e8], ['万', 1e4], ['千', 1e3]];

/**
 * A unit without its scale prefixes, and what they multiply by: 亿元 → 元 × 1e8, 万千瓦 → 瓦 × 1e7,
 * 千米 → 米 × 1e3. 个百分点 and % have none.
 */
export function unitScale(unit: string): { base: string; factor: number } {
  let base = unit;
  let factor = 1;
  for (let again = true; again; ) {
    again = false;
    for (const [prefix, f] of SCALE) {
      if (base.startsWith(prefix)) {
        base = base.slice(prefix.length);
        factor *= f;
        again = true;
        break;
      }
    }
  }
  return { base, factor };
}

/**
 * Values are compared in their unit's own measure (3400亿元 above 5000万元), and only with values in
 * the same unit: rows of one unit stay together — the most used unit first, in either direction — and
 * sort by magnitude inside. Sorted by the raw number, 7800万人次 came before 3400亿元 and 5000名.
 */
function sortByValue(rows: readonly TargetRecord[], dir: Sort['dir']): TargetRecord[] {
  const sign = dir === 'asc' ? 1 : -1;
  const counts = new Map<string, number>();
  const keyed = rows.map((row, i) => {
    if (row.value === null) return { row, i, base: '', v: null };
    const { base, factor } = unitScale(row.unit);
    counts.set(base, (counts.get(base) ?? 0) + 1);
    return { row, i, base, v: row.value * factor };
  });
  const rank = new Map([...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([u], r) => [u, r]));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const u = rank.get(a.base)! - rank.get(b.base)!;
    if (u !== 0) return u;
    const c = a.v - b.v;
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.map((x) => x.row);
}

/** Units an indicator is stated in, most frequent first (地区生产总值: % growth, and 亿元 totals). */
export function unitsOf(rows: readonly TargetRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.value !== null) counts.set(r.unit, (counts.get(r.unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([u]) => u);
}

export interface ComparePoint {
  target: TargetRecord;
  /** The upper end for ranges (5%–5.5%), else the value. */
  high: number;
}

export interface CompareGroup {
  regionKey: string | null;
  year: number | null;
  points: ComparePoint[];
  min: number;
  max: number;
}

/**
 * One group per (region, year) for one indicator in one unit, sorted by region then year. A group can
 * hold several targets: a page listing several reports, or a region's report saved from two sites.
 */
export function compareGroups(rows: readonly TargetRecord[], indicatorKey: string, unit: string): CompareGroup[] {
  const groups = new Map<string, CompareGroup>();
  for (const target of rows) {
    if (target.indicatorKey !== indicatorKey || target.unit !== unit || target.value === null) continue;
    const regionKey = target.regionKey ?? null;
    const year = target.year ?? null;
    const id = `${regionKey ?? ''}\u0000${year ?? ''}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { regionKey, year, points: [], min: Infinity, max: -Infinity }));
    const high = target.valueMax ?? target.value;
    g.points.push({ target, high });
    g.min = Math.min(g.min, target.value);
    g.max = Math.max(g.max, high);
  }
  const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);
  return [...groups.values()].sort(
    (a, b) => nullsLast(a.regionKey, b.regionKey, collator.compare) || nullsLast(a.year, b.year, (x, y) => x - y),
  );
}

/** Axis ticks from 0 (or below, for negative values) to a round number at or above `max`. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  // NaN, ±Infinity or a span past Number.MAX_VALUE (±1e308) has no ticks to draw: a safe axis instead.
  if (!(hi - lo > 0) || !Number.isFinite(hi - lo)) return [0, 1];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Each tick is a whole number of steps, rounded to 12 significant digits: no 0.30000000000000004 in
  // the labels, and unlike toFixed (at most 100 digits) it works at any magnitude (1e-200, 1e300).
  const tick = (k: number) => Number((k * step).toPrecision(12));
  const ticks: number[] = [];
  let k = Math.floor(lo / step);
  for (; k * step < hi + step / 2; k++) ticks.push(tick(k));
  if (ticks[ticks.length - 1]! < hi) ticks.push(tick(k));
  return ticks;
}

/** Distinct values for the filter menus, read from the indexes alone (no row is loaded). */
export interface Facets {
  regions: string[];
  years: number[];
  indicators: string[];
  kinds: TargetKind[];
  /** Rows without a region / year (IndexedDB leaves null keys out of an index). */
  unknownRegion: boolean;
  unknownYear: boolean;
  total: number;
}

export async function loadFacets(db: ReportLensDB): Promise<Facets> {
  return db.transaction('r', db.targets, async () => {
    const [regions, years, indicators, kinds, total, withRegion, withYear] = await Promise.all([
      db.targets.orderBy('regionKey').uniqueKeys(),
      db.targets.orderBy('year').uniqueKeys(),
      db.targets.orderBy('indicatorKey').uniqueKeys(),
      db.targets.orderBy('kind').uniqueKeys(),
      db.targets.count(),
      db.targets.orderBy('regionKey').count(),
      db.targets.orderBy('year').count(),
    ]);
    return {
      regions: (regions as string[]).slice().sort(collator.compare),
      years: (years as number[]).slice().sort((a, b) => b - a),
      indicators: (indicators as string[]).slice().sort(collator.compare),
      kinds: (kinds as TargetKind[]).slice().sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]),
      unknownRegion: total > withRegion,
      unknownYear: total > withYear,
      total,
    };
  });
}

type IndexedField = 'indicatorKey' | 'regionKey' | 'year' | 'kind';

/**
 * Targets matching `filter`. The equality filters that an index can answer are counted on their
 * indexes and the most selective one loads the rows; the rest is checked in memory. Null ("unknown")
 * is not in any index, so it is always checked in memory.
 */
export async function queryTargets(db: ReportLensDB, filter: TargetFilter, pages: PageIndex): Promise<TargetRecord[]> {
  const clauses: [IndexedField, string | number][] = [];
  if (filter.indicatorKey !== undefined) clauses.push(['indicatorKey', filter.indicatorKey]);
  if (filter.regionKey != null) clauses.push(['regionKey', filter.regionKey]);
  if (filter.year != null) clauses.push(['year', filter.year]);
  if (filter.kind !== undefined) clauses.push(['kind', filter.kind]);
  return db.transaction('r', db.targets, async () => {
    let rows: TargetRecord[];
    if (clauses.length === 0) rows = await db.targets.toArray();
    else {
      let best = clauses[0]!;
      if (clauses.length > 1) {
        const counts = await Promise.all(clauses.map(([field, value]) => db.targets.where(field).equals(value).count()));
        best = clauses[counts.indexOf(Math.min(...counts))]!;
      }
      rows = await db.targets.where(best[0]).equals(best[1]).toArray();
    }
    return filterTargets(rows, filter, pages);
  });
}

/** The first rows of a filter in list order, and how many rows the filter matches in all. */
export interface TargetHead {
  rows: TargetRecord[];
  count: number;
}

/**
 * The first `limit` rows of `filter` (same order as `queryTargets`: primary key, i.e. page then sentence
 * order) and its row count, when one index answers the filter exactly: no filter, or a single equality
 * filter on an indexed field. Reads `limit` records and counts keys, however large the library is, so the
 * first screen never waits for every row. `undefined` when the filter needs rows checked in memory (two
 * filters, or an unknown region / year, which no index holds): then `queryTargets` is the answer.
 */
/** The one index clause that answers `filter` exactly ([] for no filter), or null when none does. */
function headClauses(filter: TargetFilter): [IndexedField, string | number][] | null {
  if (filter.regionKey === null || filter.year === null || searchWords(filter.text).length) return null;
  const clauses: [IndexedField, string | number][] = [];
  if (filter.indicatorKey !== undefined) clauses.push(['indicatorKey', filter.indicatorKey]);
  if (filter.regionKey !== undefined) clauses.push(['regionKey', filter.regionKey]);
  if (filter.year !== undefined) clauses.push(['year', filter.year]);
  if (filter.kind !== undefined) clauses.push(['kind', filter.kind]);
  return clauses.length > 1 ? null : clauses;
}

/** Whether {@link queryHead} answers `filter` (otherwise it resolves to undefined). */
export function headable(filter: TargetFilter): boolean {
  return headClauses(filter) !== null;
}

export async function queryHead(db: ReportLensDB, filter: TargetFilter, limit: number): Promise<TargetHead | undefined> {
  const clauses = headClauses(filter);
  if (!clauses) return undefined;
  return db.transaction('r', db.targets, async () => {
    const clause = clauses[0];
    const collection = clause ? db.targets.where(clause[0]).equals(clause[1]) : db.targets.toCollection();
    const [rows, count] = await Promise.all([collection.clone().limit(limit).toArray(), collection.clone().count()]);
    return { rows, count };
  });
}
