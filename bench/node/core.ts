import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage, collectTerms } from '../../lib/analyze';
import { textPageInput } from '../../lib/cli/input';
import { detectReport } from '../../lib/detect/report';
import { extractTargets } from '../../lib/extract';
import { bundledIndex, bundledMatcher } from '../../lib/glossary/bundled';
import { matchTerms } from '../../lib/glossary/match';
import { parsePageGlossary } from '../../lib/glossary/page';
import { foldText } from '../../lib/text/normalize';
import { alternation, regexSpans, surfacesOf } from '../lib/regex';
import { mbps, median, round, time } from '../lib/stats';

/**
 * The core in Node, stage by stage, on each seed text and on a 1 MB text made of the seeds, with the
 * RegExp-alternation matcher timed in the same loop. Stages are interleaved within each repetition,
 * so drift (JIT, GC, a busy neighbour) hits every stage and the baseline alike.
 */

export interface CoreStage {
  ms: number;
  mbps: number;
  /** What the stage produced, as a sanity check between runs (spans, targets…). */
  count?: number;
}

export interface CoreResult {
  text: string;
  bytes: number;
  units: number;
  isReport: boolean;
  stages: Record<string, CoreStage>;
  /** Throughput of our matcher over the RegExp alternation's (> 1: ours is faster). */
  matchVsRegex: number;
}

export interface CoreOptions {
  warmup: number;
  repeats: number;
  root: string;
}

export const STAGES = ['foldText', 'matchTerms', 'regexAlternation', 'collectTerms', 'detectReport', 'extractTargets', 'analyzePage'] as const;

export function seedTexts(root: string): { name: string; text: string }[] {
  const dir = join(root, 'tests/fixtures/seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `seed ${f.slice(0, 3)}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** The seeds concatenated, in order and again, until the UTF-8 size reaches 1 MB. */
export function megabyteText(seeds: { text: string }[]): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 1_000_000; i++) {
    const t = seeds[i % seeds.length]!.text;
    parts.push(t);
    bytes += Buffer.byteLength(t) + 1;
  }
  return parts.join('\n');
}

export function benchCore(opts: CoreOptions, log: (s: string) => void): CoreResult[] {
  const seeds = seedTexts(opts.root);
  const texts = [...seeds, { name: '1 MB (seeds concatenated)', text: megabyteText(seeds) }];
  const matcher = bundledMatcher();
  const re = alternation(surfacesOf(bundledIndex()));
  const out: CoreResult[] = [];
  for (const { name, text } of texts) {
    log(`node: ${name}`);
    const bytes = Buffer.byteLength(text);
    const input = textPageInput(text);
    const folded = foldText(text);
    const pageGlossary = parsePageGlossary(text);
    const year = detectReport(input, folded).year;
    const samples: Record<string, number[]> = Object.fromEntries(STAGES.map((s) => [s, []]));
    const counts: Record<string, number> = {};
    let isReport = false;
    // Small texts cost microseconds per stage, so they get more repetitions (the median needs them
    // on a busy machine); the 1 MB text takes a good fraction of a second per repetition.
    const scale = bytes < 100_000 ? 3 : bytes < 500_000 ? 1 : 1 / 3;
    const repeats = Math.max(3, Math.round(opts.repeats * scale));
    const warmup = Math.max(1, Math.round(opts.warmup * Math.min(1, scale * 2)));
    for (let r = 0; r < warmup + repeats; r++) {
      const t: Record<string, number> = {
        foldText: time(() => foldText(text)),
        matchTerms: time(() => (counts.matchTerms = matchTerms(folded, matcher).length)),
        regexAlternation: time(() => (counts.regexAlternation = regexSpans(folded, re).length)),
        collectTerms: time(() => (counts.collectTerms = collectTerms(folded, [matcher], pageGlossary, true).length)),
        detectReport: time(() => (isReport = detectReport(input, folded).isReport)),
        extractTargets: time(() => (counts.extractTargets = extractTargets({ text, headings: input.headings, year }).length)),
        analyzePage: time(() => (counts.analyzePage = analyzePage(input, { matchers: [matcher] }).terms.length)),
      };
      if (r >= warmup) for (const s of STAGES) samples[s]!.push(t[s]!);
    }
    const stages: Record<string, CoreStage> = {};
    for (const s of STAGES) {
      const ms = median(samples[s]!);
      stages[s] = { ms: round(ms, 3), mbps: round(mbps(bytes, ms), 1), ...(counts[s] !== undefined ? { count: counts[s] } : {}) };
    }
    out.push({
      text: name,
      bytes,
      units: text.length,
      isReport,
      stages,
      matchVsRegex: round(stages.regexAlternation!.ms / stages.matchTerms!.ms, 2),
    });
  }
  return out;
}
