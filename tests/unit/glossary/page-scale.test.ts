import { describe, expect, it } from 'vitest';
import { collectTerms } from '../../../lib/analyze';
import { pageEntryFor, pageTermSpans, parsePageGlossary } from '../../../lib/glossary/page';
import { foldText } from '../../../lib/text/normalize';

/** A two-character Han term per index, all distinct. */
const term = (i: number) => String.fromCharCode(0x4e00 + (i % 20000)) + String.fromCharCode(0x5000 + Math.floor(i / 20000));

describe('a huge 名词解释 section (item 11)', () => {
  it('matches and links page terms in time linear in the entries, not quadratic', () => {
    const n = 30000;
    const body = Array.from({ length: n }, (_, i) => `推进“${term(i)}”。`).join('');
    const defs = Array.from({ length: n }, (_, i) => `“${term(i)}”：指某项工作。`).join('\n');
    const text = `${body}\n名词解释\n${defs}`;
    const entries = parsePageGlossary(text);
    expect(entries).toHaveLength(n);
    const folded = foldText(text);
    const t0 = performance.now();
    const spans = pageTermSpans(folded, entries);
    const terms = collectTerms(folded, [], entries, false);
    const ms = performance.now() - t0;
    // Only the body's occurrences: the section's own lines are not term spans.
    expect(spans).toHaveLength(n);
    expect(terms).toHaveLength(n);
    // Each span links to the entry of its key (folding may merge a few generated terms: the first wins).
    expect(terms.every((t) => t.pageEntry !== undefined && entries[t.pageEntry]!.key === foldText(t.text).folded)).toBe(true);
    // Quadratic, this took about 15 s; linearithmic, well under one.
    expect(ms).toBeLessThan(4000);
  });

  it('links a span to the first entry defining its key, in either script', () => {
    const text = '名词解释\n1.“三清三建”：指清理垃圾。\n2.信訪“三無”：無訪。\n3.“三无”村：另一个。';
    const entries = parsePageGlossary(text);
    expect(pageEntryFor(entries, '三無')?.label).toBe('信訪“三無”');
    expect(pageEntryFor(entries, '三清三建')?.term).toBe('三清三建');
    expect(pageEntryFor(entries, '五好')).toBeUndefined();
  });
});
