import type { GlossaryEntry } from '../types';

/** Tooltip-ready view of an entry; labels stay in simplified script (the caller converts). */
export interface EntryViewData {
  id: string;
  term: string;
  /** The term and its aliases: the forms a page can write it in (the tooltip's headword is one). */
  surfaces: string[];
  definition: string;
  gloss: string;
  english: string | null;
  components: string[];
  scopeLabel: string;
  scopeLevel: 'national' | 'province' | 'city' | 'county';
  sourceLine: string;
  user: boolean;
}

export function entryView(entry: GlossaryEntry, user: boolean, nationalLabel = '全国'): EntryViewData {
  const scope = entry.scope;
  const src = entry.sources[0];
  return {
    id: entry.id,
    term: entry.term,
    surfaces: [entry.term, ...entry.aliases],
    definition: entry.definition,
    gloss: entry.gloss,
    english: entry.english ?? null,
    components: entry.components,
    scopeLabel: scope.level === 'national' ? nationalLabel : scope.region,
    scopeLevel: scope.level,
    sourceLine: src ? `《${src.title.replace(/^《|》$/g, '')}》，${src.issuer}，${src.year}` : '',
    user,
  };
}
