import type { GlossaryEntry } from '../types';

/**
 * The compiled index the content script loads (lib/generated/glossary-index.json).
 * `groups[c]` holds flat pairs `[foldedSurface, code, …]` for surfaces starting with the UTF-16 unit
 * `c`, longest first; `code` is the entry index k for an alias and -(k + 1) for the entry's term.
 * `terms[k]` is present only for terms that are not stored as their own surface.
 */
export interface GlossaryIndex {
  v: 1;
  ids: string[];
  terms: Record<string, string>;
  groups: Record<string, Array<string | number>>;
}

export function makeFold(foldPairs?: string): (s: string) => string;
export function compileGlossary(entries: GlossaryEntry[], foldPairs: string): { index: GlossaryIndex; full: GlossaryEntry[] };
export function validateEntry(entry: unknown): string[];
export function checkGlossary(entries: unknown[], foldPairs?: string): string[];
