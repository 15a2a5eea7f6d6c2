import type { Page } from 'playwright-core';

/**
 * The extension's saved pages and targets as an extension page of its origin sees them, read with plain
 * IndexedDB (not through the code under test).
 */
export function readLibrary<P = Record<string, unknown>, T = Record<string, unknown>>(extensionPage: Page): Promise<{ pages: P[]; targets: T[] }> {
  return extensionPage.evaluate(
    () =>
      new Promise<{ pages: P[]; targets: T[] }>((resolve, reject) => {
        const open = indexedDB.open('report-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['pages', 'targets'], 'readonly');
          const pages = tx.objectStore('pages').getAll();
          const targets = tx.objectStore('targets').getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ pages: pages.result as P[], targets: targets.result as T[] });
          };
        };
      }),
  );
}
