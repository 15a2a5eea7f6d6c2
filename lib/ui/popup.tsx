import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendMessage, type PageState, type Script } from '../messaging/protocol';
import { entryHeadword } from '../glossary/headword';
import { sendToTab } from '../messaging/tabs';
import { errorText } from './library/confirm-dialog';
import { reasonLine, reasonPhrases } from './reasons';
import { ErrorAlert, ScriptToggleButton } from './script-toggle-button';
import { storageFullText } from './storage-full';
import { followTab } from './follow-tab';
import { serialRefresh } from './serial-refresh';
import { rereader } from './reread';
import { writtenParts } from '../text/as-written';
import { foldChars } from '../text/normalize';
import type { Target } from '../types';

/**
 * `reading`: the tab could not be read yet (navigating, or its content script not done with its first
 * read) and is read again shortly; `unread`: those reads are spent. Neither is 未标注 (`none`), which is
 * said only of a page that has finished loading with no content script to answer: one not annotated.
 */
type Status =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'unavailable' }
  | { kind: 'reading' }
  | { kind: 'unread' }
  | { kind: 'ready'; state: PageState };
/** What the last action came to: said in the reader's language; the browser's own text, if any, on request. */
type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; detail?: string };

/** An action that did not do what it says: the message to show, and the raw reason. */
class ActionFailed extends Error {
  constructor(
    readonly text: string,
    readonly detail?: string,
  ) {
    super(text);
  }
}

/** The tab the popup is about: `?tab=ID` (tests, the library) or the active tab of the window. */
async function currentTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The tab's state as the popup shows it. A failed ask is 未标注 only once the tab has loaded: mid-
 * navigation the old document's script is gone (the message port closed) and the new one's has not
 * started (no receiving end), the same errors as a page nothing runs in, and the page was not judged.
 *
 * A brief 未标注 remains possible at the edges of a navigation, until the new page's notice: measured
 * (2026-12-03, 74 reloads of seed-000, seed-003, spa.html and a tiny page, the tab polled from the worker
 * as fast as it answers), the tab never said `complete` before the new document's content script
 * answered (document_idle runs before Chrome reports the load done; the script listens from its first
 * line), but twice it still said `complete` for tens of ms after the old document had stopped answering,
 * as a reload began. Not worked around, for want of a clean signal: the worker cannot read a *.gov.cn
 * tab's URL (no `tabs` permission; only activeTab gives it, and a gov.cn PDF or error page runs nothing);
 * remembering the wake script's tabs would need a tabs.onUpdated listener in the worker, which Chrome
 * would start for every tab update on every site, or keep a remembered tab after it left for a page
 * nothing runs in; a flag kept here ("this tab's document answered") can be fooled by the old document
 * answering after the tab said `loading`; a second look before 未标注 delays it on every page not
 * annotated, the usual case, to catch a rare one.
 */
async function readTab(tabId: number): Promise<Status> {
  try {
    const state = await sendMessage('tabState', { tabId });
    // A content script answers null until its first read is done.
    return state ? { kind: 'ready', state } : { kind: 'reading' };
  } catch {
    const loading = await browser.tabs.get(tabId).then(
      (tab) => tab.status === 'loading',
      // The tab is gone: there is nothing more to read of it.
      () => false,
    );
    return loading ? { kind: 'reading' } : { kind: 'none' };
  }
}

const ARROWS = { increase: '↑', decrease: '↓', level: '→' } as const;

/** The target in one line, its unit and qualifier as its page writes them (62萬噸 以上 on a traditional page). */
export function targetLine(target: Target): string {
  const { unit, qualifier } = writtenParts(target);
  const value = target.value === null ? '' : target.valueMax !== null ? `${target.value}–${target.valueMax}${unit}` : `${target.value}${unit}`;
  return [target.indicator, ARROWS[target.direction], value, qualifier].filter(Boolean).join(' ');
}

export interface SectionGroup {
  /** The section folded (simplified, half-width): what the group is keyed by. */
  key: string;
  /** The section as the page writes it (its first target's), or — for none. */
  label: string;
  rows: { target: Target; index: number }[];
}

