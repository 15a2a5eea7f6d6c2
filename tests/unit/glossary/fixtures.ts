// Test-only helpers: fixture loading, a small glossary compiled with the real fold table, and the
// page text of HTML fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import foldData from '../../../lib/generated/fold-table.json';
import { compileGlossary } from '../../../lib/glossary/compile.mjs';
import { createMatcher, type Matcher } from '../../../lib/glossary/match';
import type { GlossaryEntry } from '../../../lib/types';
import { pageInputFromHtml } from '../helpers/page-input';

export const FOLD_PAIRS = (foldData as { pairs: string }).pairs;

const root = fileURLToPath(new URL('../../fixtures', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export function seed(prefix: string): string {
  const names: Record<string, string> = {
    '000': '000_d8a3dfe0b7b7e560.txt',
    '001': '001_0d3b50ca717e674d.txt',
    '002': '002_bc3763cfde610e31.txt',
    '003': '003_50feab6190b6776d.txt',
    '004': '004_020949d135bebf3b.txt',
  };
  return fixture(`seeds/${names[prefix]}`);
}

/** A valid entry with defaults, for tests that only care about a few fields. */
export function entry(id: string, term: string, more: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id,
    term,
    aliases: [],
    components: [],
    definition: `${term}的定义`,
    gloss: `gloss of ${id}`,
    scope: { level: 'national' },
    related: [],
    sources: [{ title: '政府工作报告', issuer: '国务院', year: 2022 }],
    ...more,
  };
}

export function matcherFor(entries: GlossaryEntry[]): Matcher {
  return createMatcher(compileGlossary(entries, FOLD_PAIRS).index);
}

/** The page text of an HTML fixture, as the shared test helper builds it (blocks on their own lines). */
export function htmlToText(html: string): string {
  return pageInputFromHtml(html).text;
}
