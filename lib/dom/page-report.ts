import type { PageReport, ReportedTarget } from '../messaging/protocol';
import type { PageSession } from './session';

const QUOTE_CONTEXT = 24;

/** Summarises a session for the background and the popup. */
export function buildPageReport(session: PageSession, requested: boolean): PageReport {
  const analysis = session.analysis!;
  const text = session.top?.model.text ?? '';
  const counts = new Map<string, PageReport['terms'][number]>();
  let termCount = 0;
  for (const a of session.annotators) {
    for (const span of a.terms) {
      termCount++;
      const key = `${span.source}|${span.entry ?? span.text}`;
      const seen = counts.get(key);
      if (seen) seen.count++;
      else counts.set(key, { text: span.text, source: span.source, entry: span.entry, count: 1 });
    }
  }
  const targets: ReportedTarget[] = analysis.targets.map((t) => ({
    ...t,
    prefix: text.slice(Math.max(0, t.start - QUOTE_CONTEXT), t.start),
    suffix: text.slice(t.end, t.end + QUOTE_CONTEXT),
  }));
  return {
    url: session.top?.doc.URL ?? '',
    title: session.top?.doc.title ?? '',
    report: analysis.report,
    script: analysis.script,
    termCount,
    terms: [...counts.values()],
    targets,
    requested,
  };
}
