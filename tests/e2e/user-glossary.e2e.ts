import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldChars } from '../../lib/text/normalize';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts, onTooltip, termPoint, tooltipPoint, tooltipTerm } from './page';
import { waitForState } from './state';

// The user glossary end to end: the options page's editor writes the extension's database, and the
// next page the extension analyses shows the user's entries, overrides and hidden entries.

let server: StaticServer;
let ext: ExtensionBrowser;
let options: Page;

const MY_DEFINITION = '（测试用）我写的释义：社区“三清三建”整治。';
const MY_OVERRIDE = '（测试用）我改写的三高四新释义。';
const HIDDEN_ID = 'hengnan-si-qu-yi-hua-yuan';

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function openAnnotated(path: string) {
  const page = await ext.open(server.govUrl(path));
  const state = await waitForState(ext, await ext.tabIdOf(page));
  expect(state, path).not.toBeNull();
  return { page, state: state! };
}

/** Hovers the first highlighted occurrence of `text` and waits for its tooltip. */
async function hoverTerm(page: Page, name: string, text: string) {
  const { x, y } = await termPoint(page, name, text);
  await page.mouse.move(x, y);
  await expect.poll(() => tooltipTerm(page)).toBe(text);
}

async function openOptions(hash = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html${hash}`);
  await page.locator('[data-testid=ge-add]:not([disabled])').waitFor();
  return page;
}

/** The userEntries table as the extension stored it, without the bookkeeping time. */
async function storedEntries(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('report-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('userEntries').objectStore('userEntries').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as Record<string, unknown>[]).map(({ updatedAt: _, ...r }) => r));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

const row = (page: Page, id: string) => page.locator(`[data-testid=ge-row][data-id="${id}"]`);

async function search(page: Page, query: string) {
  await page.getByTestId('ge-search').fill(query);
}

/** The options tab again in front: a background tab gets no animation frames, which clicks wait for. */
async function backToOptions(): Promise<Page> {
  await options.bringToFront();
  return options;
}

describe('user glossary', () => {
  it('the 未收录 tooltip opens the editor with the term, its sentence and the page prefilled; saving adds the entry', async () => {
    const { page, state } = await openAnnotated('pages/seed-001.html');
    expect(state.terms).toContainEqual(expect.objectContaining({ text: '三清三建', source: 'unknown' }));
    await hoverTerm(page, HIGHLIGHTS.unknown, '三清三建');
    const add = (await tooltipPoint(page, 'button.add'))!;
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), page.mouse.click(add.x, add.y)]);
    options = opened;
    await options.getByTestId('ge-form').waitFor();
    expect(await options.getByTestId('ge-f-term').inputValue()).toBe('三清三建');
    expect(await options.getByTestId('ge-context').textContent()).toContain('扎实推进中心城区社区“三清三建”升级版');
    expect(await options.getByTestId('ge-f-sourceUrl').inputValue()).toBe(page.url());
    expect(await options.getByTestId('ge-f-sourceTitle').inputValue()).toBe(await page.title());
    // The page is a 2020 report (衡阳目标篇): cited as of 2020, not of the year the reader adds the entry.
    expect(state.report.year).toBe(2020);
    expect(await options.getByTestId('ge-f-sourceYear').inputValue()).toBe('2020');
    // The hash is used once: a reload must not open the form again. (Playwright learns of the page's
    // replaceState from a browser event, which can arrive after the form is on screen.)
    await expect.poll(() => new URL(options.url()).hash).toBe('');

    await options.getByTestId('ge-f-definition').fill(MY_DEFINITION);
    await options.getByTestId('ge-f-gloss').fill('three clean-ups, three builds (test)');
    await options.getByTestId('ge-f-sourceIssuer').fill('测试者');
    await options.getByTestId('ge-save').click();
    await options.getByTestId('ge-ok').filter({ hasText: '三清三建' }).waitFor();
    expect(await options.getByTestId('ge-form').count()).toBe(0);
    const stored = await storedEntries(options);
    expect(stored).toEqual([expect.objectContaining({ term: '三清三建', definition: MY_DEFINITION, hidden: false })]);
    expect(String(stored[0]!.id)).toMatch(/^user-[a-z0-9-]+$/);
    await page.close();
  });

  it('explains every problem of a form in place and stores nothing', async () => {
    await backToOptions();
    await options.getByTestId('ge-add').click();
    await options.getByTestId('ge-save').click();
    await options.getByTestId('ge-form-error').waitFor();
    for (const field of ['term', 'definition', 'gloss', 'sourceTitle', 'sourceIssuer']) {
      expect(await options.getByTestId(`ge-f-${field}-error`).textContent(), field).toBe('此项必填。');
    }
    await options.getByTestId('ge-f-term').fill('六穩');
    await options.getByTestId('ge-f-definition').fill('x');
    await options.getByTestId('ge-f-gloss').fill('x');
    await options.getByTestId('ge-f-sourceTitle').fill('x');
    await options.getByTestId('ge-f-sourceIssuer').fill('x');
    await options.getByTestId('ge-f-sourceUrl').fill('javascript:alert(1)');
    await options.getByTestId('ge-save').click();
    await options.getByTestId('ge-f-sourceUrl-error').waitFor();
    await options.getByTestId('ge-f-sourceUrl').fill('');
    await options.getByTestId('ge-save').click();
    await options.getByTestId('ge-f-term-error').filter({ hasText: '六稳' }).waitFor();
    await options.getByTestId('ge-cancel').click();
    expect((await storedEntries(options)).map((e) => e.term)).toEqual(['三清三建']);
  });

  it('a page opened afterwards highlights the user entry as defined and shows the user text', async () => {
    const { page, state } = await openAnnotated('pages/seed-001.html');
    expect(state.terms).toContainEqual(expect.objectContaining({ text: '三清三建', source: 'user' }));
    expect(state.terms.some((t) => t.text === '三清三建' && t.source === 'unknown')).toBe(false);
    expect((await highlightCounts(page))[HIGHLIGHTS.defined]?.['三清三建']).toBe(1);
    await hoverTerm(page, HIGHLIGHTS.defined, '三清三建');
    expect(await onTooltip(page, (box) => box.querySelector('.def')?.textContent)).toBe(MY_DEFINITION);
    expect(await onTooltip(page, (box) => box.querySelector('.badge.user')?.textContent)).toBe('我的词条');
    await page.close();
  });

  it('an edited bundled entry shows the user text for the bundled term', async () => {
    await backToOptions();
    await search(options, '三高四新');
    await row(options, 'hunan-san-gao-si-xin').getByTestId('ge-edit').click();
    const term = options.getByTestId('ge-f-term');
    expect(await term.inputValue()).toBe('三高四新');
    expect(await term.getAttribute('readonly')).not.toBeNull();
    await options.getByTestId('ge-f-definition').fill(MY_OVERRIDE);
    await options.getByTestId('ge-save').click();
    await row(options, 'hunan-san-gao-si-xin').and(options.locator('[data-status=edited]')).waitFor();

    const { page } = await openAnnotated('pages/seed-004.html');
    await hoverTerm(page, HIGHLIGHTS.defined, '三高四新');
    // seed-004 is a traditional page: the tooltip shows the user's text in the page's script.
    expect(foldChars((await onTooltip(page, (box) => box.querySelector('.def')?.textContent)) ?? '')).toBe(foldChars(MY_OVERRIDE));
    expect(await onTooltip(page, (box) => box.querySelectorAll('.badge.user').length)).toBe(1);
    await page.close();
  });

  it('a hidden bundled entry is neither highlighted nor counted', async () => {
    const { page: first, state: before } = await openAnnotated('pages/seed-004.html');
    await first.close();
    const hiddenCount = before.terms.filter((t) => t.entry === HIDDEN_ID).reduce((n, t) => n + t.count, 0);
    expect(hiddenCount).toBe(5);

    await backToOptions();
    await search(options, '四区一花园');
    await row(options, HIDDEN_ID).getByTestId('ge-hide').click();
    await row(options, HIDDEN_ID).and(options.locator('[data-status=hidden]')).waitFor();

    const { page, state } = await openAnnotated('pages/seed-004.html');
    expect(state.terms.filter((t) => t.entry === HIDDEN_ID)).toEqual([]);
    expect(state.terms.filter((t) => t.text.includes('四區一花園'))).toEqual([]);
    expect(state.termCount).toBe(before.termCount - hiddenCount);
    const popup = await ext.popupFor(page);
    await popup.getByTestId('verdict').waitFor();
    expect(Number(await popup.getByTestId('term-count').textContent())).toBe(state.termCount);
    await popup.close();
    await page.close();
  });

  it('export → delete → import restores the glossary', async () => {
    await backToOptions();
    const before = await storedEntries(options);
    expect(before.map((e) => [e.term, e.hidden])).toEqual(
      expect.arrayContaining([
        ['三清三建', false],
        ['三高四新', false],
        ['四区一花园', true],
      ]),
    );
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('ge-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^report-lens-glossary-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported) as { format: string; version: number; entries: { id: string; hidden?: boolean }[] };
    expect(file.format).toBe('report-lens-glossary');
    expect(file.version).toBe(1);
    expect(file.entries).toHaveLength(3);
    expect(file.entries.find((e) => e.id === HIDDEN_ID)?.hidden).toBe(true);

    await search(options, '');
    await options.getByTestId('ge-filter').selectOption('mine');
    await options.getByTestId('ge-row').getByTestId('ge-delete').click();
    await options.getByTestId('ge-filter').selectOption('edited');
    await options.getByTestId('ge-row').getByTestId('ge-revert').click();
    await options.getByTestId('ge-filter').selectOption('hidden');
    await options.getByTestId('ge-row').getByTestId('ge-unhide').click();
    await options.getByTestId('ge-empty').waitFor();
    expect(await storedEntries(options)).toEqual([]);

    await options.getByTestId('ge-import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await options.getByTestId('ge-ok').filter({ hasText: '新增 3 条' }).waitFor();
    expect(await storedEntries(options)).toEqual(before);
    await options.getByTestId('ge-filter').selectOption('all');

    const { page, state } = await openAnnotated('pages/seed-001.html');
    expect(state.terms).toContainEqual(expect.objectContaining({ text: '三清三建', source: 'user' }));
    await page.close();
  });

  it('a broken or foreign file is refused with a clear message and changes nothing', async () => {
    await backToOptions();
    const before = await storedEntries(options);
    const cases: { name: string; body: string; message: string }[] = [
      { name: 'truncated.json', body: '{"format": "report-lens-glossary", "version": 1, "entries": [', message: '不是有效的 JSON' },
      { name: 'package.json', body: readFileSync(new URL('../../package.json', import.meta.url), 'utf8'), message: '不是政报通导出的词表文件' },
      {
        name: 'bad-entry.json',
        body: JSON.stringify({ format: 'report-lens-glossary', version: 1, entries: [{ id: 'user-x', term: '五个一', definition: '' }] }),
        message: '第 1 条（五个一）',
      },
      {
        name: 'clash.json',
        body: JSON.stringify({
          format: 'report-lens-glossary',
          version: 1,
          entries: [{ id: 'user-y', term: '六稳', aliases: [], components: [], definition: 'x', gloss: 'x', scope: { level: 'national' }, related: [], sources: [{ title: 'x', issuer: 'x', year: 2024 }] }],
        }),
        message: '「六稳」已经是词条「六稳」的写法',
      },
    ];
    for (const c of cases) {
      await options.getByTestId('ge-import-file').setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.body) });
      const error = options.getByTestId('ge-error').filter({ hasText: c.name });
      await error.waitFor();
      expect(await error.textContent(), c.name).toContain(c.message);
      expect(await error.textContent(), c.name).toContain('没有任何改动');
      expect(await storedEntries(options), c.name).toEqual(before);
    }
    expect(ext.extensionErrors).toEqual([]);
  });

  it('refuses a file larger than the limit before reading it, even one whose text would pass', async () => {
    await backToOptions();
    const before = await storedEntries(options);
    // 2,000,000 Han characters: 6 MB on disk, 2 million characters as text. The parser's own check
    // counts characters, so only the size check says no; before it this file imported "0 entries".
    const body = JSON.stringify({ format: 'report-lens-glossary', version: 1, entries: [], note: '很'.repeat(2_000_000) });
    await options.getByTestId('ge-import-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    const error = options.getByTestId('ge-error').filter({ hasText: 'huge.json' });
    await error.waitFor();
    expect(await error.textContent()).toBe('无法导入「huge.json」，词表没有任何改动：文件太大，不像是词表导出文件。');
    expect(await storedEntries(options)).toEqual(before);
  });

  it('showing a hidden entry whose term the user gave to an own entry meanwhile is refused, naming the entry', async () => {
    await backToOptions();
    // 四区一花园 is hidden (above), so its term is free for an own entry.
    await options.getByTestId('ge-add').click();
    await options.getByTestId('ge-f-term').fill('四区一花园');
    await options.getByTestId('ge-f-definition').fill('（测试用）我自己的四区一花园。');
    await options.getByTestId('ge-f-gloss').fill('x');
    await options.getByTestId('ge-f-sourceTitle').fill('x');
    await options.getByTestId('ge-f-sourceIssuer').fill('x');
    await options.getByTestId('ge-save').click();
    await options.getByTestId('ge-ok').filter({ hasText: '四区一花园' }).waitFor();
    const before = await storedEntries(options);
    const own = before.find((e) => e.term === '四区一花园' && e.id !== HIDDEN_ID)!;
    expect(own.hidden).toBe(false);

    await search(options, '四区一花园');
    await row(options, HIDDEN_ID).getByTestId('ge-unhide').click();
    const error = options.getByTestId('ge-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toBe('无法恢复显示「四区一花园」，词表没有任何改动：「四区一花园」已经是词条「四区一花园」的写法，请编辑或隐藏那个词条。');
    expect(await storedEntries(options)).toEqual(before);
    expect(await row(options, HIDDEN_ID).getAttribute('data-status')).toBe('hidden');

    // So the user's own export still imports back.
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('ge-export').click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    await options.getByTestId('ge-import-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await options.getByTestId('ge-ok').filter({ hasText: `替换 ${before.length} 条` }).waitFor();
    expect(await storedEntries(options)).toEqual(before);

    // Without the own entry the bundled one shows again.
    await row(options, String(own.id)).getByTestId('ge-delete').click();
    await row(options, HIDDEN_ID).getByTestId('ge-unhide').click();
    await row(options, HIDDEN_ID).and(options.locator('[data-status=bundled]')).waitFor();
    await search(options, '');
    expect(ext.extensionErrors).toEqual([]);
  });
});
