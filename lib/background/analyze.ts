import { beginAnalysis, collectTerms, type PageAnalysis } from '../analyze';
import { bundledMatcher } from '../glossary/bundled';
import type { Matcher } from '../glossary/match';
import { MAX_PAGE_TEXT } from '../messaging/validate';
import { foldText } from '../text/normalize';
import type { PageGlossaryEntry, PageInput, TermSpan } from '../types';

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

export async function analyzeInBackground(input: PageInput, force: boolean, truncated: boolean): Promise<PageAnalysis> {
  // The user's glossary is read from IndexedDB (the first read in a fresh service worker opens the
  // database, ~100 ms); start it first, so it runs while the CPU-bound part of the analysis does.
  const pendingMatchers = matchers();
  pendingMatchers.catch(() => {});
  const pending = beginAnalysis(input, force);
  const analysis = pending.finish(await pendingMatchers);
  if (truncated) analysis.report.reasons.push(`truncated:${MAX_PAGE_TEXT}`);
  return analysis;
}

export async function matchTextInBackground(text: string, pageGlossary: PageGlossaryEntry[]): Promise<TermSpan[]> {
  return collectTerms(foldText(text), await matchers(), pageGlossary, true);
}
