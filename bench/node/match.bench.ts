// Matching throughput on seed 003 (218 KB): the compiled first-character index against a RegExp
// alternation over the same folded surfaces, in the same run. `npx tsx bench/node/match.bench.ts`
// (run `node scripts/generate.mjs` first). MB = 10^6 bytes of the page's UTF-8 text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import foldData from '../../lib/generated/fold-table.json';
import entriesData from '../../lib/generated/glossary-entries.json';
import { compileGlossary, makeFold } from '../../lib/glossary/compile.mjs';
import { createMatcher, matchTerms } from '../../lib/glossary/match';
import { parsePageGlossary } from '../../lib/glossary/page';
import { findUnknownSlogans } from '../../lib/glossary/unknown';
import { foldText } from '../../lib/text/normalize';
import type { GlossaryEntry } from '../../lib/types';
import { alternation as alternationOf, regexSpans as regexSpansOf } from '../lib/regex';

const root = join(import.meta.dirname, '../..');
const seeds = join(root, 'tests/fixtures/seeds');
const seedFiles = readdirSync(seeds).sort();
const text = readFileSync(join(seeds, seedFiles.find((f) => f.startsWith('003'))!), 'utf8');
const bytes = Buffer.byteLength(text, 'utf8');
const pairs = (foldData as { pairs: string }).pairs;

// The bundled glossary, widened with the slogans the seed pages define or quote, so the benchmark
// has a realistic number of surfaces even while the glossary data is still being written.
const bundled = entriesData as unknown as GlossaryEntry[];
const extra = new Set<string>();
for (const f of seedFiles) {
  const t = readFileSync(join(seeds, f), 'utf8');
  for (const e of parsePageGlossary(t)) extra.add(e.key);
  for (const u of findUnknownSlogans(t, foldText(t), [])) extra.add(foldText(u.text).folded);
}
const fold = makeFold(pairs);
const seen = new Set(bundled.flatMap((e) => [e.term, ...e.aliases].map(fold)));
const entries: GlossaryEntry[] = [...bundled];
let n = 0;
for (const s of extra) {
  if (seen.has(s)) continue;
  seen.add(s);
  entries.push({
    id: `bench-${n++}`, term: s, aliases: [], components: [], definition: '-', gloss: '-',
    scope: { level: 'national' }, related: [], sources: [],
  });
}
const { index } = compileGlossary(entries, pairs);
const matcher = createMatcher(index);
const surfaces = [...seen].sort((a, b) => b.length - a.length);
const alternation = alternationOf(surfaces);
const regexSpans = (folded: ReturnType<typeof foldText>) => regexSpansOf(folded, alternation);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};
const time = (fn: () => unknown) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

const folded = foldText(text);
const WARMUP = 10;
const REPEATS = 41;
const tFold: number[] = [];
const tOurs: number[] = [];
const tRegex: number[] = [];
let oursCount = 0;
let regexCount = 0;
for (let r = 0; r < WARMUP + REPEATS; r++) {
  // Interleaved so drift (JIT, GC, a busy neighbour) hits both sides alike.
  const a = time(() => foldText(text));
  const b = time(() => (oursCount = matchTerms(folded, matcher).length));
  const c = time(() => (regexCount = regexSpans(folded).length));
  if (r >= WARMUP) {
    tFold.push(a);
    tOurs.push(b);
    tRegex.push(c);
  }
}
const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
const indexJson = JSON.stringify(index);
const fmt = (ms: number) => `${ms.toFixed(2)} ms  ${mbps(ms).toFixed(1)} MB/s`;
console.log(`seed 003: ${(bytes / 1000).toFixed(0)} KB UTF-8, ${text.length} UTF-16 units`);
console.log(
  `glossary: ${entries.length} entries (${bundled.length} bundled), ${surfaces.length} surfaces; ` +
    `index ${(indexJson.length / 1000).toFixed(1)} KB raw, ${(gzipSync(indexJson).length / 1000).toFixed(1)} KB gzip ` +
    `(bundled alone: ${(gzipSync(JSON.stringify(compileGlossary(bundled, pairs).index)).length / 1000).toFixed(1)} KB gzip)`,
);
console.log(`median of ${REPEATS} after ${WARMUP} warm-up runs:`);
console.log(`  foldText             ${fmt(median(tFold))}`);
console.log(`  matchTerms (index)   ${fmt(median(tOurs))}  ${oursCount} spans`);
console.log(`  RegExp alternation   ${fmt(median(tRegex))}  ${regexCount} spans`);
console.log(`  ratio index/RegExp   ${(median(tRegex) / median(tOurs)).toFixed(2)}× throughput`);
