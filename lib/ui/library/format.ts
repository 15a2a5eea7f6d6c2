import type { PageRecord, TargetRecord } from '../../db/schema';
import { regionName } from '../../db/region-name';
import { writtenParts } from '../../text/as-written';
import { t } from '../../i18n';

/** Shared labels of the library views; every string goes into the DOM as text. */

export const ARROWS = { increase: '↑', decrease: '↓', level: '→' } as const;

type Shown = Pick<TargetRecord, 'value' | 'valueMax' | 'unit' | 'qualifier' | 'hedge' | 'sentence'>;

/** 8.5% · 5–5.5% · 3400亿元 (3400億元 on a traditional page: lib/text/as-written); empty for goal statements. */
export function valueText(target: Shown): string {
  if (target.value === null) return '';
  const { unit } = writtenParts(target);
  return target.valueMax !== null ? `${target.value}–${target.valueMax}${unit}` : `${target.value}${unit}`;
}

/** The qualifier (以上, 以內) as the target's page writes it. */
export function qualifierText(target: Shown): string {
  return writtenParts(target).qualifier;
}

/** The hedge (力争, 力爭) as the target's page writes it. */
export function hedgeText(target: Shown): string {
  return writtenParts(target).hedge;
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
