import { MAX_PAGE_DEFINITION, MAX_PAGE_ENTRIES } from '../glossary/page';
import { isLibraryValue, isLibraryYear, MAX_YEAR, MIN_YEAR } from '../ranges';
import type { ReportInfo, ReportKind, Target } from '../types';
import type { PageReport, ReportedTarget, Script, ScriptToggleState } from './protocol';

/**
 * Validation at the boundary: the background trusts nothing a content script sends (a compromised
 * page cannot reach the extension's messaging, but a buggy or outdated content script can), so
 * every message is checked before it touches the database. Errors name the field.
 */
export class MessageError extends Error {
  override name = 'MessageError';
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MessageError(`${path}: expected an object`);
  return v as Obj;
}
function str(v: unknown, path: string, max = 100_000): string {
  if (typeof v !== 'string') throw new MessageError(`${path}: expected a string`);
  if (v.length > max) throw new MessageError(`${path}: longer than ${max} characters`);
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new MessageError(`${path}: expected a finite number`);
  return v;
}
/** A year the library can hold (lib/ranges.ts): what is saved must import again from its export. */
function year(v: unknown, path: string): number {
  if (!isLibraryYear(num(v, path))) throw new MessageError(`${path}: expected a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  return v as number;
}
function value(v: unknown, path: string): number {
  if (!isLibraryValue(num(v, path))) throw new MessageError(`${path}: out of range (expected -1e12 to 1e12)`);
  return v as number;
}
function nullable<T>(v: unknown, path: string, f: (v: unknown, p: string) => T): T | null {
  return v === null || v === undefined ? null : f(v, path);
}
function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new MessageError(`${path}: expected one of ${allowed.join(', ')}`);
  return v as T;
}
function arr<T>(v: unknown, path: string, max: number, f: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(v)) throw new MessageError(`${path}: expected an array`);
  if (v.length > max) throw new MessageError(`${path}: more than ${max} items`);
  return v.map((x, i) => f(x, `${path}[${i}]`));
}

const KINDS: readonly ReportKind[] = ['work-report', 'plan', 'interpretation', 'goals', 'glossary', 'other'];

export function parseReportInfo(v: unknown, path = 'report'): ReportInfo {
  const o = obj(v, path);
  return {
    isReport: o.isReport === true,
    score: num(o.score, `${path}.score`),
    kind: oneOf(o.kind, `${path}.kind`, KINDS),
    reasons: arr(o.reasons, `${path}.reasons`, 100, (x, p) => str(x, p, 200)),
    region: nullable(o.region, `${path}.region`, (x, p) => str(x, p, 100)),
    regionKey: nullable(o.regionKey, `${path}.regionKey`, (x, p) => str(x, p, 100)),
    year: nullable(o.year, `${path}.year`, year),
  };
}

export function parseTarget(v: unknown, path: string): ReportedTarget {
  const o = obj(v, path);
  const t: Target = {
    kind: oneOf(o.kind, `${path}.kind`, ['main', 'other', 'goal'] as const),
    indicator: str(o.indicator, `${path}.indicator`, 500),
    indicatorKey: str(o.indicatorKey, `${path}.indicatorKey`, 500),
    value: nullable(o.value, `${path}.value`, value),
    valueMax: nullable(o.valueMax, `${path}.valueMax`, value),
    unit: str(o.unit, `${path}.unit`, 50),
    qualifier: oneOf(o.qualifier, `${path}.qualifier`, ['以上', '左右', '以内', ''] as const),
    direction: oneOf(o.direction, `${path}.direction`, ['increase', 'decrease', 'level'] as const),
    hedge: str(o.hedge, `${path}.hedge`, 20),
    year: nullable(o.year, `${path}.year`, year),
    section: str(o.section, `${path}.section`, 1000),
    sentence: str(o.sentence, `${path}.sentence`, 5000),
    start: num(o.start, `${path}.start`),
    end: num(o.end, `${path}.end`),
    regionKey: nullable(o.regionKey, `${path}.regionKey`, (x, p) => str(x, p, 100)),
  };
  return { ...t, prefix: str(o.prefix ?? '', `${path}.prefix`, 200), suffix: str(o.suffix ?? '', `${path}.suffix`, 200) };
}

const SCRIPTS: readonly Script[] = ['simplified', 'traditional'];

/** JSON text a content script sent (reportPage): the value, still to be checked field by field. */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MessageError(`${path}: not JSON`);
  }
}

export function parsePageReport(v: unknown): PageReport {
  const o = obj(v, 'page');
  const url = str(o.url, 'page.url', 4096);
  if (!/^(https?|file):/.test(url)) throw new MessageError('page.url: expected an http(s) or file URL');
  return {
    url,
    title: str(o.title, 'page.title', 2000),
    report: parseReportInfo(o.report),
    script: oneOf(o.script, 'page.script', SCRIPTS),
    termCount: num(o.termCount, 'page.termCount'),
    terms: arr(o.terms, 'page.terms', 5000, (x, p) => {
      const t = obj(x, p);
      return {
        text: str(t.text, `${p}.text`, 100),
        source: oneOf(t.source, `${p}.source`, ['glossary', 'page', 'unknown', 'user'] as const),
        entry: nullable(t.entry, `${p}.entry`, (y, q) => str(y, q, 200)),
        count: num(t.count, `${p}.count`),
      };
    }),
    targets: arr(o.targets, 'page.targets', 5000, parseTarget),
    requested: o.requested === true,
    readAt: num(o.readAt, 'page.readAt'),
  };
}

export function parseScript(v: unknown): Script {
  return oneOf(v, 'script', SCRIPTS);
}

/**
 * A page's script-toggle state as its content script answers the popup (getScriptState): the popup
 * picks its button's label and aria-pressed from it, so it is checked like any other message from a
 * page's renderer. The error is the page's own words for the technical details: cut, not refused — a
 * long stack must not cost the reader the state.
 */
export function parseScriptToggleState(v: unknown, path = 'scriptState'): ScriptToggleState {
  const o = obj(v, path);
  const script = (x: unknown, p: string) => oneOf(x, p, SCRIPTS);
  const ms = nullable(o.ms, `${path}.ms`, num);
  return {
    original: nullable(o.original, `${path}.original`, script),
    current: nullable(o.current, `${path}.current`, script),
    converted: o.converted === true,
    ms,
    ...(o.error !== undefined ? { error: str(o.error, `${path}.error`, Infinity).slice(0, MAX_STATE_ERROR) } : {}),
  };
}
const MAX_STATE_ERROR = 1000;

export function parseIds(v: unknown): string[] {
  return arr(v, 'ids', 2000, (x, p) => str(x, p, 200));
}

/** Longest page text the background analyses; beyond it the tail is left out (and said so). */
export const MAX_PAGE_TEXT = 8_000_000;

/** The token of a deferred analysis (pageTargets): what crypto.randomUUID() makes, nothing longer. */
export function parseTargetsToken(v: unknown): string {
  const token = str(obj(v, 'data').token, 'token', 64);
  if (!/^[0-9a-f-]{36}$/.test(token)) throw new MessageError('token: expected a UUID');
  return token;
}

/** Most characters in one part of a long page text (lib/messaging/remote-analyzer sends 100,000). */
export const MAX_TEXT_PART = 1_000_000;

/** A text id of lib/messaging/remote-analyzer: 32 hex digits. */
export function parseTextId(v: unknown, path: string): string {
  const id = str(v, path, 64);
  if (!/^[0-9a-f]{32}$/.test(id)) throw new MessageError(`${path}: expected 32 hex digits`);
  return id;
}

/** One part of a long page text, sent ahead of the analyzePage or matchText that names its id; `at` is where it starts in the text. */
export function parseTextPart(v: unknown): { id: string; part: string; at: number } {
  const o = obj(v, 'data');
  const id = parseTextId(o.id, 'id');
  const part = str(o.part, 'part', MAX_TEXT_PART);
  if (typeof o.at !== 'number' || !Number.isSafeInteger(o.at) || o.at < 0) throw new MessageError('at: expected an offset');
  return { id, part, at: o.at };
}

/** Most headings and characters per heading, title and URL the background reads of a page. */
export const MAX_PAGE_HEADINGS = 20_000;
export const MAX_PAGE_TITLE = 2000;
export const MAX_PAGE_URL = 4096;

/** A string the page chose the length of: cut to `max` rather than refused, as the page text is. */
function cut(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new MessageError(`${path}: expected a string`);
  return v.length > max ? v.slice(0, max) : v;
}

/**
 * The page as the content script read it. Its text, title, URL and headings are whatever the page holds
 * (an <h2> wrapping a whole section, a title stuffed with keywords): over-long ones are cut, not refused —
 * refused, the page went unannotated altogether. Wrong types are still refused.
 */
export function parsePageInput(v: unknown): import('../types').PageInput {
  const o = obj(v, 'input');
  if (typeof o.text !== 'string') throw new MessageError('input.text: expected a string');
  if (!Array.isArray(o.headings)) throw new MessageError('input.headings: expected an array');
  return {
    text: o.text.length > MAX_PAGE_TEXT ? o.text.slice(0, MAX_PAGE_TEXT) : o.text,
    title: cut(o.title, 'input.title', MAX_PAGE_TITLE),
    url: cut(o.url, 'input.url', MAX_PAGE_URL),
    headings: arr(o.headings.slice(0, MAX_PAGE_HEADINGS), 'input.headings', MAX_PAGE_HEADINGS, (x, p) => {
      const h = obj(x, p);
      return { text: cut(h.text, `${p}.text`, 2000), level: num(h.level, `${p}.level`), start: num(h.start, `${p}.start`) };
    }),
  };
}

export function parsePageGlossary(v: unknown): import('../glossary/page').ParsedPageEntry[] {
  return arr(v, 'pageGlossary', MAX_PAGE_ENTRIES, (x, p) => {
    const e = obj(x, p);
    const key = str(e.key, `${p}.key`, 200);
    // Only the fields the pipeline reads, each checked: the entries come back from the content script
    // (matchText), and `keys` decides what the page-term matcher is built from.
    return {
      term: str(e.term, `${p}.term`, 200),
      key,
      definition: str(e.definition, `${p}.definition`, MAX_PAGE_DEFINITION),
      marker: nullable(e.marker, `${p}.marker`, (y, q) => str(y, q, 50)),
      start: num(e.start, `${p}.start`),
      end: num(e.end, `${p}.end`),
      label: e.label === undefined ? '' : str(e.label, `${p}.label`, 400),
      keys: e.keys === undefined ? [key] : arr(e.keys, `${p}.keys`, 20, (y, q) => str(y, q, 200)),
    };
  });
}

/** A tab id from an extension page's message. */
export function parseTabId(v: unknown, path = 'tabId'): number {
  const id = num(v, path);
  if (!Number.isInteger(id) || id < 0) throw new MessageError(`${path}: expected a tab id`);
  return id;
}

/** The `data` of a message: an object, or a MessageError naming the message (never a TypeError later). */
export function parseData(v: unknown, message: string): Record<string, unknown> {
  return obj(v, `${message}: data`);
}

/** Most strings and characters one conversion request may carry (a 1 MB page has ~20 000 nodes). */
export const MAX_CONVERT_STRINGS = 200_000;
export const MAX_CONVERT_CHARS = 8_000_000;

export function parseConvertRequest(v: unknown): import('../convert/page').ConvertRequest {
  const o = obj(v, 'convert');
  const texts = arr(o.texts, 'convert.texts', MAX_CONVERT_STRINGS, (x, p) => str(x, p, MAX_CONVERT_CHARS));
  const attrs = arr(o.attrs, 'convert.attrs', MAX_CONVERT_STRINGS, (x, p) => str(x, p, 100_000));
  let chars = 0;
  for (const s of texts) chars += s.length;
  for (const s of attrs) chars += s.length;
  if (chars > MAX_CONVERT_CHARS) throw new MessageError(`convert: more than ${MAX_CONVERT_CHARS} characters`);
  return {
    texts,
    attrs,
    to: o.to === 'auto' ? 'auto' : oneOf(o.to, 'convert.to', SCRIPTS),
  };
}

export function parseAddEntryRequest(v: unknown): import('../glossary/user').AddEntryRequest {
  const o = obj(v, 'addEntry');
  const url = str(o.url, 'addEntry.url', 4096);
  return {
    term: str(o.term, 'addEntry.term', 100),
    context: str(o.context, 'addEntry.context', 2000),
    // Only a web page's address can become the entry's source; anything else is dropped here.
    url: /^https?:\/\//.test(url) ? url : '',
    title: str(o.title, 'addEntry.title', 2000),
    year: nullable(o.year, 'addEntry.year', num),
  };
}
