import type { Facets, TargetFilter } from '../../db/query';
import type { TargetKind } from '../../types';
import { t } from '../../i18n';
import { kindLabel } from './format';

// A <select> value is a string; these stand for "any" and for "not recognised" (null in the filter).
const ANY = '';
const UNKNOWN = '\u0000unknown';

function toValue(v: string | number | null | undefined): string {
  return v === undefined ? ANY : v === null ? UNKNOWN : String(v);
}
function fromValue(v: string): string | null | undefined {
  return v === ANY ? undefined : v === UNKNOWN ? null : v;
}

const NO_FACETS: Facets = { regions: [], years: [], indicators: [], kinds: [], unknownRegion: false, unknownYear: false, total: 0 };

/** The menu's values plus the chosen one, so a choice stays visible while the values load or after its rows went. */
function withChosen<T>(values: T[], chosen: T | null | undefined): T[] {
  return chosen === undefined || chosen === null || values.includes(chosen) ? values : [chosen, ...values];
}

/** `facets` is undefined while the menus' values load; the text search works meanwhile. */
export function FilterBar(props: {
  facets: Facets | undefined;
  filter: TargetFilter;
  onChange(filter: TargetFilter): void;
  /** The search box got focus: the text search will need every row, so they can start loading now. */
  onSearchFocus?(): void;
  /** Region keys as the library's pages write them (衡南县 → 衡南縣); the key where they differ. */
  regionNames?: ReadonlyMap<string, string>;
  /** Indicator keys as the library's targets write them (地区生产总值 → 地區生產總值); the key where they differ. */
  indicatorNames?: ReadonlyMap<string, string>;
}) {
  const { filter, onChange } = props;
  const facets = props.facets ?? NO_FACETS;
  const loading = props.facets === undefined;
  const set = (patch: Partial<TargetFilter>) => onChange({ ...filter, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  const active = filter.regionKey !== undefined || filter.year !== undefined || filter.indicatorKey !== undefined || filter.kind !== undefined || !!filter.text;

  return (
    <div class="filters" role="search" data-testid="filters">
      <label>
        {t('filterRegion')}
        <select value={toValue(filter.regionKey)} onChange={(e) => set({ regionKey: fromValue(value(e)) })} data-testid="filter-region" disabled={loading}>
          <option value={ANY}>{t('filterAll')}</option>
          {withChosen(facets.regions, filter.regionKey).map((r) => (
            <option key={r} value={r}>
              {props.regionNames?.get(r) ?? r}
            </option>
          ))}
          {(facets.unknownRegion || filter.regionKey === null) && <option value={UNKNOWN}>{t('libraryRegionUnknown')}</option>}
        </select>
      </label>
      <label>
        {t('filterYear')}
        <select
          value={toValue(filter.year)}
          onChange={(e) => {
            const v = fromValue(value(e));
            set({ year: v === undefined || v === null ? v : Number(v) });
          }}
          data-testid="filter-year" disabled={loading}
        >
          <option value={ANY}>{t('filterAll')}</option>
          {withChosen(facets.years, filter.year).map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
          {(facets.unknownYear || filter.year === null) && <option value={UNKNOWN}>{t('filterUnknown')}</option>}
        </select>
      </label>
      <label>
        {t('filterIndicator')}
        <select
          value={filter.indicatorKey ?? ANY}
          onChange={(e) => set({ indicatorKey: value(e) === ANY ? undefined : value(e) })}
          data-testid="filter-indicator" disabled={loading}
        >
          <option value={ANY}>{t('filterAll')}</option>
          {withChosen(facets.indicators, filter.indicatorKey).map((i) => (
            <option key={i} value={i}>
              {props.indicatorNames?.get(i) ?? i}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterKind')}
        <select value={filter.kind ?? ANY} onChange={(e) => set({ kind: value(e) === ANY ? undefined : (value(e) as TargetKind) })} data-testid="filter-kind" disabled={loading}>
          <option value={ANY}>{t('filterAll')}</option>
          {withChosen(facets.kinds, filter.kind).map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label class="grow">
        {t('filterText')}
        <input
          type="search"
          value={filter.text ?? ''}
          placeholder={t('filterTextPlaceholder')}
          onInput={(e) => set({ text: value(e) })}
          onFocus={() => props.onSearchFocus?.()}
          data-testid="filter-text"
        />
      </label>
      <button type="button" disabled={!active} onClick={() => onChange({})} data-testid="filter-reset">
        {t('filterReset')}
      </button>
    </div>
  );
}
