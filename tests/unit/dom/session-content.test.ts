// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { DocumentAnnotator } from '../../../lib/dom/annotator';
import { PageSession, type EntryInfo, type SessionDeps } from '../../../lib/dom/session';
import type { PageGlossaryEntry, TermSpan } from '../../../lib/types';

const LABELS = { defined: 'd', fromPage: 'p', unknown: 'u', components: 'c', source: 's', addEntry: 'a', close: 'x' };

/** A session over one text, with the page's own glossary; entries are never asked for here. */
function sessionOver(text: string, pageGlossary: PageGlossaryEntry[] = [], entry: EntryInfo | null = null) {
  const deps = { labels: LABELS, resolveEntry: async () => entry } as unknown as SessionDeps;
  const session = new PageSession(window, deps, new AbortController().signal);
  const annotator = { doc: document, model: { text }, analysis: { pageGlossary } } as unknown as DocumentAnnotator;
  session.annotators.push(annotator);
  const hit = (surface: string, source: TermSpan['source'], pageEntry?: number) => {
    const start = text.indexOf(surface);
    return { annotator, span: { start, end: start + surface.length, text: surface, source, entry: entry ? 'x' : null, ...(pageEntry !== undefined ? { pageEntry } : {}) } };
  };
  return { session, hit };
}

describe('tooltip content on a mirror page with pinyin residue', () => {
  it('an unknown slogan’s sentence is shown without the readings (it also prefills 添加到我的词表)', async () => {
    const text = '一、扎實推進“一體兩翼”發(fā)展戰(zhàn)略,開啟全面建設社會主義現(xiàn)代化新征程\n下一段。';
    const { session, hit } = sessionOver(text);
    const content = await session.contentFor(hit('一體兩翼', 'unknown'));
    expect(content).toEqual({ term: '一體兩翼', kind: 'unknown', sentence: '一、扎實推進“一體兩翼”發展戰略,開啟全面建設社會主義現代化新征程' });
  });

  it('the page’s own 名词解释 definition is shown without the readings', async () => {
    const text = '實施“雙創(chuàng)”行動。';
    const entry = { term: '雙創', definition: '大眾創(chuàng)業、萬眾創(chuàng)新。', start: 0, end: 0 } as unknown as PageGlossaryEntry;
    const { session, hit } = sessionOver(text, [entry]);
    const content = await session.contentFor(hit('雙創(chuàng)', 'page', 0));
    expect(content).toEqual({ term: '雙創', kind: 'page', pageDefinition: '大眾創業、萬眾創新。' });
  });
});

describe('the headword of a glossary term on a page that damaged it', () => {
  it('reaches the tooltip', async () => {
    const entry = { term: '全面深化改革', surfaces: ['全面深化改革'], definition: '2013年黨的十八屆三中全會作出的部署', gloss: '', english: null, components: [], scopeLabel: '全國', scopeLevel: 'national', sourceLine: '', user: false } as EntryInfo;
    const { session, hit } = sessionOver('堅持全麵深化改革。', [], entry);
    expect((await session.contentFor(hit('全麵深化改革', 'glossary'))).term).toBe('全面深化改革');
  });
});
