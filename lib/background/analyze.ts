import { beginAnalysis, collectTerms } from '../analyze';
import { bundledMatcher } from '../glossary/bundled';
import type { Matcher } from '../glossary/match';
import type { ReportedTarget, TermsFirstAnalysis } from '../messaging/protocol';
import { reportedTargets } from '../messaging/report-limits';
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
 * Deferred analyses whose targets the background holds: the content script fetches them (pageTargets)
 * only when it needs them in the page (the popup, a jump to a target); its report of the page names the
 * token instead (reportPage), and the background adds the targets itself. Bounded by count and by
 * text: a token nobody uses (a page closed meanwhile, a frame check whose targets are not used) is
 * dropped once newer ones arrive, the oldest first. A worker restart loses them all; the content script
 * then asks for the whole analysis again.
 */
interface Held {
  /** The document whose analysis it is (lib/messaging/senders: senderDocument); null when unknown. */
  owner: string | null;
  /** The tab whose top frame it is; null for a frame or an unknown sender. */
  tab: number | null;
  /** The text the targets' offsets point into (their report quotes the text around each). */
  text: string;
  /** Extracts them on first use; afterwards the list alone is kept, not the fold it was read from. */
  extract: (() => Target[]) | null;
  targets: Target[] | null;
}
const later = new Map<string, Held>();
const LATER_MAX = 32;
/** Characters of page text held in all: one longest page an analysis reads. */
const LATER_CHARS = MAX_PAGE_TEXT;
let laterChars = 0;

function hold(token: string, held: Held): void {
  later.set(token, held);
  laterChars += held.text.length;
  while (later.size > LATER_MAX || (laterChars > LATER_CHARS && later.size > 1)) {
    const [oldest, h] = later.entries().next().value!;
    later.delete(oldest);
    laterChars -= h.text.length;
  }
}

function targetsOf(held: Held): Target[] {
  if (!held.targets) {
    held.targets = held.extract!();
    held.extract = null;
  }
  return held.targets;
}

/**
 * With `deferTargets`, the reply carries the terms only: the highlights wait for the fold, recognition
 * and matching, not for extraction, which is half the work of a pass in a lukewarm service worker
 * (profiled on seed 003: ~23 of ~67 ms). The targets are extracted when the content script asks for
 * them, after it has painted: extracted right away, they competed for the CPU with that paint — a
 * trace on 2 cores showed the paint's task at 63 ms wall for 15 ms of its thread's time.
 */
export async function analyzeInBackground(
  input: PageInput,
  force: boolean,
  truncated: boolean,
  deferTargets = false,
  owner: string | null = null,
  tab: number | null = null,
): Promise<TermsFirstAnalysis> {
  const started = performance.now();
  try {
    return await analyze(input, force, truncated, deferTargets, owner, tab);
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

async function analyze(
  input: PageInput,
  force: boolean,
  truncated: boolean,
  deferTargets: boolean,
  owner: string | null,
  tab: number | null,
): Promise<TermsFirstAnalysis> {
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
  hold(token, { owner, tab, text: input.text, extract: pending.targets, targets: null });
  return { ...analysis, targetsToken: token };
}

/**
 * The targets of a deferred analysis, for the page: extracted now if its report has not asked yet.
 * Given once — the content script holds them from then on and reports them itself. Null when this
 * worker does not hold them (any more).
 */
export async function laterTargets(token: string, owner: string | null = null): Promise<Target[] | null> {
  const held = heldFor(token, owner);
  if (!held) return null;
  later.delete(token);
  laterChars -= held.text.length;
  return targetsOf(held);
}

/**
 * The targets of a deferred analysis as its page's report carries them, for a report that names the
 * token: the page then never receives them nor sends them back — on the 1 MB page 660 targets, whose
 * arrival, report and send made a 50–58 ms task on the page's main thread. Kept for the page's later
 * reports and its popup. Null when this worker does not hold them (any more).
 */
export function heldReportTargets(token: string, owner: string | null = null): ReportedTarget[] | null {
  const held = heldFor(token, owner);
  if (!held) return null;
  // Used again: it goes last, after the analyses of pages read since.
  later.delete(token);
  later.set(token, held);
  return reportedTargets(targetsOf(held), held.text);
}

/**
 * The same for the popup (or the library's save), which asks for a tab's state through this worker:
 * the token comes from that tab's own content script, and only that tab's top frame's analysis answers.
 */
export function heldTabTargets(token: string, tab: number): ReportedTarget[] | null {
  const held = later.get(token);
  return held && held.tab === tab ? reportedTargets(targetsOf(held), held.text) : null;
}

function heldFor(token: string, owner: string | null): Held | null {
  const held = later.get(token);
  return held && (held.owner === null || held.owner === owner) ? held : null;
}

export async function matchTextInBackground(text: string, pageGlossary: PageGlossaryEntry[]): Promise<TermSpan[]> {
  return collectTerms(foldText(text), await matchers(), pageGlossary, true);
}
