import type { PageRecord } from '../../db/schema';
import { t } from '../../i18n';
import { pageKindLabel, safeHref } from './format';

export function PagesTable({ pages, onDelete }: { pages: PageRecord[]; onDelete(page: PageRecord): void }) {
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
          {pages.map((p) => (
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
              <td>{new Date(p.lastSeen).toLocaleString()}</td>
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
