import type { Target } from '../types';
import type { ReportedTarget } from './protocol';

/**
 * The limits lib/messaging/validate.ts (parsePageReport, parseTarget, parseReportInfo) puts on a page
 * report. The background refuses a report with one value over its limit whole — no target of the page
 * is saved — so the report is built within them: display text is shortened (marked …), identifiers are
 * cut, lists keep their first items. tests/unit/dom/page-report.test.ts checks a report built at every
 * limit against the validator itself.
 */
export const REPORT_LIMITS = {
  url: 4096,
  title: 2000,
  reasons: 100,
  reason: 200,
  region: 100,
  terms: 5000,
  termText: 100,
  termEntry: 200,
  targets: 5000,
  indicator: 500,
  unit: 50,
  hedge: 20,
  section: 1000,
  sentence: 5000,
  quote: 200,
} as const;

/** Characters of the page's text kept on each side of a target, so its sentence can be found again. */
const QUOTE_CONTEXT = 24;

/** At most `max` code units, never half a surrogate pair; `mark` (…) replaces what was cut. */
export function clip(s: string, max: number, mark = ''): string {
  if (s.length <= max) return s;
  let end = max - mark.length;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return s.slice(0, end) + mark;
}

export const clipNull = (s: string | null | undefined, max: number): string | null => (s == null ? null : clip(s, max));

/**
 * A page's targets as its report carries them, within the limits, each with the text around it.
 * `text` is the text the targets' offsets point into: the page's, in the content script, or the copy
 * the background analysed, when it reports the targets it holds itself (lib/background/analyze).
 */
export function reportedTargets(targets: readonly Target[], text: string): ReportedTarget[] {
  const L = REPORT_LIMITS;
  return targets.slice(0, L.targets).map((t) => ({
    ...t,
    indicator: clip(t.indicator, L.indicator, '…'),
    indicatorKey: clip(t.indicatorKey, L.indicator),
    unit: clip(t.unit, L.unit),
    hedge: clip(t.hedge, L.hedge),
    section: clip(t.section, L.section, '…'),
    // The extractor already bounds it to a window around the target (lib/extract/targets.ts).
    sentence: clip(t.sentence, L.sentence, '…'),
    ...(t.regionKey !== undefined ? { regionKey: clipNull(t.regionKey, L.region) } : {}),
    prefix: clip(text.slice(Math.max(0, t.start - QUOTE_CONTEXT), t.start), L.quote),
    suffix: clip(text.slice(t.end, t.end + QUOTE_CONTEXT), L.quote),
  }));
}
