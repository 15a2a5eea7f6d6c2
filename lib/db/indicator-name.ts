import type { ReportLensDB } from './schema';

/**
 * One name for each indicator key, for lists of keys (the filter menu, the chart's indicator menu).
 * The key is the simplified fold (地区生产总值), so that one indicator is one choice across scripts, but
 * a library of traditional pages should read 地區生產總值: the name as the first and the latest saved
 * targets of that key write it, when they write it alike; none (the key stands) when they differ — a
 * library holding the indicator from pages in both scripts.
 *
 * Two index reads per key, not a scan: a library of 10,000 targets has a few hundred keys.
 */
export async function indicatorNames(db: ReportLensDB, keys: readonly string[]): Promise<Map<string, string>> {
  const found = await db.transaction('r', db.targets, () =>
    Promise.all(
      keys.map(async (key) => {
        const byKey = db.targets.where('indicatorKey').equals(key);
        const [first, last] = await Promise.all([byKey.first(), byKey.clone().last()]);
        return [key, first?.indicator, last?.indicator] as const;
      }),
    ),
  );
  const names = new Map<string, string>();
  for (const [key, first, last] of found) if (first && first === last && first !== key) names.set(key, first);
  return names;
}
