import { MessageError, parseReportInfo, parseTarget } from '../messaging/validate';
import { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { pageKey } from './pages';
import { isQuotaError, noteRemoval } from './removals';
import type { PageRecord, ReportLensDB, TargetRecord } from './schema';

/**
 * Import of a JSON export. The file may come from anywhere (another browser, a colleague, a hand-edited
 * copy), so every field is checked and only known fields are kept; a file that fails any check changes
 * nothing, and a valid one is written in one transaction.
 */

/** 50 MB holds about 100,000 targets; beyond that the page would hold the whole file in memory twice. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_PAGES = 50_000;
export const MAX_IMPORT_TARGETS = 500_000;
// Years and values are checked by the validators against lib/ranges.ts, as a page's report is.

export type ImportErrorCode = 'tooBig' | 'notJson' | 'csv' | 'foreign' | 'glossary' | 'version' | 'invalid' | 'database';

/**
 * The options page's glossary export (lib/glossary/user.ts EXPORT_FORMAT; a unit test keeps the two
 * equal): a file readers drop here by mistake, told where it belongs. Not imported, so the library page
 * does not load the glossary code.
 */
export const GLOSSARY_EXPORT_FORMAT = 'report-lens-glossary';

/** `code` picks the message shown to the reader; `detail` names the field or the parser's complaint. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** A page as read from the file; `id` is the file's own id, which its targets refer to. */
export type ImportPage = PageRecord;
export type ImportTarget = Omit<TargetRecord, 'id'>;

export interface ImportData {
  pages: ImportPage[];
  targets: ImportTarget[];
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MessageError(`${path}: expected an object`);
  return v as Obj;
}
function str(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new MessageError(`${path}: expected a string`);
  if (v.length > max) throw new MessageError(`${path}: longer than ${max} characters`);
  return v;
}
function int(v: unknown, path: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new MessageError(`${path}: expected a whole number ≥ ${min}`);
  // 1e300 is a whole number too: say what is wrong with it.
  if (!Number.isSafeInteger(v)) throw new MessageError(`${path}: out of range (at most ${Number.MAX_SAFE_INTEGER})`);
  return v;
}
/** The latest time a Date can hold (ms since the epoch): the library shows firstSeen/lastSeen as dates. */
const MAX_TIME = 8.64e15;
function time(v: unknown, path: string): number {
  const t = int(v, path);
  // 2^53 - 1 is a whole number too, but no date: the pages table's formatter threw on it (RangeError).
  if (t > MAX_TIME) throw new MessageError(`${path}: out of range (a time in ms, at most ${MAX_TIME})`);
  return t;
}
function list(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new MessageError(`${path}: expected an array`);
  if (v.length > max) throw new MessageError(`${path}: more than ${max} items`);
  return v;
}

function parsePage(v: unknown, path: string): ImportPage {
  const o = obj(v, path);
  const url = str(o.url, `${path}.url`, 4096);
  // The library renders the URL as a link: only the schemes a saved page can have.
  if (!/^(https?|file):/i.test(url)) throw new MessageError(`${path}.url: expected an http(s) or file URL`);
  const info = parseReportInfo({ isReport: true, reasons: [], score: o.score, kind: o.kind, region: o.region, regionKey: o.regionKey, year: o.year }, path);
  return {
    id: int(o.id, `${path}.id`, 1),
    url: pageKey(url),
    title: str(o.title, `${path}.title`, 2000),
    kind: info.kind,
    score: info.score,
    region: info.region,
    regionKey: info.regionKey,
    year: info.year,
    termCount: int(o.termCount, `${path}.termCount`),
    targetCount: 0,
    firstSeen: time(o.firstSeen, `${path}.firstSeen`),
    lastSeen: time(o.lastSeen, `${path}.lastSeen`),
  };
}

function parseStoredTarget(v: unknown, path: string): ImportTarget {
  const o = obj(v, path);
  const quote = obj(o.quote, `${path}.quote`);
  // The stored record keeps prefix/suffix inside `quote`; the message validator expects them flat.
  const { prefix, suffix, ...target } = parseTarget({ ...o, prefix: quote.prefix, suffix: quote.suffix }, path);
  // What the extractor never writes, and the library could only show as nonsense: a range running
  // backwards (10–5%), a place in the page no page has. (A row without a name is read: versions before
  // 2026-12-03 saved one for a name of only punctuation, 【】达到100个以上, and their exports must still load.)
  if (target.valueMax !== null && (target.value === null || target.valueMax < target.value)) {
    throw new MessageError(`${path}.valueMax: ${target.value === null ? 'without a value' : 'less than value'}`);
  }
  const start = int(o.start, `${path}.start`);
  if (int(o.end, `${path}.end`) < start) throw new MessageError(`${path}.end: before start`);
  return {
    ...target,
    pageId: int(o.pageId, `${path}.pageId`, 1),
    regionKey: o.regionKey === null || o.regionKey === undefined ? null : str(o.regionKey, `${path}.regionKey`, 100),
    quote: { exact: str(quote.exact, `${path}.quote.exact`, 5000), prefix, suffix },
  };
}

/**
 * Reads and checks an export file. Throws ImportError: `tooBig`, `notJson`, `csv` (the library's CSV export), `foreign` (JSON, but not
 * ours), `glossary` (our glossary export), `version` (ours, another version; detail = the version found) or `invalid` (detail = the field).
 */
export function parseImport(text: string, maxChars = MAX_IMPORT_BYTES): ImportData {
  if (text.length > maxChars) throw new ImportError('tooBig', String(text.length));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    // The library's own CSV export, picked by mistake: not a damaged file, and said where the right one comes from.
    if (body.startsWith(CSV_COLUMNS.join(','))) throw new ImportError('csv');
    throw new ImportError('notJson', e instanceof Error ? e.message : String(e));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as Obj).format !== EXPORT_FORMAT) {
    throw new ImportError(json && (json as Obj).format === GLOSSARY_EXPORT_FORMAT ? 'glossary' : 'foreign');
  }
  const file = json as Obj;
  if (file.version !== EXPORT_VERSION) throw new ImportError('version', String(file.version));
  try {
    const pages = list(file.pages, 'pages', MAX_IMPORT_PAGES).map((p, i) => parsePage(p, `pages[${i}]`));
    const byId = new Map<number, ImportPage>();
    const urls = new Set<string>();
    pages.forEach((p, i) => {
      if (byId.has(p.id)) throw new MessageError(`pages[${i}].id: ${p.id} appears twice`);
      if (urls.has(p.url)) throw new MessageError(`pages[${i}].url: appears twice`);
      byId.set(p.id, p);
      urls.add(p.url);
    });
    const targets = list(file.targets, 'targets', MAX_IMPORT_TARGETS).map((t, i) => {
      const target = parseStoredTarget(t, `targets[${i}]`);
      const page = byId.get(target.pageId);
      if (!page) throw new MessageError(`targets[${i}].pageId: no page with id ${target.pageId}`);
      page.targetCount++;
      return target;
    });
    return { pages, targets };
  } catch (e) {
    if (e instanceof MessageError) throw new ImportError('invalid', e.message);
    throw e;
  }
}

