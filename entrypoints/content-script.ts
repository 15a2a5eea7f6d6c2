import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageSession, type EntryInfo } from '../lib/dom/session';
import { watchLateContent } from '../lib/dom/late-content';
import { buildPageReport, TargetsUnknownError } from '../lib/dom/page-report';
import { lazyLabels } from '../lib/i18n';
import { onMessage, sendMessage as sendToExtension, type PageReport, type PageState, type ReportResult, type SaveResult } from '../lib/messaging/protocol';
import { extensionGone, whileConnected } from '../lib/dom/extension-gone';
import type { PageAnalysis } from '../lib/analyze';
import { ScriptToggle } from '../lib/dom/script-toggle';
import { remoteAnalyzer } from '../lib/messaging/remote-analyzer';
import { reportedTargets } from '../lib/messaging/report-limits';
import { sendInParts, type SendPart } from '../lib/messaging/send-in-parts';

// The same file runs from the manifest on *.gov.cn and from scripting.executeScript on request;
// a page must never get two sessions.
const INSTANCE = Symbol.for('report-lens.content');

// Declared in wxt.config.ts (content_scripts, *.gov.cn, document_idle) rather than with
// defineContentScript: WXT's content-script wrapper announces every start to the page —
// window.postMessage({ type: '<extension id>:content:wxt:content-script-started' }) and an event of that
// type on document — which tells any page that Report Lens is installed, and its id. This script needs
// none of that wrapper's context; the INSTANCE guard below keeps one session per page.
export default defineUnlistedScript({
  main() {
    const g = globalThis as Record<symbol, unknown>;
    if (g[INSTANCE]) return;
    g[INSTANCE] = true;
    // Where the in-page pass starts; lib/dom/annotator marks its steps (read by `npm run bench`).
    performance.mark('report-lens:start');

    let session: PageSession | null = null;
    let controller: AbortController | null = null;
    let saved: SaveResult = { pageId: null, saved: false };
    let requested = false;
    const entryCache = new Map<string, Promise<EntryInfo | null>>();
    let started: Promise<unknown> = Promise.resolve();

    // The extension reloaded or updated while the page stays open leaves this script cut off (see
    // lib/dom/extension-gone): the first message or tooltip that finds it so lets go of the page — its
    // highlights, tooltip, observers and listeners go, a converted page gets its own text back — rather
    // than throw at every change of the page. The reader can annotate the page again (a new script).
    let gone = false;
    const letGo = () => {
      if (gone) return;
      gone = true;
      if (reportTimer) clearTimeout(reportTimer);
      controller?.abort();
      scriptToggle.dispose();
    };
    const sendMessage = whileConnected(sendToExtension, letGo);
    const connected = () => !extensionGone() || (letGo(), false);

    // Looked up on first use: eight i18n calls cost ~3.5 ms of start-up on every report page, and
    // most pages never open a tooltip.
    const labels = lazyLabels({
      defined: 'tipDefined',
      fromPage: 'tipFromPage',
      unknown: 'tipUnknown',
      components: 'tipComponents',
      source: 'tipSource',
      addEntry: 'tipAddEntry',
      close: 'tipClose',
      mine: 'tipMine',
    });

    const resolveEntry = (id: string): Promise<EntryInfo | null> => {
      // Keyed by script too: an entry asked for while the toggle re-reads the page must not stay cached
      // in the script the page has just left.
      const script = session?.analysis?.script ?? 'simplified';
      const key = `${script}:${id}`;
      let p = entryCache.get(key);
      if (!p) {
        p = sendMessage('getEntries', { ids: [id], script }).then(
          (r) => r?.[id] ?? null,
          // Not kept: a failed fetch (the worker restarting) must not leave the term without its
          // definition for the life of the page; the next hover asks again.
          () => {
            if (entryCache.get(key) === p) entryCache.delete(key);
            return null;
          },
        );
        entryCache.set(key, p);
      }
      return p;
    };

    // runtime.sendMessage serialises a message synchronously on the page's main thread, in a microtask
    // the messaging library queues before ours (it awaits once before posting): report-lens:send and
    // :sent bracket that work for the page text's messages (5–14 ms for seed 003's 77,000 characters on a
    // 2-core machine), so that `npm run bench` counts it as ours.
    const timed = <T>(send: () => Promise<T>): Promise<T> => {
      performance.mark('report-lens:send');
      const sent = send();
      queueMicrotask(() => performance.mark('report-lens:sent'));
      return sent;
    };
    const sendPart: SendPart = (data) => sendMessage('pageText', data);
    const analyzer = remoteAnalyzer({
      pageText: (data) => timed(() => sendMessage('pageText', data)),
      analyzePage: (data) => timed(() => sendMessage('analyzePage', data)),
      pageTargets: (data) => sendMessage('pageTargets', data),
      matchText: (data) => sendMessage('matchText', data),
    });
    // The background answers with the terms first; the targets follow (lib/messaging/remote-analyzer).
    // They are extracted when asked for, so the page's own report asks once the page is idle: on a
    // 2-core machine that extraction otherwise runs while the browser paints the new highlights.
    const whenIdle = () =>
      new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 50)));
    const targetsReady = async () => {
      const analysis = session?.analysis;
      if (analysis) await analyzer.targetsOf(analysis);
    };

    // The reader removed this page from the library (the popup tells us; after a removal elsewhere the
    // background refuses the next report): content the page adds later must not save it back behind
    // their back. It holds for that read only — a new page in the same document (pushState, a new
    // body) or a fresh start reports as usual — and saving it again from the popup lifts it.
    let removedRead: string | null = null;
    // Bumped by the popup's save or remove: a refusal that was already on its way when the reader
    // saved the page again must not stop the reports of the page they just saved.
    let savedEpoch = 0;
    const currentRead = () => (session?.top ? `${session.top.readAt}\u0000${session.top.url}` : null);
    // Highlights switched off and on again read the page afresh, but the reader has not come back to it:
    // a refusal of the read before carries over to the new read of the same address (not to another
    // page, and not to Alt+Shift+L, which asks for this page to be saved).
    let carriedRemoval: string | null = null;
    // The same for a removal the tab was not told of (the library's delete or clear): the new read keeps
    // the time of the read before, so the background's removal check (lib/db/removals) still refuses it.
    let carriedRead: { address: string; readAt: number } | null = null;
    const addressOf = (url: string) => url.split('#', 1)[0]!;
    // Tells a popup open for this tab that its state changed (lib/ui/follow-tab) — its read, its save or
    // its script; it reads the state again itself. Refused when no popup is open to hear it (Chrome: no
    // receiving end), which is fine.
    const announce = () => void sendMessage('pageChanged').catch(() => {});
    const report = async () => {
      const analysis = session?.analysis;
      if (!analysis) return;
      // While the background holds the targets it extracted for this analysis, the report names them
      // by token instead of carrying them: they never cross into the page and back (on the 1 MB page,
      // 660 targets whose arrival, report and send made a 50–58 ms task here). Once the page holds
      // them (the popup asked), or the worker lost them, the report carries them.
      const token = analyzer.heldToken(analysis);
      if (!token) await targetsReady();
      if (!session?.analysis || (removedRead !== null && removedRead === currentRead())) return;
      const epoch = savedEpoch;
      const read = currentRead();
      try {
        let answer = token ? await sendReport(analysis, token) : null;
        if (!answer || answer.targetsGone) {
          await targetsReady();
          answer = await sendReport(analysis, null);
        }
        // Targets unknown (the background could not give them): saving now would wipe the page's
        // stored targets. The next report tries again. Or a new read replaced this one meanwhile.
        if (!answer) return;
        if (epoch !== savedEpoch) return;
        saved = { pageId: answer.pageId, saved: answer.saved, ...(answer.error ? { error: answer.error } : {}), ...(answer.removed ? { removed: true } : {}) };
        if (saved.removed === true) removedRead = read;
      } catch (e) {
        if (epoch === savedEpoch) saved = { pageId: null, saved: false, error: String(e) };
      }
    };
    // Said once the answer is in `saved` (a popup that read the state before would show it unsaved), and
    // also when no report went out (a page the reader removed): its terms and targets changed all the same.
    const reportAndAnnounce = () => report().finally(announce);
    const sendReport = async (analysis: PageAnalysis, token: string | null): Promise<ReportResult | null> => {
      if (!session || session.analysis !== analysis) return null;
      let data: PageReport;
      try {
        data = buildPageReport(session, requested, token === null);
      } catch (e) {
        if (e instanceof TargetsUnknownError) return null;
        throw e;
      }
      return sendInParts(sendPart, JSON.stringify(data), (json, textId) =>
        sendMessage('reportPage', { json, ...(textId ? { textId } : {}), ...(token ? { targetsToken: token } : {}) }),
      );
    };

    let reportTimer: ReturnType<typeof setTimeout> | null = null;
    const start = async (force: boolean) => {
      controller?.abort();
      controller = new AbortController();
      entryCache.clear();
      session = new PageSession(
        window,
        {
          analyzer,
          force,
          labels,
          resolveEntry,
          connected,
          settle: () => scriptToggle.settled(),
          onUpdate: () => {
            if (reportTimer) clearTimeout(reportTimer);
            reportTimer = setTimeout(() => void reportAndAnnounce().catch(() => {}), 500);
          },
          onAddEntry: (term, sentence) => {
            // A web page may not open an extension page (it is not web-accessible), so the
            // background opens the editor; the page's address, title and year prefill the source.
            const year = session?.analysis?.report.year ?? null;
            void sendMessage('openAddEntry', { term, context: sentence, url: location.href, title: document.title, year }).catch(() => {});
          },
        },
        controller.signal,
      );
      const signal = controller.signal;
      const starting = session.start();
      started = starting;
      const analysis = await starting;
      // A new read is there to show (its targets and save come with the report below, said again then).
      announce();
      const carried = carriedRemoval;
      const carriedAt = carriedRead;
      carriedRemoval = carriedRead = null;
      if (carriedAt !== null && session.top && addressOf(session.top.url) === carriedAt.address) session.top.readAt = carriedAt.readAt;
      if (carried !== null && session.top && addressOf(session.top.url) === carried) removedRead = currentRead();
      if (analysis.report.isReport || force) {
        await whenIdle();
        await reportAndAnnounce();
      }
      else {
        watchLateContent(document, session.top?.model.text.length ?? 0, signal, () => void start(false));
        // Frames that finish loading later may be what makes the page a report (see PageSession).
        document.addEventListener('load', (e) => e.target instanceof HTMLIFrameElement && void start(false), { capture: true, signal });
      }
    };

    // What the last analysis found; kept while highlights are off so the popup still shows it.
    let last: (PageReport & { targetsToken?: string }) | null = null;
    // The analysis and text `last` names its targets from while it names them by token: once that
    // analysis's session is gone (highlights off, a new read under way), a state asked with its targets
    // fetches them from it — the worker may have lost them (restarted), and the session can't give them.
    let lastSource: { analysis: PageAnalysis; text: string } | null = null;
    /**
     * While the background holds the targets (their token), the state names them instead of carrying
     * them, and the background fills them in (tabState): on the 1 MB page, 660 targets would otherwise
     * cross into the page and back each time the popup opens. `withTargets`: the page fetches them first.
     */
    const state = async (withTargets = false): Promise<PageState | null> => {
      const analysis = session?.analysis;
      let token = analysis ? analyzer.heldToken(analysis) : null;
      if (analysis && (withTargets || !token)) {
        await targetsReady();
        token = null;
      }
      // Between start and the background's answer there is nothing to report yet.
      if (session?.analysis) {
        try {
          const held = session.analysis === analysis ? token : null;
          last = { ...buildPageReport(session, requested, held === null), ...(held ? { targetsToken: held } : {}) };
          lastSource = held ? { analysis: session.analysis, text: session.top?.model.text ?? '' } : null;
        } catch (e) {
          if (!(e instanceof TargetsUnknownError)) throw e;
        }
      }
      let shown = last;
      if (withTargets && shown?.targetsToken) {
        const named = shown;
        const source = lastSource;
        // Targets unknown: a state without them would be shown, and saved, as a page with none.
        if (!source || !(await analyzer.targetsOf(source.analysis))) return null;
        const { targetsToken: _named, ...rest } = named;
        shown = { ...rest, targets: reportedTargets(source.analysis.targets, source.text) };
        if (last === named) {
          last = shown;
          lastSource = null;
        }
      }
      if (!shown) return null;
      return { ...shown, annotated: !!controller && !controller.signal.aborted, ...saved };
    };

    onMessage('getPageState', ({ data }) => state(data?.withTargets === true));
    onMessage('savedChanged', ({ data }) => {
      saved = {
        pageId: data.pageId ?? null,
        saved: data.saved === true,
        ...(data.error ? { error: String(data.error) } : {}),
        ...(data.removed === true ? { removed: true } : {}),
      };
      savedEpoch++;
      if (data.removed === true) removedRead = currentRead();
      else if (saved.saved) removedRead = carriedRemoval = carriedRead = null;
    });
    onMessage('annotateRequested', async () => {
      requested = true;
      carriedRemoval = carriedRead = null;
      await start(true);
      return state();
    });
    onMessage('setAnnotations', async ({ data }) => {
      if (data.enabled) await start(requested || (session?.analysis?.report.isReport ?? false));
      else {
        // Noted now: switching off drops the session, and with it the read the refusal names.
        if (removedRead !== null && removedRead === currentRead() && session?.top) carriedRemoval = addressOf(session.top.url);
        if (session?.top?.readAt) carriedRead = { address: addressOf(session.top.url), readAt: session.top.readAt };
        controller?.abort();
      }
      return state();
    });
    const scriptToggle = new ScriptToggle(document, {
      convert: (request) => sendMessage('convertTexts', request),
      pageScript: () => session?.analysis?.script ?? null,
      onToggled: async (toggled, documents) => {
        // Tooltips fetch glossary text in the page's script, and the annotation's ranges collapsed.
        entryCache.clear();
        await started.catch(() => {});
        for (const doc of documents) await session?.reannotate(doc);
        await sendMessage('rememberSiteScript', { script: toggled.converted ? toggled.current : null });
      },
      onFrameConverted: async (doc) => {
        await started.catch(() => {});
        await session?.reannotate(doc);
      },
      // A popup open for this tab shows the toggle's label: the shortcut, the context menu or the site
      // memory toggled the page without it.
      onSettled: announce,
    });
    onMessage('getScriptState', () => scriptToggle.state);
    onMessage('toggleScript', () => scriptToggle.toggle());

    onMessage('scrollToTarget', ({ data }) => {
      const { start: from, end: to } = data ?? ({} as { start?: unknown; end?: unknown });
      const length = session?.top?.model.text.length ?? 0;
      if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) < 0 || (from as number) >= (to as number) || (to as number) > length) return false;
      return !!session?.reveal(from as number, to as number);
    });

    void start(false)
      .catch(() => {})
      // A site the user keeps in the other script is converted on every visit.
      .then(() => sendMessage('siteScript'))
      .then((to) => to && scriptToggle.ensure(to))
      .catch(() => {});
  },
});
