import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportAll, toCsv } from '../db/export';
import { clearLibrary, ImportError, importLibrary, MAX_IMPORT_BYTES, parseImport } from '../db/import';
import { removePage } from '../db/pages';
import { filterTargets, headable, loadFacets, pageIndex, queryHead, queryTargets, sortTargets, type Sort, type SortKey, type TargetFilter } from '../db/query';
import { getDb, type PageRecord, type TargetRecord } from '../db/schema';
import { formatCount, t, tn } from '../i18n';
import { CompareView } from './library/compare-view';
import { ConfirmDialog, type ConfirmRequest } from './library/confirm-dialog';
import { FilterBar } from './library/filter-bar';
import { ARROWS, hedgeText, kindLabel, qualifierText, regionLabel, safeHref, valueText } from './library/format';
import { indicatorNames } from '../db/indicator-name';
import { regionNames } from '../db/region-name';
import { usePaintedOnce } from './library/after-paint';
import { useLiveQuery } from './library/live-query';
import { PagesTable } from './library/pages-table';
import { TargetsTable } from './library/targets-table';
import { storageFullText } from './storage-full';
import { DatabaseAlert, DatabaseGate, useDatabaseState } from './database-gate';
import { sendMessage } from '../messaging/protocol';
import './library/library.css';

export { useLiveQuery } from './library/live-query';

type Notice = { kind: 'ok' | 'error'; text: string } | null;
type View = 'list' | 'compare';

/** Rows read for the first screen: a screenful (about 20) with room to scroll before the rest is needed. */
const HEAD = 100;
/**
 * Up to this many matching rows, all of them are read right after the first screen (tens of ms), so
 * sorting and searching a typical library never wait. Past it, reading every row costs hundreds of ms of
 * IndexedDB and main-thread time (10,000 targets: 170–360 ms on a busy 2-core machine), so it waits until
 * a sort, a search, scrolling or the CSV export needs the rows.
 */
const PREFETCH_ALL = 2000;
const NO_FILTER = JSON.stringify([undefined, undefined, undefined, undefined]);

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started from the blob by the next task; revoking later is only tidiness.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The library wrote the database itself (a delete, a clear, an import): a popup open for a tab whose
 * page that was reads its state again (lib/ui/follow-tab). No popup open is no receiver, which is fine.
 */
function announceLibraryChanged(): void {
  // Once this page is idle: sent at once, it delayed this page's own live query — an import's notice
  // then came before its rows, over the old "nothing saved yet" (seen in tests/e2e/ui-pages). The popup can wait.
  requestIdleCallback(() => void sendMessage('libraryChanged').catch(() => {}), { timeout: 1000 });
}

function stamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
}

/** What a failed import says: why, and that the library is as it was. */
export function importMessage(e: unknown): string {
  if (e instanceof ImportError) {
    const detail =
      e.code === 'tooBig'
        ? [(Number(e.detail) / 1024 / 1024).toFixed(1), String(MAX_IMPORT_BYTES / 1024 / 1024)]
        : e.detail;
    return `${t(`importError_${e.code}`, detail)} ${t('importNothingChanged')}`;
  }
  const full = storageFullText(e);
  if (full) return `${full} ${t('importNothingChanged')}`;
  return `${t('importError_database', e instanceof Error ? `${e.name}: ${e.message}` : String(e))} ${t('importNothingChanged')}`;
}

/** The library, told when its database cannot be opened (DatabaseGate). */
export function Library() {
  return (
    <DatabaseGate>
      <LibraryView />
    </DatabaseGate>
  );
}

