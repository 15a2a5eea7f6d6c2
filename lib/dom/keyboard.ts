import type { TermSpan } from '../types';
import type { DocumentAnnotator } from './annotator';
import type { PageSession, TermHit } from './session';

/**
 * Alt+Shift+N / Alt+Shift+P move to the next / previous term and open it — from where the reader is (after
 * their caret or selection, else from the viewport), then on from that term; Tab reaches its button; Esc closes.
 */
export const NEXT_KEY = { code: 'KeyN', altKey: true, shiftKey: true };
export const PREV_KEY = { code: 'KeyP', altKey: true, shiftKey: true };

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

/**
 * The first index in [lo, hi) whose item is not before the reading position, or hi when all are, for
 * items in order (`isBefore` false from some index on). `isBefore` may not know (null: a term not laid
 * out, in a collapsed section): the search asks that item's neighbours instead, so a run of them costs a
 * scan over the run, never a wrong answer about the items it can tell.
 */
export function firstNotBefore(lo: number, hi: number, isBefore: (i: number) => boolean | null): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let j = mid;
    let v = isBefore(j);
    while (v === null && ++j < hi) v = isBefore(j);
    if (v === null) {
      // Nothing from mid up tells: the answer is at or below mid.
      hi = mid;
      continue;
    }
    if (v) lo = j + 1;
    else hi = j;
  }
  return lo;
}

/** Whether a rect in its window's viewport is off screen, above or below (what scrolling moves). */
export function offScreen(rect: { top: number; bottom: number; width: number; height: number }, viewportHeight: number): boolean {
  // An empty rect is a term not laid out (display: none around it): where it is cannot be told.
  if (!rect.width && !rect.height) return false;
  return rect.bottom <= 0 || rect.top >= viewportHeight;
}

/** The page's terms in reading order, with where each annotator's run of them lies. */
interface Order {
  hits: TermHit[];
  runs: { annotator: DocumentAnnotator; from: number; to: number }[];
  indexOf: Map<TermSpan, number>;
  /** The term arrays this was built from: an annotator gives itself a new one whenever its terms change. */
  sources: TermSpan[][];
}

/**
 * One annotator's terms in document order. Content appended later sits at the end of the model; ranges
 * in different trees (a shadow root and the light DOM) cannot be compared and throw, and the model's
 * order stands in for those pairs. Text that left the page has no place in the order.
 */
function sortedHits(annotator: DocumentAnnotator, terms: TermSpan[]): TermHit[] {
  const ranges = new Map<TermSpan, Range>();
  for (const span of terms) {
    const r = annotator.rangeOf(span);
    if (r?.startContainer.isConnected) ranges.set(span, r);
  }
  const placed = terms.filter((s) => ranges.has(s));
  placed.sort((x, y) => {
    try {
      return ranges.get(x)!.compareBoundaryPoints(Range.START_TO_START, ranges.get(y)!);
    } catch {
      return x.start - y.start;
    }
  });
  return placed.map((span) => ({ annotator, span }));
}

