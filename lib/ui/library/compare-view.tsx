import { useMemo, useState } from 'preact/hooks';
import { compareGroups, filterTargets, unitsOf, type PageIndex, type TargetFilter } from '../../db/query';
import { getDb } from '../../db/schema';
import { t } from '../../i18n';
import { CompareChart } from './compare-chart';
import { groupRegionLabel, qualifierText, valueText } from './format';
import { useLiveQuery } from './live-query';

/** The indicator readers compare first; the view opens on it when the library has it. */
const PREFERRED = '地区生产总值';

export function CompareView({
  indicators,
  names,
  filter,
  pages,
}: {
  indicators: string[];
  /** Indicator keys as the library's targets write them; the key where they differ (lib/db/indicator-name). */
  names?: ReadonlyMap<string, string>;
  filter: TargetFilter;
  pages: PageIndex;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const indicator =
    chosen && indicators.includes(chosen)
      ? chosen
      : filter.indicatorKey && indicators.includes(filter.indicatorKey)
        ? filter.indicatorKey
        : indicators.includes(PREFERRED)
          ? PREFERRED
          : (indicators[0] ?? '');

  // The chart reads its indicator through the index, whatever indicator the list is filtered to.
  const loaded = useLiveQuery(() => getDb().targets.where('indicatorKey').equals(indicator).toArray(), [indicator]);
  const rows = useMemo(() => (loaded ? filterTargets(loaded, { ...filter, indicatorKey: undefined }, pages) : []), [loaded, filter, pages]);
  const units = useMemo(() => unitsOf(rows), [rows]);
  const unit = chosenUnit !== null && units.includes(chosenUnit) ? chosenUnit : (units[0] ?? '');
  const groups = useMemo(() => compareGroups(rows, indicator, unit), [rows, indicator, unit]);

  return (
    <section class="compare" data-testid="compare">
      <div class="filters">
        <label>
          {t('compareIndicator')}
          <select value={indicator} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)} data-testid="compare-indicator">
            {indicators.map((i) => (
              <option key={i} value={i}>
                {names?.get(i) ?? i}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compareUnit')}
          <select value={unit} onChange={(e) => setChosenUnit((e.currentTarget as HTMLSelectElement).value)} data-testid="compare-unit">
            {units.map((u) => (
              <option key={u} value={u}>
                {u || '—'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted">{t('compareHint')}</p>
      {loaded && groups.length === 0 && (
        <p class="muted" data-testid="compare-empty">
          {t('compareEmpty')}
        </p>
      )}
      {groups.length > 0 && (
        <>
          <CompareChart groups={groups} unit={unit} indicator={names?.get(indicator) ?? indicator} pages={pages} />
          <details class="compare-data">
            <summary>{t('compareData')}</summary>
            <table data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">{t('colRegion')}</th>
                  <th scope="col">{t('colYear')}</th>
                  <th scope="col">{t('compareValues')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={`${g.regionKey}|${g.year}`}>
                    <td>{groupRegionLabel(g, pages)}</td>
                    <td>{g.year ?? '—'}</td>
                    <td>{g.points.map(({ target }) => [valueText(target), qualifierText(target)].filter(Boolean).join(' ')).join('；')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
