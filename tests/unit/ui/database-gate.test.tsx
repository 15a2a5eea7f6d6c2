import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetUiLang } from '../../../lib/i18n';
import { databaseErrorText } from '../../../lib/ui/database-gate';
import { useLocale } from '../helpers/messages';

/** What Chrome gives when a profile's IndexedDB cannot be opened, as Dexie passes it on after its retries. */
const backingStore = () => new Dexie.OpenFailedError(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'));

describe('databaseErrorText', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetUiLang();
  });

  it('says what cannot be shown, that nothing was deleted, and what to do, in each of the three languages', () => {
    useLocale('zh_CN');
    const zh = databaseErrorText('library', backingStore());
    expect(zh.text).toBe(
      '无法打开资料库的数据库，暂时不能显示你保存的页面和目标。没有删除任何内容：它们仍在原处。 请重试。如果一直失败，请重新启动浏览器：浏览器给扩展的存储可能已损坏，或正被另一个版本的本扩展占用。',
    );
    // The browser's own words stay available for the curious (behind the alert's disclosure).
    expect(zh.detail).toContain('Internal error opening backing store');
    resetUiLang();
    useLocale('zh_TW');
    expect(databaseErrorText('glossary', backingStore()).text).toMatch(/^無法開啟詞表的資料庫，暫時不能顯示或修改你自己的詞條。沒有刪除任何內容/);
    resetUiLang();
    useLocale('en');
    expect(databaseErrorText('glossary', backingStore()).text).toMatch(/^The database of your glossary could not be opened.*Nothing was deleted.*Try again\./);
  });

  it('names a full disk as such', () => {
    useLocale('en');
    const full = databaseErrorText('library', new Dexie.AbortError(new DOMException('', 'QuotaExceededError')));
    expect(full.text).toContain('Storage is full');
    expect(full.text).not.toContain('restart the browser');
  });
});
