import type { PageRecord, TargetRecord } from '../../db/schema';
import { regionName } from '../../db/region-name';
import { t } from '../../i18n';

/** Shared labels of the library views; every string goes into the DOM as text. */

export const ARROWS = { increase: '↑', decrease: '↓', level: '→' } as const;

/** 8.5% · 5–5.5% · 3400亿元; empty for goal statements. */
export function valueText(target: Pick<TargetRecord, 'value' | 'valueMax' | 'unit'>): string {
  if (target.value === null) return '';
  return target.valueMax !== null ? `${target.value}–${target.valueMax}${target.unit}` : `${target.value}${target.unit}`;
}

export function kindLabel(kind: TargetRecord['kind']): string {
  return t(`targetKind_${kind}`);
}

export function pageKindLabel(kind: string): string {
  return t(`kind_${kind.replace('-', '_')}`);
}

/** A target's region as its page writes it (lib/db/region-name), or "unknown". */
export function regionLabel(row: Pick<TargetRecord, 'regionKey' | 'section'>, page?: Pick<PageRecord, 'region' | 'regionKey'>): string {
  return regionName(row, page) ?? t('libraryRegionUnknown');
}

/** A compare group's region: as the page of its first target writes it (see {@link regionLabel}). */
export function groupRegionLabel(group: { regionKey: string | null; points: readonly { target: TargetRecord }[] }, pages: ReadonlyMap<number, PageRecord>): string {
  const first = group.points[0]?.target;
  return first ? regionLabel({ regionKey: group.regionKey, section: first.section }, pages.get(first.pageId)) : regionLabel({ regionKey: group.regionKey, section: '' });
}

/** Only the schemes a saved page can have become links (imported files are checked too; this is the second lock). */
export function safeHref(url: string): string | undefined {
  return /^(https?|file):/i.test(url) ? url : undefined;
}
