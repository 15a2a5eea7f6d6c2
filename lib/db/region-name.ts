import { foldChars } from '../text/normalize';
import type { PageRecord, TargetRecord } from './schema';

/**
 * A target's region as its page writes it. The key is simplified (衡南县), so that one region is one
 * filter across scripts, but a traditional page's reader reads 衡南縣: the page's own region when it is
 * the target's; else the name as the report title heading the target's section writes it (a news list
 * holding several cities' reports, whose page region is another's); else the key. Null when unknown.
 */
export function regionName(row: Pick<TargetRecord, 'regionKey' | 'section'>, page?: Pick<PageRecord, 'region' | 'regionKey'>): string | null {
  const key = row.regionKey;
  if (key == null) return null;
  if (page?.region && page.regionKey === key) return page.region;
  const head = row.section.split(' › ', 1)[0] ?? '';
  // The fold maps character for character, so the name's place in the title has the key's length.
  for (let i = 0; i + key.length <= head.length; i++) {
    const slice = head.slice(i, i + key.length);
    if (foldChars(slice) === key) return slice;
  }
  return key;
}

/**
 * One name for each region key, for lists of keys (the filter menu): the one way the library's pages
 * write it (衡南縣 in a library of traditional pages); none where pages write it differently.
 */
export function regionNames(pages: readonly Pick<PageRecord, 'region' | 'regionKey'>[]): Map<string, string> {
  const names = new Map<string, string | null>();
  for (const p of pages) {
    if (!p.regionKey || !p.region) continue;
    const seen = names.get(p.regionKey);
    names.set(p.regionKey, seen === undefined || seen === p.region ? p.region : null);
  }
  const out = new Map<string, string>();
  for (const [key, name] of names) if (name) out.set(key, name);
  return out;
}
