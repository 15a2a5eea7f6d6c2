import type { PageState } from '../../lib/messaging/protocol';
import type { ExtensionBrowser } from './harness';

/** The content script's state for a tab, asked through the extension's own service worker. */
export async function pageStateOf(ext: ExtensionBrowser, tabId: number): Promise<PageState | null> {
  return ext.worker.evaluate(
    (id) => (globalThis as unknown as { reportLens: { pageState(id: number): Promise<PageState | null> } }).reportLens.pageState(id),
    tabId,
  );
}

/**
 * Whether the background has answered the content script's report of the page: saved, refused as
 * removed by the reader, or failed. The state is readable before that — the report waits for the page
 * to be idle (up to 500 ms) and then for the save — and on a busy machine it can stay unchanged, unsaved,
 * long enough to look settled. Pages the content script does not report (not a report, not requested)
 * have no answer to wait for.
 */
function reportAnswered(state: PageState): boolean {
  return !state.report.isReport || state.saved || state.removed === true || state.error !== undefined;
}

/**
 * Waits until the content script has reported, the background has answered the report, and its
 * findings stopped changing (late content, iframes). Returns null when no content script answered (a
 * page outside the automatic matches).
 */
export async function waitForState(ext: ExtensionBrowser, tabId: number, timeoutMs = 15_000): Promise<PageState | null> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let stable = 0;
  let state: PageState | null = null;
  while (Date.now() < deadline) {
    state = await pageStateOf(ext, tabId);
    const sig = state ? `${state.termCount}|${state.targets.length}|${state.report.kind}|${state.saved}` : '';
    if (state && reportAnswered(state) && sig === last) {
      if (++stable >= 2) return state;
    } else stable = 0;
    last = sig;
    await new Promise((r) => setTimeout(r, 250));
  }
  return state;
}
