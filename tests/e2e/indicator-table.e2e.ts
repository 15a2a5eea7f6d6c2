/**
 * A plan's 主要指标 table in the built extension: the popup lists a target per row (the national
 * 十四五 table, tests/fixtures/pages/plan-indicators.html; a made-up city's on a traditional mirror),
 * and a row's click scrolls to the table row and flashes it, as any target's sentence. Made-up
 * provincial and city tables of other shapes (plan-indicators-split.html: a header over two rows,
 * merged cells, 万 in a cell, a 名词解释 table; plan-indicators-merged.html: a page laid out in a table,
 * 2025年 over 目标值 | 年均增长, a glossary table headed by its own header row) list their rows too.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messaging/protocol';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts, termPoint, tooltipText } from './page';
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

/** A fixture page opened on a *.gov.cn host, once the extension has read it: its tab and its state. */
async function openRead(path: string): Promise<{ page: Page; tabId: number; state: PageState }> {
  const page = await ext.open(server.govUrl(path));
  const tabId = await ext.tabIdOf(page);
  const state = await waitForState(ext, tabId);
  expect(state).not.toBeNull();
  return { page, tabId, state: state! };
}

/**
 * A fixture page read with `count` targets, and its popup listing them: the rows and what they say.
 * The state and the popup must agree on the count, so a row the popup drops (or adds) fails here.
 */
async function popupRows(path: string, count: number): Promise<{ page: Page; popup: Page; rows: Locator; shown: string[] }> {
  const { page, state } = await openRead(path);
  expect(state.targets).toHaveLength(count);
  const popup = await ext.popupFor(page);
  const rows = popup.getByTestId('target-row');
  await expect.poll(() => rows.count()).toBe(count);
  return { page, popup, rows, shown: await rows.allTextContents() };
}

/** Closes the popup and its page; the extension threw nothing meanwhile. */
async function closeBoth({ page, popup }: { page: Page; popup: Page }): Promise<void> {
  await popup.close();
  await page.close();
  expect(ext.extensionErrors).toEqual([]);
}

/** The library, opened once its summary shows. */
async function openLibrary(): Promise<Page> {
  const lib = await ext.context.newPage();
  await lib.goto(`chrome-extension://${ext.extensionId}/library.html`);
  await lib.getByTestId('summary').waitFor();
  return lib;
}

/**
 * The library's one row for the indicator `name` (two would fail), as the columns show it: indicator,
 * year, value, qualifier and hedge.
 */
async function libraryCells(lib: Page, name: string): Promise<(string | null)[]> {
  const row = lib.locator('[data-testid="target-row"]', { has: lib.locator('td[data-col="indicator"]', { hasText: name }) });
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  const read = (col: string) => row.locator(`td[data-col="${col}"]`).textContent();
  return [await read('indicator'), await read('year'), await read('value'), await read('qualifier'), await read('hedge')];
}

