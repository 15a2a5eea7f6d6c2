import { browser } from 'wxt/browser';

const ID = 'report-lens-all-sites';
export const ALL_SITES = ['*://*/*'];

/**
 * Broader automatic matching is opt-in: when the user grants the optional host permission in the
 * options page, the same content script is registered for every site (it annotates only pages it
 * recognises as reports); when the permission goes, so does the registration.
 */
export async function ensureAllSitesScript(): Promise<void> {
  const granted = await browser.permissions.contains({ origins: ALL_SITES });
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (granted && !existing.length) {
    await browser.scripting.registerContentScripts([
      { id: ID, js: ['content-scripts/content.js'], matches: ALL_SITES, excludeMatches: ['*://*.gov.cn/*'], runAt: 'document_idle' },
    ]);
  } else if (!granted && existing.length) {
    await browser.scripting.unregisterContentScripts({ ids: [ID] });
  }
}
