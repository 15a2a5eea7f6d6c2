/**
 * Same-origin iframes are read from the top document (lib/dom/session annotates them, lib/dom/script-toggle
 * converts them): the content script runs in the top frame only (no all_frames in wxt.config.ts, and
 * scripting.executeScript targets the top frame). Only the top document's own iframes are read.
 */

/**
 * The document of a same-origin iframe once it has loaded, else null. A cross-origin frame has no
 * document for us (null, or a SecurityError in some engines): the browser keeps it apart, and neither
 * annotation nor the toggle reach it. A frame still loading shows its initial about:blank document,
 * which its real one replaces (its load event follows).
 */
export function loadedFrameDocument(frame: HTMLIFrameElement): Document | null {
  let doc: Document | null;
  try {
    doc = frame.contentDocument;
  } catch {
    return null;
  }
  if (!doc || doc.readyState === 'loading' || doc.URL === 'about:blank') return null;
  return doc;
}

/** Whether an event target is an iframe element (by name: the frame's element may come from another realm's constructors). */
export function isFrameElement(target: EventTarget | null): target is HTMLIFrameElement {
  return !!target && (target as Element).localName === 'iframe' && (target as Element).namespaceURI === 'http://www.w3.org/1999/xhtml';
}
