import type { TermSource } from '../types';

/**
 * Highlights through the CSS Custom Highlight API: ranges are registered with the document's
 * highlight registry and painted by ::highlight() rules, so the page's text nodes and elements are
 * never changed. The rules go in through adoptedStyleSheets where the browser lets a content script
 * do that (Chromium); otherwise through one <style> element that clear() removes again.
 */

export const HIGHLIGHT_NAMES: Record<TermSource | 'focus', string> = {
  glossary: 'report-lens-defined',
  user: 'report-lens-defined',
  page: 'report-lens-page',
  unknown: 'report-lens-unknown',
  focus: 'report-lens-focus',
};

// Not colour alone: each kind also has its own underline style (solid / dashed / wavy), and the
// tints are translucent so they read on light and dark pages alike.
const CSS_TEXT = `
::highlight(report-lens-defined) { background-color: rgba(255, 196, 0, 0.28); text-decoration: underline solid rgba(214, 120, 0, 0.95); text-decoration-thickness: 2px; text-underline-offset: 3px; }
::highlight(report-lens-page) { background-color: rgba(0, 170, 255, 0.22); text-decoration: underline dashed rgba(0, 120, 220, 0.95); text-decoration-thickness: 2px; text-underline-offset: 3px; }
::highlight(report-lens-unknown) { background-color: rgba(160, 160, 160, 0.22); text-decoration: underline wavy rgba(200, 40, 90, 0.9); text-decoration-thickness: 1px; text-underline-offset: 3px; }
::highlight(report-lens-focus) { background-color: rgba(255, 120, 0, 0.55); color: inherit; }
`;

export const STYLE_ATTR = 'data-report-lens-style';

export function supportsHighlights(win: (Window & typeof globalThis) | null): win is Window & typeof globalThis {
  // No window: the document was left behind (an iframe that navigated or was removed); its registry
  // went with it, so there is nothing to add to or clear.
  return !!win && typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
}

export class HighlightLayer {
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  /**
   * The ranges this layer put into each highlight. The registry is the document's, shared with any
   * other script of ours in the page — the one an extension update left behind next to the one the
   * reader started since (lib/dom/extension-gone) — and both fill the same highlights: clearing takes
   * out only this layer's ranges, and a highlight only once it is empty.
   */
  private readonly own = new Map<string, Set<AbstractRange>>();

  constructor(private readonly doc: Document) {}

  private get win(): (Window & typeof globalThis) | null {
    return this.doc.defaultView as (Window & typeof globalThis) | null;
  }

  private ensureStyle(win: Window & typeof globalThis): void {
    if (this.sheet) {
      // A page that assigns its own list (document.adoptedStyleSheets = [sheet], as component libraries
      // do) drops ours from it, and every highlight stays registered but unpainted.
      if (!this.doc.adoptedStyleSheets.includes(this.sheet)) this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
      return;
    }
    if (this.styleEl) {
      if (!this.styleEl.isConnected) (this.doc.head ?? this.doc.documentElement).appendChild(this.styleEl);
      return;
    }
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      // Firefox content scripts cannot adopt a sheet built in their sandbox.
      const style = this.doc.createElement('style');
      style.setAttribute(STYLE_ATTR, '');
      style.textContent = CSS_TEXT;
      (this.doc.head ?? this.doc.documentElement).appendChild(style);
      this.styleEl = style;
    }
  }

  /**
   * Puts the highlight rules back if the page took them away since (no event says so: checked when the
   * reader moves the pointer and when highlights are added).
   */
  keepStyle(): void {
    const win = this.win;
    if ((this.sheet || this.styleEl) && supportsHighlights(win)) this.ensureStyle(win);
  }

  /** Adds ranges to the highlight of `source`. */
  add(source: TermSource | 'focus', ranges: AbstractRange[]): void {
    const win = this.win;
    if (!ranges.length || !supportsHighlights(win)) return;
    this.ensureStyle(win);
    const name = HIGHLIGHT_NAMES[source];
    const registry = win.CSS.highlights;
    let hl = registry.get(name);
    if (!hl) {
      hl = new win.Highlight();
      // Focus paints over the kind styles.
      if (source === 'focus') hl.priority = 1;
      registry.set(name, hl);
    }
    let own = this.own.get(name);
    if (!own) this.own.set(name, (own = new Set()));
    for (const r of ranges) {
      hl.add(r);
      own.add(r);
    }
  }

  /** Takes ranges out of the highlight of `source` again. */
  remove(source: TermSource | 'focus', ranges: AbstractRange[]): void {
    const win = this.win;
    if (!ranges.length || !supportsHighlights(win)) return;
    const name = HIGHLIGHT_NAMES[source];
    const hl = win.CSS.highlights.get(name);
    const own = this.own.get(name);
    for (const r of ranges) {
      hl?.delete(r);
      own?.delete(r);
    }
  }

  setFocus(range: Range | null): void {
    const focus = this.own.get(HIGHLIGHT_NAMES.focus);
    if (focus?.size) this.remove('focus', [...focus]);
    if (range) this.add('focus', [range]);
  }

  clear(): void {
    const win = this.win;
    if (supportsHighlights(win)) {
      for (const [name, ranges] of this.own) {
        const hl = win.CSS.highlights.get(name);
        if (!hl) continue;
        for (const r of ranges) hl.delete(r);
        if (!hl.size) win.CSS.highlights.delete(name);
      }
    }
    this.own.clear();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.styleEl?.remove();
    this.sheet = null;
    this.styleEl = null;
  }
}
