import { targetsUnknown } from '../messaging/remote-analyzer';
import type { PageReport } from '../messaging/protocol';
import { clip, clipNull, REPORT_LIMITS, reportedTargets } from '../messaging/report-limits';
import { termLabel } from '../text/quotes';
import type { PageSession } from './session';

/** The analysis's targets could not be fetched: reporting it would save the page with none. */
export class TargetsUnknownError extends Error {
  override name = 'TargetsUnknownError';
  constructor() {
    super("the background did not return the page's targets; the page is not reported until it does");
  }
}

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
 * Without `withTargets` the report's targets are left empty: the background adds the ones it holds
 * (a report naming them by token, see reportPage in lib/messaging/protocol.ts).
 */
export function buildPageReport(session: PageSession, requested: boolean, withTargets = true): PageReport {
  const analysis = session.analysis!;
  if (withTargets && targetsUnknown(analysis)) throw new TargetsUnknownError();
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
    targets: withTargets ? reportedTargets(analysis.targets, text) : [],
    requested,
    readAt: session.top?.readAt ?? 0,
  };
}