describe('main-indicator tables in the popup', () => {
  it('lists the national table’s twenty rows with their values, bounds and 属性; a row’s click flashes the table row', async () => {
    const opened = await popupRows('pages/plan-indicators.html', 20);
    const { page, popup, rows } = opened;
    expect(opened.shown).toEqual([
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
    await closeBoth(opened);
  });

  it('reads a traditional mirror’s table (<br> headers, Word cells, full-width digits) and names its rows in its script', async () => {
    const opened = await popupRows('pages/plan-indicators-mirror.html', 13);
    const { shown } = opened;
    expect(shown.slice(0, 2)).toEqual(['地區生產總值 → 4000億元 · 預期性', '地區生產總值年均增長 ↑ 7% 左右 · 預期性']);
    expect(shown).toContain('居民人均可支配收入增長與經濟增長基本同步 ↑ · 預期性');
    expect(shown).toContain('單位地區生產總值能耗降低(累計) ↓ 14% · 約束性');
    expect(shown).toContain('糧食綜合生產能力 → 310萬噸 以上 · 約束性');
    // The table of past years under it gives nothing.
    expect(shown.some((s) => s.includes('社會消費品零售總額'))).toBe(false);
    await closeBoth(opened);
  });

  it('lists them in the library with the other targets: value, year and 属性 in each row, as each page writes them', async () => {
    const lib = await openLibrary();
    const cells = (name: string) => libraryCells(lib, name);
    expect(await cells('单位GDP能源消耗降低(累计)')).toEqual(['单位GDP能源消耗降低(累计)', '2025', '↓ 13.5%', '', '约束性']);
    expect(await cells('能源综合生产能力')).toEqual(['能源综合生产能力', '2025', '→ 46亿吨标准煤', '以上', '约束性']);
    expect(await cells('地區生產總值年均增長')).toEqual(['地區生產總值年均增長', '2025', '↑ 7%', '左右', '預期性']);
    await lib.close();
  });

  it('the script toggle converts the table in place and back, byte for byte; its targets follow the page', async () => {
    const { page, tabId } = await openRead('pages/plan-indicators-mirror.html');
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

describe('main-indicator tables of other shapes', () => {
  it('a header over two rows and merged cells: the popup lists each row under its own column', async () => {
    const opened = await popupRows('pages/plan-indicators-split.html', 19);
    const { popup } = opened;
    expect(opened.shown).toEqual([
      '地区生产总值 → 40000亿元 · 预期性',
      '地区生产总值年均增长 ↑ 7% 左右 · 预期性',
      '人均地区生产总值 → 87000元 · 预期性',
      '人均地区生产总值年均增长 ↑ 7% 左右 · 预期性',
      '常住人口城镇化率 → 64% · 预期性',
      '常住人口城镇化率(累计) ↑ 5.2 · 预期性',
      '常住人口规模 → 5050万 左右 · 预期性',
      '研发经费投入强度 → 2.8% · 预期性',
      '研发经费投入强度年均增长 ↑ 0.14个百分点 · 预期性',
      '每万人口高价值发明专利拥有量 → 6件 · 预期性',
      '城镇居民人均可支配收入 → 58000元 · 预期性',
      '城镇居民人均可支配收入年均增长 ↑ 7% · 预期性',
      '农村居民人均可支配收入 → 26000元 · 预期性',
      '农村居民人均可支配收入年均增长 ↑ 8.5% · 预期性',
      '城镇新增就业 → 60万人 以上 · 预期性',
      '城镇新增就业(累计) ↑ 300万人 · 预期性',
      '单位地区生产总值能源消耗降低完成国家下达任务 ↓ · 约束性',
      '森林覆盖率 → 60.2% · 约束性',
      '森林覆盖率(累计) ↑ 0.3 · 约束性',
    ]);
    // The table of past years below it (完成情况 over 2019年 | 2020年) gives nothing.
    expect(await popup.getByTestId('target-section').allTextContents()).toEqual([expect.stringContaining('专栏1 青岚省“十四五”时期经济社会发展主要指标')]);
    await closeBoth(opened);
  });

  it('a term the page’s 名词解释 table defines is highlighted with the page’s own definition', async () => {
    const { page } = await openRead('pages/plan-indicators-split.html');
    const { x, y } = await termPoint(page, HIGHLIGHTS.page, '一核两翼', 0);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipText(page)).toContain('本页名词解释');
    expect(await tooltipText(page)).toContain('以省会都市圈为核心，以东部沿江经济带和西部生态经济区为两翼的全省区域发展总体布局。');
    await page.close();

    const { page: city } = await openRead('pages/plan-indicators-merged.html');
    const p = await termPoint(city, HIGHLIGHTS.page, '双核驱动', 0);
    await city.mouse.move(p.x, p.y);
    await expect.poll(() => tooltipText(city)).toContain('本页名词解释');
    expect(await tooltipText(city)).toContain('以沅溪主城和临港新区为两个增长核心');
    await city.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a page laid out in a table, 2025年 over 目标值 | 年均增长: the popup lists its rows, the library keeps them', async () => {
    // 16 table rows; the article's own sentence (到2025年…地区生产总值突破2100亿元) says the table's first
    // figure, which is listed once, with its 属性.
    const opened = await popupRows('pages/plan-indicators-merged.html', 16);
    const { shown } = opened;
    expect(shown.filter((s) => s.includes('2100'))).toEqual(['地区生产总值 → 2100亿元 · 预期性']);
    expect(shown).toContain('规模以上工业增加值年均增长 ↑ 7.5% · 预期性');
    expect(shown).toContain('年接待游客 → 1.3亿人次 · 预期性');
    expect(shown).toContain('城镇新增就业 → 11万人 以上 · 预期性');
    expect(shown).toContain('基本医疗保险参保率 → 96% 以上 · 约束性');
    expect(shown).toContain('城镇新增就业人数(年均) ↑ 2.2万人 · 预期性');
    // The 十三五 table (2020年规划目标 | 2020年实际完成) gives nothing.
    expect(shown.some((s) => s.includes('1500'))).toBe(false);
    await closeBoth(opened);

    const lib = await openLibrary();
    const cells = (name: string) => libraryCells(lib, name);
    // The library shows the rows in view: one region's at a time.
    await lib.getByTestId('filter-region').selectOption('青岚省');
    expect(await cells('人均地区生产总值年均增长')).toEqual(['人均地区生产总值年均增长', '2025', '↑ 7%', '左右', '预期性']);
    expect(await cells('常住人口规模')).toEqual(['常住人口规模', '2025', '→ 5050万', '左右', '预期性']);
    await lib.getByTestId('filter-region').selectOption('沅溪市');
    expect(await cells('城乡居民基本养老保险参保率(累计)')).toEqual(['城乡居民基本养老保险参保率(累计)', '2025', '↑ 2', '', '约束性']);
    expect(await cells('年接待游客年均增长')).toEqual(['年接待游客年均增长', '2025', '↑ 6%', '', '预期性']);
    await lib.close();
  });
});
