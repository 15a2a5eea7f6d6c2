import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION, launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { highlightTotal, HIGHLIGHTS, termPoint, tooltipTerm } from './page';
import { pageStateOf, waitForState } from './state';

/*
 * The extension reloaded or updated while a report page is open. Chrome leaves the old content script
 * running in the page, cut off from the extension: its messages throw "Extension context invalidated",
 * browser.i18n is gone. It must not fill the page's console with errors at every change of the page,
 * nor keep half-working highlights and tooltips; and the reader can annotate the page again.
 * Its own browser: a reload restarts everything the extension holds.
 */

let server: StaticServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head><body>
<h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>
<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。今年主要预期目标：地区生产总值增长6%以上。</p>
<p>坚持六稳六保，深入实施三高四新战略。</p></body></html>`;

/** Loads the extension again from its folder, as an update does; resolves once its new worker runs. */
async function reloadExtension(): Promise<void> {
  const before = ext.worker;
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser handle for CDP');
  const cdp = await browser.newBrowserCDPSession();
  try {
    await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION } as never);
  } finally {
    await cdp.detach();
  }
  await expect.poll(() => ext.worker !== before, { timeout: 20_000 }).toBe(true);
}

/** Uncaught errors in the page, whichever world they come from (a content script's are the page's console's too). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** What a reader does on the page, and what the page does by itself: each used to throw in the old script. */
async function useThePage(page: Page, n: number): Promise<void> {
  await page.evaluate((n) => {
    const p = document.createElement('p');
    p.textContent = `第${n}段：推进三高四新。`;
    document.body.append(p);
  }, n);
  // The annotator reads added content in batches (150 ms), the report follows 500 ms later.
  await page.waitForTimeout(1000);
  const term = await termPoint(page, HIGHLIGHTS.defined, '六稳六保').catch(() => null);
  if (term) {
    await page.mouse.move(term.x, term.y);
    await page.waitForTimeout(600);
    await page.mouse.move(2, 2);
  }
  await page.keyboard.press('Alt+Shift+N');
  await page.waitForTimeout(600);
  await page.keyboard.press('Escape');
}

describe('the extension reloaded while a report page is open', () => {
  it('the script left in the page throws nothing at the page, and lets go of it: no highlights, no tooltip, its own text back', async () => {
    server.route('reload-1.html', PAGE);
    const page = await ext.open(server.govUrl('reload-1.html'));
    const errors = pageErrors(page);
    const tabId = await ext.tabIdOf(page);
    expect((await waitForState(ext, tabId))?.termCount).toBe(2);
    expect(await highlightTotal(page)).toBe(2);
    // Converted to traditional before the update: nothing can convert what the page adds from now on,
    // and nothing but the old script knows the page's own text.
    const own = await page.evaluate(() => document.body.innerHTML);
    const toggled = await ext.worker.evaluate(
      (id) => (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<{ ok: boolean }> } }).reportLens.toggleScriptTab(id),
      tabId,
    );
    expect(toggled.ok).toBe(true);
    await expect.poll(() => page.evaluate(() => document.body.innerText.includes('堅持六穩六保'))).toBe(true);
    await reloadExtension();
    await useThePage(page, 1);
    await useThePage(page, 2);
    // Before: "Extension context invalidated" at each batch of added text, and a TypeError (browser.i18n)
    // at each tooltip — uncaught, in the page's console.
    expect(errors).toEqual([]);
    expect(await highlightTotal(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('report-lens-tooltip')?.isConnected ?? false)).toBe(false);
    // The page has its own text back, byte for byte, and what it added since as it wrote it.
    const now = await page.evaluate(() => document.body.innerHTML);
    expect(now.startsWith(own)).toBe(true);
    expect(now.slice(own.length)).toBe('<p>第1段：推进三高四新。</p><p>第2段：推进三高四新。</p>');
    await page.close();
  });

  it('annotated again from the popup, the page has one set of highlights that follows it, though the old script let go only later', async () => {
    server.route('reload-2.html', PAGE);
    const page = await ext.open(server.govUrl('reload-2.html'));
    const errors = pageErrors(page);
    const tabId = await ext.tabIdOf(page);
    expect((await waitForState(ext, tabId))?.termCount).toBe(2);
    await reloadExtension();
    // Annotated again at once: the old script has not yet noticed it is cut off, and its highlights are
    // still registered under the same names as the new script's.
    const popup = await ext.popupFor(page);
    await popup.getByTestId('status').waitFor();
    await ext.clickAction(page);
    await popup.bringToFront();
    await popup.getByTestId('annotate').click();
    await popup.getByTestId('verdict').waitFor();
    await popup.close();
    expect((await waitForState(ext, tabId))?.termCount).toBe(2);
    // The page changes: the old script notices and lets go — of its own highlights only.
    await useThePage(page, 1);
    await expect.poll(() => pageStateOf(ext, tabId).then((s) => s?.termCount)).toBe(3);
    await expect.poll(() => highlightTotal(page)).toBe(3);
    const term = await termPoint(page, HIGHLIGHTS.defined, '三高四新');
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    expect(await page.evaluate(() => document.querySelectorAll('report-lens-tooltip').length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
