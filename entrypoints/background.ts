import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getDb } from '../lib/db/schema';
import { pageKey } from '../lib/db/page-key';
import { removePage } from '../lib/db/pages';
import { dropRemovalNotes } from '../lib/db/removals';
import { storeReport } from '../lib/background/save';
import { glossaryEntry } from '../lib/glossary/entries';
import { entryView } from '../lib/glossary/view';
import { i18nScope } from '../lib/background/labels';
import { onMessage, type EntryView, type PageState, type ReportResult, type SaveResult } from '../lib/messaging/protocol';
import { sendToTab } from '../lib/messaging/tabs';
import {
  MAX_PAGE_TEXT,
  MessageError,
  parseAddEntryRequest,
  parseData,
  parseIds,
  parsePageGlossary,
  parsePageInput,
  parseJsonText,
  parsePageReport,
  parseScript,
  parseTabId,
  parseTargetsToken,
  parseTextId,
  parseTextPart,
} from '../lib/messaging/validate';
import { packTerms } from '../lib/messaging/term-wire';
import { addTextPart, takeText } from '../lib/background/text-parts';
import { requireExtensionPage, requireSameSite, senderDocument } from '../lib/messaging/senders';
import { analyzeInBackground, heldReportTargets, heldTabTargets, laterTargets, matchTextInBackground, setUserMatchers } from '../lib/background/analyze';
import { liveUserMatcher } from '../lib/db/user-entries';
import { addEntryHash, effectiveEntry } from '../lib/glossary/user';
import { autoSave } from '../lib/settings';
import { convertForPage, entriesInScript, rememberSiteFor, siteScriptFor, toggleScriptTab } from '../lib/background/script-toggle';
import { ensureAllSitesScript } from '../lib/background/all-sites';

const CONTENT_SCRIPT = '/content-script.js';

/** A message's text with the parts sent ahead of it (pageText) in front. */
function wholeText(textId: unknown, rest: unknown, what: string): string {
  if (typeof rest !== 'string') throw new MessageError(`${what}: expected the text's last part`);
  const whole = takeText(parseTextId(textId, `${what}.textId`), rest);
  // The content script sends the whole text again on this error (lib/messaging/remote-analyzer).
  if (whole === null) throw new MessageError(`${what}.textId: the text's earlier parts are gone (the worker restarted?)`);
  return whole;
}
const MENU_ANNOTATE = 'report-lens-annotate';
const MENU_TOGGLE_SCRIPT = 'report-lens-toggle-script';

