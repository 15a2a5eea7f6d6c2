/**
 * Batch CLI for researchers and regression tests:
 *   npm run -s analyze -- [--format json|csv] [--force] FILE...
 * Runs the extension's own core (analyzePage with the bundled glossary) on .txt and .html files.
 * stdout carries the result and nothing else, so it can be piped; every diagnostic goes to stderr.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzePage, type PageAnalysis } from '../analyze';
import { csvField } from '../db/export';
import { bundledMatcher } from '../glossary/bundled';
import type { PageInput, TermSource } from '../types';
import { htmlPageInput, textPageInput } from './input';

/** One file's result. Field names are a public contract (issue 5): other tools parse them. */
export interface FileResult {
  file: string;
  report: {
    isReport: boolean;
    score: number;
    kind: string;
    region: string | null;
    /** Simplified region (衡南縣 → 衡南县), so results group across scripts. */
    regionKey: string | null;
    year: number | null;
    reasons: string[];
  };
  terms: { text: string; start: number; end: number; source: TermSource; entry: string | null }[];
  targets: {
    kind: string;
    indicator: string;
    indicatorKey: string;
    value: number | null;
    valueMax: number | null;
    unit: string;
    qualifier: string;
    direction: string;
    hedge: string;
    year: number | null;
    section: string;
    sentence: string;
    start: number;
    end: number;
  }[];
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
}

export const defaultIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readFile: (p) => readFileSync(p),
};

const USAGE = 'usage: npm run -s analyze -- [--format json|csv] [--force] FILE...\n';

export class InputError extends Error {}

/** Decodes strictly: a GBK page read as UTF-8 would give mojibake and silently find nothing. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: not valid UTF-8 (convert it first, e.g. iconv -f GBK -t UTF-8)`);
  }
}

export function pageInputFor(file: string, text: string): PageInput {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return htmlPageInput(text);
  return textPageInput(text);
}

export function analyzeFile(file: string, bytes: Uint8Array, force = false): FileResult {
  const input = pageInputFor(file, decodeUtf8(bytes, file));
  return toResult(file, analyzePage(input, { matchers: [bundledMatcher()], force }));
}

export function toResult(file: string, a: PageAnalysis): FileResult {
  const r = a.report;
  return {
    file,
    report: { isReport: r.isReport, score: r.score, kind: r.kind, region: r.region, regionKey: r.regionKey, year: r.year, reasons: r.reasons },
    terms: a.terms.map((t) => ({ text: t.text, start: t.start, end: t.end, source: t.source, entry: t.entry })),
    targets: a.targets.map((t) => ({
      kind: t.kind,
      indicator: t.indicator,
      indicatorKey: t.indicatorKey,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      qualifier: t.qualifier,
      direction: t.direction,
      hedge: t.hedge,
      year: t.year,
      section: t.section,
      sentence: t.sentence,
      start: t.start,
      end: t.end,
    })),
  };
}

/**
 * Same column names as the library's CSV export where they mean the same thing (year and kind are the
 * target's), plus the file and the page's report kind.
 */
export const CSV_COLUMNS = [
  'file', 'region', 'regionKey', 'reportKind', 'year', 'kind', 'indicator', 'indicatorKey', 'value', 'valueMax', 'unit',
  'qualifier', 'direction', 'hedge', 'section', 'sentence', 'start', 'end',
] as const;

export function toCsv(results: readonly FileResult[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const res of results) {
    for (const t of res.targets) {
      const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
        file: res.file,
        region: res.report.region,
        regionKey: res.report.regionKey,
        reportKind: res.report.kind,
        ...t,
        year: t.year ?? res.report.year,
      };
      lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
    }
  }
  // BOM: without it Excel reads the file in the system code page and the Chinese turns to mojibake.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

interface Args {
  format: 'json' | 'csv';
  force: boolean;
  files: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { format: 'json', force: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    let format: string | undefined;
    if (a === '--format') format = argv[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--force') {
      args.force = true;
      continue;
    } else if (a === '-h' || a === '--help') throw new InputError('');
    else if (a.startsWith('-') && a !== '-') throw new InputError(`unknown option ${a}`);
    else {
      args.files.push(a);
      continue;
    }
    if (format !== 'json' && format !== 'csv') throw new InputError(`--format must be json or csv, not ${format ?? '(missing)'}`);
    args.format = format;
  }
  if (!args.files.length) throw new InputError('no input files');
  return args;
}

/**
 * Exit codes: 0 all files analysed, 1 some file could not be read or decoded (the others are still
 * printed), 2 bad usage.
 */
export function runCli(argv: readonly string[], io: CliIo = defaultIo): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    const msg = (e as Error).message;
    io.stderr((msg ? `analyze: ${msg}\n` : '') + USAGE);
    return msg ? 2 : 0;
  }
  const results: FileResult[] = [];
  let failed = 0;
  for (const file of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(file);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`analyze: ${file}: cannot read (${err.code ?? err.message})\n`);
      failed++;
      continue;
    }
    try {
      results.push(analyzeFile(file, bytes, args.force));
    } catch (e) {
      io.stderr(`analyze: ${e instanceof InputError ? e.message : `${file}: ${(e as Error).stack ?? e}`}\n`);
      failed++;
    }
  }
  io.stdout(args.format === 'csv' ? toCsv(results) : JSON.stringify(results, null, 2) + '\n');
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runCli(process.argv.slice(2));
}
