import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { sendMessage, type ScriptToggleState } from '../messaging/protocol';
import { sendToTab } from '../messaging/tabs';

function label(state: ScriptToggleState | null): string {
  if (state?.converted) return t('popupScriptRestore');
  if (state?.original === 'traditional') return t('popupScriptToSimplified');
  if (state?.original === 'simplified') return t('popupScriptToTraditional');
  return t('popupScriptToggle');
}

/** The popup's simplified ⇄ traditional button: converts the tab's page, or restores it. */
export function ScriptToggleButton(props: { tabId: number | undefined; onToggled?(): void }) {
  const { tabId } = props;
  const [state, setState] = useState<ScriptToggleState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === undefined) return;
    // No content script yet: the button still works (the background injects it).
    void sendToTab(tabId, 'getScriptState').then(setState, () => setState(null));
  }, [tabId]);

  const toggle = async () => {
    if (tabId === undefined) return;
    setBusy(true);
    const result = await sendMessage('toggleScriptTab', { tabId }).catch((e: unknown) => ({ ok: false, error: String(e), state: undefined }));
    setBusy(false);
    if (result.state) setState(result.state);
    setError(result.ok ? (result.state?.error ?? null) : (result.error ?? ''));
    if (result.ok) props.onToggled?.();
  };

  return (
    <div class="actions script-toggle">
      <button
        type="button"
        onClick={toggle}
        disabled={busy || tabId === undefined}
        title="Alt+Shift+T"
        data-testid="toggle-script"
        data-converted={state?.converted ? 'true' : 'false'}
      >
        {label(state)}
      </button>
      {error !== null && (
        <p class="error" data-testid="toggle-script-error">
          {t('errorPrefix')}
          {error}
        </p>
      )}
    </div>
  );
}