export interface ImportResult {
  pages: number;
  targets: number;
  /** Pages already in the library (same URL) that the file's version replaced. */
  replaced: number;
}

/**
 * Writes checked data in one transaction. A page whose URL is already saved is replaced with its
 * targets, as a revisit would; other saved pages stay. Any failure rolls the whole import back.
 */
export async function importLibrary(db: ReportLensDB, data: ImportData): Promise<ImportResult> {
  return db.transaction('rw', db.pages, db.targets, async () => {
    const existing = await db.pages.where('url').anyOf(data.pages.map((p) => p.url)).toArray();
    const existingByUrl = new Map(existing.map((p) => [p.url, p]));
    if (existing.length) await db.targets.where('pageId').anyOf(existing.map((p) => p.id)).delete();
    const idMap = new Map<number, number>();
    const fresh: Omit<PageRecord, 'id'>[] = [];
    const freshFileIds: number[] = [];
    const updates: PageRecord[] = [];
    for (const { id: fileId, ...page } of data.pages) {
      const old = existingByUrl.get(page.url);
      if (old) {
        updates.push({ ...page, id: old.id, firstSeen: Math.min(old.firstSeen, page.firstSeen) });
        idMap.set(fileId, old.id);
      } else {
        fresh.push(page);
        freshFileIds.push(fileId);
      }
    }
    if (updates.length) await db.pages.bulkPut(updates);
    if (fresh.length) {
      const ids = await db.pages.bulkAdd(fresh as PageRecord[], { allKeys: true });
      ids.forEach((id, i) => idMap.set(freshFileIds[i]!, id as number));
    }
    const rows = data.targets.map((t) => ({ ...t, pageId: idMap.get(t.pageId)! }));
    if (rows.length) await db.targets.bulkAdd(rows as TargetRecord[]);
    return { pages: data.pages.length, targets: rows.length, replaced: updates.length };
  });
}

/** Removes every saved page and target (the user's own glossary entries are not library data). */
export async function clearLibrary(db: ReportLensDB, now = Date.now()): Promise<void> {
  // Tabs still open on saved pages do not save them back: noted in the same transaction (lib/db/removals).
  const clear = (note: boolean) =>
    db.transaction('rw', db.pages, db.targets, db.removals, async () => {
      if (note) await noteRemoval(db, 'all', now);
      await db.targets.clear();
      await db.pages.clear();
    });
  try {
    await clear(true);
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    await clear(false); // see removePage
  }
}
