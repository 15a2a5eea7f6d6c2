import type { TermSource, TermSpan } from '../types';

/** What this needs of the highlight layer. */
export interface RangeSink {
  add(source: TermSource, ranges: AbstractRange[]): void;
  remove(source: TermSource, ranges: AbstractRange[]): void;
}

/**
 * Pages with at least this many terms get their highlights registered only near the viewport. Chromium
 * repaints every registered range of a highlight when the highlight changes, wherever it is on the page:
 * in a settled page with no extension, registering ranges spread over the whole document cost the next
 * rendering update 9–10 ms for 50 ranges, 18 ms for 150 and about 30 ms from 300 up on seed 003 (22–27 ms
 * on seed 002), against 6–7 ms for any number on screen only (bench/prof-hlcost, medians of 5). Seed 003's
 * 721 terms registered at once made that update a task of over 50 ms on a loaded machine; on the 1 MB page
 * with 3,400 terms it was a 54–200 ms PrePaint task. Below this, the gain is a few ms and not worth the
 * observer's frame of delay: all of a page's terms are registered at once.
 */
export const VIEWPORT_MIN_TERMS = 100;

/**
 * How far outside the viewport terms are already highlighted: one screen above and below, so that
 * scrolling shows them painted, not appearing.
 */
const MARGIN = '100% 0px 100% 0px';

interface Shown {
  span: TermSpan;
  source: TermSource;
  range: AbstractRange;
}

/**
 * Registers the highlights of the terms whose element is on or near the screen, and drops them again
 * once it is far away, so the browser's highlight painting stays proportional to what is visible,
 * however long the page. Terms are grouped by the element holding their first character; an
 * IntersectionObserver on those elements says which groups are near.
 */
export class ViewportHighlights {
  private readonly spansOf = new Map<Element, TermSpan[]>();
  private readonly shown = new Map<Element, Shown[]>();
  /** Elements reported without a box once, looked at for display: contents (once each). */
  private readonly checked = new WeakSet<Element>();
  /** Elements the observer last reported near; all are shown while the page prints, these after. */
  private readonly near = new Set<Element>();
  private printing = false;
  private readonly listening = new AbortController();
  private readonly observer: IntersectionObserver;
  private onFirst: (() => void) | null;

