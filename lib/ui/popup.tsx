import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendMessage, type PageState } from '../messaging/protocol';
import { sendToTab } from '../messaging/tabs';
import { ScriptToggleButton } from './script-toggle-button';
import type { Target } from '../types';

type Status = { kind: 'loading' } | { kind: 'none' } | { kind: 'unavailable'; error?: string } | { kind: 'ready'; state: PageState };

/** The tab the popup is about: `?tab=ID` (tests, the library) or the active tab of the window. */
async function currentTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const ARROWS = { increase: '↑', decrease: '↓', level: '→' } as const;

export function targetLine(target: Target): string {
  const value =
    target.value === null ? '' : target.valueMax !== null ? `${target.value}–${target.valueMax}${target.unit}` : `${target.value}${target.unit}`;
  return [target.indicator, ARROWS[target.direction], value, target.qualifier].filter(Boolean).join(' ');
}

function groupBySection(targets: Target[]): [string, { target: Target; index: number }[]][] {
  const groups = new Map<string, { target: Target; index: number }[]>();
  targets.forEach((target, index) => {
    const key = target.section || '—';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ target, index });
  });
  return [...groups];
}

export function Popup() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [showReasons, setShowReasons] = useState(false);
  const [busy, setBusy] = useState(false);

  const refresh = async (id: number | undefined) => {
    if (id === undefined) return setStatus({ kind: 'unavailable' });
    try {
      const state = await sendToTab(id, 'getPageState');
      setStatus(state ? { kind: 'ready', state } : { kind: 'none' });
    } catch {
      setStatus({ kind: 'none' });
    }
  };

  useEffect(() => {
    void currentTabId().then((id) => {
      setTabId(id);
      void refresh(id);
    });
  }, []);

  const annotate = async () => {
    if (tabId === undefined) return;
    setBusy(true);
    const result = await sendMessage('annotateTab', { tabId });
    setBusy(false);
    if (!result.ok) setStatus({ kind: 'unavailable', error: result.error });
    else await refresh(tabId);
  };

  const toggleHighlights = async (enabled: boolean) => {
    if (tabId === undefined) return;
    const state = await sendToTab(tabId, 'setAnnotations', { enabled });
    if (state) setStatus({ kind: 'ready', state });
  };

  const save = async () => {
    if (tabId === undefined) return;
    await sendMessage('savePage', { tabId });
    await refresh(tabId);
  };
  const remove = async (url: string) => {
    await sendMessage('removePage', { url, tabId });
    await refresh(tabId);
  };

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
      <ScriptToggleButton tabId={tabId} onToggled={() => void refresh(tabId)} />
      {status.kind === 'loading' && <p class="muted">…</p>}
      {(status.kind === 'none' || status.kind === 'unavailable') && (
        <section>
          <p class="muted" data-testid="status">{status.kind === 'none' ? t('popupNotAnnotated') : t('popupUnavailable')}</p>
          {status.kind === 'unavailable' && status.error && <p class="error">{status.error}</p>}
          <button type="button" class="primary" disabled={busy || tabId === undefined} onClick={annotate} data-testid="annotate">
            {t('popupAnnotate')}
          </button>
        </section>
      )}
      {status.kind === 'ready' && (
        <PageSummary
          state={status.state}
          showReasons={showReasons}
          onReasons={() => setShowReasons(!showReasons)}
          onAnnotate={annotate}
          onToggle={toggleHighlights}
          onSave={save}
          onRemove={remove}
          onTarget={(index) => tabId !== undefined && void sendToTab(tabId, 'scrollToTarget', { index })}
        />
      )}
    </main>
  );
}

function PageSummary(props: {
  state: PageState;
  showReasons: boolean;
  onReasons(): void;
  onAnnotate(): void;
  onToggle(enabled: boolean): void;
  onSave(): void;
  onRemove(url: string): void;
  onTarget(index: number): void;
}) {
  const { state } = props;
  const r = state.report;
  return (
    <section>
      <div class={`verdict ${r.isReport ? 'yes' : 'no'}`} data-testid="verdict">
        <strong>{r.isReport ? t('popupRecognized') : t('popupNotReport')}</strong>
        <span class="kind" data-testid="kind">
          {t(`kind_${r.kind.replace('-', '_')}`)}
        </span>
        {r.region && <span data-testid="region">{r.region}</span>}
        {r.year !== null && <span data-testid="year">{r.year}</span>}
        <button type="button" class="link" onClick={props.onReasons} aria-expanded={props.showReasons}>
          {t('popupReasons')} ({Math.round(r.score * 100)}%)
        </button>
      </div>
      {props.showReasons && (
        <ul class="reasons" data-testid="reasons">
          {r.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <div class="counts">
        <span>
          {t('popupTerms')}: <b data-testid="term-count">{state.termCount}</b>
        </span>
        <span>
          {t('popupTargets')}: <b data-testid="target-count">{state.targets.length}</b>
        </span>
        {state.saved && <span class="saved" data-testid="saved">{t('popupSaved')}</span>}
      </div>
      {state.error && (
        <p class="error" data-testid="save-error">
          {t('errorPrefix')}
          {state.error}
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
        <ul data-testid="terms">
          {state.terms.map((term) => (
            <li key={`${term.source}${term.entry ?? term.text}`} class={`term ${term.source}`}>
              {term.text}
              {term.count > 1 && <small> ×{term.count}</small>}
            </li>
          ))}
        </ul>
      </details>
      <section class="targets">
        <h2>{t('popupTargets')}</h2>
        {state.targets.length === 0 && <p class="muted">{t('popupNoTargets')}</p>}
        {groupBySection(state.targets).map(([section, rows]) => (
          <div key={section} class="group">
            <h3>{section}</h3>
            <ul>
              {rows.map(({ target, index }) => (
                <li key={index}>
                  <button type="button" class="target-row" data-testid="target-row" title={target.sentence} onClick={() => props.onTarget(index)}>
                    {targetLine(target)}
                    {target.hedge && <span class="hedge"> · {target.hedge}</span>}
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
