import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';

/*
 * A full disk, as Chrome reports it: the extension's origin gets a storage quota it is already over
 * (DevTools' Storage.overrideQuotaForOrigin), so every IndexedDB write fails with QuotaExceededError.
 * Chrome reads the quota when it opens the origin's storage, so the override is set while nothing has
 * it open — a fresh profile whose worker has been stopped — and holds until the override is lifted.
 */

let server: StaticServer;
let ext: ExtensionBrowser;
/** An extension page that opens no database: asks for tab ids, and carries the DevTools session. */
let tabs: Page;
let cdp: CDPSession;
let origin: string;

const FULL = '存储空间已满：磁盘或浏览器给扩展的存储配额已用完。腾出空间后再试。';

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension();
  origin = `chrome-extension://${ext.extensionId}`;
  tabs = await ext.context.newPage();
  await tabs.goto(`${origin}/popup.html`);
  cdp = await ext.context.newCDPSession(tabs);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens a page in a new tab; its id is the one tab id that appeared (no `tabs` permission to read URLs). */
async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const ids = () => tabs.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
  const before = new Set(await ids());
  const page = await ext.context.newPage();
  const added = (await ids()).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab, saw ${added.length}`);
  await page.goto(url);
  return { page, tabId: added[0]! };
}

/** Whether a write to the extension's IndexedDB fails for want of space now (a scratch database). */
function writeFails(): Promise<boolean> {
  return tabs.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('full-disk-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onerror = () => resolve(true);
        open.onsuccess = () => {
          const tx = open.result.transaction('s', 'readwrite');
          tx.objectStore('s').put('x'.repeat(10_000), Math.random());
          tx.oncomplete = () => (open.result.close(), resolve(false));
          tx.onabort = () => (open.result.close(), resolve(tx.error?.name === 'QuotaExceededError'));
        };
      }),
  );
}

describe('a full disk', () => {
  it('each page says so in the reader’s words, changes nothing and keeps what the reader typed; once there is room, saving works', async () => {
    // Nothing written yet: once the worker is stopped, nothing holds the origin's storage open.
    await ext.stopWorker();
    await new Promise((r) => setTimeout(r, 3000));
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    expect(await writeFails()).toBe(true);

    // A report page: its automatic save fails, and the popup says why.
    const { tabId } = await openTab(server.govUrl('pages/seed-000.html'));
    const popup = await ext.context.newPage();
    await popup.goto(`${origin}/popup.html?tab=${tabId}`);
    await expect
      .poll(async () => {
        await popup.reload();
        await popup.getByTestId('verdict').waitFor();
        return popup.getByTestId('save-error').count();
      })
      .toBe(1);
    // Before: 出错了：QuotaExceededError: the disk or the browser storage quota is full; nothing was saved
    expect(await popup.getByTestId('save-error').textContent()).toBe(FULL);
    await popup.getByTestId('save').click();
    // Before: 无法把此页保存到资料库。 — why, only in English behind 技术细节.
    expect(await popup.getByTestId('popup-error').locator('p').textContent()).toBe(`无法把此页保存到资料库。 ${FULL}`);

    // The glossary editor: the entry is not saved, and the form keeps what was typed.
    const options = await ext.context.newPage();
    await options.goto(`${origin}/options.html`);
    await options.getByTestId('ge-add').click();
    const fields: [string, string][] = [
      ['term', '三新一高'],
      ['definition', '新发展阶段、新发展理念、新发展格局和高质量发展。'],
      ['gloss', 'three news, one high'],
      ['sourceTitle', '政府工作报告'],
      ['sourceIssuer', '国务院'],
      ['sourceYear', '2023'],
    ];
    for (const [name, value] of fields) await options.getByTestId(`ge-f-${name}`).fill(value);
    await options.getByTestId('ge-save').click();
    const error = options.getByTestId('ge-error');
    await error.waitFor();
    // Before: 保存失败。 AbortError: QuotaExceededError
    expect([await error.locator('p').textContent(), await error.locator('li').allTextContents()]).toEqual(['保存失败。', [FULL]]);
    for (const [name, value] of fields) expect(await options.getByTestId(`ge-f-${name}`).inputValue()).toBe(value);

    // The library's import: refused whole, the library as it was.
    const library = await ext.context.newPage();
    await library.goto(`${origin}/library.html`);
    await library.getByTestId('empty').waitFor();
    const file = JSON.stringify({
      format: 'report-lens', version: 1, exportedAt: '', targets: [],
      pages: [{ id: 1, url: 'https://www.gov.cn/a.html', title: '2024年政府工作报告', kind: 'work-report', score: 0.9, region: null, regionKey: null, year: 2024, termCount: 1, targetCount: 0, firstSeen: 1, lastSeen: 2 }],
    });
    await library.getByTestId('import-file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    // Before: 写入数据库失败：AbortError: QuotaExceededError 。 资料库未作任何改动。
    await expect.poll(() => library.getByTestId('import-error').textContent()).toBe(`${FULL} 资料库未作任何改动。`);
    expect(await library.getByTestId('empty').count()).toBe(1);

    // Room again: the popup's save and the editor's save go through.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await popup.getByTestId('save').click();
    await popup.getByTestId('saved').waitFor();
    expect(await popup.getByTestId('save-error').count()).toBe(0);
    await options.getByTestId('ge-save').click();
    await expect.poll(() => options.getByTestId('ge-ok').textContent()).toBe('已保存「三新一高」。');
    await library.reload();
    await expect.poll(() => library.getByTestId('page-row').count()).toBe(1);
    expect(ext.extensionErrors).toEqual([]);
  });
});

describe('a full browser.storage.local (the settings)', () => {
  it('a setting that cannot be stored shows the value still stored, and says so; once there is room it is stored', async () => {
    const options = await ext.context.newPage();
    await options.goto(`${origin}/options.html`);
    const autosave = options.getByTestId('opt-autosave');
    await expect.poll(() => autosave.isEnabled()).toBe(true);
    expect(await autosave.isChecked()).toBe(true);
    // Fills the extension's storage.local to its quota (10 MB without unlimitedStorage), as the disk
    // being full would refuse any write.
    await options.evaluate(async () => {
      const local = chrome.storage.local;
      await local.set({ filler: 'x'.repeat(local.QUOTA_BYTES - 1000) });
      const room = local.QUOTA_BYTES - (await local.getBytesInUse(null));
      // The key and the value's JSON count: the last few bytes, one at a time.
      for (let n = room - 5; n > 0; n--) {
        try {
          await local.set({ pad: 'y'.repeat(n) });
          break;
        } catch {
          // One byte too many.
        }
      }
    });
    await autosave.click();
    // Before: unchecked — 自动保存 off as far as the reader could see, while pages went on being saved —
    // and an uncaught "Resource::kQuotaBytes quota exceeded".
    const error = options.getByTestId('opt-autosave-error');
    await error.waitFor();
    expect(await error.locator('p').textContent()).toBe(`设置没有保存，仍是原来的值。 ${FULL}`);
    expect(await autosave.isChecked()).toBe(true);
    expect(await options.evaluate(() => chrome.storage.local.get('autoSave'))).toEqual({});
    await options.getByTestId('opt-traditional-variant').selectOption('hk');
    await options.getByTestId('opt-script-error').waitFor();
    expect(await options.getByTestId('opt-traditional-variant').inputValue()).not.toBe('hk');
    // Room again.
    await options.evaluate(() => chrome.storage.local.remove(['filler', 'pad']));
    await autosave.click();
    await expect.poll(() => options.evaluate(() => chrome.storage.local.get('autoSave'))).toEqual({ autoSave: false });
    expect(await autosave.isChecked()).toBe(false);
    expect(await options.getByTestId('opt-autosave-error').count()).toBe(0);
    expect(ext.extensionErrors).toEqual([]);
  });
});

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: {
    local: {
      QUOTA_BYTES: number;
      set(items: object): Promise<void>;
      get(key: string): Promise<object>;
      remove(keys: string[]): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
    };
  };
};
