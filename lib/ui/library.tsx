import { useMemo, useRef, useState } from 'preact/hooks';
import { exportAll, toCsv } from '../db/export';
import { clearLibrary, ImportError, importLibrary, MAX_IMPORT_BYTES, parseImport } from '../db/import';
import { removePage } from '../db/pages';
import { filterTargets, loadFacets, pageIndex, queryTargets, sortTargets, type Sort, type SortKey, type TargetFilter } from '../db/query';
import { getDb, type PageRecord, type TargetRecord } from '../db/schema';
import { t } from '../i18n';
import { CompareView } from './library/compare-view';
import { ConfirmDialog, type ConfirmRequest } from './library/confirm-dialog';
import { FilterBar } from './library/filter-bar';
import { ARROWS, kindLabel, regionLabel, safeHref, valueText } from './library/format';
import { useLiveQuery } from './library/live-query';
import { PagesTable } from './library/pages-table';
import { TargetsTable } from './library/targets-table';
import './library/library.css';

export { useLiveQuery } from './library/live-query';

type Notice = { kind: 'ok' | 'error'; text: string } | null;
type View = 'list' | 'compare';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started from the blob by the next task; revoking later is only tidiness.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function stamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
}

function importMessage(e: unknown): string {
  if (e instanceof ImportError) {
    const detail =
      e.code === 'tooBig'
        ? [(Number(e.detail) / 1024 / 1024).toFixed(1), String(MAX_IMPORT_BYTES / 1024 / 1024)]
        : e.detail;
    return `${t(`importError_${e.code}`, detail)} ${t('importNothingChanged')}`;
  }
  return `${t('importError_database', e instanceof Error ? `${e.name}: ${e.message}` : String(e))} ${t('importNothingChanged')}`;
}

