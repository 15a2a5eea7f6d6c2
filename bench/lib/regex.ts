import type { GlossaryIndex } from '../../lib/glossary/match';
import { toOriginalSpan, type FoldedText } from '../../lib/text/normalize';
import type { TermSpan } from '../../lib/types';

/**
 * The baseline matcher: one RegExp alternation over the same folded surfaces the compiled index
 * holds, longest first (so the leftmost match is also the longest, as in ours), run over the same
 * folded text and mapped back to original offsets the same way. It is what one would write without
 * an index, and V8's regexp engine is good, so beating it means something.
 */

/** Every folded surface of a compiled glossary index, longest first. */
export function surfacesOf(index: GlossaryIndex): string[] {
  const out = new Set<string>();
  for (const flat of Object.values(index.groups)) for (let i = 0; i + 1 < flat.length; i += 2) out.add(String(flat[i]));
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

export function alternation(surfaces: readonly string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(surfaces.map(escape).join('|'), 'g');
}

export function regexSpans(folded: FoldedText, re: RegExp): TermSpan[] {
  const out: TermSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(folded.folded); m; m = re.exec(folded.folded)) {
    const { start, end } = toOriginalSpan(folded, m.index, m.index + m[0].length);
    out.push({ start, end, text: folded.original.slice(start, end), source: 'glossary', entry: null });
  }
  return out;
}
