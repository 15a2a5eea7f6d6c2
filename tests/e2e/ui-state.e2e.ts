/**
 * The extension's pages follow what changes under them while they are open: the options page a
 * permission changed in the browser's own extension settings or a setting changed in another tab. And
 * the library and the glossary editor say so when their database cannot be opened, losing nothing; and
 * an open popup follows its tab's page as it changes (an SPA's new section, annotated from the context
 * menu) and the library deleting its page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { waitForState } from './state';

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/**
 * The browser's own site-access control for the extension, as chrome://extensions sets it (its details
 * page's "Site access" menu calls the same API): "ON_CLICK" withholds the hosts the manifest asks for
 * (*.gov.cn), "ON_ALL_SITES" gives them back.
 */
async function setSiteAccess(ext: ExtensionBrowser, hostAccess: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
  const settings = await ext.context.newPage();
  try {
    await settings.goto('chrome://extensions/');
    await settings.evaluate(
      ([extensionId, access]) =>
        chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: access }),
      [ext.extensionId, hostAccess] as const,
    );
  } finally {
    await settings.close();
  }
}

/**
 * Makes IndexedDB fail in one extension page as Chrome does when a profile's IndexedDB backing store
 * cannot be opened (a damaged LevelDB, a disk error): every indexedDB.open's request fires `error` with
 * "UnknownError: Internal error opening backing store for indexedDB.open." — the error and text Chrome
 * gives. Dexie tries three more times on that error, then fails. `window.idbBroken = false` mends it,
 * as a restart of the browser would. Other pages (the worker, the test's own reads) are untouched.
 */
function breakIndexedDb(): void {
  const w = window as unknown as { idbBroken: boolean };
  w.idbBroken = true;
  const realOpen = IDBFactory.prototype.open;
  class BrokenOpen extends EventTarget {
    readyState = 'pending';
    result = undefined;
    transaction = null;
    source = null;
    onerror: ((e: Event) => void) | null = null;
    onsuccess: ((e: Event) => void) | null = null;
    onupgradeneeded: ((e: Event) => void) | null = null;
    onblocked: ((e: Event) => void) | null = null;
    readonly error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    constructor() {
      super();
      setTimeout(() => {
        this.readyState = 'done';
        const event = new Event('error', { bubbles: false, cancelable: true });
        this.addEventListener('error', (e) => this.onerror?.(e), { once: true });
        this.dispatchEvent(event);
      }, 5);
    }
  }
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    return w.idbBroken ? (new BrokenOpen() as unknown as IDBOpenDBRequest) : realOpen.apply(this, args);
  };
}

/** A library export as the extension writes it: one page with one target. */
function libraryFile(): string {
  const sentence = '地区生产总值增长6%左右。';
  return JSON.stringify({
    format: 'report-lens',
    version: 1,
    exportedAt: new Date().toISOString(),
    pages: [{ id: 1, url: 'http://www.example.gov.cn/report.html', title: '某县2024年政府工作报告', kind: 'work-report', score: 1, region: '某县', regionKey: '某县', year: 2024, termCount: 0, targetCount: 1, firstSeen: 1, lastSeen: 1 }],
    targets: [
      {
        pageId: 1, kind: 'main', indicator: '地区生产总值', indicatorKey: '地区生产总值', value: 6, valueMax: null, unit: '%', qualifier: '左右',
        direction: 'increase', hedge: '', year: 2024, section: '', sentence, start: 0, end: sentence.length, regionKey: '某县',
        quote: { exact: sentence, prefix: '', suffix: '' },
      },
    ],
  });
}

/** A glossary export with one entry of the reader's own. */
function glossaryFile(): string {
  return JSON.stringify({
    format: 'report-lens-glossary',
    version: 1,
    entries: [
      {
        id: 'user-san-xin-yi-gao', term: '三新一高', aliases: [], components: [], definition: '新发展阶段、新发展理念、新发展格局、高质量发展。', gloss: 'three news and one high',
        scope: { level: 'national' }, year: 2021, related: [], sources: [{ title: '测试来源', issuer: '测试', year: 2021 }],
      },
    ],
  });
}

/** What the database holds, read with plain IndexedDB from a page that is not broken. */
function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('report-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(name, 'readonly').objectStore(name).count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
    store,
  );
}