export function initKeyboard(session: PageSession, signal: AbortSignal): void {
  let order: Order | null = null;
  // The term the last Alt+Shift+N / P went to: the next one continues from it while the reader stays there.
  let current: TermHit | null = null;
  // Where it started in the page: its text node stays when the page's text is converted in place.
  let currentAt: { node: Node; offset: number } | null = null;
  // The reader pressed the mouse in the page since then (a click elsewhere is a new reading position).
  let clicked = false;
  // The selection as it was then, to tell one the reader made since.
  let mark: { doc: Document; node: Node | null; offset: number; focus: Node | null; focusOffset: number } | null = null;

  /** The order, sorted again only when some annotator's terms changed (once per change, not per key). */
  const orderNow = (): Order => {
    const sources = session.annotators.map((a) => a.terms);
    if (order && order.sources.length === sources.length && order.sources.every((s, i) => s === sources[i]) && order.runs.every((r, i) => r.annotator === session.annotators[i])) {
      return order;
    }
    const hits: TermHit[] = [];
    const runs: Order['runs'] = [];
    session.annotators.forEach((annotator, i) => {
      const from = hits.length;
      // One push at a time: push(...list) passes every term as an argument, and past ~120,000 (a long
      // page's terms) that is a RangeError — the keys did nothing at all.
      for (const hit of sortedHits(annotator, sources[i]!)) hits.push(hit);
      runs.push({ annotator, from, to: hits.length });
    });
    return (order = { hits, runs, sources, indexOf: new Map(hits.map((h, i) => [h.span, i])) });
  };

  /** Whether a term or a point of the page is off screen (the reader scrolled away from it). */
  const rangeOffScreen = (range: Range): boolean => {
    const win = range.startContainer.ownerDocument?.defaultView;
    if (!win) return true;
    let rect = range.getBoundingClientRect();
    // A caret between elements has no box of its own: its element's stands in.
    if (!rect.width && !rect.height) rect = (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement)?.getBoundingClientRect() ?? rect;
    return offScreen(rect, win.innerHeight);
  };

  /** The reader's selection or caret in `doc`, if there is one they can see: what they are reading. */
  const readerSelection = (doc: Document): Range | null => {
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    if (session.tooltip.contains(range.startContainer)) return null;
    // A caret left where the reader clicked before scrolling on is no longer where they read.
    return rangeOffScreen(range) ? null : range;
  };

  const snapshot = (doc: Document) => {
    const sel = doc.getSelection();
    mark = { doc, node: sel?.anchorNode ?? null, offset: sel?.anchorOffset ?? 0, focus: sel?.focusNode ?? null, focusOffset: sel?.focusOffset ?? 0 };
  };

  const selectionMoved = (doc: Document): boolean => {
    if (!mark || mark.doc !== doc) return true;
    const sel = doc.getSelection();
    const same = sel?.anchorNode === mark.node && sel?.anchorOffset === mark.offset && sel?.focusNode === mark.focus && sel?.focusOffset === mark.focusOffset;
    // A selection that only went away (focus into the tooltip's button) is no new place to read from.
    return !same && !!readerSelection(doc);
  };

  const rangeAt = (o: Order, i: number) => o.hits[i]!.annotator.rangeOf(o.hits[i]!.span);

  /**
   * Binary search of `run` against a point of the page: the first term whose `edge` is after the point
   * (`orAt`: or at it). Terms in another tree (a shadow root) have no order against the point.
   */
  const afterPoint = (o: Order, run: Order['runs'][number], point: Range, edge: 'start' | 'end', orAt: boolean): number =>
    firstNotBefore(run.from, run.to, (i) => {
      const r = rangeAt(o, i);
      if (!r) return null;
      try {
        const c = edge === 'start' ? point.comparePoint(r.startContainer, r.startOffset) : point.comparePoint(r.endContainer, r.endOffset);
        return orAt ? c < 0 : c <= 0;
      } catch {
        return null;
      }
    });

  /**
   * Where the key goes on from the current term, or null when the reader has clicked, selected or scrolled
   * it out of sight since. A term read afresh (the script toggle converts the text in place and annotates
   * it again; a page rewrote it) is found by its place: the next term starts after where it started.
   */
  const fromCurrent = (o: Order, doc: Document, dir: 1 | -1): number | null => {
    if (!current || clicked || selectionMoved(doc)) return null;
    const i = o.indexOf.get(current.span);
    if (i !== undefined) {
      const range = current.annotator.rangeOf(current.span);
      return !range || rangeOffScreen(range) ? null : i + dir;
    }
    const run = o.runs.find((r) => r.annotator === current!.annotator);
    const { node, offset } = currentAt!;
    if (!run || !node.isConnected) return null;
    const point = node.ownerDocument!.createRange();
    point.setStart(node, Math.min(offset, node.nodeType === 3 ? (node as Text).length : node.childNodes.length));
    if (rangeOffScreen(point)) return null;
    return dir > 0 ? afterPoint(o, run, point, 'start', false) : afterPoint(o, run, point, 'start', true) - 1;
  };

  /**
   * Where Alt+Shift+N (dir 1) or P (dir -1) goes from the reading position in `doc`: the next term after the
   * caret or selection, or the first in (or after) the viewport; previous is the last term before that.
   * A binary search over the terms in order: a few ranges and rects per key, whatever the page's length.
   */
  const fromReadingPosition = (o: Order, doc: Document, dir: 1 | -1): number => {
    const run = o.runs.find((r) => r.annotator.doc === doc)!;
    const sel = readerSelection(doc);
    if (sel) {
      // Next: the first term starting at or after the selection's end. Previous: the last ending at or
      // before its start. A term the caret is in is behind it both ways.
      const point = sel.cloneRange();
      point.collapse(dir < 0);
      return dir > 0 ? afterPoint(o, run, point, 'start', true) : afterPoint(o, run, point, 'end', false) - 1;
    }
    const i = firstNotBefore(run.from, run.to, (j) => {
      const rect = rangeAt(o, j)?.getBoundingClientRect();
      if (!rect || (!rect.width && !rect.height)) return null;
      return rect.bottom <= 0;
    });
    return dir > 0 ? i : i - 1;
  };

  const onKey = (e: KeyboardEvent) => {
    // A tooltip whose term left the page (its paragraph removed, its text rewritten) is closed at the first
    // key, before it can take one.
    if (session.tooltip.isOpen && session.tooltip.anchorGone) session.close();
    if (e.key === 'Escape') {
      // An Esc that closed a tooltip the reader could see was meant for it, not for the page's own dialog
      // or lightbox behind it. One that only cancelled an open still to come (nothing showed yet), closed
      // a tooltip whose term had scrolled out of sight, or was typed in a field of the page, goes on to the
      // page as well.
      const visible = session.tooltip.isVisible;
      session.dismiss();
      if (visible && !isEditable(e.target)) {
        e.preventDefault();
        e.stopPropagation();
      }
      return;
    }
    if (isEditable(e.target)) return;
    // Tab in a tooltip opened from the keyboard goes to its button first, wherever the focus was on the page.
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && session.openedByKeyboard && session.tooltip.focusAction()) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const dir = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey ? (e.code === NEXT_KEY.code ? 1 : e.code === PREV_KEY.code ? -1 : 0) : 0;
    if (!dir) return;
    const o = orderNow();
    const n = o.hits.length;
    if (!n) return;
    e.preventDefault();
    e.stopPropagation();
    const target = e.target as Node | null;
    let doc = target?.nodeType === 9 ? (target as Document) : (target?.ownerDocument ?? o.runs[0]!.annotator.doc);
    if (!o.runs.some((r) => r.annotator.doc === doc)) doc = o.runs[0]!.annotator.doc;
    let i = fromCurrent(o, doc, dir) ?? fromReadingPosition(o, doc, dir);
    // Terms whose text left the page since the order was made are passed over (the annotator drops them
    // at its next batch).
    for (let tries = 0; tries < n; tries++, i += dir) {
      const hit = o.hits[((i % n) + n) % n]!;
      const range = hit.annotator.rangeOf(hit.span);
      if (!range?.startContainer.isConnected) continue;
      current = hit;
      currentAt = { node: range.startContainer, offset: range.startOffset };
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      void session.open(hit, true);
      clicked = false;
      snapshot(doc);
      return;
    }
  };
  // A press in the tooltip (its button) is no new place in the page.
  const onPointer = (e: MouseEvent) => {
    if (!session.tooltip.contains(e.target as Node | null)) clicked = true;
  };
  // The tooltip finds out itself that its term left the page (at its next position update); the session's
  // state (focus highlight, keyboard-opened) goes with it, so nothing is left to close on the next Esc.
  session.tooltip.onGone = () => session.close();
  const bind = (doc: Document) => {
    doc.addEventListener('keydown', onKey, { capture: true, signal });
    doc.addEventListener('mousedown', onPointer, { capture: true, passive: true, signal });
  };
  for (const a of session.annotators) bind(a.doc);
  session.docBinders.push(bind);
}
