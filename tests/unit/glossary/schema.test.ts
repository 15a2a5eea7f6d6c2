import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGlossary } from '../../../lib/glossary/compile.mjs';
import { bundledIndex, bundledMatcher } from '../../../lib/glossary/bundled';
import { glossaryEntries, glossaryEntry } from '../../../lib/glossary/entries';
import { matchTerms } from '../../../lib/glossary/match';
import { foldText } from '../../../lib/text/normalize';
import { FOLD_PAIRS } from './fixtures';

// The glossary data is written separately from the code; these tests check whatever glossary/*.json
// exist now, and pass vacuously on a checkout without them.
const dir = fileURLToPath(new URL('../../../glossary', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (f: string): unknown[] => {
  const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entries?: unknown };
  expect(Array.isArray(data.entries), `${f} has an "entries" array`).toBe(true);
  return data.entries as unknown[];
};

describe('glossary/*.json', () => {
  it.each(files.length ? files : ['(none yet)'])('%s passes the schema on its own', (f) => {
    if (f === '(none yet)') return;
    const entries = load(f);
    // Related ids may point into other files; those are checked in the combined test below.
    const errors = checkGlossary(entries, FOLD_PAIRS).filter((e) => !/related id ".*" does not exist/.test(e));
    expect(errors).toEqual([]);
  });

  it('all files together pass checkGlossary (unique ids, unique surfaces, related ids exist)', () => {
    const entries = files.flatMap(load);
    expect(checkGlossary(entries, FOLD_PAIRS)).toEqual([]);
  });
});

describe('bundled glossary (lib/generated, from `node scripts/generate.mjs`)', () => {
  it('index and entries describe the same glossary', () => {
    const index = bundledIndex();
    expect(index.ids).toEqual(glossaryEntries().map((e) => e.id));
    for (const id of index.ids) expect(glossaryEntry(id)?.id).toBe(id);
  });

  it('every bundled term matches itself, in simplified and folded-traditional form', () => {
    const m = bundledMatcher();
    for (const e of glossaryEntries()) {
      // Surfaces are unique (checkGlossary), so a quoted term alone can only match its own entry.
      expect(matchTerms(foldText(`“${e.term}”`), m), e.term).toEqual([
        { start: 1, end: 1 + e.term.length, text: e.term, source: 'glossary', entry: e.id },
      ]);
    }
  });
});
