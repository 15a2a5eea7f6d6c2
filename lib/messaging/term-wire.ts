import type { TermSource, TermSpan } from '../types';

/**
 * Term spans as the background sends them to the page: numbers in one flat array and the entry ids
 * in a table, not one object per span. Chrome's extension messaging converts an object property by
 * property: 5,000 span objects cost ~50 ms to send against ~2 ms for the same spans as flat
 * numbers (measured on this project's 2-core machines), and a long report has thousands of terms.
 * Each span's text is not sent at all: the page has the text it asked about.
 */
export interface PackedTerms {
  /** Per span: start, end, source (index into SOURCES), entry (index into `entries`, -1 for none), pageEntry (-1 for none). */
  spans: number[];
  entries: string[];
}

const SOURCES: readonly TermSource[] = ['glossary', 'page', 'unknown', 'user'];
const FIELDS = 5;

export function packTerms(terms: readonly TermSpan[]): PackedTerms {
  const spans: number[] = [];
  const entries: string[] = [];
  const entryIndex = new Map<string, number>();
  for (const t of terms) {
    let e = -1;
    if (t.entry !== null) {
      e = entryIndex.get(t.entry) ?? -1;
      if (e < 0) {
        e = entries.push(t.entry) - 1;
        entryIndex.set(t.entry, e);
      }
    }
    spans.push(t.start, t.end, SOURCES.indexOf(t.source), e, t.pageEntry ?? -1);
  }
  return { spans, entries };
}

/**
 * The spans back as objects, each with its text cut from `text` — the text the page sent. Checked at
 * the boundary like every message (a span outside the text, an unknown source or entry is refused),
 * without lib/messaging/validate, whose imports the content script does not otherwise need.
 */
export function unpackTerms(v: unknown, text: string): TermSpan[] {
  const o = v as Partial<PackedTerms> | null;
  if (typeof o !== 'object' || o === null || !Array.isArray(o.spans) || !Array.isArray(o.entries)) {
    throw new TypeError('terms: expected packed spans');
  }
  const { spans, entries } = o;
  if (spans.length % FIELDS !== 0) throw new TypeError('terms.spans: not a whole number of spans');
  if (!entries.every((e) => typeof e === 'string')) throw new TypeError('terms.entries: expected strings');
  const out: TermSpan[] = [];
  const int = (x: unknown, min: number, max: number, what: string): number => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) throw new TypeError(`terms.spans: ${what} out of range`);
    return x;
  };
  for (let i = 0; i < spans.length; i += FIELDS) {
    const start = int(spans[i], 0, text.length - 1, 'start');
    const end = int(spans[i + 1], start + 1, text.length, 'end');
    const source = SOURCES[int(spans[i + 2], 0, SOURCES.length - 1, 'source')]!;
    const e = int(spans[i + 3], -1, entries.length - 1, 'entry');
    const pageEntry = int(spans[i + 4], -1, Number.MAX_SAFE_INTEGER, 'pageEntry');
    const span: TermSpan = { start, end, text: text.slice(start, end), source, entry: e < 0 ? null : entries[e]! };
    if (pageEntry >= 0) span.pageEntry = pageEntry;
    out.push(span);
  }
  return out;
}
