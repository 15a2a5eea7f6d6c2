import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAll, toCsv, toJson } from '../../../lib/db/export';
import { clearLibrary, GLOSSARY_EXPORT_FORMAT, ImportError, importLibrary, parseImport, type ImportData } from '../../../lib/db/import';
import { EXPORT_FORMAT as GLOSSARY_FORMAT } from '../../../lib/glossary/user';
import { ReportLensDB, type PageRecord, type TargetRecord } from '../../../lib/db/schema';
import { page, target } from './library-fixtures';

const PAGES = [page(1, { targetCount: 2 }), page(2, { region: null, regionKey: null, targetCount: 1 })];
const TARGETS = [
  target(1, '地区生产总值', 8.5),
  target(1, '进出口总额', 15, { qualifier: '左右' }),
  target(2, '地区生产总值', 8, { regionKey: null, qualifier: '', valueMax: 9 }),
];
const file = (over: Record<string, unknown> = {}) => JSON.stringify({ format: 'report-lens', version: 1, exportedAt: '2024-01-01T00:00:00Z', pages: PAGES, targets: TARGETS, ...over });

function errorOf(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('parseImport', () => {
  it('reads what toJson writes', () => {
    const data = parseImport(toJson(PAGES, TARGETS));
    expect(data.pages).toEqual(PAGES);
    expect(data.targets).toEqual(TARGETS.map(({ id, ...t }) => t));
  });

  it('reads a target without a name, as versions before 2026-12-03 could export one (【】达到100个以上)', () => {
    const data = parseImport(file({ targets: [{ ...TARGETS[0], indicator: '【】', indicatorKey: '' }, TARGETS[1]] }));
    expect(data.targets.map((t) => t.indicatorKey)).toEqual(['', TARGETS[1]!.indicatorKey]);
  });

  it('accepts a leading byte-order mark (editors add one)', () => {
    expect(parseImport(`\uFEFF${file()}`).pages).toHaveLength(2);
  });

  it('drops fields it does not know, so nothing foreign reaches the database', () => {
    const data = parseImport(file({ pages: [{ ...PAGES[0], extra: '<img src=x onerror=alert(1)>' }], targets: [{ ...TARGETS[0], evil: 1, id: 99 }] }));
    expect(data.pages[0]).not.toHaveProperty('extra');
    expect(data.targets[0]).not.toHaveProperty('evil');
    expect(data.targets[0]).not.toHaveProperty('id');
  });

  it('recounts each page\'s targets from the file', () => {
    const data = parseImport(file({ pages: PAGES.map((p) => ({ ...p, targetCount: 999 })) }));
    expect(data.pages.map((p) => p.targetCount)).toEqual([2, 1]);
  });

  it.each([
    ['not JSON', 'this is not json {', 'notJson'],
    ['empty', '', 'notJson'],
    ['a JSON array', '[1,2]', 'foreign'],
    ['a JSON string', '"report-lens"', 'foreign'],
    ['JSON of another tool', JSON.stringify({ name: 'package', version: '1.0.0', dependencies: {} }), 'foreign'],
  ])('rejects %s', (_, text, code) => {
    expect(errorOf(() => parseImport(text)).code).toBe(code);
  });

  it('recognises the library’s own CSV export picked by mistake, with or without its byte-order mark', () => {
    // Before: notJson — “not JSON, or damaged (Unexpected token 'r', "region,reg"…)” — for a file that is neither.
    const csv = toCsv([], new Map());
    expect(errorOf(() => parseImport(csv)).code).toBe('csv');
    expect(errorOf(() => parseImport(csv.slice(1))).code).toBe('csv');
    expect(errorOf(() => parseImport('region,year\r\n衡阳,2024')).code).toBe('notJson');
  });

  it('recognises a glossary export dropped here by mistake (the reader is sent to the options page)', () => {
    expect(GLOSSARY_EXPORT_FORMAT).toBe(GLOSSARY_FORMAT);
    expect(errorOf(() => parseImport(JSON.stringify({ format: GLOSSARY_FORMAT, version: 1, entries: [] }))).code).toBe('glossary');
  });

  it('rejects another version and says which', () => {
    const e = errorOf(() => parseImport(file({ version: 2 })));
    expect([e.code, e.detail]).toEqual(['version', '2']);
    expect(errorOf(() => parseImport(file({ version: '1' }))).code).toBe('version');
  });

  it('rejects a file over the size limit before parsing it', () => {
    expect(errorOf(() => parseImport(file(), 100)).code).toBe('tooBig');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['pages not an array', { pages: {} }, /^pages: expected an array/],
    ['targets missing', { targets: undefined }, /^targets: expected an array/],
    ['a page without url', { pages: [{ ...PAGES[0], url: undefined }, PAGES[1]] }, /^pages\[0\]\.url: expected a string/],
    ['a javascript: URL', { pages: [{ ...PAGES[0], url: 'javascript:alert(1)' }, PAGES[1]] }, /^pages\[0\]\.url: expected an http/],
    ['an unknown page kind', { pages: [PAGES[0], { ...PAGES[1], kind: 'novel' }] }, /^pages\[1\]\.kind: expected one of/],
    ['a fractional page id', { pages: [{ ...PAGES[0], id: 1.5 }] }, /^pages\[0\]\.id: expected a whole number/],
    ['the same page id twice', { pages: [PAGES[0], { ...PAGES[1], id: 1 }] }, /^pages\[1\]\.id: 1 appears twice/],
    ['the same URL twice', { pages: [PAGES[0], { ...PAGES[1], url: `${PAGES[0]!.url}#x` }] }, /^pages\[1\]\.url: appears twice/],
    ['a target value that is a string', { targets: [{ ...TARGETS[0], value: '8.5' }] }, /^targets\[0\]\.value: expected a finite number/],
    ['an unknown qualifier', { targets: [TARGETS[0], { ...TARGETS[1], qualifier: '<b>以上</b>' }] }, /^targets\[1\]\.qualifier: expected one of/],
    ['a target without its quote', { targets: [{ ...TARGETS[0], quote: undefined }] }, /^targets\[0\]\.quote: expected an object/],
    ['a target of no page', { targets: [{ ...TARGETS[0], pageId: 7 }] }, /^targets\[0\]\.pageId: no page with id 7/],
    // Numbers JSON can hold but the library cannot show: the chart's axis broke on them (y="NaN", a
    // RangeError), the year menu listed 1e+21.
    ['a term count past the safe integers', { pages: [{ ...PAGES[0], termCount: 1e300 }, PAGES[1]] }, /^pages\[0\]\.termCount: out of range \(at most 9007199254740991\)$/],
    // Safe integers, but past what a Date holds: the pages table's date formatter threw (RangeError) on
    // every render, so the library showed no page, and no page could be deleted there.
    ['a lastSeen past the last date', { pages: [{ ...PAGES[0], lastSeen: Number.MAX_SAFE_INTEGER }, PAGES[1]] }, /^pages\[0\]\.lastSeen: out of range \(a time in ms, at most 8640000000000000\)$/],
    ['a firstSeen past the last date', { pages: [PAGES[0], { ...PAGES[1], firstSeen: 8.64e15 + 1 }] }, /^pages\[1\]\.firstSeen: out of range/],
    ['a fractional page year', { pages: [{ ...PAGES[0], year: 2024.5 }, PAGES[1]] }, /^pages\[0\]\.year: expected a year from 1949 to 2100$/],
    ['a negative page year', { pages: [{ ...PAGES[0], year: -3 }, PAGES[1]] }, /^pages\[0\]\.year: expected a year from 1949 to 2100$/],
    ['a target year of 1e21', { targets: [{ ...TARGETS[0], year: 1e21 }] }, /^targets\[0\]\.year: expected a year from 1949 to 2100$/],
    ['a target year before 1949', { targets: [{ ...TARGETS[0], year: 1948 }] }, /^targets\[0\]\.year: expected a year from 1949 to 2100$/],
    ['a value of 1e308', { targets: [{ ...TARGETS[0], value: 1e308 }] }, /^targets\[0\]\.value: out of range \(expected -1e12 to 1e12\)$/],
    ['a value of -1e308', { targets: [{ ...TARGETS[0], value: -1e308 }] }, /^targets\[0\]\.value: out of range/],
    ['a range end past 1e12', { targets: [{ ...TARGETS[0], valueMax: 2e12 }] }, /^targets\[0\]\.valueMax: out of range/],
    // Rows the library could only show as nonsense: 10–5%, a place no page has.
    ['a range running backwards', { targets: [{ ...TARGETS[0], value: 10, valueMax: 5 }] }, /^targets\[0\]\.valueMax: less than value$/],
    ['a range end without a value', { targets: [{ ...TARGETS[0], value: null, valueMax: 5 }] }, /^targets\[0\]\.valueMax: without a value$/],
    ['a start of 1e300', { targets: [{ ...TARGETS[0], start: 1e300 }] }, /^targets\[0\]\.start: out of range/],
    ['a negative end', { targets: [{ ...TARGETS[0], start: 0, end: -5 }] }, /^targets\[0\]\.end: expected a whole number ≥ 0$/],
    ['an end before its start', { targets: [{ ...TARGETS[0], start: 50, end: 10 }] }, /^targets\[0\]\.end: before start$/],
  ])('rejects %s, naming the field', (_, over, message) => {
    const e = errorOf(() => parseImport(file(over)));
    expect(e.code).toBe('invalid');
    expect(e.detail).toMatch(message);
  });
});

describe('parseImport at the edges of the ranges', () => {
  it('accepts the last time a Date holds', () => {
    expect(parseImport(file({ pages: [{ ...PAGES[0], firstSeen: 0, lastSeen: 8.64e15 }, PAGES[1]] })).pages[0]).toMatchObject({ firstSeen: 0, lastSeen: 8.64e15 });
    expect(new Intl.DateTimeFormat().format(8.64e15)).toBeTruthy();
  });

  it('accepts the first and last plausible years, values up to ±1e12, and tiny values', () => {
    const data = parseImport(
      file({
        pages: [{ ...PAGES[0], year: 1949 }, { ...PAGES[1], year: 2100 }],
        targets: [{ ...TARGETS[0], value: 1e12 }, { ...TARGETS[1], value: -1e12, year: 2100 }, { ...TARGETS[2], value: 1e-200, valueMax: 1e-199 }],
      }),
    );
    expect(data.pages.map((p) => p.year)).toEqual([1949, 2100]);
    expect(data.targets.map((t) => t.value)).toEqual([1e12, -1e12, 1e-200]);
  });
});

describe('importLibrary / clearLibrary', () => {
  let db: ReportLensDB;
  beforeEach(() => {
    db = new ReportLensDB(`import-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const snapshot = async () => ({ pages: await db.pages.toArray(), targets: await db.targets.toArray() });
  const strip = (s: { pages: PageRecord[]; targets: TargetRecord[] }) => ({
    pages: s.pages.map(({ id, ...p }) => p),
    targets: s.targets.map(({ id, pageId, ...t }) => ({ ...t, page: s.pages.find((p) => p.id === pageId)!.url })),
  });

  it('round-trips: export, clear, import gives the same pages and targets', async () => {
    await db.pages.bulkAdd(PAGES);
    await db.targets.bulkAdd(TARGETS);
    const before = await snapshot();
    const json = await exportAll(db);
    await clearLibrary(db);
    expect(await db.pages.count()).toBe(0);
    expect(await db.targets.count()).toBe(0);
    expect(await importLibrary(db, parseImport(json))).toEqual({ pages: 2, targets: 3, replaced: 0 });
    expect(strip(await snapshot())).toEqual(strip(before));
  });

  it('replaces a page already saved under the same URL and keeps the others', async () => {
    await db.pages.bulkAdd([page(5, { url: PAGES[0]!.url, firstSeen: 10 }), page(6, { url: 'https://other.gov.cn/x.html' })]);
    await db.targets.bulkAdd([target(5, '旧指标', 1), target(6, '别的页面', 2)]);
    const result = await importLibrary(db, parseImport(file()));
    expect(result).toEqual({ pages: 2, targets: 3, replaced: 1 });
    expect(await db.pages.count()).toBe(3);
    const replaced = await db.pages.get(5);
    expect(replaced).toMatchObject({ url: PAGES[0]!.url, firstSeen: 10, targetCount: 2 });
    expect((await db.targets.where('pageId').equals(5).toArray()).map((t) => t.indicator)).toEqual(['地区生产总值', '进出口总额']);
    expect((await db.targets.where('pageId').equals(6).toArray()).map((t) => t.indicator)).toEqual(['别的页面']);
  });

  it.each([
    // Two pages with one URL (parseImport refuses them): the unique url index fails the second page
    // after the first was written.
    ['at the pages', [page(1, { url: 'https://new.gov.cn/a.html' }), page(2, { url: 'https://new.gov.cn/a.html' })], [target(1, '地区生产总值', 8.5)]],
    // Two targets with one primary key: fails after every page was written and replaced.
    ['at the targets', [page(1, { url: 'https://keep.gov.cn/a.html' }), page(2)], [target(1, '地区生产总值', 8.5, { id: 42 }), target(2, '地区生产总值', 8, { id: 42 })]],
  ])('rolls everything back when a write fails midway (%s)', async (_, pages, targets) => {
    await db.pages.bulkAdd([page(5, { url: 'https://keep.gov.cn/a.html' })]);
    await db.targets.bulkAdd([target(5, '保留', 1)]);
    const before = await snapshot();
    const data: ImportData = { pages, targets };
    await expect(importLibrary(db, data)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