/**
 * Targets by section, in page order. Sections are shown in the page's script (堅定不移保穩定) but grouped
 * folded: a page mixing scripts (a traditional mirror quoting a simplified heading, a frame of the other
 * script) still gives one heading one group, as before sections were shown as written.
 */
export function groupBySection(targets: readonly Target[]): SectionGroup[] {
  const groups = new Map<string, SectionGroup>();
  targets.forEach((target, index) => {
    const key = foldChars(target.section);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: target.section || '—', rows: [] }));
    group.rows.push({ target, index });
  });
  return [...groups.values()];
}

export function Popup() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [showReasons, setShowReasons] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Bumped when an action that had the keyboard focus is done: see the layout effect below.
  const [refocus, setRefocus] = useState(0);
  // Bumped whenever the tab's page may have changed under the popup (a notice, a retry): the script
  // toggle button reads the page's script again then.
  const [pageNews, setPageNews] = useState(0);

  // Reads the tab's state again: after the popup's own actions, and whenever the page or the library
  // changed under the open popup (followTab). One read at a time (serialRefresh), so a slow answer read
  // before a change never lands over the answer read after it; the state shown stays until the new
  // one arrives, so a refresh does not flash the popup empty — unless the read finds the tab between two
  // pages: what it showed is then the page that is gone (readTab, rereader).
  const refresher = useRef<(() => Promise<void>) | null>(null);
  const refresh = () => refresher.current?.() ?? Promise.resolve();
  const retry = useRef<(() => void) | null>(null);
  // Whether the keyboard focus was in what the popup says of its tab (a [data-status] block) when that
  // was replaced: 重试 gives way to 正在读取此页…, that to 重试 again or to the page's summary, the summary
  // to 正在读取此页… as the tab navigates. The focus would fall to the document with the element that
  // had it; it goes to the new block's lead instead (see the layout effect below). Not while one of the
  // popup's actions runs: run() puts the focus back itself.
  const focusInStatus = useRef(false);
  const acting = useRef(false);
  const show = (next: Status) => {
    const active = document.activeElement;
    focusInStatus.current = !acting.current && !!active?.closest('[data-status]');
    setStatus(next);
  };

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void currentTabId().then((id) => {
      if (signal.aborted) return;
      setTabId(id);
      if (id === undefined) return show({ kind: 'unavailable' });
      const readAgain = () => {
        setPageNews((n) => n + 1);
        void refresh();
      };
      const later = rereader(readAgain, signal);
      const notYet = () => show(later.later() ? { kind: 'reading' } : { kind: 'unread' });
      refresher.current = serialRefresh(
        // Through the background, which fills in the targets it holds (they need not cross into the page).
        () => readTab(id),
        (next) => {
          if (next.kind === 'reading') return notYet();
          later.reset();
          show(next);
        },
        { signal, onError: notYet },
      );
      retry.current = () => {
        later.reset();
        show({ kind: 'reading' });
        readAgain();
      };
      followTab(
        id,
        () => {
          later.reset();
          readAgain();
        },
        signal,
      );
      void refresh();
    });
    return () => controller.abort();
  }, []);

  /**
   * Runs one of the popup's actions: its outcome is said in the live regions below, the page's state is
   * read again whatever happened (a failed save may still have changed it), and nothing is left
   * rejected — a tab whose content script is gone (reloaded, navigated) made the popup go blank.
   */
  const run = async (work: () => Promise<string>, failed: string) => {
    if (tabId === undefined || busy) return;
    // A button the reader pressed from the keyboard may not outlive the action: 标注此页 is disabled while
    // it runs and gives way to the page's summary; the focus then fell to the document.
    const hadFocus = !!document.activeElement && document.activeElement !== document.body;
    setBusy(true);
    setOutcome(null);
    acting.current = true;
    try {
      setOutcome({ kind: 'ok', text: await work() });
    } catch (e) {
      setOutcome(e instanceof ActionFailed ? { kind: 'error', text: e.text, detail: e.detail } : { kind: 'error', text: failed, detail: errorText(e) });
    } finally {
      setBusy(false);
      await refresh();
      acting.current = false;
      if (hadFocus) setRefocus((n) => n + 1);
    }
  };

  // Focus lost by the action goes to the button that now switches the highlights (where 标注此页 led), or
  // back to 标注此页 when it is still there.
  useLayoutEffect(() => {
    if (!refocus) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>('[data-testid="highlights-off"], [data-testid="highlights-on"], [data-testid="annotate"]')?.focus();
  }, [refocus]);

  // The focus lost with the block that had it goes to the lead of the block shown now: the line that says
  // the page is being read (focusable for this, and read out as it takes the focus), 重试 or 标注此页 (which
  // name the line that says why as their description), or the page's verdict. Screen readers hear the new
  // state that way; the focus stays wherever the reader had moved it.
  useLayoutEffect(() => {
    if (!focusInStatus.current) return;
    focusInStatus.current = false;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>('[data-lead]')?.focus();
  }, [status.kind]);

  const annotate = () =>
    run(async () => {
      const result = await sendMessage('annotateTab', { tabId: tabId! });
      // Chrome's own reason (in English, naming the URL) is kept for the curious, behind a disclosure.
      if (!result.ok) throw new ActionFailed(t('popupUnavailable'), result.error);
      return t('popupAnnotatedDone');
    }, t('popupUnavailable'));

  const toggleHighlights = (enabled: boolean) =>
    run(async () => {
      // The state is read again after every action (run), with its targets.
      const state = await sendToTab(tabId!, 'setAnnotations', { enabled });
      if (!state) throw new ActionFailed(t('popupPageGone'));
      return t(enabled ? 'popupHighlightsOnDone' : 'popupHighlightsOffDone');
    }, t('popupPageGone'));

  const save = () =>
    run(async () => {
      const result = await sendMessage('savePage', { tabId: tabId! });
      if (result.error || !result.saved) {
        const full = storageFullText(result.error);
        throw new ActionFailed(full ? `${t('popupSaveFailed')} ${full}` : t('popupSaveFailed'), result.error);
      }
      return t('popupSavedDone');
    }, t('popupSaveFailed'));

  const remove = (url: string) =>
    run(async () => {
      await sendMessage('removePage', { url, tabId });
      return t('popupRemovedDone');
    }, t('popupRemoveFailed'));

  const openPage = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/library.html') });

  return (
    <main class="popup-main">
      <header class="bar">
        <h1>{t('extName')}</h1>
        <nav>
          <button type="button" onClick={() => openPage('/library.html')} data-testid="open-library">
            {t('popupLibrary')}
          </button>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOptions')}
          </button>
        </nav>
      </header>
      <ScriptToggleButton tabId={tabId} pageNews={pageNews} onToggled={() => void refresh()} />
      {status.kind === 'loading' && <p class="muted">…</p>}
      {/* Not aria-busy: the line is the whole message, and it is read out when it takes the focus. */}
      {status.kind === 'reading' && (
        <p class="muted" tabIndex={-1} data-status data-lead data-testid="reading">
          {t('popupReading')}
        </p>
      )}
      {status.kind === 'unread' && (
        <section data-status>
          <p class="muted" id="popup-unread" data-testid="unread">
            {t('popupUnread')}
          </p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => retry.current?.()} aria-describedby="popup-unread" data-lead data-testid="reread">
              {t('popupReread')}
            </button>
            <button type="button" aria-disabled={busy || undefined} onClick={() => void annotate()} data-testid="annotate">
              {t('popupAnnotate')}
            </button>
          </div>
        </section>
      )}
      {/* Mounted from the start, so screen readers hear each result that is swapped in. */}
      <div role="status" class="outcome" data-testid="popup-status">
        {outcome?.kind === 'ok' ? outcome.text : ''}
      </div>
      {outcome?.kind === 'error' && <ErrorAlert error={outcome} testId="popup-error" />}
      {(status.kind === 'none' || status.kind === 'unavailable') && (
        <section data-status>
          <p class="muted" id="popup-status-line" data-testid="status">
            {status.kind === 'none' ? t('popupNotAnnotated') : t('popupUnavailable')}
          </p>
          <button
            type="button"
            class="primary"
            disabled={tabId === undefined}
            aria-disabled={busy || undefined}
            aria-describedby="popup-status-line"
            onClick={() => void annotate()}
            data-lead
            data-testid="annotate"
          >
            {t('popupAnnotate')}
          </button>
        </section>
      )}
      {status.kind === 'ready' && (
        <PageSummary
          state={status.state}
          showReasons={showReasons}
          onReasons={() => setShowReasons(!showReasons)}
          onAnnotate={() => void annotate()}
          onToggle={(enabled) => void toggleHighlights(enabled)}
          onSave={() => void save()}
          onRemove={(url) => void remove(url)}
          onTarget={(target) => tabId !== undefined && void sendToTab(tabId, 'scrollToTarget', { start: target.start, end: target.end })}
        />
      )}
    </main>
  );
}

