import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageSession, type EntryInfo } from '../../lib/dom/session';
import { buildPageReport } from '../../lib/dom/page-report';
import { t } from '../../lib/i18n';
import { onMessage, sendMessage, type PageState, type SaveResult } from '../../lib/messaging/protocol';

// The same file runs from the manifest on *.gov.cn and from scripting.executeScript on request;
// a page must never get two sessions.
const INSTANCE = Symbol.for('report-lens.content');

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    const g = globalThis as Record<symbol, unknown>;
    if (g[INSTANCE]) return;
    g[INSTANCE] = true;

    let session: PageSession | null = null;
    let controller: AbortController | null = null;
    let saved: SaveResult = { pageId: null, saved: false };
    let requested = false;
    const entryCache = new Map<string, Promise<EntryInfo | null>>();

    const labels = {
      defined: t('tipDefined'),
      fromPage: t('tipFromPage'),
      unknown: t('tipUnknown'),
      components: t('tipComponents'),
      source: t('tipSource'),
      addEntry: t('tipAddEntry'),
      close: t('tipClose'),
    };

    const resolveEntry = (id: string): Promise<EntryInfo | null> => {
      let p = entryCache.get(id);
      if (!p) {
        const script = session?.analysis?.script ?? 'simplified';
        p = sendMessage('getEntries', { ids: [id], script })
          .then((r) => r[id] ?? null)
          .catch(() => null);
        entryCache.set(id, p);
      }
      return p;
    };

    const report = async () => {
      if (!session?.analysis) return;
      const data = buildPageReport(session, requested);
      try {
        saved = await sendMessage('reportPage', data);
      } catch (e) {
        saved = { pageId: null, saved: false, error: String(e) };
      }
    };

    let reportTimer: ReturnType<typeof setTimeout> | null = null;
    const start = async (force: boolean) => {
      controller?.abort();
      controller = new AbortController();
      entryCache.clear();
      session = new PageSession(
        window,
        {
          analyzer: {
            analyze: (input, force) => sendMessage('analyzePage', { input, force }),
            matchText: (text, pageGlossary) => sendMessage('matchText', { text, pageGlossary }),
          },
          force,
          labels,
          resolveEntry,
          onUpdate: () => {
            if (reportTimer) clearTimeout(reportTimer);
            reportTimer = setTimeout(() => void report(), 500);
          },
          onAddEntry: (term, sentence) => {
            const url = browser.runtime.getURL('/options.html');
            window.open(`${url}#add=${encodeURIComponent(term)}&context=${encodeURIComponent(sentence)}`, '_blank');
          },
        },
        controller.signal,
      );
      const analysis = await session.start();
      if (analysis.report.isReport || force) await report();
    };

    const state = (): PageState | null => {
      // Between start and the background's answer there is nothing to report yet.
      if (!session?.analysis) return null;
      return { ...buildPageReport(session, requested), annotated: !!controller && !controller.signal.aborted, ...saved };
    };

    onMessage('getPageState', () => state());
    onMessage('annotateRequested', async () => {
      requested = true;
      await start(true);
      return state();
    });
    onMessage('setAnnotations', async ({ data }) => {
      if (data.enabled) await start(requested || (session?.analysis?.report.isReport ?? false));
      else controller?.abort();
      return state();
    });
    onMessage('scrollToTarget', ({ data }) => {
      const target = session?.analysis?.targets[data.index];
      return !!target && !!session?.reveal(target.start, target.end);
    });

    void start(false);
  },
});
