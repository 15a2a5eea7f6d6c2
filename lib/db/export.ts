import { regionName } from './region-name';
import type { PageIndex } from './query';
import type { PageRecord, ReportLensDB, TargetRecord } from './schema';

/** The JSON export: a backup the library can import again. Bump `version` when the shape changes. */
export const EXPORT_FORMAT = 'report-lens';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  pages: PageRecord[];
  targets: TargetRecord[];
}

export function toJson(pages: readonly PageRecord[], targets: readonly TargetRecord[], now = new Date()): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), pages: [...pages], targets: [...targets] };
  return JSON.stringify(file, null, 1);
}

/** Everything in one read transaction, so a save landing meanwhile cannot split a page from its targets. */
export async function exportAll(db: ReportLensDB, now = new Date()): Promise<string> {
  const [pages, targets] = await db.transaction('r', db.pages, db.targets, () => Promise.all([db.pages.toArray(), db.targets.toArray()]));
  return toJson(pages, targets, now);
}

/** Column names follow the target fields of the CLI's JSON output, so scripts can read either. */
export const CSV_COLUMNS = [
  'region',
  'regionKey',
  'year',
  'kind',
  'indicator',
  'indicatorKey',
  'value',
  'valueMax',
  'unit',
  'qualifier',
  'direction',
  'hedge',
  'section',
  'sentence',
  'pageTitle',
  'url',
] as const;

const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text that
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: page titles
 * come from arbitrary sites and imported files, and a cell like =HYPERLINK(…) must stay text.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads the file as
 * the system code page and Chinese turns to mojibake), CRLF line ends, one header row.
 */
export function toCsv(targets: readonly TargetRecord[], pages: PageIndex): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const t of targets) {
    const page = pages.get(t.pageId);
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      // As the page writes the target's region: on a page listing several cities' reports, each one's.
      region: regionName(t, page),
      regionKey: t.regionKey,
      year: t.year,
      kind: t.kind,
      indicator: t.indicator,
      indicatorKey: t.indicatorKey,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      qualifier: t.qualifier,
      direction: t.direction,
      hedge: t.hedge,
      section: t.section,
      sentence: t.sentence,
      pageTitle: page?.title ?? null,
      url: page?.url ?? null,
    };
    lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
