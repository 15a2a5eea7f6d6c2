import { isQuotaError } from '../db/removals';
import { t } from '../i18n';

/**
 * A full disk or storage quota said in the reader's words, when `e` is one: an error a write threw here
 * (Chrome's QuotaExceededError, which Dexie wraps in an AbortError), or the error text the background
 * sent for a save (lib/background/save.ts describeError, which begins with its name). Null for anything
 * else. The browser's own text — English, "AbortError: QuotaExceededError" — told a reader of a Chinese
 * UI neither what happened nor what to do.
 */
export function storageFullText(e: unknown): string | null {
  const full = typeof e === 'string' ? e.startsWith('QuotaExceededError') : isQuotaError(e) || storageQuotaError(e);
  return full ? t('errorStorageFull') : null;
}

/**
 * browser.storage.local's own words for it: Chrome's "Resource::kQuotaBytes quota exceeded" (its 10 MB
 * without unlimitedStorage), a LevelDB "IO error: … No space left on device".
 */
function storageQuotaError(e: unknown): boolean {
  return e instanceof Error && /quota ?bytes quota exceeded|no space left on device/i.test(e.message);
}
