/**
 * The library page in real Chromium: what it lists is checked against what the extension itself stored
 * (the content script's state and the database), never against hard-coded totals, so an extractor change
 * elsewhere does not break these tests; a few facts of seed 004 that the seed tests pin are checked exactly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messaging/protocol';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { pageStateOf, waitForState } from './state';
import { readLibrary } from './db';

let server: StaticServer;
let ext: ExtensionBrowser;
let lib: Page;
let tmp: string;
// The menus' "any" option.
const ANY_KIND = '';
const states = new Map<string, PageState>();

interface StoredTarget {
  id: number;
  pageId: number;
  indicator: string;
  indicatorKey: string;
  regionKey: string | null;
  year: number | null;
  value: number | null;
  unit: string;
  qualifier: string;
  [field: string]: unknown;
}
interface StoredPage {
  id: number;
  url: string;
  title: string;
  targetCount: number;
  [field: string]: unknown;
}

/** The extension's database as the library page's origin sees it, read with plain IndexedDB. */
function readDb(page: Page): Promise<{ pages: StoredPage[]; targets: StoredTarget[] }> {
  return readLibrary<StoredPage, StoredTarget>(page);
}

/** Rows without database ids, keyed by their page's URL: what must survive export → clear → import. */
function comparable(db: { pages: StoredPage[]; targets: StoredTarget[] }) {
  const urls = new Map(db.pages.map((p) => [p.id, p.url]));
  return {
    pages: db.pages.map(({ id, ...p }) => p).sort((a, b) => a.url.localeCompare(b.url)),
    targets: db.targets.map(({ id, pageId, ...t }) => ({ ...t, page: urls.get(pageId) })),
  };
}

const count = async (page: Page) => Number(await page.getByTestId('target-count').getAttribute('data-count'));
const total = async (page: Page) => Number(await page.getByTestId('summary').getAttribute('data-targets'));
/**
 * A menu option's label, found by its value. Not by `option[value=…]`: Preact leaves the attribute out
 * where the value is the label (the option's value is then its text).
 */
const optionText = (page: Page, menu: string, value: string) =>
  page.getByTestId(menu).evaluate((el, v) => [...(el as HTMLSelectElement).options].find((o) => o.value === v)?.textContent ?? null, value);
const renderedColumn = (page: Page, col: string) => page.locator(`[data-testid="target-row"] td[data-col="${col}"]`).allTextContents();

/** Opens a small report page in a tab (saved automatically), then deletes it here in the library. */
async function openSavedThenDelete(path: string, extra: string) {
  const url = server.govUrl(path);
  server.route(
    path,
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳县2023年政府工作报告</title></head><body>
    <h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳县第十八届人民代表大会第二次会议上</p>
    <p>各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。${extra}</p>
    <h2>二、2023年工作安排</h2><p>今年经济社会发展的主要预期目标是：地区生产总值增长6.5%左右。</p></body></html>`,
  );
  const tab = await ext.open(url);
  const tabId = await ext.tabIdOf(tab);
  expect((await waitForState(ext, tabId))?.saved).toBe(true);
  const row = () => lib.locator(`[data-testid="page-row"][data-url="${url}"]`);
  await row().waitFor();
  await row().getByTestId('delete-page').click();
  await lib.getByTestId('confirm-ok').click();
  await row().waitFor({ state: 'detached' });
  return { url, tab, tabId, row };
}

async function openLibrary(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/library.html`);
  await page.getByTestId('summary').waitFor();
  return page;
}

