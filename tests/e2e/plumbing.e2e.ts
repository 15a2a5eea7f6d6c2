import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { waitForState } from './state';

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

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];

describe('plumbing on the seed pages', () => {
  it('runs the content script on *.gov.cn, stores each report through the background, and lists it', async () => {
    for (const name of SEEDS) {
      const page = await ext.open(server.govUrl(`pages/${name}.html`));
      const tabId = await ext.tabIdOf(page);
      const state = await waitForState(ext, tabId);
      expect(state, name).not.toBeNull();
      expect(state!.report.isReport, name).toBe(true);
      expect(state!.termCount, name).toBeGreaterThan(0);
      expect(state!.saved, name).toBe(true);
      expect(state!.pageId, name).toBeGreaterThan(0);

      const popup = await ext.popupFor(page);
      await popup.getByTestId('verdict').waitFor();
      expect(Number(await popup.getByTestId('term-count').textContent()), name).toBe(state!.termCount);
      expect(Number(await popup.getByTestId('target-count').textContent()), name).toBe(state!.targets.length);
      await expect.poll(() => popup.getByTestId('saved').count()).toBe(1);
      await popup.close();
      await page.close();
    }

    const library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await library.getByTestId('pages').waitFor();
    const rows = library.getByTestId('page-row');
    // The page table (below the targets) fills in once the first screen is painted.
    await expect.poll(() => rows.count()).toBe(SEEDS.length);
    const titles = await rows.locator('td:first-child').allTextContents();
    expect(titles.some((t) => t.includes('衡南縣2022年政府工作報告'))).toBe(true);
    await library.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('does not run automatically outside *.gov.cn, and annotates there when asked', async () => {
    const page = await ext.open(server.url('pages/seed-004.html'));
    const tabId = await ext.tabIdOf(page);
    expect(await waitForState(ext, tabId, 1500)).toBeNull();
    // The popup says the page is not annotated and offers the button; without the toolbar click
    // (activeTab) the extension has no access to this host, so the click comes first.
    const popup = await ext.popupFor(page);
    await popup.getByTestId('status').waitFor();
    await ext.clickAction(page);
    await popup.bringToFront();
    await popup.getByTestId('annotate').click();
    await popup.getByTestId('verdict').waitFor();
    expect(await popup.getByTestId('kind').textContent()).toBe('政府工作报告');
    await popup.close();
    const state = await waitForState(ext, tabId);
    expect(state?.report.isReport).toBe(true);
    expect(state?.requested).toBe(true);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });
});

describe('keyboard shortcuts', () => {
  // Chromium gives a command its suggested key only when that key is none of the browser's own: Alt+Shift+R
  // and Alt+Shift+T (focus the toolbar) are, so commands suggesting them got no shortcut at all.
  it('every command of the manifest gets its suggested key from the browser', async () => {
    const commands = await ext.worker.evaluate(async () =>
      (await (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll()).map(
        (c) => `${c.name}=${c.shortcut ?? ''}`,
      ),
    );
    expect(commands.sort()).toEqual(['_execute_action=', 'annotate-page=Alt+Shift+L', 'toggle-script=Alt+Shift+J']);
  });

  it('the popup names the script toggle’s shortcut as the browser has it', async () => {
    const page = await ext.open(server.govUrl('pages/seed-000.html'));
    const popup = await ext.popupFor(page);
    await expect.poll(() => popup.getByTestId('toggle-script').getAttribute('title')).toBe('Alt+Shift+J');
    await popup.close();
    await page.close();
  });
});
