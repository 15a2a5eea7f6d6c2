/**
 * An open popup follows what happens to its tab's page without being reopened: the 简/繁 button shows
 * a toggle made by the shortcut or the context menu (they run the background's toggleScriptTab, as here:
 * headless Chromium has no way to press a browser-level extension shortcut) and the page's own script
 * after a reload; a read that fails while the tab navigates shows “reading the page”, then “could not
 * read it yet”, never 未标注, and the page once it is there.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptToggleState } from '../../lib/messaging/protocol';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { waitForState } from './state';

let server: StaticServer;
let ext: ExtensionBrowser;
beforeAll(async () => {
  server = await startServer();
  // zh-CN: the labels asserted below are the reader's language's.
  ext = await launchExtension({ locale: 'zh-CN' });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** What Alt+Shift+J and the context menu run (entrypoints/background.ts: toggleScriptTab). */
async function shortcutToggle(tabId: number): Promise<ScriptToggleState> {
  const result = await ext.worker.evaluate(
    (id) =>
      (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<{ ok: boolean; state?: ScriptToggleState; error?: string }> } }).reportLens.toggleScriptTab(id),
    tabId,
  );
  expect(result).toMatchObject({ ok: true });
  return result.state!;
}

async function openAnnotated(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.open(server.govUrl(path));
  const tabId = await ext.tabIdOf(page);
  expect((await waitForState(ext, tabId))?.report.isReport).toBe(true);
  return { page, tabId };
}

/** The popup's 简/繁 button as the reader sees it: its label and whether it says the page is converted. */
async function button(popup: Page): Promise<string> {
  const toggle = popup.getByTestId('toggle-script');
  return `${await toggle.textContent()}|${await toggle.getAttribute('data-converted')}`;
}
const TO_TRADITIONAL = '转为繁体|false';
const RESTORE = '还原原文|true';

/** Notes each time the popup said 未标注 (its `status` line) from now on. */
function watchNotAnnotated(popup: Page): Promise<void> {
  return popup.evaluate(() => {
    const w = window as unknown as { notAnnotated: string[]; reading: number };
    w.notAnnotated = [];
    w.reading = 0;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="status"]');
      if (status) w.notAnnotated.push(status.textContent ?? '');
      if (document.querySelector('[data-testid="reading"]')) w.reading++;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
/** What has the keyboard focus in the popup: its test id, or its tag name (BODY when nothing has it). */
const focused = (popup: Page) =>
  popup.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? el?.tagName ?? null;
  });
const notAnnotated = (popup: Page) => popup.evaluate(() => (window as unknown as { notAnnotated: string[] }).notAnnotated);
const sawReading = (popup: Page) => popup.evaluate(() => (window as unknown as { reading: number }).reading);

