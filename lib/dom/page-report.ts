import { targetsUnknown } from '../messaging/remote-analyzer';
import type { PageReport, ReportedTarget } from '../messaging/protocol';
import { termLabel } from '../text/quotes';
import type { PageSession } from './session';

const QUOTE_CONTEXT = 24;

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

/** The analysis's targets could not be fetched: reporting it would save the page with none. */
export class TargetsUnknownError extends Error {
  override name = 'TargetsUnknownError';
  constructor() {
    super("the background did not return the page's targets; the page is not reported until it does");
  }
}

/** At most `max` code units, never half a surrogate pair; `mark` (…) replaces what was cut. */
export function clip(s: string, max: number, mark = ''): string {
  if (s.length <= max) return s;
  let end = max - mark.length;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return s.slice(0, end) + mark;
}

const clipNull = (s: string | null | undefined, max: number): string | null => (s == null ? null : clip(s, max));

/** A URL within the limit: the fragment goes first (the database drops it anyway, see pageKey). */
function reportUrl(url: string): string {
  if (url.length <= REPORT_LIMITS.url) return url;
  const hash = url.indexOf('#');
  return clip(hash === -1 ? url : url.slice(0, hash), REPORT_LIMITS.url);
}

/**
 * Summarises a session for the background and the popup. Throws {@link TargetsUnknownError} when the
 * background failed to give the analysis's targets (lib/messaging/remote-analyzer.ts): an empty list
 * there means "unknown", and a report carrying it would replace the page's saved targets with none.
 */
export function buildPageReport(session: PageSession, requested: boolean): PageReport {
  const analysis = session.analysis!;
  if (targetsUnknown(analysis)) throw new TargetsUnknownError();
  const L = REPORT_LIMITS;
  const text = session.top?.model.text ?? '';
  const counts = new Map<string, PageReport['terms'][number]>();
  let termCount = 0;
  for (const a of session.annotators) {
    for (const span of a.terms) {
      termCount++;
      const key = `${span.source}|${span.entry ?? span.text}`;
      const seen = counts.get(key);
      if (seen) seen.count++;
      else if (counts.size < L.terms) counts.set(key, { text: clip(termLabel(span.text), L.termText, '…'), source: span.source, entry: clipNull(span.entry, L.termEntry), count: 1 });
    }
  }
  const targets: ReportedTarget[] = analysis.targets.slice(0, L.targets).map((t) => ({
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
  const r = analysis.report;
  return {
    // The address the page was read under, not the one it shows now (lib/dom/annotator: url).
    url: reportUrl(session.top?.url || session.top?.doc.URL || ''),
    // document.title is whatever the page sets, of any length.
    title: clip(session.top?.doc.title ?? '', L.title, '…'),
    report: {
      ...r,
      reasons: r.reasons.slice(0, L.reasons).map((x) => clip(x, L.reason)),
      region: clipNull(r.region, L.region),
      regionKey: clipNull(r.regionKey, L.region),
    },
    script: analysis.script,
    termCount,
    terms: [...counts.values()],
    targets,
    requested,
    readAt: session.top?.readAt ?? 0,
  };
}
