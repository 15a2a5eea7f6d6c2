import { beginAnalysis, collectTerms } from '../analyze';
import { bundledMatcher } from '../glossary/bundled';
import type { Matcher } from '../glossary/match';
import type { TermsFirstAnalysis } from '../messaging/protocol';
import { MAX_PAGE_TEXT } from '../messaging/validate';
import { foldText } from '../text/normalize';
import type { PageGlossaryEntry, PageInput, Target, TermSpan } from '../types';

/**
 * The core pipeline runs here, in the extension's background, not in the page: the content script
 * only walks the DOM and paints, so it stays small on every report page and the page's main thread
 * never carries matching or extraction, however long the report.
 */

/** Matchers in precedence order; the user glossary (when it has entries) comes first. */
let extraMatchers: () => Promise<Matcher[]> = async () => [];

export function setUserMatchers(provider: () => Promise<Matcher[]>): void {
  extraMatchers = provider;
}

async function matchers(): Promise<Matcher[]> {
  return [...(await extraMatchers()), bundledMatcher()];
}


/**
 * Deferred analyses whose targets the content script has not fetched yet. Bounded: a token nobody
 * fetches (a page closed meanwhile, a frame check whose targets are not used) is dropped once newer
 * ones arrive. A worker restart loses them all; the content script then asks for the whole analysis again.
 */
const later = new Map<string, () => Target[]>();
const LATER_MAX = 16;

/**
 * With `deferTargets`, the reply carries the terms only: the highlights wait for the fold, recognition
 * and matching, not for extraction, which is half the work of a pass in a lukewarm service worker
 * (profiled on seed 003: ~23 of ~67 ms). The targets are extracted when the content script asks for
 * them, after it has painted: extracted right away, they competed for the CPU with that paint — a
 * trace on 2 cores showed the paint's task at 63 ms wall for 15 ms of its thread's time.
 */
export async function analyzeInBackground(input: PageInput, force: boolean, truncated: boolean, deferTargets = false): Promise<TermsFirstAnalysis> {
  const started = performance.now();
  try {
    return await analyze(input, force, truncated, deferTargets);
  } finally {
    measureAnalysis(started);
  }
}

/**
 * The worker's own time for the last analysis, as a user-timing measure (`npm run bench` tells the
 * content script's wait apart: this work against the two trips of the page text and the reply). Only
 * the last is kept: the worker may live for hours.
 */
function measureAnalysis(start: number): void {
  try {
    performance.clearMeasures('report-lens:analysis');
    performance.measure('report-lens:analysis', { start, end: performance.now() });
  } catch {
    // No user timing here (unit tests in Node without it): nothing to record.
  }
}

async function analyze(input: PageInput, force: boolean, truncated: boolean, deferTargets: boolean): Promise<TermsFirstAnalysis> {
  // The user's glossary is read from IndexedDB (the first read in a fresh service worker opens the
  // database, ~100 ms); start it first, so it runs while the CPU-bound part of the analysis does.
  const pendingMatchers = matchers();
  pendingMatchers.catch(() => {});
  const pending = beginAnalysis(input, force);
  const defer = deferTargets && pending.annotate;
  const analysis = pending.finish(await pendingMatchers, !defer);
  if (truncated) analysis.report.reasons.push(`truncated:${MAX_PAGE_TEXT}`);
  if (!defer) return analysis;
  const token = crypto.randomUUID();
  later.set(token, pending.targets);
  while (later.size > LATER_MAX) later.delete(later.keys().next().value!);
  return { ...analysis, targetsToken: token };
}

/** The targets of a deferred analysis, extracted now, once; null when this worker does not hold it (any more). */
export async function laterTargets(token: string): Promise<Target[] | null> {
  const targets = later.get(token);
  if (!targets) return null;
  later.delete(token);
  return targets();
}

export async function matchTextInBackground(text: string, pageGlossary: PageGlossaryEntry[]): Promise<TermSpan[]> {
  return collectTerms(foldText(text), await matchers(), pageGlossary, true);
}