describe('the open popup’s 简/繁 button', () => {
  it('follows the shortcut’s toggle of its page, both ways; another tab’s toggle does not move it', async () => {
    const a = await openAnnotated('pages/seed-000.html');
    const b = await openAnnotated('pages/seed-001.html');
    const before = await a.page.textContent('body');
    const popup = await ext.popupFor(a.page);
    const other = await ext.popupFor(b.page);
    await expect.poll(() => button(popup)).toBe(TO_TRADITIONAL);
    await expect.poll(() => button(other)).toBe(TO_TRADITIONAL);

    // The other tab converted: its own popup follows (so its notice has been delivered to every
    // extension page), and this one stays as it was.
    expect(await shortcutToggle(b.tabId)).toMatchObject({ converted: true, current: 'traditional' });
    await expect.poll(() => button(other)).toBe(RESTORE);
    expect(await button(popup)).toBe(TO_TRADITIONAL);

    // This tab, by the shortcut: the popup left open shows it, and shows it restored the same way.
    expect(await shortcutToggle(a.tabId)).toMatchObject({ converted: true, current: 'traditional' });
    await expect.poll(() => button(popup)).toBe(RESTORE);
    expect(await a.page.textContent('body')).not.toBe(before);
    expect(await shortcutToggle(a.tabId)).toMatchObject({ converted: false });
    await expect.poll(() => button(popup)).toBe(TO_TRADITIONAL);
    expect(await a.page.textContent('body')).toBe(before);
    // And pressed now, it converts (it does not restore a page that is not converted).
    await popup.getByTestId('toggle-script').click();
    await expect.poll(() => button(popup)).toBe(RESTORE);
    expect(await shortcutToggle(a.tabId)).toMatchObject({ converted: false });
    await expect.poll(() => button(popup)).toBe(TO_TRADITIONAL);
    expect(ext.extensionErrors).toEqual([]);
    await Promise.all([popup.close(), other.close()]);
    await shortcutToggle(b.tabId);
    await Promise.all([a.page.close(), b.page.close()]);
  });

  it('shows the page’s own script again once the page reloaded, without 未标注 in between', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-000.html');
    const original = await page.textContent('body');
    // Converted before the popup opens: what is tested is the reload alone.
    expect(await shortcutToggle(tabId)).toMatchObject({ converted: true });
    const popup = await ext.popupFor(page);
    await popup.getByTestId('verdict').waitFor();
    await expect.poll(() => button(popup)).toBe(RESTORE);
    expect(await page.textContent('body')).not.toBe(original);
    await watchNotAnnotated(popup);

    await page.reload();
    // The page is back in its own script (the site is not kept converted: the option is off)…
    expect(await page.textContent('body')).toBe(original);
    // …and the popup left open says so.
    await expect.poll(() => button(popup)).toBe(TO_TRADITIONAL);
    await popup.getByTestId('verdict').waitFor();
    expect(await notAnnotated(popup)).toEqual([]);
    expect(ext.extensionErrors).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('a read that fails while the tab navigates', () => {
  /**
   * A notice from one of the extension's pages, as the library sends after a delete (libraryChanged):
   * the popup reads its tab again at once — here while the tab is between two documents.
   */
  async function noticeFromExtensionPage(): Promise<void> {
    const sender = await ext.context.newPage();
    try {
        await sender.goto(`chrome-extension://${ext.extensionId}/library.html`);
        await sender.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'libraryChanged', timestamp: Date.now() }).catch(() => {}));
    } finally {
      await sender.close();
    }
  }

  it('says it is reading the page, then that it could not read it yet, never 未标注; and shows the page once it is there', async () => {
    const { page } = await openAnnotated('pages/seed-000.html');
    const popup = await ext.popupFor(page);
    await popup.getByTestId('verdict').waitFor();
    await watchNotAnnotated(popup);

    // Reloaded over a slow network: the page's first bytes come, the rest waits. The old document (and
    // its content script) is gone, the new one's script cannot start before the whole page is there.
    const held = server.hold('pages/seed-000.html', { bytes: 800 });
    const reloading = page.reload({ waitUntil: 'load' });
    try {
      await held.requested;
      // The new document, still loading (the old one would still answer).
      await page.waitForFunction(() => document.readyState === 'loading');
      await noticeFromExtensionPage();

      await expect.poll(() => popup.getByTestId('reading').textContent()).toBe('正在读取此页…');
      expect(await popup.getByTestId('verdict').count()).toBe(0);
      // No notice comes while the page loads: the popup's own, bounded re-reads fail too, and it says so.
      await expect.poll(() => popup.getByTestId('unread').textContent()).toBe('暂时无法读取此页（可能仍在加载）。');
      expect(await popup.getByTestId('reread').textContent()).toBe('重试');
      // The 简/繁 button no longer claims the state of the document that is gone.
      expect(await popup.getByTestId('toggle-script').textContent()).toBe('简繁切换');
      // The retry reads again (still loading: reading, then not yet). Pressed from the keyboard, it gives
      // way to the line that says the page is being read, which takes the focus (read out by screen
      // readers); then to 重试 again. Before: the focus fell to the document with the button.
      await popup.getByTestId('reread').focus();
      await popup.keyboard.press('Enter');
      await popup.getByTestId('reading').waitFor();
      await expect.poll(() => focused(popup)).toBe('reading');
      await popup.getByTestId('unread').waitFor();
      await expect.poll(() => focused(popup)).toBe('reread');
    } finally {
      // The rest of the page arrives: its content script reads it and says so; the popup shows it.
      held.release();
    }
    await reloading;
    await popup.getByTestId('verdict').waitFor();
    expect(await popup.getByTestId('verdict').textContent()).toContain('已识别为报告');
    // 重试 had the focus: the page's verdict, which replaced it, has it now.
    await expect.poll(() => focused(popup)).toBe('verdict');
    await expect.poll(() => button(popup)).toBe(TO_TRADITIONAL);
    expect(await popup.getByTestId('unread').count()).toBe(0);
    expect(await sawReading(popup)).toBeGreaterThan(0);
    // Not once 未标注 for a page that is a report.
    expect(await notAnnotated(popup)).toEqual([]);
    expect(ext.extensionErrors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a page that has loaded with nothing running in it is still 未标注 (negative: the neutral state is not for every failure)', async () => {
    // Outside *.gov.cn: no content script, nothing to wait for.
    const page = await ext.open(server.url('pages/seed-000.html'));
    const popup = await ext.popupFor(page);
    await expect.poll(() => popup.getByTestId('status').textContent()).toBe('此页面尚未标注。');
    expect(await popup.getByTestId('reading').count()).toBe(0);
    expect(await popup.getByTestId('unread').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

/** What these tests call in extension pages, as Chrome provides it there. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
