import { browser } from 'wxt/browser';

const ID = 'report-lens-all-sites';
export const ALL_SITES = ['*://*/*'];
/** The content script's file (entrypoints/content-script.ts), as the manifest names it. */
const SCRIPT = 'content-script.js';

/**
 * Broader automatic matching is opt-in: when the user grants the optional host permission in the
 * options page, the same content script is registered for every site (it annotates only pages it
 * recognises as reports); when the permission goes, so does the registration.
 */
export async function ensureAllSitesScript(): Promise<void> {
  const granted = await browser.permissions.contains({ origins: ALL_SITES });
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  // A registration kept from a build whose content script had another file name (content-scripts/content.js,
  // when it was declared with defineContentScript) would inject nothing: it is made again.
  const stale = existing.filter((s) => s.js?.join() !== SCRIPT);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: [ID] });
  if (granted && (!existing.length || stale.length)) {
    await browser.scripting.registerContentScripts([{ id: ID, js: [SCRIPT], matches: ALL_SITES, excludeMatches: ['*://*.gov.cn/*'], runAt: 'document_idle' }]);
  } else if (!granted && existing.length && !stale.length) {
    await browser.scripting.unregisterContentScripts({ ids: [ID] });
  }
}
