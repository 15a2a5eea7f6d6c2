import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getDb, type PageRecord } from '../db/schema';
import { t } from '../i18n';

/** Subscribes to a Dexie live query (re-runs when the tables it read change). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error(e) });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

export function Library() {
  const pages = useLiveQuery(() => getDb().pages.orderBy('lastSeen').reverse().toArray());
  return (
    <main class="library-main">
      <h1>{t('libraryTitle')}</h1>
      <h2>{t('libraryPages')}</h2>
      {pages && pages.length === 0 && <p class="muted" data-testid="empty">{t('libraryEmpty')}</p>}
      {pages && pages.length > 0 && <PagesTable pages={pages} />}
    </main>
  );
}

function PagesTable({ pages }: { pages: PageRecord[] }) {
  return (
    <table class="pages" data-testid="pages">
      <thead>
        <tr>
          <th>{t('colTitle')}</th>
          <th>{t('colKind')}</th>
          <th>{t('colRegion')}</th>
          <th>{t('colYear')}</th>
          <th>{t('colTerms')}</th>
          <th>{t('colTargets')}</th>
          <th>{t('colLastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {pages.map((p) => (
          <tr key={p.id} data-testid="page-row">
            <td>
              <a href={p.url} target="_blank" rel="noreferrer">
                {p.title || p.url}
              </a>
            </td>
            <td>{t(`kind_${p.kind.replace('-', '_')}`)}</td>
            <td>{p.region ?? '—'}</td>
            <td>{p.year ?? '—'}</td>
            <td>{p.termCount}</td>
            <td>{p.targetCount}</td>
            <td>{new Date(p.lastSeen).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
