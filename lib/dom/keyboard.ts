import type { PageSession } from './session';

/** Alt+Shift+N / Alt+Shift+P move to the next / previous term and open it; Tab reaches its button; Esc closes. */
export const NEXT_KEY = { code: 'KeyN', altKey: true, shiftKey: true };
export const PREV_KEY = { code: 'KeyP', altKey: true, shiftKey: true };

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

export function initKeyboard(session: PageSession, signal: AbortSignal): void {
  let index = -1;
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
    const terms = session.allTerms();
    if (!terms.length) return;
    e.preventDefault();
    e.stopPropagation();
    index = (index + dir + terms.length) % terms.length;
    const hit = terms[index]!;
    const range = hit.annotator.rangeOf(hit.span);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    void session.open(hit, true);
  };
  // The tooltip finds out itself that its term left the page (at its next position update); the session's
  // state (focus highlight, keyboard-opened) goes with it, so nothing is left to close on the next Esc.
  session.tooltip.onGone = () => session.close();
  const bind = (doc: Document) => doc.addEventListener('keydown', onKey, { capture: true, signal });
  for (const a of session.annotators) bind(a.doc);
  session.docBinders.push(bind);
}
