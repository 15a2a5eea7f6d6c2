import { storage } from 'wxt/utils/storage';

/** User settings, in browser.storage.local so every context sees the same values. */
export const autoSave = storage.defineItem<boolean>('local:autoSave', { fallback: true });
