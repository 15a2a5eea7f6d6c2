import indexData from '../generated/glossary-index.json';
import { createMatcher, type GlossaryIndex, type Matcher } from './match';

// The compiled index only (surfaces, ids, terms): definitions stay out of the content script bundle
// and are fetched from the background (lib/glossary/entries.ts) when a term is hovered.
// The JSON type TypeScript infers for an empty glossary is too narrow, hence the cast.
const index = indexData as unknown as GlossaryIndex;

let matcher: Matcher | undefined;

/** The matcher for the bundled glossary, built on first use (cheap: no folding, no parsing). */
export function bundledMatcher(): Matcher {
  return (matcher ??= createMatcher(index));
}

export function bundledIndex(): GlossaryIndex {
  return index;
}