/**
 * The detector's reasons in the reader's words; the phrases it quotes from the page in the page's
 * script (the background's OpenCC; on a simplified page they are already). Shown once converted, so
 * they do not flicker from one script to the other.
 */
function Reasons({ reasons, script }: { reasons: string[]; script: Script }) {
  const [inScript, setInScript] = useState<Map<string, string> | null>(null);
  const key = reasons.join('\n');
  useEffect(() => {
    if (script !== 'traditional') {
      setInScript(new Map());
      return;
    }
    let live = true;
    setInScript(null);
    const phrases = reasonPhrases(reasons);
    sendMessage('convertTexts', { texts: phrases, attrs: [], to: 'traditional' })
      .then((result) => live && setInScript(new Map(phrases.map((p, i) => [p, result.texts[i] ?? p]))))
      // Simplified phrases beat no reasons at all.
      .catch(() => live && setInScript(new Map()));
    return () => {
      live = false;
    };
  }, [key, script]);
  if (!inScript) return <ul class="reasons" aria-busy="true" />;
  return (
    <ul class="reasons" data-testid="reasons">
      {reasons.map((reason) => (
        <li key={reason}>{reasonLine(reason, (phrase) => inScript.get(phrase) ?? phrase)}</li>
      ))}
    </ul>
  );
}

