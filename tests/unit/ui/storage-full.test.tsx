// @vitest-environment happy-dom
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { describeError } from '../../../lib/background/save';
import { resetUiLang } from '../../../lib/i18n';
import type { PageState, SaveResult } from '../../../lib/messaging/protocol';

// The real message files (read from the working directory: happy-dom turns import.meta.url into an http URL).
function useLocale(locale: 'en' | 'zh_CN' | 'zh_TW'): void {
  const messages = JSON.parse(readFileSync(join(process.cwd(), 'assets/public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  resetUiLang();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = Array.isArray(subs) ? subs : subs === undefined ? [] : [subs];
    return (messages[key]?.message ?? '').replace(/\$P(\d)\$/g, (_, i: string) => list[Number(i) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage);
}

/** What a write on a full disk throws in Chrome: the transaction's QuotaExceededError, wrapped by Dexie as its AbortError. */
const chromeQuotaError = () => new Dexie.AbortError(new DOMException('', 'QuotaExceededError'));

const replies: { tabState?: PageState | null; savePage?: SaveResult } = {};
vi.mock('../../../lib/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../../lib/messaging/protocol')>()),
  sendMessage: (type: string) => (type in replies ? Promise.resolve(replies[type as keyof typeof replies]) : Promise.reject(new Error(type))),
}));
vi.mock('../../../lib/messaging/tabs', () => ({ sendToTab: () => Promise.reject(new Error('no receiver')) }));
const { Popup } = await import('../../../lib/ui/popup');
const { importMessage } = await import('../../../lib/ui/library');
const { failureDetail } = await import('../../../lib/ui/glossary-editor');
const { storageFullText } = await import('../../../lib/ui/storage-full');

const FULL = '存储空间已满：磁盘或浏览器给扩展的存储配额已用完。腾出空间后再试。';

let root: HTMLElement;
beforeEach(() => {
  useLocale('zh_CN');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  resetUiLang();
});

describe('a full disk, in the reader’s words', () => {
  it('knows Chrome’s error and the background’s text of it, and nothing else', () => {
    expect(storageFullText(chromeQuotaError())).toBe(FULL);
    expect(storageFullText(describeError(chromeQuotaError()))).toBe(FULL);
    expect(storageFullText(new Dexie.AbortError(new DOMException('', 'UnknownError')))).toBeNull();
    expect(storageFullText('NotFoundError: QuotaExceededError')).toBeNull();
    // browser.storage.local's: Chrome's quota of 10 MB, LevelDB on a full disk.
    expect(storageFullText(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(FULL);
    expect(storageFullText(new Error('IO error: /profile/Local Extension Settings/x/000003.log: No space left on device (ENOSPC)'))).toBe(FULL);
    expect(storageFullText(new Error('Something else'))).toBeNull();
    useLocale('en');
    expect(storageFullText(chromeQuotaError())).toMatch(/^Storage is full/);
  });

  it('the popup says it for a page its automatic save could not store, and for its own save', async () => {
    const error = describeError(chromeQuotaError());
    const state: PageState = {
      url: 'https://www.hengnan.gov.cn/a.html', title: '衡南县2022年政府工作报告', script: 'simplified', termCount: 1, terms: [], targets: [], requested: false, readAt: 1,
      report: { isReport: true, score: 0.9, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2022 },
      annotated: true, pageId: null, saved: false, error,
    };
    replies.tabState = state;
    replies.savePage = { pageId: null, saved: false, error };
    history.replaceState(null, '', '/popup.html?tab=7');
    await act(async () => render(<Popup />, root));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    // Before: 出错了：QuotaExceededError: the disk or the browser storage quota is full; nothing was saved
    expect(root.querySelector('[data-testid=save-error]')!.textContent).toBe(FULL);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid=save]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    // Before: 无法把此页保存到资料库。 — and why only in English, behind 技术细节.
    expect(root.querySelector('[data-testid=popup-error] p')!.textContent).toBe(`无法把此页保存到资料库。 ${FULL}`);
    expect(root.querySelector('[data-testid=popup-error-detail]')!.textContent).toBe(error);
  });

  it('the library’s import says it, and that nothing changed', () => {
    // Before: 写入数据库失败：AbortError: QuotaExceededError 。资料库未作任何改动。
    expect(importMessage(chromeQuotaError())).toBe(`${FULL} 资料库未作任何改动。`);
    expect(importMessage(new Error('boom'))).toBe('写入数据库失败：Error: boom。 资料库未作任何改动。');
  });

  it('the glossary editor says it under 保存失败', () => {
    // Before: AbortError: QuotaExceededError
    expect(failureDetail(chromeQuotaError())).toBe(FULL);
    expect(failureDetail(new Error('boom'))).toBe('Error: boom');
  });
});

describe('the library’s import messages', () => {
  it('sends a reader who picked the CSV export to the JSON one', async () => {
    const { ImportError } = await import('../../../lib/db/import');
    expect(importMessage(new ImportError('csv'))).toBe('这是“导出 CSV”得到的表格，不能导入。请导入“导出 JSON”得到的文件。 资料库未作任何改动。');
  });
});