export function Library() {
  const db = getDb();
  const pages = useLiveQuery(() => db.pages.orderBy('lastSeen').reverse().toArray());
  const totalCount = useLiveQuery(() => db.targets.count());
  const pageMap = useMemo(() => pageIndex(pages ?? []), [pages]);

  const [filter, setFilter] = useState<TargetFilter>({});
  const [sort, setSort] = useState<Sort | null>(null);
  const [view, setView] = useState<View>('list');
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // Menus query the database through an index; the free text is matched in memory on what they loaded,
  // so typing never waits for IndexedDB.
  const { regionKey, year, indicatorKey, kind } = filter;
  const loaded = useLiveQuery(
    () => queryTargets(db, { regionKey, year, indicatorKey, kind }, new Map()),
    [regionKey, year, indicatorKey, kind],
  );
  // The menus' values wait for the first rows: read together, the two queries slow each other down,
  // and the rows are what the reader came for.
  const facets = useLiveQuery(() => (loaded ? loadFacets(db) : Promise.resolve(undefined)), [loaded !== undefined]);
  const rows = useMemo(() => {
    const matched = loaded && filter.text ? filterTargets(loaded, { text: filter.text }, pageMap) : (loaded ?? []);
    return sort ? sortTargets(matched, sort, pageMap) : matched;
  }, [loaded, filter.text, sort, pageMap]);
  const selectedRow = selected === null ? undefined : rows.find((r) => r.id === selected);

  const onSort = (key: SortKey) => setSort(sort?.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });

  const exportCsv = () => download(`report-lens-targets-${stamp()}.csv`, toCsv(rows, pageMap), 'text/csv;charset=utf-8');
  const exportJson = async () => download(`report-lens-${stamp()}.json`, await exportAll(db), 'application/json');

  const importFile = async (file: File) => {
    setNotice(null);
    setBusy(true);
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('tooBig', String(file.size));
      const data = parseImport(await file.text());
      const result = await importLibrary(db, data);
      setNotice({ kind: 'ok', text: t('importDone', [String(result.pages), String(result.targets), String(result.replaced)]) });
    } catch (e) {
      setNotice({ kind: 'error', text: importMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const askDeletePage = (page: PageRecord) =>
    setConfirm({
      message: t('confirmDeletePage', [page.title || page.url, String(page.targetCount)]),
      confirmLabel: t('libraryDelete'),
      onConfirm: async () => {
        await removePage(db, page.url);
        setNotice({ kind: 'ok', text: t('pageDeleted', page.title || page.url) });
      },
    });
  const askClearAll = () =>
    setConfirm({
      message: t('confirmClearAll', [String(pages?.length ?? 0), String(totalCount ?? 0)]),
      confirmLabel: t('libraryClearAll'),
      onConfirm: async () => {
        await clearLibrary(db);
        setFilter({});
        setSelected(null);
        setNotice({ kind: 'ok', text: t('libraryCleared') });
      },
    });

  const ready = pages !== undefined && totalCount !== undefined && loaded !== undefined;
  const empty = ready && pages.length === 0 && totalCount === 0;

  return (
    <main class="library-main">
      <header class="bar">
        <div>
          <h1>{t('libraryTitle')}</h1>
          {ready && (
            <p class="muted summary" data-testid="summary" data-pages={pages.length} data-targets={totalCount}>
              {t('librarySummary', [String(pages.length), String(totalCount)])}
            </p>
          )}
        </div>
        <nav class="actions">
          <button type="button" onClick={exportCsv} disabled={!ready || rows.length === 0} data-testid="export-csv">
            {t('exportCsv', String(rows.length))}
          </button>
          <button type="button" onClick={() => void exportJson()} disabled={empty || !ready} data-testid="export-json">
            {t('exportJson')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()} disabled={busy} data-testid="import-json">
            {t('importJson')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              // Cleared so choosing the same file again fires change again.
              input.value = '';
              if (file) void importFile(file);
            }}
          />
          <button type="button" class="danger" onClick={askClearAll} disabled={empty || !ready} data-testid="clear-all">
            {t('libraryClearAll')}
          </button>
        </nav>
      </header>

      {notice && (
        <p class={notice.kind === 'error' ? 'notice error' : 'notice ok'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={notice.kind === 'error' ? 'import-error' : 'notice'}>
          {notice.text}
        </p>
      )}
      {busy && <p class="muted">{t('libraryWorking')}</p>}
      {!ready && <p class="muted">{t('libraryLoading')}</p>}
      {empty && (
        <p class="muted" data-testid="empty">
          {t('libraryEmpty')}
        </p>
      )}

      {ready && !empty && (
        <>
          <h2>{t('libraryTargets')}</h2>
          <FilterBar facets={facets} filter={filter} onChange={setFilter} />
          <div class="tabs" role="group">
            <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')} data-testid="view-list">
              {t('viewList')}
            </button>
            <button type="button" aria-pressed={view === 'compare'} onClick={() => setView('compare')} data-testid="view-compare">
              {t('viewCompare')}
            </button>
            <span class="muted count" data-testid="target-count" data-count={rows.length} data-total={totalCount} aria-live="polite">
              {t('libraryShowing', [String(rows.length), String(totalCount)])}
            </span>
          </div>
          {view === 'list' && (
            <>
              {loaded && rows.length === 0 && (
                <p class="muted" data-testid="no-matches">
                  {t('libraryNoMatches')}
                </p>
              )}
              <TargetsTable rows={rows} pages={pageMap} sort={sort} onSort={onSort} selected={selected} onSelect={setSelected} />
              {selectedRow && <TargetDetail row={selectedRow} page={pageMap.get(selectedRow.pageId)} />}
            </>
          )}
          {view === 'compare' && facets && <CompareView indicators={facets.indicators} filter={filter} pages={pageMap} />}

          <h2>{t('libraryPages')}</h2>
          <PagesTable pages={pages} onDelete={askDeletePage} />
        </>
      )}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </main>
  );
}

function TargetDetail({ row, page }: { row: TargetRecord; page: PageRecord | undefined }) {
  const href = page && safeHref(page.url);
  return (
    <section class="detail" data-testid="target-detail" aria-label={row.indicator}>
      <h3>
        {row.indicator} <span aria-hidden="true">{ARROWS[row.direction]}</span> {valueText(row)} {row.qualifier}
        {row.hedge && <span class="hedge"> · {row.hedge}</span>}
      </h3>
      <p class="muted">
        {[regionLabel(row.regionKey), row.year ?? '—', kindLabel(row.kind), t(`direction_${row.direction}`)].join(' · ')}
      </p>
      {row.section && (
        <p>
          <strong>{t('detailSection')}</strong> {row.section}
        </p>
      )}
      <blockquote>{row.sentence}</blockquote>
      {page && (
        <p>
          <strong>{t('detailPage')}</strong>{' '}
          {href ? (
            <a href={href} target="_blank" rel="noreferrer">
              {page.title || page.url}
            </a>
          ) : (
            page.title || page.url
          )}
        </p>
      )}
    </section>
  );
}
