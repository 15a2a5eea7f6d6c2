import { t } from '../i18n';
import type { ActionError } from './script-toggle-button';
import { errorText } from './library/confirm-dialog';
import { storageFullText } from './storage-full';

/** What saving needs of a setting (a WXT storage item, lib/settings.ts). */
export interface SettingItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface SettingSaved<T> {
  /** The value stored now: the new one, or — the write failed — the one still stored. */
  value: T;
  /** What to tell the reader when the write failed; null when it worked. */
  error: ActionError | null;
}

/**
 * Stores a setting the reader changed. browser.storage.local refuses writes when its quota or the disk
 * is full ("Resource::kQuotaBytes quota exceeded"): the control must then show the value still stored,
 * and say so — unchecked, the options page showed 自动保存 off while pages went on being saved, and the
 * rejection went uncaught. `shown` is the value the control showed before, should reading fail too.
 */
export async function saveSetting<T>(item: SettingItem<T>, value: T, shown: T): Promise<SettingSaved<T>> {
  try {
    await item.setValue(value);
    return { value, error: null };
  } catch (e) {
    const stored = await item.getValue().catch(() => shown);
    const full = storageFullText(e);
    return { value: stored, error: { text: full ? `${t('optSaveFailed')} ${full}` : t('optSaveFailed'), detail: errorText(e) } };
  }
}
