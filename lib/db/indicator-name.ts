import { foldChars } from '../text/normalize';
import type { ReportLensDB } from './schema';

/**
 * One name for each indicator key, for lists of keys (the filter menu, the chart's indicator menu).
 * The key is the simplified fold (地区生产总值), so that one indicator is one choice across scripts, but
 * a library of traditional pages should read 地區生產總值: the key as the first and the latest saved
 * targets of that key write it, when they write it alike; none (the key stands) when one of them writes
 * the key itself — a library holding the indicator from pages in both scripts.
 *
 * Two cursor walks over the indicatorKey index, one step per key: forward with 'nextunique' (each key's
 * first record), backward jumping from key to key (each key's last). One Dexie query per key instead
 * cost the library a main-thread task of tens of ms right after its first rows were painted.
 */
export async function indicatorNames(db: ReportLensDB, keys: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!keys.length) return names;
  await db.open();
  const sorted = [...keys].sort((a, b) => indexedDB.cmp(a, b));
  const idb = db.backendDB();
  const index = idb.transaction('targets', 'readonly').objectStore('targets').index('indicatorKey');
  const [first, last] = await Promise.all([walk(index, sorted, 'nextunique'), walk(index, sorted, 'prev')]);
  for (const key of keys) {
    // Only a name that is the key as written counts: 外貿進出口總額 and GDP are filed under 进出口总额 and
    // 地区生产总值 too, and would name the whole group after one page's wording.
    const written = [first.get(key), last.get(key)].filter((n): n is string => !!n && n !== key && foldChars(n) === key);
    const mixed = [first.get(key), last.get(key)].some((n) => n === key);
    if (written.length && !mixed && written.every((n) => n === written[0])) names.set(key, written[0]!);
  }
  return names;
}

/** key → indicator of its first ('nextunique') or last ('prev', stepping to the next lower key) record. */
function walk(index: IDBIndex, sorted: readonly string[], direction: 'nextunique' | 'prev'): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    const request = index.openCursor(null, direction);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(out);
      const key = cursor.key as string;
      const value = cursor.value as { indicator?: unknown };
      if (typeof value.indicator === 'string') out.set(key, value.indicator);
      if (direction === 'nextunique') return cursor.continue();
      // The greatest key below this one that the index holds: its records are next, its last one first.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (indexedDB.cmp(sorted[mid], key) < 0) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return resolve(out);
      cursor.continue(sorted[lo - 1]);
    };
  });
}