function LibraryView() {
  const db = getDb();
  const database = useDatabaseState();
  const pages = useLiveQuery(() => db.pages.orderBy('lastSeen').reverse().toArray());
  const pageMap = useMemo(() => pageIndex(pages ?? []), [pages]);
  const regionMenuNames = useMemo(() => regionNames(pages ?? []), [pages]);

  const [filter, setFilter] = useState<TargetFilter>({});
  const [sort, setSort] = useState<Sort | null>(null);
  const [view, setView] = useState<View>('list');
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The first screen comes from an index-ordered read of HEAD rows plus a key count (queryHead), so it
  // costs the same with 100 targets or 100,000. Every row of the filter is read only when something
  // needs it — a sort, a text search, scrolling past the first rows, the CSV export — and the UI says so
  // while it loads. Filters no single index answers load their rows as before (queryTargets).
  const { regionKey, year, indicatorKey, kind } = filter;
  const indexFilter: TargetFilter = { regionKey, year, indicatorKey, kind };
  const filterKey = JSON.stringify([regionKey === null ? '\u0000' : regionKey, year === null ? '\u0000' : year, indicatorKey, kind]);
  const head = useLiveQuery(
    () => queryHead(db, indexFilter, HEAD).then((h) => ({ key: filterKey, head: h ?? null })),
    [filterKey],
  );
  const headFresh = head?.key === filterKey ? head.head : undefined;
  // The library's total: the unfiltered head already counted it, so the first screen does not count the
  // table twice; the live count (started after the first rows) takes over and follows saves and deletes.
  // Everything the first screen does not show waits until it has been painted: answers arriving before
  // that frame (the live count, the menus' values, a small library's remaining rows) are handled on
  // the main thread first and push the first rows back.
  const painted = usePaintedOnce(head?.head !== undefined);
  const liveTotal = useLiveQuery(() => (painted ? db.targets.count() : Promise.resolve(undefined)), [painted]);
  const totalCount = liveTotal ?? (filterKey === NO_FILTER && headFresh ? headFresh.count : undefined);
  const headComplete = !!headFresh && headFresh.rows.length >= headFresh.count;
  const [wantAllFor, setWantAllFor] = useState<string | null>(null);
  // A filter no single index answers needs every row at once; known now, not after its head query
  // came back empty, so the rows on screen stay until the new ones replace them.
  const needAll =
    !headable(indexFilter) ||
    (!!headFresh && !headComplete && ((painted && headFresh.count <= PREFETCH_ALL) || wantAllFor === filterKey || !!filter.text?.trim() || sort !== null));
  const all = useLiveQuery(
    () => (needAll ? queryTargets(db, indexFilter, new Map()).then((rows) => ({ key: filterKey, rows })) : Promise.resolve(undefined)),
    [filterKey, needAll],
  );
  const allFresh = all?.key === filterKey ? all.rows : undefined;
  // Every row of the filter, when they are in memory: all of them fit in the head, or all were read.
  const complete = headComplete ? headFresh.rows : allFresh;
  // While a new filter's rows load, the previous ones stay (as before): stale rows beat an empty flash,
  // and the filter bar being used must not unmount in between.
  const lastShown = useRef<TargetRecord[] | undefined>(undefined);
  const fresh = complete ?? headFresh?.rows ?? (head?.head ? head.head.rows : all?.rows);
  if (fresh) lastShown.current = fresh;
  const loaded = fresh ?? lastShown.current;
  // The menus' values wait for the first rows: read together, the two queries slow each other down,
  // and the rows are what the reader came for.
  // With the names the menus show for indicator keys, read in the same query so the menu's labels do not
  // change under a reader who has just opened it.
  const menus = useLiveQuery(
    () => (loaded && painted ? loadFacets(db).then(async (f) => ({ facets: f, indicatorNames: await indicatorNames(db, f.indicators) })) : Promise.resolve(undefined)),
    [loaded !== undefined && painted],
  );
  const facets = menus?.facets;
  const { rows, matching, partial } = useMemo(() => {
    if (complete) {
      const matched = filter.text ? filterTargets(complete, { text: filter.text }, pageMap) : complete;
      const sorted = sort ? sortTargets(matched, sort, pageMap) : matched;
      return { rows: sorted, matching: sorted.length, partial: false };
    }
    // Only the head is in memory: it is shown in list order with the index's count until the rest arrives.
    const h = headFresh ?? head?.head ?? undefined;
    if (h) return { rows: h.rows, matching: h.count, partial: true };
    const stale = loaded ?? [];
    return { rows: stale, matching: stale.length, partial: false };
  }, [complete, headFresh, head, loaded, filter.text, sort, pageMap]);
  // Once a sort or search asked for every row of this filter, they stay loaded until the filter changes.
  const searching = !!filter.text?.trim() || sort !== null;
  // Said while a sort, search or scroll waits for the rest (a quiet prefetch of a small library is not).
  const loadingAll = partial && needAll && (searching || wantAllFor === filterKey);
  useEffect(() => {
    if (searching && !headComplete && headFresh !== undefined) setWantAllFor(filterKey);
  }, [searching, headComplete, headFresh !== undefined, filterKey]);
  const wantAll = () => {
    if (wantAllFor !== filterKey) setWantAllFor(filterKey);
  };
  const selectedRow = selected === null ? undefined : rows.find((r) => r.id === selected);

  const onSort = (key: SortKey) => setSort(sort?.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });

  const exportCsv = async () => {
    let list = rows;
    if (partial) {
      // Only the first rows are in memory: read the filter's rows now (the listed order is database order).
      const every = await queryTargets(db, indexFilter, new Map());
      list = filter.text ? filterTargets(every, { text: filter.text }, pageMap) : every;
      list = sort ? sortTargets(list, sort, pageMap) : list;
    }
    download(`report-lens-targets-${stamp()}.csv`, toCsv(list, pageMap), 'text/csv;charset=utf-8');
  };
  const exportJson = async () => download(`report-lens-${stamp()}.json`, await exportAll(db), 'application/json');

  const importFile = async (file: File) => {
    setNotice(null);
    setBusy(true);
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('tooBig', String(file.size));
      const data = parseImport(await file.text());
      const result = await importLibrary(db, data);
      announceLibraryChanged();
      const done = t('importDone', [tn('nPages', result.pages), tn('nTargets', result.targets)]);
      setNotice({ kind: 'ok', text: result.replaced ? `${done} ${tn('importReplaced', result.replaced)}` : done });
    } catch (e) {
      setNotice({ kind: 'error', text: importMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const askDeletePage = (page: PageRecord) => {
    const pageRows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="page-row"]')];
    // The rows around the page's own, read as the delete starts. Its row can be gone before the dialog
    // closes: the pages are a live query, which may drop the row as soon as the database changed (this
    // tab's delete or another library tab's) before removePage has settled — looked up only then, the
    // focus fell back to the heading.
    let neighbours: string[] = [];
    setConfirm({
      message: t('confirmDeletePage', [page.title || page.url, tn('nTargets', page.targetCount)]),
      confirmLabel: t('libraryDelete'),
      // The page's row (and its button, which opened the dialog) goes with it: the next row's button
      // takes the focus, or the one before, or the page's heading when it was the last page.
      focusAfter: () => {
        const rows = pageRows();
        for (const url of neighbours) {
          const near = rows.find((r) => r.dataset.url === url)?.querySelector<HTMLElement>('[data-testid="delete-page"]');
          if (near) return near;
        }
        return heading.current;
      },
      onConfirm: async () => {
        const row = pageRows().find((r) => r.dataset.url === page.url);
        neighbours = [row?.nextElementSibling, row?.previousElementSibling]
          .map((r) => (r as HTMLElement | null | undefined)?.dataset.url)
          .filter((url): url is string => !!url);
        await removePage(db, page.url);
        announceLibraryChanged();
        setNotice({ kind: 'ok', text: t('pageDeleted', page.title || page.url) });
      },
    });
  };
  const askClearAll = () =>
    setConfirm({
      message: t('confirmClearAll', [tn('nPages', pages?.length ?? 0), tn('nTargets', totalCount ?? 0)]),
      confirmLabel: t('libraryClearAll'),
      // The button is disabled once the library is empty.
      focusAfter: () => heading.current,
      onConfirm: async () => {
        await clearLibrary(db);
        announceLibraryChanged();
        setFilter({});
        setSelected(null);
        setNotice({ kind: 'ok', text: t('libraryCleared') });
      },
    });

  const ready = pages !== undefined && totalCount !== undefined && loaded !== undefined;
  const empty = ready && pages.length === 0 && totalCount === 0;
  // Nothing to chart: the compare view is offered only once some indicator is saved.
  const canCompare = !!facets && facets.indicators.length > 0;
  const shown: View = canCompare ? view : 'list';

  return (
    <main class="library-main">
      <header class="bar">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {t('libraryTitle')}
          </h1>
          {ready && (
            <p class="muted summary" data-testid="summary" data-pages={pages.length} data-targets={totalCount}>
              {t('librarySummary', [tn('nPages', pages.length), tn('nTargets', totalCount)])}
            </p>
          )}
        </div>
        <nav class="actions">
          <button type="button" onClick={() => void exportCsv()} disabled={!ready || matching === 0} data-testid="export-csv">
            {t('exportCsv', formatCount(matching))}
          </button>
          <button type="button" onClick={() => void exportJson()} disabled={empty || !ready} data-testid="export-json">
            {t('exportJson')}
          </button>
          {/* Busy is said, not disabled: a disabled button loses the keyboard focus, for good. */}
          <button type="button" onClick={() => !busy && fileInput.current?.click()} aria-disabled={busy || undefined} data-testid="import-json">
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

      {/* Mounted from the start: a status region inserted together with its text is often not read out. */}
      <div role="status" data-testid="live-status">
        {notice?.kind === 'ok' && (
          <p class="notice ok" data-testid="notice">
            {notice.text}
          </p>
        )}
        {busy && (
          <p class="muted" data-testid="working">
            {t('libraryWorking')}
          </p>
        )}
      </div>
      {notice?.kind === 'error' && (
        <p class="notice error" role="alert" data-testid="import-error">
          {notice.text}
        </p>
      )}
      <DatabaseAlert what="library" testId="db-error" />
      {/* Not while the database cannot be opened: nothing is on its way. */}
      {!ready && !database?.error && <p class="muted">{t('libraryLoading')}</p>}
      {empty && (
        <p class="muted" data-testid="empty">
          {t('libraryEmpty')}
        </p>
      )}

      {ready && !empty && (
        <>
          <h2>{t('libraryTargets')}</h2>
          <FilterBar facets={facets} filter={filter} onChange={setFilter} onSearchFocus={wantAll} regionNames={regionMenuNames} indicatorNames={menus?.indicatorNames} />
          <div class="tabs" role="group">
            <button type="button" aria-pressed={shown === 'list'} onClick={() => setView('list')} data-testid="view-list">
              {t('viewList')}
            </button>
            {canCompare && (
              <button type="button" aria-pressed={shown === 'compare'} onClick={() => setView('compare')} data-testid="view-compare">
                {t('viewCompare')}
              </button>
            )}
            <span class="muted count" data-testid="target-count" data-count={matching} data-total={totalCount} aria-live="polite">
              {t('libraryShowing', [formatCount(matching), formatCount(totalCount)])}
            </span>
          </div>
          {shown === 'list' && (
            <>
              <div role="status">
                {loadingAll && (
                  <p class="muted" data-testid="loading-all">
                    {t('libraryLoadingAll', formatCount(matching))}
                  </p>
                )}
              </div>
              {loaded && matching === 0 && totalCount === 0 && (
                <p class="muted" data-testid="no-targets">
                  {t('libraryNoTargets')}
                </p>
              )}
              {loaded && matching === 0 && totalCount > 0 && (
                <p class="muted" data-testid="no-matches">
                  {t('libraryNoMatches')}
                </p>
              )}
              <TargetsTable rows={rows} total={matching} resetKey={`${filterKey}|${filter.text ?? ''}|${sort?.key ?? ''}|${sort?.dir ?? ''}`} onNeedRows={wantAll} pages={pageMap} sort={sort} onSort={onSort} selected={selected} onSelect={setSelected} />
              {selectedRow && <TargetDetail row={selectedRow} page={pageMap.get(selectedRow.pageId)} />}
            </>
          )}
          {shown === 'compare' && facets && <CompareView indicators={facets.indicators} names={menus?.indicatorNames} filter={filter} pages={pageMap} />}

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
        {row.indicator} <span aria-hidden="true">{ARROWS[row.direction]}</span> {valueText(row)} {qualifierText(row)}
        {row.hedge && <span class="hedge"> · {hedgeText(row)}</span>}
      </h3>
      <p class="muted">
        {[regionLabel(row, page), row.year ?? '—', kindLabel(row.kind), t(`direction_${row.direction}`)].join(' · ')}
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
