import type { TargetRecord } from '../../db/schema';
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

export function regionLabel(regionKey: string | null | undefined): string {
  return regionKey ?? t('libraryRegionUnknown');
}

/** Only the schemes a saved page can have become links (imported files are checked too; this is the second lock). */
export function safeHref(url: string): string | undefined {
  return /^(https?|file):/i.test(url) ? url : undefined;
}
