import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES } from '../background/all-sites';
import { t } from '../i18n';
import { autoSave } from '../settings';
import { ScriptOptions } from './script-options';
import { GlossaryEditor } from './glossary-editor';
import { ErrorAlert, type ActionError } from './script-toggle-button';
import { saveSetting } from './setting';

export function Options() {
  const [save, setSave] = useState<boolean | null>(null);
  const [allSites, setAllSites] = useState(false);
  const [saveError, setSaveError] = useState<ActionError | null>(null);

  useEffect(() => {
    void autoSave.getValue().then(setSave);
    void browser.permissions.contains({ origins: ALL_SITES }).then(setAllSites);
  }, []);

  const toggleAllSites = async () => {
    // Must run inside the click's user gesture: permissions.request refuses otherwise.
    const ok = allSites ? await browser.permissions.remove({ origins: ALL_SITES }) : await browser.permissions.request({ origins: ALL_SITES });
    if (ok) setAllSites(!allSites);
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
      <div class="row">
        <span>{allSites ? t('optAllSitesGranted') : t('optAllSites')}</span>
        <button type="button" onClick={toggleAllSites} data-testid="opt-all-sites">
          {allSites ? t('optAllSitesRevoke') : t('optAllSitesGrant')}
        </button>
      </div>
      <ScriptOptions />
      <GlossaryEditor />
    </main>
  );
}