/**
 * The page's terms as it writes them, except where a mirror over-converted a glossary term (全麵深化改革,
 * 河長製): shown as the glossary's word, as the tooltip's headword is (lib/glossary/headword). Only a
 * traditional page can be over-converted; its entries' forms in that script come from the background
 * (OpenCC, which a traditional page's tooltips load anyway). The list shows at once and is corrected
 * when they arrive.
 */
export function TermList({ terms, script }: { terms: PageState['terms']; script: Script }) {
  // Kept with the script they were fetched in: forms of the other script must not rename a page that
  // was toggled meanwhile (河长制 shown as 河長制 once the page is simplified).
  const [fetched, setFetched] = useState<{ script: Script; surfaces: Map<string, readonly string[]> } | null>(null);
  const surfaces = fetched?.script === script ? fetched.surfaces : undefined;
  const ids = script === 'traditional' ? [...new Set(terms.flatMap((x) => (x.entry && (x.source === 'glossary' || x.source === 'user') ? [x.entry] : [])))] : [];
  const key = ids.join('\n');
  useEffect(() => {
    if (!ids.length) return;
    let live = true;
    const asked: Promise<Record<string, { surfaces: string[] }>>[] = [];
    for (let i = 0; i < ids.length; i += MAX_ENTRY_IDS) asked.push(sendMessage('getEntries', { ids: ids.slice(i, i + MAX_ENTRY_IDS), script }));
    Promise.all(asked)
      .then((views) => live && setFetched({ script, surfaces: new Map(views.flatMap((v) => Object.entries(v).map(([id, view]) => [id, view.surfaces] as const))) }))
      // The page's words beat no list at all.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [key, script]);
  return (
    <ul data-testid="terms">
      {terms.map((term) => {
        const forms = term.entry ? surfaces?.get(term.entry) : undefined;
        return (
          <li key={`${term.source}${term.entry ?? term.text}`} class={`term ${term.source}`}>
            {forms ? entryHeadword(term.text, forms) : term.text}
            {term.count > 1 && <small> ×{term.count}</small>}
          </li>
        );
      })}
    </ul>
  );
}

/** Most entry ids one getEntries message may carry (lib/messaging/validate: parseIds). */
const MAX_ENTRY_IDS = 2000;

function PageSummary(props: {
  state: PageState;
  showReasons: boolean;
  onReasons(): void;
  onAnnotate(): void;
  onToggle(enabled: boolean): void;
  onSave(): void;
  onRemove(url: string): void;
  onTarget(target: { start: number; end: number }): void;
}) {
  const { state } = props;
  const r = state.report;
  return (
    <section data-status>
      <div class={`verdict ${r.isReport ? 'yes' : 'no'}`} tabIndex={-1} data-lead data-testid="verdict">
        <strong>{r.isReport ? t('popupRecognized') : t('popupNotReport')}</strong>
        <span class="kind" data-testid="kind">
          {t(`kind_${r.kind.replace('-', '_')}`)}
        </span>
        {r.region && <span data-testid="region">{r.region}</span>}
        {r.year !== null && <span data-testid="year">{r.year}</span>}
        <button type="button" class="link" onClick={props.onReasons} aria-expanded={props.showReasons}>
          {t('popupReasonsScore', String(Math.round(r.score * 100)))}
        </button>
      </div>
      {props.showReasons && <Reasons reasons={r.reasons} script={state.script} />}
      <div class="counts">
        <span>
          {t('labelValue', t('popupTerms'))}
          <b data-testid="term-count">{state.termCount}</b>
        </span>
        <span>
          {t('labelValue', t('popupTargets'))}
          <b data-testid="target-count">{state.targets.length}</b>
        </span>
        {state.saved && <span class="saved" data-testid="saved">{t('popupSaved')}</span>}
      </div>
      {state.error && (
        <p class="error" role="alert" data-testid="save-error">
          {storageFullText(state.error) ?? `${t('errorPrefix')}${state.error}`}
        </p>
      )}
      <div class="actions">
        {state.annotated ? (
          <button type="button" onClick={() => props.onToggle(false)} data-testid="highlights-off">
            {t('popupHighlightsOff')}
          </button>
        ) : (
          <button type="button" onClick={() => props.onToggle(true)} data-testid="highlights-on">
            {t('popupHighlightsOn')}
          </button>
        )}
        {!r.isReport && !state.annotated && (
          <button type="button" onClick={props.onAnnotate}>
            {t('popupAnnotate')}
          </button>
        )}
        {state.saved ? (
          <button type="button" onClick={() => props.onRemove(state.url)} data-testid="remove">
            {t('popupRemove')}
          </button>
        ) : (
          <button type="button" onClick={props.onSave} data-testid="save">
            {t('popupSave')}
          </button>
        )}
      </div>
      <details class="terms" open={state.targets.length === 0}>
        <summary>{t('popupTerms')}</summary>
        <TermList terms={state.terms} script={state.script} />
      </details>
      <section class="targets">
        <h2>{t('popupTargets')}</h2>
        {state.targets.length === 0 && <p class="muted">{t('popupNoTargets')}</p>}
        {groupBySection(state.targets).map(({ key, label, rows }) => (
          <div key={key} class="group">
            <h3 data-testid="target-section">{label}</h3>
            <ul>
              {rows.map(({ target, index }) => (
                <li key={index}>
                  <button type="button" class="target-row" data-testid="target-row" title={target.sentence} onClick={() => props.onTarget(target)}>
                    {targetLine(target)}
                    {target.hedge && <span class="hedge"> · {writtenParts(target).hedge}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </section>
  );
}