describe('a database that cannot be opened', () => {
  let ext: ExtensionBrowser;
  let origin: string;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
    origin = `chrome-extension://${ext.extensionId}`;
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the library says so in the reader’s words, deletes nothing, and shows the library once a retry opens it', async () => {
    const healthy = await ext.context.newPage();
    await healthy.goto(`${origin}/library.html`);
    await healthy.getByTestId('empty').waitFor();
    await healthy.getByTestId('import-file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(libraryFile()) });
    await expect.poll(() => healthy.getByTestId('page-row').count()).toBe(1);

    const lib = await ext.context.newPage();
    await lib.addInitScript(breakIndexedDb);
    await lib.goto(`${origin}/library.html`);
    const alert = lib.getByTestId('db-error-alert');
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toBe(
      'The library’s database could not be opened, so your saved pages and targets cannot be shown now. Nothing was deleted: they stay where they were. ' +
        'Try again. If it keeps failing, restart the browser: its storage for extensions may be damaged or in use by another version of the extension.',
    );
    // The browser's own words, for the curious, behind the disclosure.
    expect(await lib.getByTestId('db-error-alert-detail').textContent()).toContain('UnknownError: Internal error opening backing store');
    // Not "Loading…" for ever, nor "nothing saved yet".
    expect(await lib.getByText('Loading…').count()).toBe(0);
    expect(await lib.getByTestId('empty').count()).toBe(0);

    // Still broken: the retry says it tried.
    await lib.getByTestId('db-error-retry').click();
    await expect.poll(() => lib.getByTestId('db-error-retry-status').textContent()).toBe('Tried again: it still could not be opened.');
    await alert.waitFor();

    // Nothing was deleted or recreated to get past it.
    expect(await storeCount(healthy, 'pages')).toBe(1);
    expect(await storeCount(healthy, 'targets')).toBe(1);

    // Mended (as a browser restart would): the retry shows the library.
    await lib.evaluate(() => ((window as unknown as { idbBroken: boolean }).idbBroken = false));
    await lib.getByTestId('db-error-retry').click();
    await expect.poll(() => lib.getByTestId('page-row').count()).toBe(1);
    const logged = ext.extensionErrors.length;
    expect(await lib.getByTestId('db-error-alert').count()).toBe(0);
    expect(await lib.getByTestId('summary').getAttribute('data-targets')).toBe('1');
    // And it is live again: a change elsewhere shows.
    await healthy.getByTestId('delete-page').click();
    await healthy.getByTestId('confirm-ok').click();
    await expect.poll(() => lib.getByTestId('page-row').count()).toBe(0);
    expect(ext.extensionErrors.slice(logged)).toEqual([]);
    await lib.close();
    await healthy.close();
  });

  it('the glossary editor says so, keeps the entry the tooltip asked to add, and opens it once a retry works', async () => {
    const healthy = await ext.context.newPage();
    await healthy.goto(`${origin}/options.html`);
    await expect.poll(() => healthy.getByTestId('ge-import').isEnabled()).toBe(true);
    await healthy.getByTestId('ge-import-file').setInputFiles({ name: 'glossary.json', mimeType: 'application/json', buffer: Buffer.from(glossaryFile()) });
    await healthy.getByTestId('ge-ok').waitFor();

    const options = await ext.context.newPage();
    await options.addInitScript(breakIndexedDb);
    // Opened from a tooltip's 添加到我的词表: the term to add is in the address.
    await options.goto(`${origin}/options.html#${new URLSearchParams({ add: '五测一验', context: '加强“五测一验”建设。', url: 'http://www.example.gov.cn/a.html', title: 'T', year: '2024' })}`);
    const alert = options.getByTestId('ge-db-error-alert');
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toContain('The database of your glossary could not be opened');
    // The rest of the options page works without it.
    await expect.poll(() => options.getByTestId('opt-autosave').isEnabled()).toBe(true);
    expect(await options.getByTestId('ge-add').isDisabled()).toBe(true);
    // Nothing was deleted or recreated to get past it.
    expect(await storeCount(healthy, 'userEntries')).toBe(1);
    // The address still asks for the entry: it is not dropped before the editor could open it.
    expect(new URL(options.url()).hash).toContain('add=');

    await options.evaluate(() => ((window as unknown as { idbBroken: boolean }).idbBroken = false));
    await options.getByTestId('ge-db-error-retry').click();
    await expect.poll(() => options.getByTestId('ge-db-error-alert').count()).toBe(0);
    // The failures were logged; nothing goes wrong once it opens.
    const logged = ext.extensionErrors.length;
    // The reader's own entry is there, and the form the tooltip asked for opens now, prefilled.
    await expect.poll(() => options.locator('[data-testid="ge-row"][data-status="mine"]').count()).toBe(1);
    await expect.poll(() => options.getByTestId('ge-f-term').inputValue()).toBe('五测一验');
    expect(await options.getByTestId('ge-context').textContent()).toBe('加强“五测一验”建设。');
    await healthy.close();
    expect(ext.extensionErrors.slice(logged)).toEqual([]);
  });
});

/**
 * Notes, in the popup, each moment its page summary (the verdict) was not on screen once it had been:
 * following a change must swap the summary in place, not blank it or show "not annotated" in between.
 */