/** Puts the rows back as they were (ids included) and reloads the library page, whose live queries do not see raw writes. */
async function restore(rows: { pages: StoredPage[]; targets: StoredTarget[] }): Promise<void> {
  await lib.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('report-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['pages', 'targets'], 'readwrite');
          for (const p of data.pages) tx.objectStore('pages').put(p);
          for (const t of data.targets) tx.objectStore('targets').put(t);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
  await lib.reload();
  await lib.getByTestId('summary').waitFor();
}

/** A minimal RFC 4180 reader: records, with quoted fields that may hold commas, quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'report-lens-library-'));
  server = await startServer();
  ext = await launchExtension();
  for (const name of ['seed-003', 'seed-004']) {
    const page = await ext.open(server.govUrl(`pages/${name}.html`));
    const state = await waitForState(ext, await ext.tabIdOf(page));
    if (!state?.saved) throw new Error(`${name} was not saved`);
    states.set(name, state);
    await page.close();
  }
  lib = await openLibrary();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('library page', () => {
  it('lists every stored target: the page, the database and the content scripts agree', async () => {
    const stored = [...states.values()].reduce((n, s) => n + s.targets.length, 0);
    const db = await readDb(lib);
    expect(db.targets).toHaveLength(stored);
    expect(await total(lib)).toBe(stored);
    expect(await count(lib)).toBe(stored);
    expect(await lib.getByTestId('targets').getAttribute('aria-rowcount')).toBe(String(stored + 1));
    // Each saved page row shows the number of targets its content script reported.
    const rows = lib.getByTestId('page-row');
    // The page table (below the targets) fills in once the first screen is painted.
    await expect.poll(() => rows.count()).toBe(states.size);
    for (const [name, state] of states) {
      const row = rows.filter({ has: lib.locator(`a[href*="${name}.html"]`) });
      expect(await row.getByTestId('page-target-count').textContent(), name).toBe(String(state.targets.length));
    }
    expect(ext.extensionErrors).toEqual([]);
  });

  it('in a narrow window the saved pages table keeps its labels and buttons on one line (it scrolls instead)', async () => {
    const narrow = await openLibrary();
    await narrow.setViewportSize({ width: 420, height: 800 });
    await expect.poll(() => narrow.getByTestId('page-row').count()).toBe(states.size);
    // Lines a cell's or button's text takes: one client rect per line of a text node.
    const lines = await narrow.evaluate(() => {
      const linesOf = (el: Element) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? 1 : 3) });
        const text = walker.nextNode()!;
        const range = document.createRange();
        range.selectNodeContents(text);
        return range.getClientRects().length;
      };
      const table = document.querySelector('[data-testid="pages"]')!;
      const heads = [...table.querySelectorAll('thead th')].filter((th) => !th.querySelector('.visually-hidden')).map(linesOf);
      const rows = [...table.querySelectorAll('[data-testid="page-row"]')];
      return {
        heads: [...new Set(heads)],
        kinds: [...new Set(rows.map((r) => linesOf(r.children[1]!)))],
        deletes: [...new Set(rows.map((r) => linesOf(r.querySelector('[data-testid="delete-page"]')!)))],
      };
    });
    // Before: 政府工作报告 stood one character a line, and 删除 took two.
    expect(lines).toEqual({ heads: [1], kinds: [1], deletes: [1] });
    await narrow.close();
  });

  it('filters by region, indicator, year, kind and text, and sorts by a column', async () => {
    const db = await readDb(lib);
    const hengnan = db.targets.filter((t) => t.regionKey === '衡南县');
    expect(hengnan.length).toBe(states.get('seed-004')!.targets.length);

    // The menu and the rows name the region as the (traditional) page writes it; the filter goes by the
    // simplified key, so the same region from a simplified page would be one choice with it.
    expect(await lib.locator('[data-testid="filter-region"] option[value="衡南县"]').textContent()).toBe('衡南縣');
    await lib.getByTestId('filter-region').selectOption('衡南县');
    await expect.poll(() => count(lib)).toBe(hengnan.length);
    expect(new Set(await renderedColumn(lib, 'region'))).toEqual(new Set(['衡南縣']));
    // So do its units, qualifiers and hedges (stored simplified, for grouping across scripts).
    expect(await renderedColumn(lib, 'region')).toHaveLength(hengnan.length);
    const written = [...(await renderedColumn(lib, 'value')), ...(await renderedColumn(lib, 'qualifier')), ...(await renderedColumn(lib, 'hedge'))].join(' ');
    expect(written).toContain('62萬噸');
    expect(written).toContain('以內');
    expect(written).toContain('力爭');
    expect(written).not.toMatch(/[万个亿吨]|以内|力争|确保|预期|目标/);

    // The indicator menu too: 粮食总产量 only seed 004 (traditional) saved, so it reads 糧食總產量;
    // 地区生产总值 the simplified seeds saved as well (and one as GDP), so its key stands.
    expect(db.targets.filter((t) => t.indicatorKey === '粮食总产量').map((t) => t.indicator)).toContain('糧食總產量');
    expect(new Set(db.targets.filter((t) => t.indicatorKey === '粮食总产量').map((t) => t.indicator))).toEqual(new Set(['糧食總產量']));
    await expect.poll(() => optionText(lib, 'filter-indicator', '粮食总产量')).toBe('糧食總產量');
    expect(new Set(db.targets.filter((t) => t.indicatorKey === '地区生产总值').map((t) => t.indicator))).toEqual(new Set(['地区生产总值', '地區生產總值', 'GDP']));
    expect(await optionText(lib, 'filter-indicator', '地区生产总值')).toBe('地区生产总值');
    await lib.getByTestId('filter-indicator').selectOption('地区生产总值');
    await expect.poll(() => count(lib)).toBe(hengnan.filter((t) => t.indicatorKey === '地区生产总值').length);
    // Seed 004's first main target: 地區生產總值增長8.5%以上.
    const gdp = lib.getByTestId('target-row').filter({ has: lib.locator('td[data-col="value"]', { hasText: '8.5%' }) });
    expect(await gdp.count()).toBeGreaterThanOrEqual(1);
    expect(await gdp.first().locator('td[data-col="qualifier"]').textContent()).toBe('以上');
    // Listed as the traditional page writes it; the filter went by the simplified key.
    expect(await gdp.first().locator('td[data-col="indicator"]').textContent()).toBe('地區生產總值');

    await lib.getByTestId('filter-year').selectOption('2022');
    await lib.getByTestId('filter-kind').selectOption('main');
    const main2022 = hengnan.filter((t) => t.indicatorKey === '地区生产总值' && t.year === 2022 && t.kind === 'main');
    await expect.poll(() => count(lib)).toBe(main2022.length);
    await gdp.first().click();
    await expect.poll(() => lib.getByTestId('target-detail').textContent()).toContain('地區生產總值增長8.5%以上');

    // Changing one of several filters (no single index answers them) keeps the filter bar mounted — the
    // menu just used keeps its focus — while the new rows load.
    await lib.evaluate(() => {
      const bar = document.querySelector('[data-testid="filters"]');
      const w = window as unknown as { __barRemoved: boolean };
      w.__barRemoved = !bar;
      new MutationObserver(() => {
        if (!bar?.isConnected) w.__barRemoved = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await lib.getByTestId('filter-kind').selectOption(ANY_KIND);
    await expect.poll(() => count(lib)).toBe(hengnan.filter((t) => t.indicatorKey === '地区生产总值' && t.year === 2022).length);
    expect(await lib.evaluate(() => (window as unknown as { __barRemoved: boolean }).__barRemoved)).toBe(false);

    await lib.getByTestId('filter-reset').click();
    await expect.poll(() => count(lib)).toBe(db.targets.length);

    // Free text folds script: the traditional 縣 finds the region key 衡南县 and the page title.
    await lib.getByTestId('filter-text').fill('衡南縣 固定資產投資');
    const textMatches = await count(lib);
    expect(textMatches).toBeGreaterThanOrEqual(1);
    expect(new Set(await renderedColumn(lib, 'indicator'))).toContain('固定資產投資');
    await lib.getByTestId('filter-text').fill('');
    await expect.poll(() => count(lib)).toBe(db.targets.length);

    await lib.getByTestId('filter-region').selectOption('衡南县');
    await lib.getByTestId('sort-value').click();
    await expect.poll(() => lib.locator('th[aria-sort="ascending"]').count()).toBe(1);
    // Seed 004's values, by unit (the most used first: %, 元, 家, then 个 and 户 with two each, then one each), by magnitude inside
    // (3.5亿元 < 140亿元). Every row of the region is rendered (fewer than a screenful).
    const shownValues = async () =>
      (await renderedColumn(lib, 'value')).map((cell) => cell.match(/-?\d+(?:\.\d+)?/)?.[0]).filter(Boolean).map(Number);
    // The header says the sort at once; the rows follow once the region's rows are read (a live query,
    // possibly still on the previous filter's rows when the sort was clicked).
    await expect.poll(shownValues).toEqual([5, 6, 8.5, 8.5, 9, 9, 10, 10, 15, 43.42, 3.5, 4, 30, 140, 1, 1, 10, 10, 35, 300, 2419, 6200, 62, 341, 138]);
    await lib.getByTestId('sort-value').click();
    await expect.poll(shownValues).toEqual([43.42, 15, 10, 10, 9, 9, 8.5, 8.5, 6, 5, 140, 30, 4, 3.5, 10, 1, 1, 35, 10, 2419, 300, 6200, 62, 341, 138]);
    await lib.getByTestId('filter-reset').click();
    await expect.poll(() => count(lib)).toBe(db.targets.length);
    expect(ext.extensionErrors).toEqual([]);
  });

  it('lists a traditional page’s 地區生產總值 as written and groups it with a simplified page’s 地区生产总值', async () => {
    const db = await readDb(lib);
    // Seed 004 is traditional, seed 003 simplified: both state 地区生产总值 targets.
    const gdp = db.targets.filter((t) => t.indicatorKey === '地区生产总值');
    const names = new Set(gdp.map((t) => t.indicator));
    expect(names.has('地區生產總值') && names.has('地区生产总值')).toBe(true);

    // One menu entry for the indicator, whatever the script its pages write it in.
    const options = await lib.getByTestId('filter-indicator').locator('option').allTextContents();
    expect(options.filter((o) => o === '地区生产总值')).toHaveLength(1);
    expect(options).not.toContain('地區生產總值');

    await lib.getByTestId('filter-indicator').selectOption('地区生产总值');
    await expect.poll(() => count(lib)).toBe(gdp.length);
    // Fewer rows than a screenful, so every one is rendered.
    expect(new Set(await renderedColumn(lib, 'indicator'))).toEqual(names);

    // A search in either script finds the same rows, names and sentences of both pages.
    await lib.getByTestId('filter-indicator').selectOption('');
    await lib.getByTestId('filter-text').fill('地區生產總值');
    await expect.poll(() => count(lib)).toBeLessThan(db.targets.length);
    const found = await count(lib);
    expect(found).toBeGreaterThanOrEqual(gdp.length);
    await lib.getByTestId('filter-text').fill('地区生产总值');
    await expect.poll(() => count(lib)).toBe(found);
    await lib.getByTestId('filter-text').fill('');

    // Sorted by name, each indicator's rows stay together in either script.
    await lib.getByTestId('filter-kind').selectOption('main');
    const mains = db.targets.filter((t) => t.kind === 'main');
    await expect.poll(() => count(lib)).toBe(mains.length);
    await lib.getByTestId('sort-indicator').click();
    const runs = (cells: string[]) => {
      const keys = cells.map((c) => mains.find((t) => t.indicator === c)?.indicatorKey ?? c);
      return keys.filter((k, i) => i === 0 || keys[i - 1] !== k);
    };
    await expect.poll(async () => {
      const cells = await renderedColumn(lib, 'indicator');
      return cells.includes('地區生產總值') && cells.includes('地区生产总值');
    }).toBe(true);
    const cells = await renderedColumn(lib, 'indicator');
    const seq = runs(cells);
    expect(new Set(seq).size, cells.join(' ')).toBe(seq.length);
    await lib.getByTestId('filter-reset').click();
    await expect.poll(() => count(lib)).toBe(db.targets.length);
    expect(ext.extensionErrors).toEqual([]);
  });

  it('charts 地区生产总值: one mark per (region, year)', async () => {
    await lib.getByTestId('view-compare').click();
    await lib.getByTestId('compare-chart').waitFor();
    expect(await lib.getByTestId('compare-indicator').inputValue()).toBe('地区生产总值');
    const unit = await lib.getByTestId('compare-unit').inputValue();
    expect(unit).toBe('%');
    const db = await readDb(lib);
    const gdp = db.targets.filter((t) => t.indicatorKey === '地区生产总值' && t.unit === unit && t.value !== null);
    const groups = new Set(gdp.map((t) => `${t.regionKey ?? ''}|${t.year ?? ''}`));
    const marks = lib.getByTestId('chart-mark');
    expect(await marks.count()).toBe(groups.size);
    const drawn = await marks.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-region')}|${e.getAttribute('data-year')}`));
    expect(new Set(drawn)).toEqual(groups);
    const hengnan = lib.locator('[data-testid="chart-mark"][data-region="衡南县"][data-year="2022"]');
    expect(await hengnan.getAttribute('data-max')).toBe('8.5');
    expect(await hengnan.locator('text.value').textContent()).toBe('8.5');
    // Named as seed 004 (traditional) writes its region, in the mark's tooltip and under the bars.
    expect(await hengnan.locator('title').textContent()).toMatch(/^衡南縣 2022\n/);
    expect(await lib.getByTestId('compare-chart').locator('text', { hasText: '衡南縣' }).count()).toBeGreaterThan(0);

    // Its indicator menu names an indicator as the library's targets write it, as the list's menu does.
    expect(await optionText(lib, 'compare-indicator', '粮食总产量')).toBe('糧食總產量');

    // The region filter narrows the chart to that region's marks.
    await lib.getByTestId('filter-region').selectOption('衡南县');
    await expect.poll(() => marks.count()).toBe(new Set(gdp.filter((t) => t.regionKey === '衡南县').map((t) => t.year)).size);
    await lib.getByTestId('filter-reset').click();
    await lib.getByTestId('view-list').click();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('downloads CSV: UTF-8 with BOM, a header row and one record per listed target', async () => {
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^report-lens-targets-.*\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const records = readCsv(text);
    expect(records[0]!.slice(0, 5)).toEqual(['region', 'regionKey', 'year', 'kind', 'indicator']);
    expect(records.length - 1).toBe(await total(lib));
    const header = records[0]!;
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    // The name as seed 004 (traditional) writes it, next to the simplified key it groups by.
    expect(
      records.some(
        (r) => col(r, 'indicator') === '地區生產總值' && col(r, 'indicatorKey') === '地区生产总值' && col(r, 'value') === '8.5' && col(r, 'regionKey') === '衡南县' && col(r, 'qualifier') === '以上',
      ),
    ).toBe(true);
    expect(text.split('\r\n').some((line) => line.includes('地区生产总值') && line.includes('8.5'))).toBe(true);
  });

  it('exports JSON, clears everything after confirming, and imports the file back to the same rows', async () => {
    const before = await readDb(lib);
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export-json').click()]);
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ format: 'report-lens', version: 1 });
    expect(Number.isNaN(Date.parse(json.exportedAt))).toBe(false);
    expect(json.targets).toHaveLength(before.targets.length);

    // Cancel first: nothing happens.
    await lib.getByTestId('clear-all').click();
    await lib.getByTestId('confirm-cancel').click();
    expect(await lib.getByTestId('confirm-dialog').count()).toBe(0);
    expect((await readDb(lib)).targets).toHaveLength(before.targets.length);

    await lib.getByTestId('clear-all').click();
    expect(await lib.getByTestId('confirm-dialog').textContent()).toContain(String(before.targets.length));
    await lib.getByTestId('confirm-ok').click();
    await lib.getByTestId('empty').waitFor();
    const cleared = await readDb(lib);
    expect([cleared.pages.length, cleared.targets.length]).toEqual([0, 0]);

    await lib.getByTestId('import-file').setInputFiles(file);
    await lib.getByTestId('notice').waitFor();
    await expect.poll(() => total(lib)).toBe(before.targets.length);
    // The summary and the list are separate live queries: the list can land a frame later.
    await expect.poll(() => count(lib)).toBe(before.targets.length);
    expect(comparable(await readDb(lib))).toEqual(comparable(before));
    expect(ext.extensionErrors).toEqual([]);
  });

  it('refuses a broken file, a foreign JSON file and another version with a message, changing nothing', async () => {
    const before = await readDb(lib);
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{"format": "report-lens", "version": 1, "pages": [', /JSON/],
      ['notes.txt', '这不是 JSON', /JSON/],
      ['package.json', JSON.stringify({ name: 'x', version: '1.0.0', dependencies: {} }), /report-lens/],
      ['newer.json', JSON.stringify({ format: 'report-lens', version: 2, exportedAt: '', pages: [], targets: [] }), /2/],
      ['bad-field.json', JSON.stringify({ format: 'report-lens', version: 1, exportedAt: '', pages: [{ id: 1, url: 'javascript:alert(1)' }], targets: [] }), /pages\[0\]\.url/],
    ];
    for (const [name, content, message] of cases) {
      await lib.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      const error = lib.getByTestId('import-error');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.textContent(), name).toMatch(message);
      expect(await error.textContent(), name).toContain('资料库未作任何改动');
      expect(comparable(await readDb(lib)), name).toEqual(comparable(before));
      expect(await total(lib), name).toBe(before.targets.length);
    }
    expect(ext.extensionErrors).toEqual([]);
  });

  it('deletes one page with its targets', async () => {
    const before = await readDb(lib);
    const page = before.pages.find((p) => p.url.includes('seed-004'))!;
    const own = before.targets.filter((t) => t.pageId === page.id).length;
    expect(own).toBeGreaterThan(0);
    await lib.locator(`[data-testid="page-row"][data-url="${page.url}"]`).getByTestId('delete-page').click();
    expect(await lib.getByTestId('confirm-dialog').textContent()).toContain(page.title);
    await lib.getByTestId('confirm-ok').click();
    await expect.poll(() => total(lib)).toBe(before.targets.length - own);
    const after = await readDb(lib);
    expect(after.pages.map((p) => p.url)).toEqual(before.pages.filter((p) => p.id !== page.id).map((p) => p.url));
    expect(after.targets.some((t) => t.pageId === page.id)).toBe(false);
    // The page rows and the menus' values are live queries of their own, apart from the total's: each
    // can land a frame or more after it.
    await expect.poll(() => lib.getByTestId('page-row').count()).toBe(before.pages.length - 1);
    await expect.poll(() => lib.locator('[data-testid="filter-region"] option[value="衡南县"]').count()).toBe(0);
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a page deleted here while open in a tab is not saved back by what the tab adds; reading it again saves it', async () => {
    const { url, tab, tabId, row } = await openSavedThenDelete('gen/open-while-deleted.html', '');
    // The tab's popup says so at once: no 已保存 and its 从资料库移除, but 保存此页. Before, the tab kept its
    // word that the page was saved until something else told it (the library deletes in the database).
    const popup = await ext.popupFor(tab);
    await popup.getByTestId('save').waitFor();
    expect(await popup.getByTestId('saved').count()).toBe(0);
    expect(await popup.getByTestId('remove').count()).toBe(0);
    await popup.close();
    // The tab's page adds a paragraph: it is annotated, and the report it sends is refused.
    await tab.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '扎实做好六稳六保工作，城镇调查失业率控制在5.5%以内。';
      document.body.append(p);
    });
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.terms.some((t) => t.text === '六稳六保')).toBe(true);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.removed).toBe(true);
    await tab.waitForTimeout(1000);
    expect((await readDb(lib)).pages.some((p) => p.url === url)).toBe(false);
    expect((await pageStateOf(ext, tabId))?.saved).toBe(false);
    // Read again (a reload): saved as any report page is.
    await tab.reload();
    expect((await waitForState(ext, tabId))?.saved).toBe(true);
    await row().waitFor();

    // "Clear all" the same way; the library's own rows come back from the next export test's import.
    const before = await readDb(lib);
    await lib.getByTestId('clear-all').click();
    await lib.getByTestId('confirm-ok').click();
    await lib.getByTestId('empty').waitFor();
    await tab.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '全面落实“三高四新”战略定位和使命任务。';
      document.body.append(p);
    });
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.removed).toBe(true);
    expect((await readDb(lib)).pages).toEqual([]);

    // The same tab then shows another page in place (a new body and pushState, as a site's own router
    // does): that is a new read, saved as usual. Before, the refusal stuck to the tab and nothing of it
    // was saved again until a reload.
    const next = `${url}?section=2`;
    await tab.evaluate(() => {
      document.body.innerHTML =
        '<h1>2024年政府工作报告</h1><p>——2024年1月12日在衡阳县第十八届人民代表大会第三次会议上</p>' +
        '<p>各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。</p>' +
        '<h2>二、2024年工作安排</h2><p>今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。</p>';
      history.pushState(null, '', '?section=2');
    });
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.url).toBe(next);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.saved).toBe(true);
    await expect.poll(async () => (await readDb(lib)).pages.map((p) => p.url)).toEqual([next]);
    expect((await readDb(lib)).targets.map((t) => `${t.indicator} ${t.value}${t.unit}${t.qualifier}`).sort()).toEqual(['地区生产总值 6%左右', '城镇调查失业率 5.5%以内']);
    await tab.close();
    await lib.locator(`[data-testid="page-row"][data-url="${next}"]`).getByTestId('delete-page').click();
    await lib.getByTestId('confirm-ok').click();
    await lib.getByTestId('empty').waitFor();
    await restore(before);
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a page deleted here is not saved back when its tab switches highlights off and on', async () => {
    const { url, tab, tabId } = await openSavedThenDelete('gen/deleted-then-toggled.html', '扎实做好六稳六保工作。');
    // The library deletes in its own page (the tab hears of it when its popup opens); the reader switches
    // its highlights off and on. Before: the new read carried a new time, passed the removal check and
    // saved the page back.
    const popup = await ext.popupFor(tab);
    await popup.getByTestId('highlights-off').click();
    await popup.getByTestId('highlights-on').click();
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.annotated).toBe(true);
    // The new read's report is refused (before: { saved: true, removed: false, stored: true }).
    const outcome = async () => {
      const s = await pageStateOf(ext, tabId);
      return { saved: s?.saved, removed: s?.removed === true, stored: (await readDb(lib)).pages.some((p) => p.url === url) };
    };
    await expect.poll(outcome).toEqual({ saved: false, removed: true, stored: false });
    await popup.close();
    await tab.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a tab whose page comes back from an imported export reads as saved, under the page’s new id', async () => {
    const path = 'gen/restored.html';
    const url = server.govUrl(path);
    server.route(
      path,
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳县2023年政府工作报告</title></head><body>
      <h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳县第十八届人民代表大会第二次会议上</p>
      <p>各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。</p>
      <h2>二、2023年工作安排</h2><p>今年经济社会发展的主要预期目标是：地区生产总值增长6.5%左右。</p></body></html>`,
    );
    const tab = await ext.open(url);
    const tabId = await ext.tabIdOf(tab);
    const first = await waitForState(ext, tabId);
    expect(first?.saved).toBe(true);
    await expect.poll(async () => (await readDb(lib)).pages.some((p) => p.url === url)).toBe(true);
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export-json').click()]);
    const file = join(tmp, `restored-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await lib.getByTestId('clear-all').click();
    await lib.getByTestId('confirm-ok').click();
    await lib.getByTestId('empty').waitFor();
    // Cleared, the tab reads as removed…
    const cleared = await ext.popupFor(tab);
    await cleared.getByTestId('save').waitFor();
    await cleared.close();
    expect((await pageStateOf(ext, tabId))?.removed).toBe(true);
    await lib.getByTestId('import-file').setInputFiles(file);
    await lib.getByTestId('notice').waitFor();
    const restoredId = async () => (await readDb(lib)).pages.find((p) => p.url === url)?.id;
    await expect.poll(restoredId).toBeGreaterThan(0);
    const id = (await restoredId())!;
    expect(id).not.toBe(first!.pageId);
    // …and, restored, as saved again. Before: the tab's id was looked up, found gone, and the page shown as
    // removed although it is there; then a tab once told it was removed was never looked up again.
    const popup = await ext.popupFor(tab);
    await popup.getByTestId('saved').waitFor();
    expect(await popup.getByTestId('save').count()).toBe(0);
    await popup.close();
    const now = await pageStateOf(ext, tabId);
    expect([now?.saved, now?.pageId, now?.removed ?? false]).toEqual([true, id, false]);
    await tab.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a delete that fails says why in the dialog, which stays usable, and changes nothing', async () => {
    const before = await readDb(lib);
    const page = before.pages[0]!;
    // The database refuses to delete from here on (as a damaged profile might): the action rejects.
    await lib.evaluate(() => {
      const original = IDBObjectStore.prototype.delete;
      (window as unknown as { restoreWrites(): void }).restoreWrites = () => void (IDBObjectStore.prototype.delete = original);
      IDBObjectStore.prototype.delete = () => {
        throw new DOMException('refused (test)', 'UnknownError');
      };
    });
    try {
      await lib.locator(`[data-testid="page-row"][data-url="${page.url}"]`).getByTestId('delete-page').click();
      await lib.getByTestId('confirm-ok').click();
      // Before: the dialog closed at once, the rejection went unhandled and the page said nothing.
      const error = lib.getByTestId('confirm-dialog').getByTestId('confirm-error');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.textContent()).toMatch(/^操作失败，没有任何改动。\S+: .*refused \(test\)/);
      expect(await lib.getByTestId('confirm-ok').isEnabled()).toBe(true);
      await lib.getByTestId('confirm-cancel').click();
      expect(await lib.getByTestId('confirm-dialog').count()).toBe(0);
    } finally {
      await lib.evaluate(() => (window as unknown as { restoreWrites(): void }).restoreWrites());
    }
    expect(comparable(await readDb(lib))).toEqual(comparable(before));
    expect(await lib.getByTestId('page-row').count()).toBe(before.pages.length);
    expect(ext.extensionErrors).toEqual([]);
  });

  it('shows imported text as text, never as markup', async () => {
    const markup = '<img src=x onerror="window.pwned=1">';
    const url = 'https://www.example.gov.cn/markup.html';
    const sentence = `<b>粗体</b>地区生产总值增长6%${markup}`;
    const file = {
      format: 'report-lens', version: 1, exportedAt: new Date().toISOString(),
      pages: [{ id: 1, url, title: `标题${markup}`, kind: 'work-report', score: 1, region: `<i>某县</i>`, regionKey: `<i>某县</i>`, year: 2022, termCount: 0, targetCount: 1, firstSeen: 1, lastSeen: 1 }],
      targets: [{ pageId: 1, kind: 'main', indicator: `<b>粗体</b>`, indicatorKey: '地区生产总值', value: 6, valueMax: null, unit: '%', qualifier: '', direction: 'increase', hedge: '', year: 2022, section: `<script>alert(1)</script>`, sentence, start: 0, end: sentence.length, regionKey: `<i>某县</i>`, quote: { exact: sentence, prefix: '', suffix: '' } }],
    };
    await lib.getByTestId('import-file').setInputFiles({ name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await lib.getByTestId('notice').waitFor();
    await lib.getByTestId('filter-region').selectOption('<i>某县</i>');
    await expect.poll(() => count(lib)).toBe(1);
    await lib.getByTestId('target-row').first().click();
    expect(await lib.getByTestId('target-detail').textContent()).toContain(sentence);
    // The page rows are a live query apart from the targets': they can land after the filtered list.
    await expect.poll(() => lib.locator('[data-testid="page-row"]', { hasText: markup }).count()).toBe(1);
    await lib.getByTestId('view-compare').click();
    await lib.locator('[data-testid="chart-mark"][data-region="<i>某县</i>"]').waitFor();
    expect(await lib.locator('main img, main b, main i, main script').count()).toBe(0);
    expect(await lib.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await lib.getByTestId('view-list').click();
    await lib.getByTestId('filter-reset').click();
    await lib.locator(`[data-testid="page-row"][data-url="${url}"]`).getByTestId('delete-page').click();
    await lib.getByTestId('confirm-ok').click();
    await expect.poll(() => lib.locator(`[data-testid="page-row"][data-url="${url}"]`).count()).toBe(0);
    expect(ext.extensionErrors).toEqual([]);
  });

  it('stays usable with 10,000 more targets: windowed rows, filters, chart', async () => {
    const REGIONS = Array.from({ length: 40 }, (_, i) => `样例${i + 1}县`);
    const INDICATORS = ['地区生产总值', '规模工业增加值', '固定资产投资', '社会消费品零售总额', '进出口总额', '地方一般公共预算收入', '全体居民人均可支配收入', '城镇调查失业率', '粮食产量', '城镇新增就业'];
    const PAGES = 200;
    const PER_PAGE = 50;
    const pages = Array.from({ length: PAGES }, (_, i) => ({
      id: i + 1, url: `https://www.example${i}.gov.cn/report-${i}.html`, title: `${REGIONS[i % REGIONS.length]}${2018 + (i % 8)}年政府工作报告`,
      kind: 'work-report', score: 0.9, region: REGIONS[i % REGIONS.length], regionKey: REGIONS[i % REGIONS.length], year: 2018 + (i % 8),
      termCount: 10, targetCount: PER_PAGE, firstSeen: 1_700_000_000_000, lastSeen: 1_700_000_000_000 + i,
    }));
    const targets = pages.flatMap((p, i) =>
      Array.from({ length: PER_PAGE }, (_, j) => {
        const indicator = INDICATORS[j % INDICATORS.length]!;
        const value = Math.round(((i * 7 + j * 3) % 120) + 10) / 10;
        const sentence = `${indicator}增长${value}%以上，第${j}句。`;
        return {
          pageId: p.id, kind: j % 10 === 0 ? 'main' : 'other', indicator, indicatorKey: indicator, value, valueMax: null, unit: '%', qualifier: '以上',
          direction: 'increase', hedge: '预期', year: p.year, section: `${p.title} › 工作安排 › 第${j % 5}部分`, sentence, start: j * 40, end: j * 40 + sentence.length,
          regionKey: p.regionKey, quote: { exact: sentence, prefix: '', suffix: '' },
        };
      }),
    );
    const file = join(tmp, 'ten-thousand.json');
    writeFileSync(file, JSON.stringify({ format: 'report-lens', version: 1, exportedAt: new Date().toISOString(), pages, targets }));
    const already = await total(lib);
    const startImport = Date.now();
    await lib.getByTestId('import-file').setInputFiles(file);
    await lib.getByTestId('notice').waitFor();
    await expect.poll(() => total(lib), { timeout: 30_000 }).toBe(already + targets.length);
    const importMs = Date.now() - startImport;

    // A fresh page: time from navigation start to the first rows, measured by the page itself.
    const big = await ext.context.newPage();
    await big.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="target-row"]')) {
          (window as unknown as { firstRows: number }).firstRows = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await big.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await big.getByTestId('target-row').first().waitFor();
    // Falls back to "now" (a little late) should the init script not have run.
    const firstRender = await big.evaluate(() => (window as unknown as { firstRows?: number }).firstRows ?? performance.now());
    expect(await count(big)).toBe(already + targets.length);
    // Only the rows in view (plus a few) are in the DOM.
    const rendered = await big.getByTestId('target-row').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);

    /** Changes a control as a user would and resolves when the shown count changed and a frame passed. */
    const timeChange = (testId: string, value: string, event: 'change' | 'input') =>
      big.evaluate(
        ([id, v, type]) =>
          new Promise<number>((resolve) => {
            const control = document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement | HTMLInputElement;
            const label = document.querySelector('[data-testid="target-count"]') as HTMLElement;
            const before = label.dataset.count;
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (label.dataset.count === before) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
            });
            observer.observe(label, { attributes: true });
            control.value = v!;
            control.dispatchEvent(new Event(type!, { bubbles: true }));
          }),
        [testId, value, event],
      );

    await expect.poll(() => big.getByTestId('filter-region').isEnabled()).toBe(true);
    const region = REGIONS[7]!;
    const regionMs = await timeChange('filter-region', region, 'change');
    expect(await count(big)).toBe(targets.filter((t) => t.regionKey === region).length);
    expect(new Set(await renderedColumn(big, 'region'))).toEqual(new Set([region]));
    const resetMs = await timeChange('filter-region', '', 'change');
    expect(await count(big)).toBe(already + targets.length);
    const textMs = await timeChange('filter-text', '规模工业 第7句', 'input');
    expect(await count(big)).toBe(targets.filter((t) => t.indicator.startsWith('规模工业') && t.sentence.includes('第7句')).length);
    await big.getByTestId('filter-text').fill('');
    await expect.poll(() => count(big)).toBe(already + targets.length);

    // Scrolling to the end renders the last rows.
    await big.getByTestId('targets-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect
      .poll(() => big.locator('[data-testid="target-row"]').last().getAttribute('aria-rowindex'))
      .toBe(String(already + targets.length + 1));

    const sortStart = Date.now();
    await big.getByTestId('sort-value').click();
    await expect.poll(() => big.locator('th[aria-sort="ascending"]').count()).toBe(1);
    const sortMs = Date.now() - sortStart;

    await big.getByTestId('view-compare').click();
    const marks = big.getByTestId('chart-mark');
    await marks.first().waitFor();
    const gdpGroups = new Set(targets.filter((t) => t.indicatorKey === '地区生产总值').map((t) => `${t.regionKey}|${t.year}`));
    expect(await marks.count()).toBeGreaterThanOrEqual(gdpGroups.size);

    console.log(
      `library with ${already + targets.length} targets: import ${importMs} ms, first rows ${firstRender.toFixed(0)} ms after navigation, ` +
        `region filter ${regionMs.toFixed(0)} ms, filter reset ${resetMs.toFixed(0)} ms, text filter ${textMs.toFixed(0)} ms, sort ~${sortMs} ms (incl. test round trips)`,
    );
    await big.close();
    expect(ext.extensionErrors).toEqual([]);
  });
});
