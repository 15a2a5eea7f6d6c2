import { OWN_UI_ATTR } from './text-model';

export interface LateContentOptions {
  /** Text that must arrive before recognition runs again: max(minChars, share × text at start). */
  minChars?: number;
  share?: number;
  /** Quiet time that closes a batch of mutations. */
  delayMs?: number;
}

/**
 * A page that is not (yet) recognised as a report may still become one: SPA shells and CMS pages
 * that load the article body after document_idle. This watches how much text arrives — counting the
 * added subtrees' text once per batch, never re-reading the document — and calls `onGrow` once
 * enough has, so recognition runs again on the full page. One call per watcher; the caller starts a
 * new watcher if the page is still not a report.
 */
export function watchLateContent(
  doc: Document,
  baseChars: number,
  signal: AbortSignal,
  onGrow: () => void,
  options: LateContentOptions = {},
): void {
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  // The visible text at the last analysis (the text model's length): textContent would count the
  // page's own scripts, which on SPA shells outweigh the article.
  const base = baseChars;
  const needed = Math.max(options.minChars ?? 200, (options.share ?? 0.2) * base);
  let added = 0;
  let titleChanged = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const title = doc.title;
  const observer = new win.MutationObserver((records) => {
    for (const rec of records) {
      for (const n of rec.addedNodes) {
        if (n.nodeType === 1 && (n as Element).hasAttribute(OWN_UI_ATTR)) continue;
        added += n.textContent?.length ?? 0;
      }
    }
    if (doc.title !== title) titleChanged = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, options.delayMs ?? 400);
  });
  const check = () => {
    timer = null;
    if (signal.aborted) return;
    if (added >= needed || (titleChanged && added > 0)) {
      observer.disconnect();
      onGrow();
    }
  };
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    },
    { once: true },
  );
}