  constructor(
    doc: Document,
    private readonly sink: RangeSink,
    private readonly rangeOf: (span: TermSpan) => AbstractRange | null,
    private readonly elementOf: (span: TermSpan) => Element | null,
    onFirst?: () => void,
  ) {
    this.onFirst = onFirst ?? null;
    const win = doc.defaultView as Window & typeof globalThis;
    const callback: IntersectionObserverCallback = (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) {
          this.near.add(e.target);
          this.show(e.target);
        } else {
          this.near.delete(e.target);
          // Printing lays the page out again for paper, far from the screen's viewport.
          if (!this.printing) this.hide(e.target);
          const box = e.boundingClientRect;
          if (box && !box.width && !box.height && !this.checked.has(e.target)) {
            this.checked.add(e.target);
            this.rehome(e.target);
          }
        }
      }
    };
    try {
      // The document as root: the margin then also applies inside a same-origin iframe, whose implicit
      // root would be the top-level viewport (where margins are ignored for other documents' targets).
      this.observer = new win.IntersectionObserver(callback, { root: doc, rootMargin: MARGIN });
    } catch {
      this.observer = new win.IntersectionObserver(callback, { rootMargin: MARGIN });
    }
    // A printout shows the whole page, so every term is highlighted for it, as on a page with fewer
    // terms: otherwise only the pages near where the reader was would be.
    const signal = this.listening.signal;
    win.addEventListener('beforeprint', () => this.printAll(), { signal });
    win.addEventListener('afterprint', () => this.printDone(), { signal });
  }

  /** Number of ranges registered now. */
  get registered(): number {
    let n = 0;
    for (const list of this.shown.values()) n += list.length;
    return n;
  }

  add(spans: TermSpan[]): void {
    for (const span of spans) {
      const el = this.elementOf(span);
      if (el) this.watch(el, [span]);
    }
  }

  private printAll(): void {
    this.printing = true;
    for (const el of this.spansOf.keys()) this.show(el);
  }

  private printDone(): void {
    if (!this.printing) return;
    this.printing = false;
    for (const el of [...this.shown.keys()]) if (!this.near.has(el)) this.hide(el);
  }

  private watch(el: Element, spans: TermSpan[]): void {
    const list = this.spansOf.get(el);
    if (list) {
      list.push(...spans);
      // The element is on screen already: its new terms show now, not on the next crossing.
      const shown = this.shown.get(el);
      if (shown) this.register(shown, spans);
    } else {
      this.spansOf.set(el, [...spans]);
      this.observer.observe(el);
      if (this.printing) this.show(el);
    }
  }

  /**
   * An element with display: contents makes no box, and an observer never reports one as intersecting
   * (Chromium: a <span style="display:contents"> on screen stays isIntersecting: false), so its terms
   * would never show. They are watched through the nearest ancestor that has a box. Asked only of
   * elements reported with an empty rectangle (display: none ones, too, which keep their terms: they
   * show when the element does), in the observer's callback, where style is up to date.
   */
  private rehome(el: Element): void {
    const win = el.ownerDocument.defaultView;
    const spans = this.spansOf.get(el);
    if (!win || !spans || win.getComputedStyle(el).display !== 'contents') return;
    let box = el.parentElement;
    while (box && win.getComputedStyle(box).display === 'contents') box = box.parentElement;
    if (!box) return;
    this.hide(el);
    this.spansOf.delete(el);
    this.observer.unobserve(el);
    this.watch(box, spans);
  }

  private show(el: Element): void {
    if (this.shown.has(el)) return;
    const spans = this.spansOf.get(el);
    if (!spans) return;
    const shown: Shown[] = [];
    this.shown.set(el, shown);
    this.register(shown, spans);
    if (shown.length && this.onFirst) {
      const f = this.onFirst;
      this.onFirst = null;
      f();
    }
  }

  private register(shown: Shown[], spans: TermSpan[]): void {
    const bySource = new Map<TermSource, AbstractRange[]>();
    for (const span of spans) {
      let range: AbstractRange | null = null;
      try {
        range = this.rangeOf(span);
      } catch {
        // The text changed under the model (a page script, a script toggle about to re-read the page):
        // this term is skipped, the element's other terms and the rest of the batch still show.
      }
      if (!range) continue;
      shown.push({ span, source: span.source, range });
      let list = bySource.get(span.source);
      if (!list) bySource.set(span.source, (list = []));
      list.push(range);
    }
    for (const [source, ranges] of bySource) this.sink.add(source, ranges);
  }

  private hide(el: Element): void {
    const shown = this.shown.get(el);
    if (!shown) return;
    this.shown.delete(el);
    const bySource = new Map<TermSource, AbstractRange[]>();
    for (const { source, range } of shown) {
      let list = bySource.get(source);
      if (!list) bySource.set(source, (list = []));
      list.push(range);
    }
    for (const [source, ranges] of bySource) this.sink.remove(source, ranges);
  }

  /** Forgets these terms (their text changed or left the page): unregistered now, never shown again. */
  remove(spans: ReadonlySet<TermSpan>): void {
    for (const [el, list] of this.spansOf) {
      const kept = list.filter((s) => !spans.has(s));
      if (kept.length === list.length) continue;
      const shown = this.shown.get(el);
      if (shown) {
        const gone = shown.filter((x) => spans.has(x.span));
        const bySource = new Map<TermSource, AbstractRange[]>();
        for (const { source, range } of gone) {
          let l = bySource.get(source);
          if (!l) bySource.set(source, (l = []));
          l.push(range);
        }
        for (const [source, ranges] of bySource) this.sink.remove(source, ranges);
        this.shown.set(el, shown.filter((x) => !spans.has(x.span)));
      }
      if (kept.length) this.spansOf.set(el, kept);
      else {
        this.spansOf.delete(el);
        this.shown.delete(el);
        this.near.delete(el);
        this.observer.unobserve(el);
      }
    }
  }

  destroy(): void {
    this.listening.abort();
    this.observer.disconnect();
    this.near.clear();
    this.spansOf.clear();
    this.shown.clear();
    this.onFirst = null;
  }
}
