import Dexie from 'dexie';
import { validateEntry } from '../glossary/compile.mjs';
import {
  cleanEntry,
  exportGlossary,
  importClashes,
  parseGlossaryFile,
  sameContent,
  surfaceClashes,
  userMatcher,
  type Clash,
  type GlossaryFile,
  type ImportProblem,
} from '../glossary/user';
import type { Matcher } from '../glossary/match';
import { foldChars } from '../text/normalize';
import type { GlossaryEntry } from '../types';
import type { ReportLensDB, UserEntryRecord } from './schema';

/*
 * The user glossary in the extension's database. The options page (extension origin) calls these
 * directly; the background only reads, to answer the content script. The rules live in
 * lib/glossary/user.ts; this file only applies them in transactions.
 */

export class UserEntryError extends Error {
  override name = 'UserEntryError';
}

/**
 * Showing an entry would give one of its surfaces a second visible owner: the matcher could only ever
 * show one of them, and the user's own export would no longer import (importClashes refuses it).
 */
export class SurfaceTakenError extends UserEntryError {
  override name = 'SurfaceTakenError';
  constructor(
    readonly id: string,
    readonly term: string,
    readonly clashes: Clash[],
  ) {
    super(`cannot show ${term} (${id}): ${clashes.map((c) => `“${c.surface}” already belongs to “${c.ownerTerm}” (${c.ownerId})`).join('; ')}`);
  }
}

export function listUserEntries(db: ReportLensDB): Promise<UserEntryRecord[]> {
  return db.userEntries.toArray();
}

const cache = new WeakMap<ReportLensDB, { key: string; matcher: Matcher | null }>();

/**
 * The user's matcher for the pipeline, from the table as it is now. Reading a few hundred rows is
 * cheap; building the matcher's tables is not, so it is rebuilt only when a row changed. The
 * background reads through {@link liveUserMatcher}, which reads only after a change.
 */
export async function userMatcherFor(db: ReportLensDB): Promise<Matcher | null> {
  const records = await db.userEntries.toArray();
  const key = records.map((r) => `${r.id}:${r.updatedAt}:${r.hidden ? 1 : 0}`).join('|');
  let hit = cache.get(db);
  if (hit?.key !== key) cache.set(db, (hit = { key, matcher: userMatcher(records) }));
  return hit.matcher;
}

/**
 * The user's matcher as {@link userMatcherFor} reads it, kept from one page to the next and dropped when
 * the table changes. Dexie posts every committed write to the origin's other contexts (BroadcastChannel,
 * its 'storagemutated' event), so the options page's edits reach the background that holds this. Saves
 * reading the table for each page: profiled on seed 003, that read took 2–10 ms of the content script's
 * wait for its reply. A restarted worker starts empty and reads the table again.
 */
export function liveUserMatcher(db: ReportLensDB): { get(): Promise<Matcher | null>; stop(): void } {
  let current: Promise<Matcher | null> | null = null;
  const prefix = `idb://${db.name}/userEntries/`;
  const onMutated = (parts: Record<string, unknown>) => {
    // 'all': Dexie's signal that anything may have changed (a page restored from the bfcache).
    if (Object.keys(parts).some((k) => k === 'all' || k.startsWith(prefix))) current = null;
  };
  Dexie.on('storagemutated', onMutated);
  return {
    get() {
      if (!current) {
        const read = userMatcherFor(db);
        current = read;
        // A failed read is not kept: the next page tries again.
        read.catch(() => {
          if (current === read) current = null;
        });
      }
      return current;
    },
    stop: () => Dexie.on.storagemutated.unsubscribe(onMutated),
  };
}

/**
 * Stores an own entry or an override of `bundled`. An override equal to the bundled entry is no
 * override: its record goes (unless it hides the entry), so later glossary updates reach the user.
 */
export async function saveUserEntry(db: ReportLensDB, entry: GlossaryEntry, bundled: GlossaryEntry | undefined, now = Date.now()): Promise<void> {
  const errors = validateEntry(entry);
  if (errors.length) throw new UserEntryError(errors.join('; '));
  await db.transaction('rw', db.userEntries, async () => {
    const existing = await db.userEntries.get(entry.id);
    const hidden = existing?.hidden ?? false;
    if (bundled && !hidden && sameContent(entry, bundled)) await db.userEntries.delete(entry.id);
    else await db.userEntries.put({ ...cleanEntry(entry), hidden, updatedAt: now });
  });
}

/**
 * Hides or shows an entry; `bundled` is the whole bundled glossary. Showing a bundled entry whose record
 * holds no edit drops the record. Showing runs the rule saving runs (surfaceClashes): while the entry
 * was hidden its surfaces were free, and the user may have given one to an entry of their own, so a
 * clash refuses the change with a {@link SurfaceTakenError} and nothing is written.
 */
export async function setUserEntryHidden(db: ReportLensDB, id: string, hidden: boolean, bundled: readonly GlossaryEntry[], now = Date.now()): Promise<void> {
  const shipped = bundled.find((e) => e.id === id);
  await db.transaction('rw', db.userEntries, async () => {
    const existing = await db.userEntries.get(id);
    const base = existing ?? shipped;
    if (!base) throw new UserEntryError(`no entry ${id}`);
    if (!hidden) {
      // An override keeps the bundled surfaces too (the bundled matcher still finds them for this id),
      // so both are checked. cleanEntry drops the record's `hidden`, which would exempt it from the check.
      const focus = [cleanEntry(base), ...(existing && shipped ? [shipped] : [])];
      const seen = new Set<string>();
      const clashes = surfaceClashes(bundled, await db.userEntries.toArray(), focus).filter((c) => {
        // The record and the bundled entry usually share their term: one clash per surface and owner.
        const key = `${foldChars(c.surface)}|${c.ownerId}`;
        return !seen.has(key) && !!seen.add(key);
      });
      if (clashes.length) throw new SurfaceTakenError(id, base.term, clashes);
    }
    if (!hidden && shipped && sameContent(base, shipped)) await db.userEntries.delete(id);
    else await db.userEntries.put({ ...cleanEntry(base), hidden, updatedAt: now });
  });
}

/** Deletes the user's record: an own entry is gone, a bundled one is back as shipped. */
export async function deleteUserEntry(db: ReportLensDB, id: string): Promise<void> {
  await db.userEntries.delete(id);
}

export async function exportUserGlossary(db: ReportLensDB): Promise<GlossaryFile> {
  return exportGlossary(await db.userEntries.toArray());
}

export type ImportResult = { ok: true; added: number; replaced: number } | { ok: false; problems: ImportProblem[] };

/**
 * Imports an export file: entries with a stored id replace it, the others are added. Checked first
 * (lib/glossary/user.ts) and written in one transaction, so a refused file changes nothing.
 */
export async function importUserGlossary(db: ReportLensDB, text: string, bundled: readonly GlossaryEntry[], now = Date.now()): Promise<ImportResult> {
  const parsed = parseGlossaryFile(text);
  if (!parsed.ok) return parsed;
  return db.transaction('rw', db.userEntries, async (): Promise<ImportResult> => {
    const stored = await db.userEntries.toArray();
    const problems = importClashes(parsed.entries, bundled, stored);
    if (problems.length) return { ok: false, problems };
    const storedIds = new Set(stored.map((r) => r.id));
    await db.userEntries.bulkPut(parsed.entries.map((e) => ({ ...e, updatedAt: now })));
    const replaced = parsed.entries.filter((e) => storedIds.has(e.id)).length;
    return { ok: true, added: parsed.entries.length - replaced, replaced };
  });
}
