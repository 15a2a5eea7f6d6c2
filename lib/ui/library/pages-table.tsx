import { useEffect, useState } from 'preact/hooks';
import type { PageRecord } from '../../db/schema';
import { t } from '../../i18n';
import { afterNextPaint } from './after-paint';
import { pageKindLabel, safeHref } from './format';

// What Date#toLocaleString() prints, from one formatter: toLocaleString builds a new one per call, which
// for a few hundred saved pages was a visible part of the library's first render.
const dateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/**
 * The table sits below the targets, out of view when the page opens: its rows are built once the first
 * screen has been painted (then all at once), so they add nothing to the time to the first rows.
 */
export function PagesTable({ pages, onDelete }: { pages: PageRecord[]; onDelete(page: PageRecord): void }) {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (all) return;
    return afterNextPaint(() => setAll(true));
  }, [all]);
  return (
    <div class="pages-scroll">
      <table class="pages" data-testid="pages">
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colKind')}</th>
            <th scope="col">{t('colRegion')}</th>
            <th scope="col">{t('colYear')}</th>
            <th scope="col">{t('colTerms')}</th>
            <th scope="col">{t('colTargets')}</th>
            <th scope="col">{t('colLastSeen')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('libraryActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(all ? pages : []).map((p) => (
            <tr key={p.id} data-testid="page-row" data-url={p.url}>
              <td>
                <a href={safeHref(p.url)} target="_blank" rel="noreferrer">
                  {p.title || p.url}
                </a>
              </td>
              <td>{pageKindLabel(p.kind)}</td>
              <td>{p.region ?? '—'}</td>
              <td>{p.year ?? '—'}</td>
              <td class="num">{p.termCount}</td>
              <td class="num" data-testid="page-target-count">
                {p.targetCount}
              </td>
              <td>{dateTime.format(p.lastSeen)}</td>
              <td>
                <button type="button" class="small" onClick={() => onDelete(p)} data-testid="delete-page" aria-label={t('libraryDeletePageLabel', p.title || p.url)}>
                  {t('libraryDelete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
