import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts } from './page';
import { pageStateOf, waitForState } from './state';

let server: StaticServer;

/** The URLs of the pages saved in the extension's database, read from one of its pages. */
const storedUrls = (extPage: Page): Promise<string[]> =>
  extPage.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('report-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('pages').objectStore('pages').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { url: string }[]).map((p) => p.url));
          };
        };
      }),
  );

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('popup summary (Chinese UI)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'zh-CN' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the verdict, reasons on demand, counts and targets grouped by section; a row scrolls to its sentence and flashes it', async () => {
    const page = await ext.open(server.govUrl('pages/seed-004.html'));
    const state = await waitForState(ext, await ext.tabIdOf(page));
    const popup = await ext.popupFor(page);
    await popup.getByTestId('verdict').waitFor();
    expect(await popup.getByTestId('kind').textContent()).toBe('政府工作报告');
    expect(await popup.getByTestId('region').textContent()).toBe('衡南縣');
    expect(await popup.getByTestId('year').textContent()).toBe('2022');
    expect(await popup.getByTestId('reasons').count()).toBe(0);
    await popup.getByRole('button', { name: /依据/ }).click();
    // In words, quoting the traditional page in its script (tests/e2e/hk-tw-reader.e2e.ts: other languages).
    await popup.getByTestId('reasons').waitFor();
    const reasons = await popup.getByTestId('reasons').locator('li').allTextContents();
    expect(reasons.slice(0, 3)).toEqual(['正文“我代表人民政府向大會報告”', '标题“政府工作報告”', '小标题“政府工作報告”']);
    expect(reasons).toHaveLength(state!.report.reasons.length);

    const rows = popup.getByTestId('target-row');
    expect(await rows.count()).toBe(state!.targets.length);
    // The name, and the hedge its list's intro gives it, as the traditional page writes them
    // (主要預期目標是：地區生產總值增長8.5%以上).
    const gdp = rows.filter({ hasText: '地區生產總值 ↑ 8.5% 以上' });
    expect(await gdp.count()).toBe(1);
    expect(await gdp.textContent()).toBe('地區生產總值 ↑ 8.5% 以上 · 預期');

    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await gdp.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const focus = Object.keys((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {});
    expect(focus).toHaveLength(1);
    expect(focus[0]).toContain('地區生產總值增長8.5%以上');
    // The flash fades.
    await expect.poll(async () => Object.keys((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {}).length, { timeout: 5000 }).toBe(0);
    await popup.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('names each target and section in the page’s own script: traditional on a traditional mirror, simplified on a simplified page', async () => {
    const trad = await ext.open(server.govUrl('pages/seed-004.html'));
    const tradState = await waitForState(ext, await ext.tabIdOf(trad));
    const popup = await ext.popupFor(trad);
    const rows = popup.getByTestId('target-row');
    await expect.poll(() => rows.count()).toBe(tradState!.targets.length);
    const shown = await rows.allTextContents();
    // The popup shows the names the content script reported, and folds nothing back.
    for (const t of tradState!.targets) expect(shown.some((text) => text.startsWith(`${t.indicator} `)), t.indicator).toBe(true);
    for (const name of ['地區生產總值', '糧食總產量', '電子信息產業產值', '縣域民辦義務教育在校生規模占比']) {
      expect(shown.some((text) => text.includes(name)), name).toBe(true);
    }
    for (const name of ['地区生产总值', '粮食总产量', '电子信息产业产值']) expect(shown.some((text) => text.includes(name)), name).toBe(false);
    // The key stays simplified, for the library's grouping.
    expect(tradState!.targets.find((t) => t.indicator === '地區生產總值')?.indicatorKey).toBe('地区生产总值');
    // Section headings as the page's <h1>–<h3> write them, one group per heading.
    const sections = await popup.getByTestId('target-section').allTextContents();
    expect(sections).toEqual([
      '衡南縣2022年政府工作報告 › 2022年工作安排',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 堅定不移保穩定',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 千方百計謀發展',
      '衡南縣2022年政府工作報告 › 2022年工作安排 › 竭盡全力惠民生',
    ]);
    expect(sections).toEqual([...new Set(tradState!.targets.map((t) => t.section))]);
    await popup.close();
    await trad.close();

    const simp = await ext.open(server.govUrl('pages/seed-000.html'));
    const simpState = await waitForState(ext, await ext.tabIdOf(simp));
    const simpPopup = await ext.popupFor(simp);
    await expect.poll(() => simpPopup.getByTestId('target-row').count()).toBe(simpState!.targets.length);
    expect((await simpPopup.getByTestId('target-row').allTextContents()).some((text) => text.includes('新增城镇就业'))).toBe(true);
    expect(await simpPopup.getByTestId('target-section').allTextContents()).toEqual([
      '政府工作报告解读④丨实干2022… › 深入实施乡村振兴战略',
      '政府工作报告解读④丨实干2022… › 不断满足人民日益增长的美好生活需…',
    ]);
    await simpPopup.close();
    await simp.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('简繁切换 on a browser page: a localized alert, with Chrome’s own reason only behind 技术细节', async () => {
    const page = await ext.open('chrome://version');
    const popup = await ext.popupFor(page);
    await popup.getByTestId('toggle-script').click();
    const error = popup.getByTestId('toggle-script-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    // Before: 出错了：Cannot access a chrome:// URL, and no alert role.
    expect(await error.locator('p').textContent()).toBe('此页面无法简繁切换（浏览器内部页面或无权限）。');
    expect(await error.locator('summary').textContent()).toBe('技术细节');
    expect(await popup.getByTestId('toggle-script-error-detail').isVisible()).toBe(false);
    await error.locator('summary').click();
    expect(await popup.getByTestId('toggle-script-error-detail').textContent()).toBe('Cannot access a chrome:// URL');
    expect(await popup.getByTestId('toggle-script').isEnabled()).toBe(true);
    await popup.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('removes a saved page and saves it again', async () => {
    const page = await ext.open(server.govUrl('pages/seed-001.html'));
    await waitForState(ext, await ext.tabIdOf(page));
    const popup = await ext.popupFor(page);
    await popup.getByTestId('remove').click();
    await popup.getByTestId('save').waitFor();
    expect(await popup.getByTestId('saved').count()).toBe(0);
    // Content the page adds afterwards is annotated, but does not save the removed page back.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '扎实做好六稳六保工作，全面落实“三高四新”战略定位和使命任务。';
      document.body.append(p);
    });
    const tabId = await ext.tabIdOf(page);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.terms.some((t) => t.text === '六稳六保')).toBe(true);
    await page.waitForTimeout(1200);
    expect((await pageStateOf(ext, tabId))?.saved).toBe(false);
    // Highlights off and on again: the page is read afresh, but the reader has not come back to it.
    // Before: the new read was saved, and the removed page was back in the library.
    await popup.reload();
    await popup.getByTestId('highlights-off').click();
    await popup.getByTestId('highlights-on').click();
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.annotated).toBe(true);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.terms.some((t) => t.text === '六稳六保')).toBe(true);
    await page.waitForTimeout(1500);
    expect((await pageStateOf(ext, tabId))?.saved).toBe(false);
    expect(await storedUrls(popup)).not.toContain(page.url());
    await popup.reload();
    await popup.getByTestId('save').waitFor();
    await popup.getByTestId('save').click();
    await popup.getByTestId('saved').waitFor();
    expect(await storedUrls(popup)).toContain(page.url());
    await popup.close();
    await page.close();
  });
});

describe('popup in English', () => {
  it('reads in English when the browser is in English', async () => {
    const ext = await launchExtension({ locale: 'en-US' });
    try {
      const page = await ext.open(server.govUrl('pages/seed-003.html'));
      await waitForState(ext, await ext.tabIdOf(page));
      const popup = await ext.popupFor(page);
      await popup.getByTestId('verdict').waitFor();
      expect(await popup.getByTestId('kind').textContent()).toBe('Government work report');
      expect(await popup.getByTestId('verdict').textContent()).toContain('Recognised as a report');
      // A page the toggle cannot touch says so in English too.
      const restricted = await ext.open('chrome://version');
      const restrictedPopup = await ext.popupFor(restricted);
      await restrictedPopup.getByTestId('toggle-script').click();
      const error = restrictedPopup.getByTestId('toggle-script-error');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.locator('p').textContent()).toBe('This page cannot be converted between simplified and traditional (a browser page, or no access).');
      expect(await error.locator('summary').textContent()).toBe('Technical details');
    } finally {
      await ext.close();
    }
  });
});
