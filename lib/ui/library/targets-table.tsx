import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PageIndex, Sort, SortKey } from '../../db/query';
import type { TargetRecord } from '../../db/schema';
import { t } from '../../i18n';
import { ARROWS, hedgeText, kindLabel, qualifierText, regionLabel, valueText } from './format';

/** Fixed row height (CSS pins it too): it is what lets the table render only the rows in view. */
export const ROW_HEIGHT = 30;
const OVERSCAN = 8;

const COLUMNS: { key: SortKey; label: string; width: string }[] = [
  { key: 'region', label: 'colRegion', width: '7em' },
  { key: 'year', label: 'colYear', width: '4.5em' },
  { key: 'indicator', label: 'colIndicator', width: '14em' },
  { key: 'value', label: 'colValue', width: '7em' },
  { key: 'qualifier', label: 'colQualifier', width: '4em' },
  { key: 'hedge', label: 'colHedge', width: '4.5em' },
  { key: 'kind', label: 'colKind', width: '7.5em' },
  { key: 'sentence', label: 'colSentence', width: 'auto' },
  { key: 'page', label: 'colPage', width: '12em' },
];

export function TargetsTable(props: {
  /** The rows in memory: all `total` of them, or the first ones while the rest loads. */
  rows: TargetRecord[];
  total: number;
  /** Changes when the filter or sort does: the table scrolls back to its first row. */
  resetKey: string;
  /** Called when the window reaches past the rows in memory. */
  onNeedRows(): void;
  pages: PageIndex;
  sort: Sort | null;
  onSort(key: SortKey): void;
  selected: number | null;
  onSelect(id: number | null): void;
}) {
  const { rows, total, pages, sort } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The scroller's height as library.css sets it, so the first render needs no layout to know how many
  // rows fit; reading clientHeight here forced a synchronous layout of the whole page into the render.
  const [viewport, setViewport] = useState(() => Math.max(260, (globalThis.innerHeight || 930) - 330));

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Called after layout (and once on observe), so reading the height here costs no extra layout.
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new filter or sort shows its first rows, not whatever sat at the old scroll offset. A layout effect:
  // it lands in the same commit as the new count, so a scroll made after seeing the count is not undone.
  // Not on mount: the scroller starts at 0, and writing scrollTop forces a layout inside the first render.
  const lastReset = useRef(props.resetKey);
  useLayoutEffect(() => {
    if (lastReset.current === props.resetKey) return;
    lastReset.current = props.resetKey;
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  // Rows past those in memory are blank space (the spacer) until they arrive.
  const end = Math.max(first, Math.min(last, rows.length));
  const visible = rows.slice(first, end);
  const short = last > rows.length;
  useEffect(() => {
    if (short) props.onNeedRows();
  }, [short]);

  return (
    <div class="grid-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)} data-testid="targets-scroll">
      <table class="targets-grid" data-testid="targets" aria-rowcount={total + 1} data-count={total}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th key={c.key} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" class="sort" onClick={() => props.onSort(c.key)} data-testid={`sort-${c.key}`}>
                    {t(c.label)}
                    <span class="sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} />}
          {visible.map((row, i) => {
            const page = pages.get(row.pageId);
            const title = page ? page.title || page.url : '';
            const value = valueText(row);
            const kind = kindLabel(row.kind);
            const region = regionLabel(row, page);
            return (
              <tr
                key={row.id}
                class={row.id === props.selected ? 'selected' : undefined}
                aria-rowindex={first + i + 2}
                onClick={() => props.onSelect(row.id === props.selected ? null : row.id)}
                data-testid="target-row"
                data-id={row.id}
              >
                <td data-col="region" title={region}>
                  {region}
                </td>
                <td data-col="year">{row.year ?? '—'}</td>
                <td data-col="indicator" title={row.indicator}>
                  {/* The button makes rows reachable by keyboard; the whole row is clickable for the mouse. */}
                  <button type="button" class="link cell-button" aria-pressed={row.id === props.selected} onClick={(e) => (e.stopPropagation(), props.onSelect(row.id === props.selected ? null : row.id))}>
                    {row.indicator}
                  </button>
                </td>
                <td data-col="value" class="num" title={value}>
                  <span class="arrow" aria-hidden="true">{ARROWS[row.direction]}</span> {value}
                </td>
                <td data-col="qualifier">{qualifierText(row)}</td>
                <td data-col="hedge">{hedgeText(row)}</td>
                <td data-col="kind" title={kind}>
                  {kind}
                </td>
                <td data-col="sentence" title={row.sentence}>
                  {row.sentence}
                </td>
                <td data-col="page" title={title}>
                  {title}
                </td>
              </tr>
            );
          })}
          {end < total && <tr class="spacer" aria-hidden="true" style={{ height: `${(total - end) * ROW_HEIGHT}px` }} />}
        </tbody>
      </table>
    </div>
  );
}
