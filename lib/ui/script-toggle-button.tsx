import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendMessage, type ScriptToggleState } from '../messaging/protocol';
import { sendToTab } from '../messaging/tabs';
import { parseScriptToggleState } from '../messaging/validate';
import { errorText } from './library/confirm-dialog';
import { serialRefresh } from './serial-refresh';

function label(state: ScriptToggleState | null): string {
  if (state?.converted) return t('popupScriptRestore');
  if (state?.original === 'traditional') return t('popupScriptToSimplified');
  if (state?.original === 'simplified') return t('popupScriptToTraditional');
  return t('popupScriptToggle');
}

/** A failed action as the reader is told it: in their language, the browser's own reason on request. */
export interface ActionError {
  text: string;
  detail?: string;
}

/**
 * What a toggle came to, if it failed. The browser's reason (“Cannot access a chrome:// URL”, in English,
 * naming the URL) is not a message for the reader: it goes behind the disclosure, as the popup's 标注此页 does.
 */
export function toggleError(result: { ok: boolean; state?: ScriptToggleState; error?: string }): ActionError | null {
  // No script could be run in the tab: a browser page, the web store, or no access to the site.
  if (!result.ok) return { text: t('popupScriptUnavailable'), ...(result.error ? { detail: result.error } : {}) };
  if (result.state?.error) return { text: t('popupScriptFailed'), detail: result.state.error };
  return null;
}

/**
 * An alert for a failed action: its message, and the technical reason behind a 技术细节 disclosure. The
 * popup's own actions show theirs the same way.
 */
export function ErrorAlert(props: { error: ActionError; testId: string }) {
  const { error, testId } = props;
  return (
    <div class="error" role="alert" data-testid={testId}>
      <p>{error.text}</p>
      {error.detail && (
        <details>
          <summary>{t('popupErrorDetails')}</summary>
          <code data-testid={`${testId}-detail`}>{error.detail}</code>
        </details>
      )}
    </div>
  );
}

/** The page's script state, as its content script answers (checked: it comes from a page's renderer). */
function readScriptState(tabId: number): Promise<ScriptToggleState> {
  return sendToTab(tabId, 'getScriptState').then((state) => parseScriptToggleState(state));
}

/**
 * The popup's simplified ⇄ traditional button: converts the tab's page, or restores it. `pageNews` is
 * bumped when the tab's page may have changed under the popup (its notice: toggled by the shortcut or
 * the context menu, reloaded into its own script): the button reads the page's script again then.
 */
export function ScriptToggleButton(props: { tabId: number | undefined; pageNews?: number; onToggled?(): void }) {
  const { tabId, pageNews = 0 } = props;
  const [state, setState] = useState<ScriptToggleState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  // The shortcut as the browser has it: the reader may have changed it, or the browser not assigned it.
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);

  useEffect(() => {
    // In a promise chain: where there is no commands API (test doubles) the call throws at once.
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((all) => setShortcut(all.find((c) => c.name === 'toggle-script')?.shortcut || undefined))
      .catch(() => {});
  }, []);

  // One read at a time, applied in order: a read answered before a toggle never lands over the one after it.
  const reader = useRef<(() => Promise<void>) | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    const controller = new AbortController();
    // No content script (yet, or any more: the page is navigating): the button offers the generic
    // toggle, which still works (the background injects the script), not the state of a page now gone.
    reader.current = serialRefresh(() => readScriptState(tabId), setState, { signal: controller.signal, onError: () => setState(null) });
    return () => {
      controller.abort();
      reader.current = null;
    };
  }, [tabId]);
  useEffect(() => void reader.current?.(), [tabId, pageNews]);

  const toggle = async () => {
    if (tabId === undefined || busy) return;
    setBusy(true);
    // Cleared first, so the same failure again is a new alert that screen readers announce.
    setError(null);
    try {
      const result = await sendMessage('toggleScriptTab', { tabId });
      if (result.state) setState(parseScriptToggleState(result.state));
      setError(toggleError(result));
      if (result.ok) props.onToggled?.();
    } catch (e) {
      // The background did not answer — which does not mean the page was not toggled: a worker stopped
      // after asking the page (Chrome stops it when idle, or it restarted) leaves the page converted and
      // this popup unanswered. The page says what it shows now; the button must not offer to convert a
      // page that already is (pressed, it would restore it).
      const now = await readScriptState(tabId).catch(() => null);
      if (now) setState(now);
      if (now && now.converted !== state?.converted) props.onToggled?.();
      else setError({ text: t('popupScriptFailed'), detail: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="actions script-toggle">
      <button
        type="button"
        onClick={toggle}
        // Busy is said, not disabled: a disabled button loses the keyboard focus, for good.
        disabled={tabId === undefined}
        aria-disabled={busy || undefined}
        title={shortcut}
        data-testid="toggle-script"
        data-converted={state?.converted ? 'true' : 'false'}
      >
        {label(state)}
      </button>
      {error && <ErrorAlert error={error} testId="toggle-script-error" />}
    </div>
  );
}
