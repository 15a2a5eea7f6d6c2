import { EXPORT_FORMAT as LIBRARY_EXPORT_FORMAT } from '../db/export';
import type { UserEntryRecord } from '../db/schema';
import { foldChars } from '../text/normalize';
import type { GlossaryEntry, GlossarySource, Scope } from '../types';
import { validateEntry } from './compile.mjs';
import { createMatcherFromSurfaces, type Matcher } from './match';

/*
 * The user's glossary: own entries, overrides of bundled entries (same id) and hidden bundled entries
 * (a record with `hidden: true`). Everything here is pure — the store is lib/db/user-entries.ts, the
 * editor lib/ui/glossary-editor.tsx — and takes the bundled entries as an argument instead of
 * importing them.
 *
 * Rules: a user record replaces the bundled entry with its id wherever an entry is shown; a hidden
 * record removes that id from the page altogether; a surface form belongs to exactly one visible
 * entry, so the user is sent to the existing entry instead of creating a second one for the same term.
 */

export const EXPORT_FORMAT = 'report-lens-glossary';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing: the user glossary is a few hundred entries at most. */
export const MAX_IMPORT_BYTES = 5_000_000;
export const MAX_IMPORT_ENTRIES = 10_000;

/** A user record as stored, minus the bookkeeping time. */
export type UserEntry = Omit<UserEntryRecord, 'updatedAt'>;

/** One entry of an export file: a GlossaryEntry, plus `hidden: true` for a hidden bundled entry. */
export type ExportedEntry = GlossaryEntry & { hidden?: true };

export interface GlossaryFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  entries: ExportedEntry[];
}

export type EntryStatus = 'bundled' | 'edited' | 'hidden' | 'mine';

export interface MergedEntry {
  id: string;
  /** What the tooltip shows for this id (the record's text when there is one). */
  entry: GlossaryEntry;
  status: EntryStatus;
  bundled: GlossaryEntry | undefined;
  record: UserEntry | undefined;
}

