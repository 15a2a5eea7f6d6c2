/**
 * The extension's pages follow what changes under them while they are open: the options page a
 * permission changed in the browser's own extension settings or a setting changed in another tab.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';

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
