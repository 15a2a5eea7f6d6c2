import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getDb } from '../lib/db/schema';
import { removePage, savePageReport } from '../lib/db/pages';
import { glossaryEntry } from '../lib/glossary/entries';
import { entryView } from '../lib/glossary/view';
import { i18nScope } from '../lib/background/labels';
import { onMessage, type EntryView, type PageState, type SaveResult } from '../lib/messaging/protocol';
import { sendToTab } from '../lib/messaging/tabs';
import { MAX_PAGE_TEXT, parseIds, parsePageGlossary, parsePageInput, parsePageReport, parseScript } from '../lib/messaging/validate';
import { analyzeInBackground, matchTextInBackground } from '../lib/background/analyze';
import { autoSave } from '../lib/settings';
import { ensureAllSitesScript } from '../lib/background/all-sites';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const MENU_ANNOTATE = 'report-lens-annotate';

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
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === MENU_ANNOTATE && tab?.id !== undefined) void annotateTab(tab.id);
    });
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'annotate-page' && tab?.id !== undefined) void annotateTab(tab.id);
    });
    void ensureAllSitesScript();
    browser.permissions.onAdded.addListener(() => void ensureAllSitesScript());
    browser.permissions.onRemoved.addListener(() => void ensureAllSitesScript());

    onMessage('analyzePage', ({ data }) => {
      const truncated = typeof data?.input?.text === 'string' && data.input.text.length > MAX_PAGE_TEXT;
      return analyzeInBackground(parsePageInput(data.input), data.force === true, truncated);
    });
    onMessage('matchText', ({ data }) => {
      const input = parsePageInput({ text: data.text, title: '', url: '', headings: [] });
      return matchTextInBackground(input.text, parsePageGlossary(data.pageGlossary));
    });

    onMessage('reportPage', async ({ data, sender }): Promise<SaveResult> => {
      const report = parsePageReport(data);
      const tabId = sender.tab?.id;
      if (tabId !== undefined) setBadge(tabId, report.termCount);
      if (!report.report.isReport || !(report.requested || (await autoSave.getValue()))) return { pageId: null, saved: false };
      try {
        const pageId = await savePageReport(getDb(), report);
        return { pageId, saved: true };
      } catch (e) {
        // A full disk (QuotaExceededError) or a blocked database: say so; the page keeps working.
        return { pageId: null, saved: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
    });

    onMessage('getEntries', async ({ data }) => {
      const ids = parseIds(data.ids);
      parseScript(data.script);
      const out: Record<string, EntryView> = {};
      const db = getDb();
      const users = await db.userEntries.bulkGet(ids);
      ids.forEach((id, i) => {
        const user = users[i];
        if (user && !user.hidden) out[id] = entryView(user, true, i18nScope());
        else if (!user?.hidden) {
          const entry = glossaryEntry(id);
          if (entry) out[id] = entryView(entry, false, i18nScope());
        }
      });
      return out;
    });

    onMessage('annotateTab', ({ data }) => annotateTab(data.tabId));

    onMessage('savePage', async ({ data }): Promise<SaveResult> => {
      let state: PageState | null = null;
      try {
        state = await sendToTab(data.tabId, 'getPageState');
      } catch {
        return { pageId: null, saved: false, error: 'no content script in this tab' };
      }
      if (!state) return { pageId: null, saved: false, error: 'page not annotated' };
      const report = parsePageReport({ ...state, report: { ...state.report, isReport: true } });
      const pageId = await savePageReport(getDb(), report);
      return { pageId, saved: true };
    });

    // For the headless demo and the end-to-end tests, which read what the extension itself found
    // through the service worker (worker.evaluate) instead of recomputing it.
    (globalThis as Record<string, unknown>).reportLens = {
      pageState: (tabId: number) => sendToTab(tabId, 'getPageState').catch(() => null),
      annotateTab,
    };

    onMessage('removePage', async ({ data }) => ({ removed: await removePage(getDb(), String(data.url)) }));
  },
});