/** Asks the tab's content script to annotate; injects it first when the page has none (activeTab). */
async function annotateTab(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    await sendToTab(tabId, 'annotateRequested');
    return { ok: true };
  } catch {
    // No receiver: the page is outside the automatic matches. activeTab grants this tab for the gesture.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    await sendToTab(tabId, 'annotateRequested');
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A tab's state as its content script tells it, with the targets this worker holds for it filled in
 * (the content script names them by token rather than receiving them: lib/background/analyze). A worker
 * that no longer holds them asks the tab for a state that carries them.
 */
async function tabState(tabId: number): Promise<PageState | null> {
  const state = await checkSaved(tabId, await sendToTab(tabId, 'getPageState'));
  if (!state?.targetsToken) return state;
  const { targetsToken, ...rest } = state;
  const targets = heldTabTargets(parseTargetsToken({ token: targetsToken }), tabId);
  if (targets) return { ...rest, targets };
  const again = await sendToTab(tabId, 'getPageState', { withTargets: true });
  // Still by token: the page could not give them either, and a state without them would be saved as none.
  if (!again || again.targetsToken) return null;
  const { targetsToken: _unused, ...whole } = again;
  return whole;
}

/**
 * The tab's word that its page is saved, checked against the library: the library page deletes pages
 * (one, or all) in the database itself, without knowing which tabs show them, so a tab can still think
 * its page saved. Found gone, the tab is told, as after the popup's own removal.
 */
async function checkSaved(tabId: number, state: PageState | null): Promise<PageState | null> {
  // A tab that thinks its page saved, or removed by the reader: both may be out of date.
  if (!state || (!state.saved && !state.removed)) return state;
  let page;
  try {
    page = await getDb().pages.where('url').equals(pageKey(state.url)).first();
  } catch {
    // An unreadable database proves nothing gone: the tab's word stands.
    return state;
  }
  // Looked up by address, not by the tab's id: a library cleared and restored from its export holds the
  // page under another id (and again after the tab was told it was removed), and the tab's later reports
  // must keep updating it.
  if (page ? state.saved && page.id === state.pageId : !state.saved) return state;
  const now = page ? { pageId: page.id, saved: true } : { pageId: null, saved: false, removed: true };
  await sendToTab(tabId, 'savedChanged', now).catch(() => {});
  const { removed: _was, ...rest } = state;
  return { ...rest, ...now };
}

function setBadge(tabId: number, count: number): void {
  const text = count > 999 ? '999+' : count > 0 ? String(count) : '';
  void browser.action.setBadgeText({ tabId, text }).catch(() => {});
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#b5651d' }).catch(() => {});
}

export default defineBackground({
  type: 'module',
  main() {
    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.create({ id: MENU_ANNOTATE, title: browser.i18n.getMessage('menuAnnotate'), contexts: ['page', 'selection'] });
      browser.contextMenus.create({ id: MENU_TOGGLE_SCRIPT, title: browser.i18n.getMessage('menuToggleScript'), contexts: ['page', 'selection'] });
    });
    // Removal notes guard reads made before a removal (lib/db/removals); a browser start has none left.
    browser.runtime.onStartup.addListener(() => void dropRemovalNotes(getDb()));
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === MENU_ANNOTATE && tab?.id !== undefined) void annotateTab(tab.id);
      if (info.menuItemId === MENU_TOGGLE_SCRIPT && tab?.id !== undefined) void toggleScriptTab(tab.id, CONTENT_SCRIPT);
    });
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'annotate-page' && tab?.id !== undefined) void annotateTab(tab.id);
      if (command === 'toggle-script' && tab?.id !== undefined) void toggleScriptTab(tab.id, CONTENT_SCRIPT);
    });
    void ensureAllSitesScript();
    browser.permissions.onAdded.addListener(() => void ensureAllSitesScript());
    browser.permissions.onRemoved.addListener(() => void ensureAllSitesScript());

    // A content script's analyzePage is usually what wakes this worker, and its handler reads the
    // user's glossary: start opening the database now (~100 ms in a fresh worker), before the message
    // is dispatched, so the open overlaps the analysis instead of preceding it.
    void getDb().open().catch(() => {});
    // The user's glossary comes first, so their entries win where they overlap bundled ones.
    const userMatcher = liveUserMatcher(getDb());
    setUserMatchers(async () => {
      const m = await userMatcher.get().catch(() => null);
      return m ? [m] : [];
    });
    // Starting is all the wake script asks for (entrypoints/wake.content.ts); the database open above
    // is under way by now. Warming the pipeline on a few lines was tried: no gain measurable on seed 003,
    // whose cost in a fresh worker is running long loops before V8 optimises them, not compiling them.
    // Warming on the glossary's 26K characters of definitions, in 4K slices while the page loads, was
    // tried too (A/B, 2 × 5 stopped-worker loads each, page at once / body after 150 / 300 ms): no
    // better, often worse — on 2 cores the warm-up competes with the page's own loading.
    onMessage('wake', () => {});
    const extensionBase = browser.runtime.getURL('/');
    onMessage('pageText', ({ data }) => {
      const { id, part, at } = parseTextPart(data);
      addTextPart(id, part, at);
    });
    onMessage('analyzePage', async ({ data, sender }) => {
      const d = parseData(data, 'analyzePage');
      const input = { ...parseData(d.input, 'analyzePage.input') };
      if (d.textId !== undefined) input.text = wholeText(d.textId, input.text, 'analyzePage');
      const truncated = typeof input.text === 'string' && input.text.length > MAX_PAGE_TEXT;
      const topTab = sender.frameId === 0 ? (sender.tab?.id ?? null) : null;
      const { terms, ...rest } = await analyzeInBackground(parsePageInput(input), d.force === true, truncated, d.deferTargets === true, senderDocument(sender), topTab);
      return { ...rest, terms: packTerms(terms) };
    });
    onMessage('pageTargets', ({ data, sender }) => laterTargets(parseTargetsToken(data), senderDocument(sender)));
    onMessage('matchText', async ({ data }) => {
      const d = parseData(data, 'matchText');
      const text = d.textId !== undefined ? wholeText(d.textId, d.text, 'matchText') : d.text;
      const input = parsePageInput({ text, title: '', url: '', headings: [] });
      return packTerms(await matchTextInBackground(input.text, parsePageGlossary(d.pageGlossary)));
    });

    onMessage('reportPage', async ({ data, sender }): Promise<ReportResult> => {
      const d = parseData(data, 'reportPage');
      const json = d.textId !== undefined ? wholeText(d.textId, d.json, 'reportPage') : d.json;
      if (typeof json !== 'string') throw new MessageError('reportPage.json: expected a string');
      let parsed = parseJsonText(json, 'reportPage.json');
      if (d.targetsToken !== undefined) {
        // The page's targets are the ones this worker extracted and holds (lib/background/analyze).
        const targets = heldReportTargets(parseTargetsToken({ token: d.targetsToken }), senderDocument(sender));
        if (!targets) return { pageId: null, saved: false, targetsGone: true };
        if (typeof parsed === 'object' && parsed !== null) parsed = { ...parsed, targets };
      }
      const report = parsePageReport(parsed);
      requireSameSite(report.url, sender, 'reportPage');
      const tabId = sender.tab?.id;
      if (tabId !== undefined) setBadge(tabId, report.termCount);
      return storeReport(getDb(), report, {
        autoSave: await autoSave.getValue(),
      });
    });

    onMessage('getEntries', async ({ data }) => {
      const d = parseData(data, 'getEntries');
      const ids = parseIds(d.ids);
      const script = parseScript(d.script);
      const out: Record<string, EntryView> = {};
      const db = getDb();
      const users = await db.userEntries.bulkGet(ids);
      ids.forEach((id, i) => {
        const user = users[i];
        const entry = effectiveEntry(glossaryEntry(id), user);
        if (entry) out[id] = entryView(entry, !!user, i18nScope());
      });
      return entriesInScript(out, script);
    });

    onMessage('convertTexts', ({ data }) => convertForPage(data));
    onMessage('siteScript', ({ sender }) => siteScriptFor(sender));
    onMessage('rememberSiteScript', ({ data, sender }) => rememberSiteFor(sender, data?.script ?? null));
    onMessage('toggleScriptTab', ({ data, sender }) => {
      requireExtensionPage(sender, extensionBase, 'toggleScriptTab');
      return toggleScriptTab(parseTabId(parseData(data, 'toggleScriptTab').tabId), CONTENT_SCRIPT);
    });

    onMessage('annotateTab', ({ data, sender }) => {
      requireExtensionPage(sender, extensionBase, 'annotateTab');
      return annotateTab(parseTabId(parseData(data, 'annotateTab').tabId));
    });

    onMessage('openAddEntry', async ({ data, sender }) => {
      const request = parseAddEntryRequest(data);
      const tab = sender.tab;
      await browser.tabs.create({
        url: browser.runtime.getURL('/options.html') + addEntryHash(request),
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      });
    });

    onMessage('tabState', ({ data, sender }) => {
      requireExtensionPage(sender, extensionBase, 'tabState');
      return tabState(parseTabId(parseData(data, 'tabState').tabId));
    });

    onMessage('savePage', async ({ data, sender }): Promise<SaveResult> => {
      requireExtensionPage(sender, extensionBase, 'savePage');
      const tabId = parseTabId(parseData(data, 'savePage').tabId);
      let state: PageState | null = null;
      try {
        state = await tabState(tabId);
      } catch {
        return { pageId: null, saved: false, error: 'no content script in this tab' };
      }
      if (!state) return { pageId: null, saved: false, error: 'page not annotated' };
      const result = await storeReport(getDb(), parsePageReport(state), { autoSave: true, force: true });
      await sendToTab(tabId, 'savedChanged', result).catch(() => {});
      return result;
    });

    // For the headless demo and the end-to-end tests, which read what the extension itself found
    // through the service worker (worker.evaluate) instead of recomputing it.
    (globalThis as Record<string, unknown>).reportLens = {
      pageState: (tabId: number) => tabState(tabId).catch(() => null),
      annotateTab,
      toggleScriptTab: (tabId: number) => toggleScriptTab(tabId, CONTENT_SCRIPT),
    };

    onMessage('removePage', async ({ data, sender }) => {
      requireExtensionPage(sender, extensionBase, 'removePage');
      const d = parseData(data, 'removePage');
      if (typeof d.url !== 'string') throw new MessageError('removePage.url: expected a string');
      const removed = await removePage(getDb(), d.url);
      if (d.tabId !== undefined) await sendToTab(parseTabId(d.tabId), 'savedChanged', { pageId: null, saved: false, removed: true }).catch(() => {});
      return { removed };
    });
  },
});
