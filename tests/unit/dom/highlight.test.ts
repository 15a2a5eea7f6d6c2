import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, HighlightLayer } from '../../../lib/dom/highlight';

/** The document's highlight registry, as two scripts of ours in one page see it: one Map, shared. */
function fakeDocument() {
  class Highlight extends Set<AbstractRange> {
    priority = 0;
  }
  const win = {
    Highlight,
    CSS: { highlights: new Map<string, Highlight>() },
    CSSStyleSheet: class {
      replaceSync() {}
    },
  };
  const doc = { defaultView: win, adoptedStyleSheets: [] as unknown[] } as unknown as Document;
  return { doc, registry: win.CSS.highlights };
}

// One object per number: highlights hold ranges by identity.
const RANGES = [0, 1, 2, 3, 4].map((n) => ({ n }) as unknown as Range);
const range = (n: number) => RANGES[n]!;

describe('HighlightLayer', () => {
  it("clears its own ranges only: another script's highlights in the same page stay", () => {
    // The script an extension update left in the page and the one the reader started since
    // (lib/dom/extension-gone): the old one lets go later, and took the new one's highlights with it.
    const { doc, registry } = fakeDocument();
    const old = new HighlightLayer(doc);
    const fresh = new HighlightLayer(doc);
    old.add('glossary', [range(1), range(2)]);
    fresh.add('glossary', [range(3)]);
    fresh.setFocus(range(4));
    old.setFocus(null);
    old.clear();
    expect([...registry.get(HIGHLIGHT_NAMES.glossary)!]).toEqual([range(3)]);
    expect([...registry.get(HIGHLIGHT_NAMES.focus)!]).toEqual([range(4)]);
    fresh.clear();
    expect(registry.size).toBe(0);
  });

  it('removes and refocuses its own ranges; a cleared layer leaves no highlight behind', () => {
    const { doc, registry } = fakeDocument();
    const layer = new HighlightLayer(doc);
    layer.add('page', [range(1), range(2)]);
    layer.remove('page', [range(1)]);
    layer.setFocus(range(3));
    layer.setFocus(range(4));
    expect([...registry.get(HIGHLIGHT_NAMES.page)!]).toEqual([range(2)]);
    expect([...registry.get(HIGHLIGHT_NAMES.focus)!]).toEqual([range(4)]);
    layer.clear();
    expect(registry.size).toBe(0);
  });

  it("puts its rules back once a page's own list of sheets has replaced them, and only then", () => {
    // Component libraries assign document.adoptedStyleSheets = [theirs]: the highlights stay registered
    // but nothing paints them.
    const { doc } = fakeDocument();
    const layer = new HighlightLayer(doc);
    layer.keepStyle();
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    layer.add('glossary', [range(1)]);
    const ours = doc.adoptedStyleSheets[0];
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    const theirs = {} as CSSStyleSheet;
    doc.adoptedStyleSheets = [theirs];
    layer.keepStyle();
    expect(doc.adoptedStyleSheets).toEqual([theirs, ours]);
    layer.keepStyle();
    expect(doc.adoptedStyleSheets).toEqual([theirs, ours]);
    layer.clear();
    expect(doc.adoptedStyleSheets).toEqual([theirs]);
    layer.keepStyle();
    expect(doc.adoptedStyleSheets).toEqual([theirs]);
  });
});
