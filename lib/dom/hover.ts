import type { PageSession, TermHit } from './session';

const OPEN_DELAY = 250;
const CLOSE_DELAY = 300;

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}

/**
 * Open shadow roots under the point, outermost first. caretPositionFromPoint stops at a shadow host
 * unless it is handed the roots to enter (the page's own text in web components is annotated too).
 */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  while (el?.shadowRoot && !roots.includes(el.shadowRoot)) {
    roots.push(el.shadowRoot);
    el = el.shadowRoot.elementFromPoint(x, y);
  }
  return roots;
}

/** Text position under the pointer; caretPositionFromPoint is standard, caretRangeFromPoint older. */
function caretAt(doc: Document, x: number, y: number): CaretPosition | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const shadowRoots = shadowRootsAt(doc, x, y);
    return shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
}

function within(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * Hover opens the tooltip of the term under the pointer after a short delay. Highlights are not
 * elements, so hit-testing goes through the caret position and the text model.
 */
export function initHover(session: PageSession, signal: AbortSignal): void {
  let current: TermHit | null = null;
  // Esc over a term: its tooltip stays closed while the pointer stays on it, and opens again once the
  // pointer has left and come back (10ten's behaviour), without the 300 ms grace that keeps a tooltip open.
  let dismissed = false;
  let openTimer: ReturnType<typeof setTimeout> | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  let lastEvent: MouseEvent | null = null;

  const clearTimers = () => {
    if (openTimer) clearTimeout(openTimer);
    if (closeTimer) clearTimeout(closeTimer);
    openTimer = closeTimer = null;
  };

  const hitAt = (doc: Document, x: number, y: number): TermHit | null => {
    const annotator = session.annotators.find((a) => a.doc === doc);
    if (!annotator) return null;
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    let span = annotator.termAtNode(caret.offsetNode, caret.offset);
    // The caret lands between characters: at a term's right half it reports the next offset.
    if (!span && caret.offset > 0) span = annotator.termAtNode(caret.offsetNode, caret.offset - 1);
    if (!span) return null;
    const range = annotator.rangeOf(span);
    return range && within(range, x, y) ? { annotator, span } : null;
  };

  const onFrame = () => {
    frame = 0;
    const e = lastEvent;
    if (!e) return;
    // A button held down is a selection being dragged (or a drag of something else): a tooltip opening
    // over it would take the rest of the drag, and the selection would run on through the tooltip, which
    // stands last in the document, to the end of the page.
    if (e.buttons) {
      if (openTimer) clearTimeout(openTimer);
      openTimer = null;
      return;
    }
    const target = e.composedPath?.()[0] as Node | undefined;
    if (session.tooltip.contains(target ?? null) || session.tooltip.contains(e.target as Node)) {
      if (closeTimer) clearTimeout(closeTimer);
      closeTimer = null;
      return;
    }
    const doc = (e.target as Node)?.ownerDocument ?? (e.target as Document);
    for (const a of session.annotators) if (a.doc === doc) a.layer.keepStyle();
    const hit = hitAt(doc, e.clientX, e.clientY);
    if (hit && current && hit.span === current.span) {
      if (closeTimer) clearTimeout(closeTimer);
      closeTimer = null;
      return;
    }
    if (hit) {
      clearTimers();
      current = hit;
      dismissed = false;
      session.prefetch(hit);
      openTimer = setTimeout(() => {
        openTimer = null;
        void session.open(hit, false);
      }, OPEN_DELAY);
    } else if (current) {
      // Left before its tooltip opened: there is nothing to keep open, and coming back must open it
      // (with a grace period here, a pointer back within 300 ms counted as never having left).
      if (openTimer || dismissed) {
        clearTimers();
        current = null;
        dismissed = false;
        return;
      }
      if (!closeTimer) {
        closeTimer = setTimeout(() => {
          current = null;
          session.close();
        }, CLOSE_DELAY);
      }
    }
  };

  const onMove = (e: MouseEvent) => {
    lastEvent = e;
    if (!frame) frame = requestAnimationFrame(onFrame);
  };

  session.dismissers.push(() => {
    const pending = !!openTimer;
    const leaving = !!closeTimer;
    clearTimers();
    // Dismissed in the grace after the pointer left: the pointer is off the term already, so coming
    // back is a new visit that opens it.
    if (leaving) current = null;
    dismissed = !!current;
    return pending;
  });

  // A press anywhere but in the tooltip closes a tooltip the pointer opened, as Esc does: the reader is
  // doing something else (a click, the start of a selection), and the term under the pointer stays
  // closed until it is left. One opened from the keyboard stays until Esc, wherever the mouse clicks.
  const onDown = (e: MouseEvent) => {
    if (session.openedByKeyboard) return;
    const target = e.composedPath?.()[0] as Node | undefined;
    if (session.tooltip.contains(target ?? null) || session.tooltip.contains(e.target as Node)) return;
    // An open still waiting for its entry counts too: it would show after the press.
    const pending = session.tooltip.isOpen || !!current;
    clearTimers();
    dismissed = !!current;
    if (pending) session.close();
  };

  const bind = (doc: Document) => {
    doc.addEventListener('mousemove', onMove, { passive: true, signal });
    doc.addEventListener('mousedown', onDown, { capture: true, passive: true, signal });
  };
  for (const a of session.annotators) bind(a.doc);
  session.docBinders.push(bind);
  signal.addEventListener('abort', () => {
    clearTimers();
    if (frame) cancelAnimationFrame(frame);
  });
}