function watchForBlanks(popup: Page): Promise<void> {
  return popup.evaluate(() => {
    const w = window as unknown as { blanks: string[] };
    w.blanks = [];
    new MutationObserver(() => {
      if (!document.querySelector('[data-testid="verdict"]')) w.blanks.push(document.querySelector('main')?.textContent?.slice(0, 80) ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const blanks = (popup: Page) => popup.evaluate(() => (window as unknown as { blanks: string[] }).blanks);

describe('an open popup', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('follows its page to an SPA’s next section, in place', async () => {
    const page = await ext.open(server.govUrl('pages/spa.html'));
    const tabId = await ext.tabIdOf(page);
    await waitForState(ext, tabId);
    const popup = await ext.popupFor(page);
    await popup.getByTestId('verdict').waitFor();
    const terms = () => popup.getByTestId('terms').locator('li').allTextContents();
    await expect.poll(async () => (await terms()).join()).toContain('一主一特双总部');
    await watchForBlanks(popup);

    await page.click('#nav-next');
    // The new section's terms and targets, without reopening the popup.
    await expect.poll(async () => (await terms()).join()).toContain('五位一体总体布局');
    await expect
      .poll(() => popup.getByTestId('target-row').allTextContents())
      .toEqual(['地区生产总值 ↑ 8.5% 以上 · 预期', '规模工业增加值 ↑ 9% 以上 · 预期', '固定资产投资 ↑ 10% 以上 · 预期']);
    expect((await terms()).join()).not.toContain('一主一特双总部');
    await popup.getByTestId('saved').waitFor();
    expect(await blanks(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('shows its page unsaved, with 保存此页, once the library deleted it', async () => {
    const page = await ext.open(server.govUrl('pages/seed-000.html'));
    const tabId = await ext.tabIdOf(page);
    expect((await waitForState(ext, tabId))?.saved).toBe(true);
    const popup = await ext.popupFor(page);
    await popup.getByTestId('saved').waitFor();
    await watchForBlanks(popup);

    const library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const row = library.locator(`[data-testid="page-row"][data-url="${page.url()}"]`);
    await row.getByTestId('delete-page').click();
    await library.getByTestId('confirm-ok').click();
    await row.waitFor({ state: 'detached' });

    await popup.getByTestId('save').waitFor();
    expect(await popup.getByTestId('saved').count()).toBe(0);
    // Saved again from the popup, the library has it again.
    await popup.getByTestId('save').click();
    await popup.getByTestId('saved').waitFor();
    await row.waitFor();
    expect(await blanks(popup)).toEqual([]);
    await library.close();
    await popup.close();
    await page.close();
  });

  it('shows its page once it is annotated from the context menu or the shortcut', async () => {
    // Not a *.gov.cn address: nothing runs until the reader asks.
    const page = await ext.open(server.url('pages/seed-000.html'));
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.popupFor(page);
    await popup.getByTestId('status').waitFor();
    // The toolbar click gives the extension this host (activeTab), as the context menu or the shortcut
    // does; then what they do (entrypoints/background.ts: annotateTab), with the popup left open.
    await ext.clickAction(page);
    await ext.worker.evaluate(
      (id) => (globalThis as unknown as { reportLens: { annotateTab(id: number): Promise<unknown> } }).reportLens.annotateTab(id),
      tabId,
    );
    await popup.getByTestId('verdict').waitFor();
    await popup.getByTestId('saved').waitFor();
    expect(Number(await popup.getByTestId('target-count').textContent())).toBeGreaterThan(0);
    expect(await popup.getByTestId('status').count()).toBe(0);
    expect(ext.extensionErrors).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('the options page', () => {
  let ext: ExtensionBrowser;
  let options: Page;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('[data-testid="opt-all-sites-row"][data-granted="false"]').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('says so when *.gov.cn is withheld in chrome://extensions while it is open, and stops saying it once given back', async () => {
    await expect(options.getByTestId('opt-gov-withheld').count()).resolves.toBe(0);
    await setSiteAccess(ext, 'ON_CLICK');
    const note = options.getByTestId('opt-gov-withheld');
    await note.waitFor();
    expect(await note.textContent()).toContain('*.gov.cn');
    expect(await note.textContent()).toContain('Annotate this page');
    await setSiteAccess(ext, 'ON_ALL_SITES');
    await note.waitFor({ state: 'detached' });
    // The all-sites permission was not touched.
    expect(await options.getByTestId('opt-all-sites-row').getAttribute('data-granted')).toBe('false');
    expect(ext.extensionErrors).toEqual([]);
  });

  it('follows a setting changed in another options tab', async () => {
    const other = await ext.context.newPage();
    try {
      await other.goto(`chrome-extension://${ext.extensionId}/options.html`);
      const here = options.getByTestId('opt-autosave');
      const there = other.getByTestId('opt-autosave');
      await expect.poll(() => there.isEnabled()).toBe(true);
      await expect.poll(() => here.isChecked()).toBe(true);
      await there.uncheck();
      await expect.poll(() => here.isChecked()).toBe(false);
      await there.check();
      await expect.poll(() => here.isChecked()).toBe(true);
      // The script toggle's options too.
      await other.getByTestId('opt-traditional-variant').selectOption('hk');
      await expect.poll(() => options.getByTestId('opt-traditional-variant').inputValue()).toBe('hk');
      await other.getByTestId('opt-remember-sites').check();
      await expect.poll(() => options.getByTestId('opt-remember-sites').isChecked()).toBe(true);
    } finally {
      await other.close();
    }
  });
});

/** What these tests call in pages, as Chrome provides it there. */
declare const chrome: {
  /** chrome://extensions' own API. */
  developerPrivate: { updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void> };
};
