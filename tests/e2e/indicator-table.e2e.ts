/**
 * A plan's 主要指标 table in the built extension: the popup lists a target per row (the national
 * 十四五 table, tests/fixtures/pages/plan-indicators.html; a made-up city's on a traditional mirror),
 * and a row's click scrolls to the table row and flashes it, as any target's sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts } from './page';
import { waitForState } from './state';

let server: StaticServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension({ locale: 'zh-CN' });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('main-indicator tables in the popup', () => {
  it('lists the national table’s twenty rows with their values, bounds and 属性; a row’s click flashes the table row', async () => {
    const page = await ext.open(server.govUrl('pages/plan-indicators.html'));
    const state = await waitForState(ext, await ext.tabIdOf(page));
    expect(state!.targets).toHaveLength(20);
    const popup = await ext.popupFor(page);
    const rows = popup.getByTestId('target-row');
    await expect.poll(() => rows.count()).toBe(20);
    expect(await rows.allTextContents()).toEqual([
      '国内生产总值(GDP)增长保持在合理区间、各年度视情提出 ↑ · 预期性',
      '全员劳动生产率增长高于GDP增长 ↑ · 预期性',
      '常住人口城镇化率 → 65% · 预期性',
      '全社会研发经费投入增长 ↑ 7% 以上 · 预期性',
      '每万人口高价值发明专利拥有量 → 12件 · 预期性',
      '数字经济核心产业增加值占GDP比重 → 10% · 预期性',
      '居民人均可支配收入增长与GDP增长基本同步 ↑ · 预期性',
      '城镇调查失业率 → 5.5% 以内 · 预期性',
      '劳动年龄人口平均受教育年限 → 11.3年 · 约束性',
      '每千人口拥有执业(助理)医师数 → 3.2人 · 预期性',
      '基本养老保险参保率 → 95% · 预期性',
      '每千人口拥有3岁以下婴幼儿托位数 → 4.5个 · 预期性',
      '人均预期寿命(累计) ↑ 1岁 · 预期性',
      '单位GDP能源消耗降低(累计) ↓ 13.5% · 约束性',
      '单位GDP二氧化碳排放降低(累计) ↓ 18% · 约束性',
      '地级及以上城市空气质量优良天数比率 → 87.5% · 约束性',
      '地表水达到或好于Ⅲ类水体比例 → 85% · 约束性',
      '森林覆盖率 → 24.1% · 约束性',
      '粮食综合生产能力 → 6.5亿吨 以上 · 约束性',
      '能源综合生产能力 → 46亿吨标准煤 以上 · 约束性',
    ]);
    // One group, under the table's caption.
    expect(await popup.getByTestId('target-section').allTextContents()).toEqual([
      '中华人民共和国国民经济和社会发展… › 第二节 “十四五”时期经济社会发… › 专栏1 “十四五”时期经济社会发展主要指标',
    ]);

    await page.setViewportSize({ width: 1000, height: 400 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await rows.filter({ hasText: '能源综合生产能力' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const focus = Object.keys((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {});
    // The row from its first cell to its last, the base year's figure with it: what the target is read from.
    expect(focus).toEqual(['20.能源综合生产能力（亿吨标准煤）—>46约束性']);
    const rowBox = await page.locator('tr', { hasText: '能源综合生产能力' }).boundingBox();
    expect(rowBox!.y).toBeGreaterThanOrEqual(0);
    expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(400);
    await expect.poll(async () => Object.keys((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {}).length, { timeout: 5000 }).toBe(0);
    await popup.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('reads a traditional mirror’s table (<br> headers, Word cells, full-width digits) and names its rows in its script', async () => {
    const page = await ext.open(server.govUrl('pages/plan-indicators-mirror.html'));
    const state = await waitForState(ext, await ext.tabIdOf(page));
    expect(state!.targets).toHaveLength(13);
    const popup = await ext.popupFor(page);
    const rows = popup.getByTestId('target-row');
    await expect.poll(() => rows.count()).toBe(13);
    const shown = await rows.allTextContents();
    expect(shown.slice(0, 2)).toEqual(['地區生產總值 → 4000億元 · 預期性', '地區生產總值年均增長 ↑ 7% 左右 · 預期性']);
    expect(shown).toContain('居民人均可支配收入增長與經濟增長基本同步 ↑ · 預期性');
    expect(shown).toContain('單位地區生產總值能耗降低(累計) ↓ 14% · 約束性');
    expect(shown).toContain('糧食綜合生產能力 → 310萬噸 以上 · 約束性');
    // The table of past years under it gives nothing.
    expect(shown.some((s) => s.includes('社會消費品零售總額'))).toBe(false);
    await popup.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('lists them in the library with the other targets: value, year and 属性 in each row, as each page writes them', async () => {
    const lib = await ext.context.newPage();
    await lib.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await lib.getByTestId('summary').waitFor();
    const cells = async (name: string) => {
      const row = lib.locator('[data-testid="target-row"]', { has: lib.locator('td[data-col="indicator"]', { hasText: name }) });
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      const read = (col: string) => row.locator(`td[data-col="${col}"]`).textContent();
      return [await read('indicator'), await read('year'), await read('value'), await read('qualifier'), await read('hedge')];
    };
    expect(await cells('单位GDP能源消耗降低(累计)')).toEqual(['单位GDP能源消耗降低(累计)', '2025', '↓ 13.5%', '', '约束性']);
    expect(await cells('能源综合生产能力')).toEqual(['能源综合生产能力', '2025', '→ 46亿吨标准煤', '以上', '约束性']);
    expect(await cells('地區生產總值年均增長')).toEqual(['地區生產總值年均增長', '2025', '↑ 7%', '左右', '預期性']);
    await lib.close();
  });

  it('the script toggle converts the table in place and back, byte for byte; its targets follow the page', async () => {
    const page = await ext.open(server.govUrl('pages/plan-indicators-mirror.html'));
    const tabId = await ext.tabIdOf(page);
    await waitForState(ext, tabId);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const toggle = () =>
      ext.worker.evaluate(
        (id) => (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<{ ok: boolean }> } }).reportLens.toggleScriptTab(id),
        tabId,
      );
    expect((await toggle()).ok).toBe(true);
    const cell = page.locator('td', { hasText: '地区生产总值（亿元）' });
    await cell.waitFor();
    // Read again after the toggle: the same rows, now named as the page reads.
    await expect
      .poll(async () => (await waitForState(ext, tabId))?.targets.map((t) => t.indicator).slice(0, 2))
      .toEqual(['地区生产总值', '地区生产总值年均增长']);
    expect((await waitForState(ext, tabId))?.targets).toHaveLength(13);
    expect((await toggle()).ok).toBe(true);
    await expect.poll(() => page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });
});
