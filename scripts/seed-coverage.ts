/**
 * `npx tsx scripts/seed-coverage.ts [--markdown]`: the seed coverage figure — the share of quoted
 * numeric slogans in the five seed pages (tests/fixtures/seeds/*.txt) that the bundled glossary
 * defines. Prints a summary; `--markdown` prints the tables for glossary/SEED-COVERAGE.md.
 *
 * Candidates are found by the extension's own rules (lib/glossary/unknown.ts, asked with nothing
 * known, so it returns every quoted numeric slogan instead of only the undefined ones); a candidate
 * is defined when a span of the bundled matcher covers it whole — exactly what the extension
 * highlights with a glossary tooltip instead of 未收录. For comparison it also counts the slogans
 * only the page's own 名词解释 section explains (seed 004 has one). Run `npm run generate` first after
 * editing glossary/*.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledMatcher } from '../lib/glossary/bundled';
import { matchTerms } from '../lib/glossary/match';
import { pageTermSpans, parsePageGlossary } from '../lib/glossary/page';
import { findUnknownSlogans } from '../lib/glossary/unknown';
import { foldText } from '../lib/text/normalize';

const SEEDS = resolve(import.meta.dirname, '../tests/fixtures/seeds');

type Status = 'defined' | 'page' | 'partly' | 'undefined';

interface Slogan {
  /** Folded (simplified) text: slogans are counted once whatever the script. */
  key: string;
  status: Status;
  /** Entry ids whose spans cover or touch it. */
  entries: Set<string>;
  /** Seed number → occurrences. */
  seeds: Map<string, number>;
}

const slogans = new Map<string, Slogan>();
const occurrences: Record<Status, number> = { defined: 0, page: 0, partly: 0, undefined: 0 };
const rank: Record<Status, number> = { undefined: 0, partly: 1, page: 2, defined: 3 };

const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
for (const file of files) {
  const seed = file.slice(0, 3);
  const text = readFileSync(join(SEEDS, file), 'utf8');
  const folded = foldText(text);
  const terms = matchTerms(folded, bundledMatcher());
  const pageGlossary = parsePageGlossary(text);
  const pageSpans = pageTermSpans(folded, pageGlossary);
  const covers = (list: ReadonlyArray<{ start: number; end: number }>, u: { start: number; end: number }) =>
    list.some((t) => t.start <= u.start && t.end >= u.end);
  for (const u of findUnknownSlogans(text, folded, [])) {
    const touching = terms.filter((t) => t.start < u.end && t.end > u.start);
    // A span may run past the quote (“五好”园区 is read as 五好园区): covering the slogan is enough.
    const status: Status = covers(touching, u)
      ? 'defined'
      : covers(pageSpans, u) || covers(pageGlossary, u)
        ? 'page'
        : touching.length
          ? 'partly'
          : 'undefined';
    occurrences[status]++;
    // foldText, not foldChars: it also drops pinyin residue (两网(wǎng)工程 → 两网工程).
    const key = foldText(u.text).folded;
    let s = slogans.get(key);
    if (!s) slogans.set(key, (s = { key, status, entries: new Set(), seeds: new Map() }));
    // The same slogan can be read differently in two places (a longer term around it in one);
    // it counts as defined if the extension explains it anywhere.
    if (rank[status] > rank[s.status]) s.status = status;
    for (const t of touching) if (t.entry) s.entries.add(t.entry);
    s.seeds.set(seed, (s.seeds.get(seed) ?? 0) + 1);
  }
}

const all = [...slogans.values()];
const count = (st: Status) => all.filter((s) => s.status === st).length;
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const total = all.length;
const totalOcc = Object.values(occurrences).reduce((a, b) => a + b, 0);

const perSeed = files.map((f) => {
  const seed = f.slice(0, 3);
  const own = all.filter((s) => s.seeds.has(seed));
  const defined = own.filter((s) => s.status === 'defined').length;
  return { seed, defined, total: own.length };
});

console.log(`Seed coverage (${files.length} seeds, bundled glossary of ${bundledMatcher().ids.length} entries)`);
console.log(`  distinct quoted numeric slogans: ${total}`);
console.log(`  defined by the bundled glossary: ${count('defined')} (${pct(count('defined'), total)})`);
console.log(`  defined only by the page's own 名词解释 section: ${count('page')}`);
console.log(`  partly covered (a defined term inside or overlapping): ${count('partly')}`);
console.log(`  not defined (marked 未收录): ${count('undefined')} (${pct(count('undefined'), total)})`);
console.log(`  by occurrence: ${occurrences.defined} of ${totalOcc} defined (${pct(occurrences.defined, totalOcc)})`);
for (const p of perSeed) console.log(`  seed ${p.seed}: ${p.defined} of ${p.total} (${pct(p.defined, p.total)})`);

if (process.argv.includes('--markdown')) {
  const seedsOf = (s: Slogan) => [...s.seeds.keys()].sort().join(',');
  const order = (a: Slogan, b: Slogan) => rank[b.status] - rank[a.status] || seedsOf(a).localeCompare(seedsOf(b)) || a.key.localeCompare(b.key);
  console.log('\n| quoted slogan (simplified) | seeds | status | entries |\n| --- | --- | --- | --- |');
  for (const s of all.sort(order)) console.log(`| ${s.key} | ${seedsOf(s)} | ${s.status} | ${[...s.entries].sort().join(', ')} |`);
}
