import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES } from '../background/all-sites';
import { t } from '../i18n';
import { autoSave } from '../settings';
import { ScriptOptions } from './script-options';
import { GlossaryEditor } from './glossary-editor';
import { ErrorAlert, type ActionError } from './script-toggle-button';
import { saveSetting } from './setting';
import { watchSiteAccess, type SiteAccess } from './site-access';

export function Options() {
  const [save, setSave] = useState<boolean | null>(null);
  // Null until read: the button must not offer "Grant" for a permission that may be granted.
  const [access, setAccess] = useState<SiteAccess | null>(null);
  const [saveError, setSaveError] = useState<ActionError | null>(null);
  const readAccess = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    const controller = new AbortController();
    void autoSave.getValue().then((v) => !controller.signal.aborted && setSave(v));
    // Changed in another options tab, or by a future popup switch: this page shows what is stored.
    const unwatch = autoSave.watch((v) => setSave(v ?? true));
    controller.signal.addEventListener('abort', unwatch, { once: true });
    // The permission can be granted or revoked elsewhere while this page is open (another options tab,
    // chrome://extensions' site access): it follows the browser's events rather than its own clicks.
    readAccess.current = watchSiteAccess(browser.permissions, setAccess, controller.signal);
    return () => controller.abort();
  }, []);

  const allSites = access?.allSites ?? false;
  const toggleAllSites = async () => {
    // Must run inside the click's user gesture: permissions.request refuses otherwise.
    if (allSites) await browser.permissions.remove({ origins: ALL_SITES });
    else await browser.permissions.request({ origins: ALL_SITES });
    // The events say it too; read now all the same, so the button never waits on them.
    await readAccess.current();
  };

  return (
    <main class="options-main">
      <h1>{t('optionsTitle')}</h1>
      <label class="row">
        <input
          type="checkbox"
          checked={save ?? true}
          disabled={save === null}
          data-testid="opt-autosave"
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).checked;
            setSave(v);
            setSaveError(null);
            void saveSetting(autoSave, v, !v).then((saved) => {
              setSave(saved.value);
              setSaveError(saved.error);
            });
          }}
        />
        {t('optAutoSave')}
      </label>
      {saveError && <ErrorAlert error={saveError} testId="opt-autosave-error" />}
      <div class="row" data-testid="opt-all-sites-row" data-granted={access ? String(access.allSites) : undefined}>
        <span>{allSites ? t('optAllSitesGranted') : t('optAllSites')}</span>
        <button type="button" onClick={() => void toggleAllSites()} disabled={!access} data-testid="opt-all-sites">
          {allSites ? t('optAllSitesRevoke') : t('optAllSitesGrant')}
        </button>
      </div>
      {/* Mounted from the start: a status region inserted together with its text is often not read out. */}
      <div role="status">
        {access && !access.govSites && (
          <p class="ge-notice" data-testid="opt-gov-withheld">
            {t('optGovSitesWithheld')}
          </p>
        )}
      </div>
      <ScriptOptions />
      <GlossaryEditor />
    </main>
  );
}
