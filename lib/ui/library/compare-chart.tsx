import { niceTicks, type CompareGroup, type PageIndex } from '../../db/query';
import { t } from '../../i18n';
import { groupRegionLabel, qualifierText, valueText } from './format';

/**
 * A bar chart drawn as plain SVG elements: one mark per (region, year) of one indicator in one unit.
 * A mark with one value (or several equal ones) is a bar from zero; a mark whose targets disagree (a
 * page listing several reports, two copies of a report) is a floating bar from the lowest to the highest
 * value with a tick per target, so no number is averaged into one that no report states.
 * Every label is an SVG <text> child: imported or page-provided names stay text.
 */

const BAR = 28;
const GAP = 6;
const REGION_GAP = 30;
const LEFT = 52;
const RIGHT = 16;
const TOP = 26;
const PLOT = 220;
const BOTTOM = 52;
/**
 * One colour per year. Bars are graphics the reader must tell apart from the page: each colour keeps 3:1
 * against both the light (#fff) and the dark (#1e1e1e) background (WCAG 1.4.11), so none is very light
 * (the former gold, 2.4:1 on white) or very dark (the former brown, 2.2:1 on dark).
 */
export const PALETTE = ['#ae611c', '#2f6fb0', '#4c9a2a', '#9b59b6', '#c0392b', '#16a085', '#a07800', '#8d6e63'];
/** Bars of targets without a year. */
export const NO_YEAR = '#808080';

function fmt(v: number): string {
  return String(Number(v.toFixed(2)));
}

/** A rough width in px of a 12px label: CJK glyphs are square, Latin ones about half as wide. */
function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += ch.charCodeAt(0) > 0x2e80 ? 12 : 7;
  return w;
}

/** Labels longer than the widest region slot are cut with an ellipsis (the full name is the mark's title). */
const MAX_LABEL = 120;
function fit(label: string): string {
  if (labelWidth(label) <= MAX_LABEL) return label;
  let out = '';
  for (const ch of label) {
    if (labelWidth(`${out}${ch}…`) > MAX_LABEL) break;
    out += ch;
  }
  return `${out}…`;
}

export function CompareChart({ groups, unit, indicator, pages }: { groups: CompareGroup[]; unit: string; indicator: string; pages: PageIndex }) {
  const years = [...new Set(groups.map((g) => g.year))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const color = (year: number | null) => (year === null ? NO_YEAR : PALETTE[years.indexOf(year) % PALETTE.length]!);
  const ticks = niceTicks(Math.min(...groups.map((g) => g.min)), Math.max(...groups.map((g) => g.max)));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  // Kept inside the plot: when niceTicks had to fall back (values past what an axis can span), a mark
  // is drawn at the edge rather than at y="NaN" or far outside the chart.
  const y = (v: number) => {
    const f = (v - lo) / (hi - lo);
    return TOP + PLOT * (1 - (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0));
  };

  // Bars of one region stand together, centred over the region's name; a wider gap separates regions.
  const bars: { group: CompareGroup; x: number }[] = [];
  const regions: { label: string; full: string; center: number }[] = [];
  let x = LEFT + 10;
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j]!.regionKey === groups[i]!.regionKey) j++;
    const full = groupRegionLabel(groups[i]!, pages);
    const label = fit(full);
    const barsWidth = (j - i) * (BAR + GAP) - GAP;
    const slot = Math.max(barsWidth, labelWidth(label));
    let bx = x + (slot - barsWidth) / 2;
    for (let k = i; k < j; k++, bx += BAR + GAP) bars.push({ group: groups[k]!, x: bx });
    regions.push({ label, full, center: x + slot / 2 });
    x += slot + REGION_GAP;
    i = j;
  }
  x -= REGION_GAP - GAP;
  const width = x + RIGHT;
  const height = TOP + PLOT + BOTTOM;
  const zero = y(Math.max(lo, Math.min(0, hi)));

  return (
    <div class="chart-scroll">
      <svg
        class="chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('compareChartLabel', [indicator, unit])}
        data-testid="compare-chart"
      >
        {ticks.map((v) => (
          <g key={v} class="tick">
            <line x1={LEFT} x2={width - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v) + 4} text-anchor="end">
              {fmt(v)}
            </text>
          </g>
        ))}
        <text class="unit" x={LEFT - 6} y={TOP - 12} text-anchor="end">
          {unit}
        </text>
        {bars.map(({ group, x: bx }) => {
          const single = group.min === group.max;
          const top = y(group.max);
          const bottom = single ? zero : y(group.min);
          const label = single ? fmt(group.max) : `${fmt(group.min)}–${fmt(group.max)}`;
          const detail = group.points
            .map(({ target }) => {
              const page = pages.get(target.pageId);
              return `${valueText(target)}${target.qualifier ? ` ${qualifierText(target)}` : ''} · ${page?.title || page?.url || ''}`;
            })
            .join('\n');
          return (
            <g
              key={`${group.regionKey}|${group.year}`}
              class={single ? 'mark' : 'mark range'}
              data-testid="chart-mark"
              data-region={group.regionKey ?? ''}
              data-year={group.year ?? ''}
              data-min={group.min}
              data-max={group.max}
              data-count={group.points.length}
            >
              <title>{`${groupRegionLabel(group, pages)} ${group.year ?? '—'}\n${detail}`}</title>
              <rect x={bx} y={Math.min(top, bottom)} width={BAR} height={Math.max(2, Math.abs(bottom - top))} fill={color(group.year)} />
              {!single &&
                group.points.map(({ target, high }, i) => (
                  <line key={i} class="point" x1={bx - 3} x2={bx + BAR + 3} y1={y(high)} y2={y(high)} data-value={target.value ?? ''} />
                ))}
              <text class="value" x={bx + BAR / 2} y={top - 5} text-anchor="middle">
                {label}
              </text>
              <text class="year" x={bx + BAR / 2} y={TOP + PLOT + 16} text-anchor="middle">
                {group.year ?? '—'}
              </text>
            </g>
          );
        })}
        <line class="axis" x1={LEFT} x2={width - RIGHT} y1={zero} y2={zero} />
        {regions.map((r) => (
          <text key={r.center} class="region" x={r.center} y={TOP + PLOT + 38} text-anchor="middle">
            <title>{r.full}</title>
            {r.label}
          </text>
        ))}
      </svg>
    </div>
  );
}