/** Term first, then aliases, trimmed, without empties. */
export function surfacesOf(entry: Pick<GlossaryEntry, 'term' | 'aliases'>): string[] {
  return [entry.term, ...entry.aliases].map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The entry's own fields in schema order, without `hidden`, `updatedAt` or anything else. */
export function cleanEntry(e: GlossaryEntry): GlossaryEntry {
  return {
    id: e.id,
    term: e.term,
    aliases: [...e.aliases],
    components: [...e.components],
    definition: e.definition,
    gloss: e.gloss,
    ...(e.english !== undefined ? { english: e.english } : {}),
    scope: cleanScope(e.scope),
    ...(e.year !== undefined ? { year: e.year } : {}),
    related: [...e.related],
    sources: e.sources.map(cleanSource),
  };
}

function cleanScope(s: Scope): Scope {
  if (s.level === 'national') return { level: 'national' };
  return s.parent === undefined ? { level: s.level, region: s.region } : { level: s.level, region: s.region, parent: s.parent };
}

function cleanSource(s: GlossarySource): GlossarySource {
  return s.url === undefined ? { title: s.title, issuer: s.issuer, year: s.year } : { title: s.title, issuer: s.issuer, year: s.year, url: s.url };
}

/** Same text and fields, ignoring key order and the record's bookkeeping. */
export function sameContent(a: GlossaryEntry, b: GlossaryEntry): boolean {
  return JSON.stringify(cleanEntry(a)) === JSON.stringify(cleanEntry(b));
}

/**
 * Bundled and user entries as one list: the user's own entries first (newest first), then the
 * bundled ones in glossary order, each with what the user did to it.
 */
export function mergeGlossary(bundled: readonly GlossaryEntry[], records: readonly UserEntryRecord[]): MergedEntry[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const bundledIds = new Set(bundled.map((e) => e.id));
  const mine = records
    .filter((r) => !bundledIds.has(r.id))
    .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
    .map((r): MergedEntry => ({ id: r.id, entry: cleanEntry(r), status: r.hidden ? 'hidden' : 'mine', bundled: undefined, record: r }));
  const rest = bundled.map((b): MergedEntry => {
    const r = byId.get(b.id);
    if (!r) return { id: b.id, entry: b, status: 'bundled', bundled: b, record: undefined };
    return { id: b.id, entry: cleanEntry(r), status: r.hidden ? 'hidden' : 'edited', bundled: b, record: r };
  });
  return [...mine, ...rest];
}

/** The entry a page shows for `id`, or null when the user hid it or nobody defines it. */
export function effectiveEntry(bundled: GlossaryEntry | undefined, record: UserEntry | undefined): GlossaryEntry | null {
  if (record) return record.hidden ? null : record;
  return bundled ?? null;
}

/**
 * The matcher for the user's entries, or null when the user has none. The pipeline puts it before
 * the bundled matcher (lib/background/analyze.ts), so where a user term and a bundled one overlap on
 * the page the user's wins; its spans carry the source `user`. It also carries the ids the user hid,
 * which the pipeline drops whichever matcher found them (lib/analyze.ts).
 */
export function userMatcher(records: readonly UserEntry[]): Matcher | null {
  const ids: string[] = [];
  const terms: string[] = [];
  const pairs: [string, number][] = [];
  const hidden = new Set<string>();
  for (const r of records) {
    if (r.hidden) {
      hidden.add(r.id);
      continue;
    }
    const k = ids.length;
    ids.push(r.id);
    terms.push(r.term);
    for (const s of surfacesOf(r)) pairs.push([foldChars(s), k]);
  }
  if (!ids.length && !hidden.size) return null;
  return { ...createMatcherFromSurfaces(pairs, ids, terms), source: 'user', hidden };
}

// ---------------------------------------------------------------------------------------------
// Surface ownership

/** A surface form claimed by two visible entries: the matcher could only ever show one of them. */
export interface Clash {
  surface: string;
  id: string;
  /** The entry that already has it. */
  ownerId: string;
  ownerTerm: string;
}

/**
 * Surfaces of the entries `focus` that another visible entry — a bundled one the user has not hidden,
 * or a user record — already claims, after folding (so 六穩 clashes with 六稳). Hidden entries in
 * `focus` (an import may carry them) claim nothing.
 */
export function surfaceClashes(
  bundled: readonly GlossaryEntry[],
  records: readonly UserEntry[],
  focus: readonly GlossaryEntry[],
): Clash[] {
  const focusIds = new Set(focus.map((e) => e.id));
  const recordById = new Map(records.map((r) => [r.id, r]));
  const owners = new Map<string, { id: string; term: string }>();
  const claim = (e: GlossaryEntry) => {
    for (const s of surfacesOf(e)) {
      const key = foldChars(s);
      if (!owners.has(key)) owners.set(key, { id: e.id, term: e.term });
    }
  };
  for (const r of records) if (!r.hidden && !focusIds.has(r.id)) claim(r);
  for (const b of bundled) {
    if (focusIds.has(b.id)) continue;
    const r = recordById.get(b.id);
    // An override keeps the bundled surfaces too: the bundled matcher still finds them for that id.
    if (!r?.hidden) claim(b);
  }
  const out: Clash[] = [];
  const inFocus = new Map<string, GlossaryEntry>();
  for (const e of focus) {
    if ((e as Partial<UserEntry>).hidden) continue;
    for (const s of surfacesOf(e)) {
      const key = foldChars(s);
      const owner = owners.get(key);
      if (owner && owner.id !== e.id) out.push({ surface: s, id: e.id, ownerId: owner.id, ownerTerm: owner.term });
      const other = inFocus.get(key);
      if (other && other.id !== e.id) out.push({ surface: s, id: e.id, ownerId: other.id, ownerTerm: other.term });
      else inFocus.set(key, e);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The editor's form

export type ScopeLevel = Scope['level'];

/** The form as the user types it: every field a string, lists as text. */
export interface EntryDraft {
  /** Null for a new entry of the user's own. */
  id: string | null;
  term: string;
  /** One per line: a surface form may itself contain 、 (碳达峰、碳中和). */
  aliases: string;
  /** One per line. */
  components: string;
  definition: string;
  gloss: string;
  english: string;
  level: ScopeLevel;
  region: string;
  year: string;
  sourceTitle: string;
  sourceIssuer: string;
  sourceYear: string;
  sourceUrl: string;
}

export type DraftField = Exclude<keyof EntryDraft, 'id' | 'level'>;

export type DraftProblemCode =
  | 'required'
  | 'quotes'
  | 'tooLong'
  | 'duplicate'
  | 'taken'
  | 'year'
  | 'url'
  | 'invalid';

export interface DraftProblem {
  field: DraftField | 'entry';
  code: DraftProblemCode;
  /** The surface, the other entry's term, or validateEntry's message. */
  arg?: string;
}

export interface DraftPrefill {
  term?: string;
  url?: string;
  title?: string;
  /** The page's year as the recognizer read it (a 2022 report): the source's year, rather than this year. */
  year?: number | null;
}

const QUOTES = /["'“”‘’「」『』＂＇《》]/;
const MAX_TERM = 40;
const MIN_YEAR = 1900;

export function splitList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A form for an existing entry, or an empty one (optionally prefilled from the tooltip's button). */
export function draftFrom(entry: GlossaryEntry | null, prefill: DraftPrefill = {}, now = new Date()): EntryDraft {
  if (entry) {
    const src = entry.sources[0];
    return {
      id: entry.id,
      term: entry.term,
      aliases: entry.aliases.join('\n'),
      components: entry.components.join('\n'),
      definition: entry.definition,
      gloss: entry.gloss,
      english: entry.english ?? '',
      level: entry.scope.level,
      region: entry.scope.level === 'national' ? '' : entry.scope.region,
      year: entry.year === undefined ? '' : String(entry.year),
      sourceTitle: src?.title ?? '',
      sourceIssuer: src?.issuer ?? '',
      sourceYear: src ? String(src.year) : String(now.getFullYear()),
      sourceUrl: src?.url ?? '',
    };
  }
  const url = prefill.url && /^https?:\/\/\S+$/.test(prefill.url) ? prefill.url : '';
  return {
    id: null,
    term: (prefill.term ?? '').trim(),
    aliases: '',
    components: '',
    definition: '',
    gloss: '',
    english: '',
    level: 'national',
    region: '',
    year: '',
    sourceTitle: url ? (prefill.title ?? '').trim() : '',
    sourceIssuer: '',
    sourceYear: String(url && prefill.year && yearOk(String(prefill.year), now) ? prefill.year : now.getFullYear()),
    sourceUrl: url,
  };
}

/**
 * The entry a form describes. `base` is the entry being edited: fields the form does not show
 * (related ids, further sources, a scope's parent) are kept from it.
 */
export function entryFromDraft(d: EntryDraft, id: string, base: GlossaryEntry | null): GlossaryEntry {
  const region = d.region.trim();
  const scope: Scope =
    d.level === 'national'
      ? { level: 'national' }
      : base?.scope.level !== 'national' && base?.scope.parent !== undefined && base.scope.region === region
        ? { level: d.level, region, parent: base.scope.parent }
        : { level: d.level, region };
  const source: GlossarySource = { title: d.sourceTitle.trim(), issuer: d.sourceIssuer.trim(), year: Number(d.sourceYear.trim()) };
  if (d.sourceUrl.trim()) source.url = d.sourceUrl.trim();
  const entry: GlossaryEntry = {
    id,
    term: d.term.trim(),
    aliases: [...new Set(splitList(d.aliases))],
    components: splitList(d.components),
    definition: d.definition.trim(),
    gloss: d.gloss.trim(),
    scope,
    related: base ? [...base.related] : [],
    sources: [source, ...(base?.sources.slice(1) ?? [])],
  };
  if (d.english.trim()) entry.english = d.english.trim();
  if (d.year.trim()) entry.year = Number(d.year.trim());
  return cleanEntry(entry);
}

function yearOk(text: string, now: Date): boolean {
  if (!/^\d{4}$/.test(text.trim())) return false;
  const y = Number(text.trim());
  return y >= MIN_YEAR && y <= now.getFullYear() + 1;
}

/**
 * Problems with a form, field by field, in the order the form shows them. An empty list means the
 * entry passes validateEntry and claims no surface another visible entry has.
 */
export function validateDraft(
  d: EntryDraft,
  id: string,
  base: GlossaryEntry | null,
  bundled: readonly GlossaryEntry[],
  records: readonly UserEntry[],
  now = new Date(),
): DraftProblem[] {
  const out: DraftProblem[] = [];
  const term = d.term.trim();
  if (!term) out.push({ field: 'term', code: 'required' });
  else if (QUOTES.test(term)) out.push({ field: 'term', code: 'quotes' });
  else if (term.length > MAX_TERM) out.push({ field: 'term', code: 'tooLong', arg: String(MAX_TERM) });
  const seen = new Set(term ? [foldChars(term)] : []);
  for (const a of splitList(d.aliases)) {
    if (QUOTES.test(a)) out.push({ field: 'aliases', code: 'quotes', arg: a });
    else if (a.length > MAX_TERM) out.push({ field: 'aliases', code: 'tooLong', arg: String(MAX_TERM) });
    else if (seen.has(foldChars(a))) out.push({ field: 'aliases', code: 'duplicate', arg: a });
    seen.add(foldChars(a));
  }
  if (!d.definition.trim()) out.push({ field: 'definition', code: 'required' });
  if (!d.gloss.trim()) out.push({ field: 'gloss', code: 'required' });
  if (d.level !== 'national' && !d.region.trim()) out.push({ field: 'region', code: 'required' });
  if (d.year.trim() && !yearOk(d.year, now)) out.push({ field: 'year', code: 'year' });
  if (!d.sourceTitle.trim()) out.push({ field: 'sourceTitle', code: 'required' });
  if (!d.sourceIssuer.trim()) out.push({ field: 'sourceIssuer', code: 'required' });
  if (!d.sourceYear.trim()) out.push({ field: 'sourceYear', code: 'required' });
  else if (!yearOk(d.sourceYear, now)) out.push({ field: 'sourceYear', code: 'year' });
  if (d.sourceUrl.trim() && !/^https?:\/\/\S+$/.test(d.sourceUrl.trim())) out.push({ field: 'sourceUrl', code: 'url' });
  if (out.length) return out;

  const entry = entryFromDraft(d, id, base);
  for (const c of surfaceClashes(bundled, records, [entry])) {
    out.push({ field: foldChars(c.surface) === foldChars(term) ? 'term' : 'aliases', code: 'taken', arg: `${c.surface}|${c.ownerTerm}` });
  }
  // The schema's own check, so the form can never store what an import would refuse.
  for (const msg of validateEntry(entry)) out.push({ field: 'entry', code: 'invalid', arg: msg });
  return out;
}

/** An id for a new entry of the user's own: ascii (the schema's id rule), never a bundled id. */
export function newUserId(taken: (id: string) => boolean, now = Date.now()): string {
  const base = `user-${now.toString(36)}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

// ---------------------------------------------------------------------------------------------
// Export and import

export function exportGlossary(records: readonly UserEntry[]): GlossaryFile {
  const entries = [...records]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r): ExportedEntry => (r.hidden ? { ...cleanEntry(r), hidden: true } : cleanEntry(r)));
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, entries };
}

export type ImportProblemCode =
  | 'tooLarge'
  | 'notJson'
  | 'foreign'
  | 'library'
  | 'version'
  | 'noEntries'
  | 'tooMany'
  | 'invalid'
  | 'duplicateId'
  | 'duplicateSurface'
  | 'taken';

export interface ImportProblem {
  code: ImportProblemCode;
  /** 1-based position of the entry in the file. */
  entry?: number;
  term?: string;
  /** validateEntry's message, the surface, the other entry's term or the version found. */
  detail?: string;
}

export type ParsedFile = { ok: true; entries: UserEntry[] } | { ok: false; problems: ImportProblem[] };

/**
 * Reads an export file. Anything that is not a Report Lens glossary file of a known version, or
 * that holds an entry the schema refuses, or two entries with one id or one surface, is refused as a
 * whole: an import either applies completely or changes nothing.
 */
export function parseGlossaryFile(text: string): ParsedFile {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problems: [{ code: 'tooLarge', detail: String(MAX_IMPORT_BYTES) }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ code: 'notJson', detail: e instanceof Error ? e.message : String(e) }] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as Record<string, unknown>).format !== EXPORT_FORMAT) {
    // The library's export, dropped here by mistake: said so, with where it belongs.
    return { ok: false, problems: [{ code: (data as Record<string, unknown> | null)?.format === LIBRARY_EXPORT_FORMAT ? 'library' : 'foreign' }] };
  }
  const file = data as Record<string, unknown>;
  if (file.version !== EXPORT_VERSION) return { ok: false, problems: [{ code: 'version', detail: String(file.version) }] };
  if (!Array.isArray(file.entries)) return { ok: false, problems: [{ code: 'noEntries' }] };
  if (file.entries.length > MAX_IMPORT_ENTRIES) return { ok: false, problems: [{ code: 'tooMany', detail: String(MAX_IMPORT_ENTRIES) }] };

  const problems: ImportProblem[] = [];
  const entries: UserEntry[] = [];
  const ids = new Set<string>();
  const surfaces = new Set<string>();
  file.entries.forEach((raw: unknown, i) => {
    const n = i + 1;
    const term = raw && typeof raw === 'object' && typeof (raw as GlossaryEntry).term === 'string' ? (raw as GlossaryEntry).term : undefined;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ code: 'invalid', entry: n, detail: 'entry is not an object' });
      return;
    }
    const { hidden, ...rest } = raw as Record<string, unknown>;
    // validateEntry names the entry in every message; the problem already carries its number and term.
    const name = typeof rest.id === 'string' && rest.id ? rest.id : term !== undefined ? `(${term})` : '(no id)';
    const errors = validateEntry(rest).map((m) => (m.startsWith(`${name}: `) ? m.slice(name.length + 2) : m));
    if (hidden !== undefined && typeof hidden !== 'boolean') errors.push('hidden must be true or false');
    if (errors.length) {
      for (const detail of errors) problems.push({ code: 'invalid', entry: n, term, detail });
      return;
    }
    const entry = cleanEntry(rest as unknown as GlossaryEntry);
    if (ids.has(entry.id)) {
      problems.push({ code: 'duplicateId', entry: n, term, detail: entry.id });
      return;
    }
    ids.add(entry.id);
    if (hidden !== true) {
      for (const s of new Set(surfacesOf(entry).map(foldChars))) {
        if (surfaces.has(s)) problems.push({ code: 'duplicateSurface', entry: n, term, detail: s });
        else surfaces.add(s);
      }
    }
    entries.push({ ...entry, hidden: hidden === true });
  });
  return problems.length ? { ok: false, problems } : { ok: true, entries };
}

/**
 * Problems the parsed entries would cause next to what is stored: a surface another visible entry
 * (bundled, or a stored user entry the file does not replace) already claims.
 */
export function importClashes(entries: readonly UserEntry[], bundled: readonly GlossaryEntry[], stored: readonly UserEntry[]): ImportProblem[] {
  const replaced = new Set(entries.map((e) => e.id));
  const after = [...stored.filter((r) => !replaced.has(r.id)), ...entries];
  const position = new Map(entries.map((e, i) => [e.id, i + 1]));
  return surfaceClashes(bundled, after, entries).map((c) => ({
    code: 'taken',
    entry: position.get(c.id),
    term: entries.find((e) => e.id === c.id)?.term,
    detail: `${c.surface}|${c.ownerTerm}`,
  }));
}

// ---------------------------------------------------------------------------------------------
// Opening the editor from a page

/** What the tooltip's "add to my glossary" button hands to the options page. */
export interface AddEntryRequest {
  term: string;
  /** The sentence the term stood in. */
  context: string;
  /** The page, as the new entry's first source. */
  url: string;
  title: string;
  /** The page's year (ReportInfo.year), or null when it has none. */
  year: number | null;
}

/** The options page's hash for a new entry: `#add=TERM&context=…&url=…&title=…&year=…`. */
export function addEntryHash(r: AddEntryRequest): string {
  return '#' + new URLSearchParams({ add: r.term, context: r.context, url: r.url, title: r.title, ...(r.year !== null ? { year: String(r.year) } : {}) }).toString();
}

export function parseAddEntryHash(hash: string): AddEntryRequest | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const term = p.get('add')?.trim();
  if (!term) return null;
  const year = Number(p.get('year'));
  return { term, context: p.get('context') ?? '', url: p.get('url') ?? '', title: p.get('title') ?? '', year: Number.isInteger(year) && year > 0 ? year : null };
}

// ---------------------------------------------------------------------------------------------
// Search

/** Entries whose term, aliases, gloss, English term, definition or id contain the query, in any script. */
export function searchEntries<T extends { entry: GlossaryEntry }>(rows: readonly T[], query: string): T[] {
  const q = foldChars(query.trim()).toLowerCase();
  if (!q) return [...rows];
  const words = q.split(/\s+/);
  return rows.filter(({ entry: e }) => {
    const hay = foldChars([e.term, ...e.aliases, e.gloss, e.english ?? '', e.definition, e.id].join('\n')).toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
