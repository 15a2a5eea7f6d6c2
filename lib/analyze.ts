import { detectReport, extractRegion } from './detect/report';
import { extractTargets } from './extract/targets';
import { matchTerms, type Matcher } from './glossary/match';
import { pageEntryIndex, pageTermSpans, parsePageGlossary } from './glossary/page';
import { findUnknownSlogans } from './glossary/unknown';
import { foldChars, foldText, type FoldedText } from './text/normalize';
import { detectScript, type Script } from './text/script';
import type { PageGlossaryEntry, PageInput, ReportInfo, Target, TermSpan } from './types';

/** Everything the core finds on one page. Offsets index `input.text`. */
export interface PageAnalysis {
  report: ReportInfo;
  script: Script;
  /** Sorted by start, non-overlapping. */
  terms: TermSpan[];
  pageGlossary: PageGlossaryEntry[];
  targets: Target[];
}

export interface AnalyzeOptions {
  matchers: Matcher[];
  /** Annotate even when the page is not recognised as a report (the user asked for it). */
  force?: boolean;
}

/**
 * The one pass of the core over a page's text: fold once, then every stage reads the folded text.
 * Unknown-slogan marks and targets only come from recognised reports (or a forced run), so a novel
 * or a README never gets 未收录 marks.
 */
export function analyzePage(input: PageInput, options: AnalyzeOptions): PageAnalysis {
  return beginAnalysis(input, options.force === true).finish(options.matchers);
}

/** The part of {@link analyzePage} that needs no matchers, and the calls that complete it. */
export interface PendingAnalysis {
  /** Whether the page gets terms and targets at all (a report, or a forced run). */
  readonly annotate: boolean;
  /** Matches the terms; targets are included unless `withTargets` is false (then `[]`, see {@link targets}). */
  finish(matchers: Matcher[], withTargets?: boolean): PageAnalysis;
  /** The page's targets (computed once, on first call). */
  targets(): Target[];
}

/**
 * Everything of {@link analyzePage} that does not need the matchers — fold, recognition, page
 * glossary — done now; `finish` matches the terms. The background runs this while the user's
 * glossary is still being read from IndexedDB, so that read's latency overlaps CPU work, and it
 * may leave the targets for later: highlights need only the terms, and extraction is the
 * costliest stage (about half of the pass in a lukewarm service worker).
 */
export function beginAnalysis(input: PageInput, force: boolean): PendingAnalysis {
  const folded = foldText(input.text);
  const report = detectReport(input, folded);
  const script = detectScript(input.text);
  const pageGlossary = parsePageGlossary(input.text);
  // A page that is not a report gets nothing marked: a novel quoting 六稳 is not annotated unless
  // the user asks for it.
  const annotate = report.isReport || force;
  let targets: Target[] | undefined;
  const targetsOnce = (): Target[] => {
    if (targets) return targets;
    // Targets read the same folded text (no second fold); they do not depend on the terms.
    // A <place><year>目标任务 page is the place's list of the year's targets: the detector knows it by its title.
    const yearList = report.kind === 'goals' && report.reasons.some((r) => r.endsWith(':目标任务'));
    targets = annotate ? extractTargets({ text: input.text, headings: input.headings, year: report.year, folded, yearList }) : [];
    assignTargetRegions(targets, report);
    return targets;
  };
  return {
    finish(matchers: Matcher[], withTargets = true): PageAnalysis {
      const terms = annotate ? collectTerms(folded, matchers, pageGlossary, true) : [];
      return { report, script, terms, pageGlossary, targets: withTargets ? targetsOnce() : [] };
    },
    annotate,
    targets: targetsOnce,
  };
}

/**
 * Each target belongs to the region of the report it sits in. The first element of its section path
 * is that report's title (2022年邵阳市政府工作报告 ›…), so on a page holding several reports each
 * target gets its own city; elsewhere it is the page's region. The path is in the page's script
 * (衡南縣2022年政府工作報告) and read folded, so a mirror's mixed forms (規划) count as well.
 */
export function assignTargetRegions(targets: Target[], report: ReportInfo): void {
  const byHead = new Map<string, string | null>();
  for (const t of targets) {
    const head = foldChars(t.section.split(' › ')[0] ?? '');
    let key = byHead.get(head);
    if (key === undefined) {
      key = /报告|规划|建议/.test(head) ? (extractRegion(head)?.regionKey ?? null) : null;
      byHead.set(head, key);
    }
    t.regionKey = key ?? report.regionKey;
  }
}

export function collectTerms(
  folded: FoldedText,
  matchers: Matcher[],
  pageGlossary: PageGlossaryEntry[],
  withUnknown: boolean,
): TermSpan[] {
  let spans: TermSpan[] = [];
  for (const m of matchers) spans = mergeSpans(spans, matchTerms(folded, m));
  if (pageGlossary.length) spans = mergeSpans(spans, pageTermSpans(folded, pageGlossary));
  if (withUnknown) {
    // The page's own glossary section counts as known: its terms are defined right there.
    const unknown = findUnknownSlogans(folded.original, folded, [...spans, ...pageGlossary]).map(
      (u): TermSpan => ({ start: u.start, end: u.end, text: u.text, source: 'unknown', entry: null }),
    );
    spans = mergeSpans(spans, unknown);
  }
  // Entries the user hid go only now: until here their spans count as known, so a hidden slogan is
  // not marked 未收录 instead, and nothing shorter or page-local takes its place.
  const hiders = matchers.filter((m) => m.hidden?.size);
  if (hiders.length) spans = spans.filter((s) => !s.entry || !hiders.some((m) => m.hidden!.has(s.entry!)));
  if (pageGlossary.length) {
    for (const span of spans) {
      if (span.source === 'unknown') continue;
      // One map lookup per span (a scan of the entries per span was quadratic on a huge 名词解释).
      const k = pageEntryIndex(pageGlossary, span.text);
      if (k >= 0) span.pageEntry = k;
    }
  }
  return spans;
}

/** Merges two sorted span lists; on overlap the first list wins (earlier matchers take precedence). */
export function mergeSpans(a: TermSpan[], b: TermSpan[]): TermSpan[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const out: TermSpan[] = [];
  let j = 0;
  let lastEnd = -1;
  const push = (s: TermSpan) => {
    out.push(s);
    lastEnd = s.end;
  };
  for (const s of a) {
    while (j < b.length && b[j]!.start < s.start) {
      const t = b[j++]!;
      if (t.start >= lastEnd && t.end <= s.start) push(t);
    }
    push(s);
  }
  while (j < b.length) {
    const t = b[j++]!;
    if (t.start >= lastEnd) push(t);
  }
  return out;
}
