import { useEffect, useState } from 'preact/hooks';
import { SIMPLIFIED_VARIANTS, TRADITIONAL_VARIANTS, type SimplifiedVariant, type TraditionalVariant } from '../convert/variants';
import { t } from '../i18n';
import type { Script } from '../text/script';
import { convertedSites, mirrorRepair, rememberSites, scriptVariants, simplifiedVariant, traditionalVariant } from '../settings';
import { ErrorAlert, type ActionError } from './script-toggle-button';
import { saveSetting, type SettingItem } from './setting';

/** The traditional variant as the menu shows it: the reader's choice, or until they choose, their languages' (null stored). */
const effectiveTraditional: SettingItem<TraditionalVariant> = {
  getValue: async () => (await scriptVariants()).traditional,
  setValue: (v) => traditionalVariant.setValue(v),
};

/** Options of the simplified ⇄ traditional toggle. */
export function ScriptOptions() {
  const [traditional, setTraditional] = useState<TraditionalVariant | null>(null);
  const [simplified, setSimplified] = useState<SimplifiedVariant | null>(null);
  const [repair, setRepair] = useState<boolean | null>(null);
  const [remember, setRemember] = useState<boolean | null>(null);
  const [sites, setSites] = useState<Record<string, Script>>({});
  const [error, setError] = useState<ActionError | null>(null);

  /** Shows `value` at once; a write the storage refuses puts back what is stored and says so. */
  const store = <T,>(item: SettingItem<T>, value: T, before: T, show: (v: T) => void) => {
    show(value);
    setError(null);
    void saveSetting(item, value, before).then((saved) => {
      show(saved.value);
      setError(saved.error);
    });
  };

  useEffect(() => {
    const readVariants = () =>
      void scriptVariants().then((v) => {
        setTraditional(v.traditional);
        setSimplified(v.simplified);
      });
    readVariants();
    void mirrorRepair.getValue().then(setRepair);
    void rememberSites.getValue().then(setRemember);
    void convertedSites.getValue().then(setSites);
    // A toggle in a tab adds or forgets a site while this page is open; the settings themselves can be
    // changed in another options tab. The variants are read whole again: a traditional variant set
    // back to null shows the one the reader's languages give, not an empty menu.
    const unwatch = [
      convertedSites.watch((v) => setSites(v ?? {})),
      traditionalVariant.watch(readVariants),
      simplifiedVariant.watch(readVariants),
      mirrorRepair.watch((v) => setRepair(v ?? true)),
      rememberSites.watch((v) => setRemember(v ?? false)),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  const forget = async (host: string) => {
    const before = await convertedSites.getValue().catch(() => sites);
    const next = { ...before };
    delete next[host];
    store(convertedSites, next, before, setSites);
  };

  const checked = (e: Event) => (e.target as HTMLInputElement).checked;

  return (
    <section class="script-options">
      <h2>{t('optScriptTitle')}</h2>
      <label class="row">
        {t('optTraditionalVariant')}
        <select
          value={traditional ?? undefined}
          disabled={traditional === null}
          data-testid="opt-traditional-variant"
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as TraditionalVariant;
            store(effectiveTraditional, v, traditional ?? v, setTraditional);
          }}
        >
          {TRADITIONAL_VARIANTS.map((v) => (
            <option key={v} value={v}>
              {t(`optVariant_${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="row">
        {t('optSimplifiedVariant')}
        <select
          value={simplified ?? undefined}
          disabled={simplified === null}
          data-testid="opt-simplified-variant"
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as SimplifiedVariant;
            store(simplifiedVariant, v, simplified ?? v, setSimplified);
          }}
        >
          {SIMPLIFIED_VARIANTS.map((v) => (
            <option key={v} value={v}>
              {t(`optVariant_${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={repair ?? true}
          disabled={repair === null}
          data-testid="opt-mirror-repair"
          onChange={(e) => {
            store(mirrorRepair, checked(e), !checked(e), setRepair);
          }}
        />
        {t('optMirrorRepair')}
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={remember ?? false}
          disabled={remember === null}
          data-testid="opt-remember-sites"
          onChange={(e) => {
            store(rememberSites, checked(e), !checked(e), setRemember);
          }}
        />
        {t('optRememberSites')}
      </label>
      {error && <ErrorAlert error={error} testId="opt-script-error" />}
      {Object.keys(sites).length > 0 && (
        <ul class="remembered-sites">
          {Object.entries(sites).map(([host, script]) => (
            <li key={host} data-testid="remembered-site">
              {host} → {script === 'traditional' ? t('scriptTraditional') : t('scriptSimplified')}{' '}
              <button type="button" onClick={() => void forget(host)}>
                {t('optForgetSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
