/**
 * The extension's own pages (popup, library, options) as a keyboard or screen-reader user meets them,
 * in an English browser (English plurals) and a Taiwanese one: the document's language and title, where
 * the focus goes when a dialog or the glossary form closes, live regions, plural and number formats,
 * accessible names, the messages of failed actions and imports, and text contrast.
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

interface FilePage {
  id: number;
  url: string;
  title: string;
  year?: number;
}

/** A library export as the extension writes it: pages with `targets[i]` targets each, of the given values. */
function libraryFile(pages: FilePage[], targets: { pageId: number; value: number; year?: number; indicator?: string }[]) {
  return JSON.stringify({
    format: 'report-lens',
    version: 1,
    exportedAt: new Date().toISOString(),
    pages: pages.map((p) => ({ kind: 'work-report', score: 1, region: '某县', regionKey: '某县', year: 2024, termCount: 0, targetCount: 0, firstSeen: 1, lastSeen: p.id, ...p })),
    targets: targets.map((t) => {
      const indicator = t.indicator ?? '地区生产总值';
      const sentence = `${indicator}增长${t.value}%左右。`;
      return {
        pageId: t.pageId, kind: 'main', indicator, indicatorKey: indicator, value: t.value, valueMax: null, unit: '%', qualifier: '左右',
        direction: 'increase', hedge: '', year: t.year ?? 2024, section: '', sentence, start: 0, end: sentence.length, regionKey: '某县',
        quote: { exact: sentence, prefix: '', suffix: '' },
      };
    }),
  });
}

async function importInto(lib: Page, name: string, content: string): Promise<void> {
  await lib.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

/** What has the keyboard focus: its test id, and the URL of its page row if it is in one. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { testid: el?.dataset.testid ?? el?.tagName.toLowerCase() ?? null, url: el?.closest<HTMLElement>('[data-testid="page-row"]')?.dataset.url ?? null };
  });

/** Empties the library (the file input writes it; the test reads the result as the reader does). */
async function clearLibrary(lib: Page): Promise<void> {
  if (await lib.getByTestId('empty').count()) return;
  await lib.getByTestId('clear-all').click();
  await lib.getByTestId('confirm-ok').click();
  await lib.getByTestId('empty').waitFor();
  // Said once the database is cleared: the next test's import must not race the clear.
  await lib.getByTestId('notice').filter({ hasText: 'The library is empty now.' }).waitFor();
}

describe('in an English browser', () => {
  let ext: ExtensionBrowser;
  let lib: Page;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
    lib = await ext.context.newPage();
    await lib.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await lib.getByTestId('empty').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('each page declares its language and has a title in it', async () => {
    const opts = await ext.context.newPage();
    await opts.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const doc = (p: Page) => p.evaluate(() => [document.documentElement.lang, document.title]);
    // Before: no lang at all, and "Report Lens 政报通 · Library" whatever the language.
    expect(await doc(lib)).toEqual(['en', 'Report Lens library']);
    expect(await doc(opts)).toEqual(['en', 'Report Lens options']);
    expect(await doc(popup)).toEqual(['en', 'Report Lens 政报通']);
    await opts.close();
    await popup.close();
  });

  it("text is in the pages' own 14px font stack, not Chrome's style for extension pages", async () => {
    const opts = await ext.context.newPage();
    await opts.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    for (const p of [lib, opts, popup]) {
      const font = await p.evaluate(() => [getComputedStyle(document.body).fontSize, getComputedStyle(document.body).fontFamily.split(',')[1]?.trim()]);
      // Before: 10.5px (Chrome's body { font-size: 75% }) in the font Chrome names.
      expect(font).toEqual(['14px', '"PingFang SC"']);
    }
    await opts.close();
    await popup.close();
  });

  it('says 1 page and 1 target, in a status region that was there before the message', async () => {
    // Mounted empty from the start, so its text change is announced.
    expect(await lib.getByTestId('live-status').getAttribute('role')).toBe('status');
    expect(await lib.getByTestId('live-status').textContent()).toBe('');
    const file = libraryFile([{ id: 1, url: 'https://www.example.gov.cn/one.html', title: 'One' }], [{ pageId: 1, value: 6 }]);
    await importInto(lib, 'one.json', file);
    await lib.getByTestId('live-status').getByTestId('notice').waitFor();
    // Before: "Imported 1 pages and 1 targets (0 pages replaced saved pages with the same URL)."
    expect(await lib.getByTestId('notice').textContent()).toBe('Imported 1 page and 1 target.');
    await expect.poll(() => lib.getByTestId('summary').textContent()).toBe('1 page · 1 target');
    await importInto(lib, 'one.json', file);
    await lib.getByTestId('notice').filter({ hasText: 'replaced' }).waitFor();
    expect(await lib.getByTestId('notice').textContent()).toBe('Imported 1 page and 1 target. 1 of them replaced the saved page with the same URL.');
    expect(ext.extensionErrors).toEqual([]);
  });

  it('groups large counts: 10,000 targets', async () => {
    const targets = Array.from({ length: 10_000 }, (_, i) => ({ pageId: 1 + (i % 2), value: (i % 90) / 10 }));
    await importInto(lib, 'big.json', libraryFile([{ id: 1, url: 'https://www.example.gov.cn/one.html', title: 'One' }, { id: 2, url: 'https://www.example.gov.cn/two.html', title: 'Two' }], targets));
    await lib.getByTestId('notice').filter({ hasText: '10,000' }).waitFor();
    expect(await lib.getByTestId('notice').textContent()).toBe('Imported 2 pages and 10,000 targets. 1 of them replaced the saved page with the same URL.');
    await expect.poll(() => lib.getByTestId('summary').textContent()).toBe('2 pages · 10,000 targets');
    await expect.poll(() => lib.getByTestId('target-count').textContent()).toBe('Showing 10,000 of 10,000');
    expect(await lib.getByTestId('export-csv').textContent()).toBe('Export CSV (10,000 shown)');
    await clearLibrary(lib);
  });

  it('Import JSON keeps the keyboard focus on its button through the import', async () => {
    await lib.getByTestId('import-json').focus();
    // The file the button's chooser gives (the chooser itself is not shown reliably to a headless tab).
    await importInto(lib, 'one.json', libraryFile([{ id: 1, url: 'https://www.example.gov.cn/one.html', title: 'One' }], [{ pageId: 1, value: 6 }]));
    // This import's own notice: the clear before it left one of its own, and clearing again before the
    // import settles would leave its page behind for the next test.
    await lib.getByTestId('notice').filter({ hasText: 'Imported 1 page and 1 target.' }).waitFor();
    // Before: the button was disabled while the file was read, which sent the focus to the document.
    expect((await focused(lib)).testid).toBe('import-json');
    // The notice comes as the import settles, its rows when the library's live query has read them
    // again: until then the page still says the library is empty, and clearLibrary would skip the clear.
    await lib.getByTestId('page-row').waitFor();
    await clearLibrary(lib);
  });

  it('the confirm dialog gives the focus back to what opened it, or to the next row once its page is deleted', async () => {
    const urls = ['a', 'b', 'c'].map((n) => `https://www.example.gov.cn/${n}.html`);
    // lastSeen orders the rows: a, b, c from the top.
    await importInto(lib, 'three.json', libraryFile(urls.map((url, i) => ({ id: 3 - i, url, title: `Page ${i}` })), [{ pageId: 3, value: 5 }]));
    await expect.poll(() => lib.getByTestId('page-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.url))).toEqual(urls);
    const deleteOf = (url: string) => lib.locator(`[data-testid="page-row"][data-url="${url}"]`).getByTestId('delete-page');

    await deleteOf(urls[0]!).focus();
    await lib.keyboard.press('Enter');
    await lib.getByTestId('confirm-dialog').waitFor();
    expect(await lib.locator('#confirm-message').textContent()).toBe('Delete the page “Page 0” and its 1 target?');
    await lib.keyboard.press('Escape');
    await lib.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    // Before: the focus was on <body> after Esc, Cancel and a confirmed delete alike.
    // The dialog hands the focus on in its effect's cleanup, which Preact runs after the next paint, not
    // when the dialog leaves the DOM: wait for the focus to arrive rather than read it the moment it is gone.
    await expect.poll(() => focused(lib)).toEqual({ testid: 'delete-page', url: urls[0] });

    await lib.keyboard.press('Enter');
    await lib.getByTestId('confirm-cancel').click();
    await expect.poll(() => focused(lib)).toEqual({ testid: 'delete-page', url: urls[0] });

    await lib.keyboard.press('Enter');
    await lib.getByTestId('confirm-ok').click();
    await lib.locator(`[data-testid="page-row"][data-url="${urls[0]}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => focused(lib)).toEqual({ testid: 'delete-page', url: urls[1] });

    // The last row: the one before it takes the focus.
    await deleteOf(urls[2]!).focus();
    await lib.keyboard.press('Enter');
    await lib.getByTestId('confirm-ok').click();
    await lib.locator(`[data-testid="page-row"][data-url="${urls[2]}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => focused(lib)).toEqual({ testid: 'delete-page', url: urls[1] });

    // The only row left: the page's heading, and the same after "Clear all", whose button is then disabled.
    await lib.keyboard.press('Enter');
    await lib.getByTestId('confirm-ok').click();
    await lib.getByTestId('empty').waitFor();
    await expect.poll(() => focused(lib)).toEqual({ testid: 'h1', url: null });
    await importInto(lib, 'three.json', libraryFile([{ id: 1, url: urls[0]!, title: 'Page 0' }], []));
    await lib.getByTestId('clear-all').and(lib.locator(':enabled')).focus();
    await lib.keyboard.press('Enter');
    expect(await lib.locator('#confirm-message').textContent()).toMatch(/^Delete everything: 1 page and 0 targets\?/);
    await lib.getByTestId('confirm-ok').click();
    await lib.getByTestId('empty').waitFor();
    await expect.poll(() => focused(lib)).toEqual({ testid: 'h1', url: null });
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a confirmed delete hands the focus to the next row even when the list drops the row before the delete settles', async () => {
    const urls = ['a', 'b', 'c'].map((n) => `https://www.example.gov.cn/${n}.html`);
    await importInto(lib, 'three.json', libraryFile(urls.map((url, i) => ({ id: 3 - i, url, title: `Page ${i}` })), []));
    await expect.poll(() => lib.getByTestId('page-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.url))).toEqual(urls);
    // The row can leave the list before this tab's delete has settled: the pages are a live query, which
    // follows every change to the database, this tab's or another's. Forced here: this tab's delete
    // transaction commits, but the page hears of it (its 'complete' event, which settles removePage)
    // only once the row is gone; a second library tab deletes another page, and the live query, run
    // again for that change, reads a database without either page.
    await lib.evaluate((url) => {
      const proto = IDBTransaction.prototype;
      const desc = Object.getOwnPropertyDescriptor(proto, 'oncomplete')!;
      const rowGone = () => !document.querySelector(`[data-testid="page-row"][data-url="${url}"]`);
      const whenRowGone = () =>
        new Promise<void>((resolve) => {
          if (rowGone()) return resolve();
          const observer = new MutationObserver(() => {
            if (!rowGone()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        });
      let armed = true;
      (window as unknown as { restoreComplete(): void }).restoreComplete = () => Object.defineProperty(proto, 'oncomplete', desc);
      Object.defineProperty(proto, 'oncomplete', {
        ...desc,
        set(this: IDBTransaction, fn: ((ev: Event) => void) | null) {
          const removal = this.mode === 'readwrite' && this.objectStoreNames.contains('removals') && this.objectStoreNames.contains('pages');
          if (!armed || !removal || !fn) return desc.set!.call(this, fn);
          armed = false;
          desc.set!.call(this, (ev: Event) => {
            (window as unknown as { deleteCommitted: boolean }).deleteCommitted = true;
            void whenRowGone().then(() => fn.call(this, ev));
          });
        },
      });
    }, urls[0]!);
    const other = await ext.context.newPage();
    try {
      await lib.locator(`[data-testid="page-row"][data-url="${urls[0]}"]`).getByTestId('delete-page').focus();
      await lib.keyboard.press('Enter');
      await lib.getByTestId('confirm-ok').click();
      await other.goto(`chrome-extension://${ext.extensionId}/library.html`);
      // The other tab's change must come after this tab's commit, or the live query could read the page still there.
      await expect.poll(() => lib.evaluate(() => (window as unknown as { deleteCommitted?: boolean }).deleteCommitted === true)).toBe(true);
      await other.locator(`[data-testid="page-row"][data-url="${urls[2]}"]`).getByTestId('delete-page').click();
      await other.getByTestId('confirm-ok').click();
      await lib.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
      // Before: the row was looked up only as the dialog closed; it was gone, and the heading took the focus.
      await expect.poll(() => focused(lib)).toEqual({ testid: 'delete-page', url: urls[1] });
      await expect.poll(() => lib.getByTestId('page-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.url))).toEqual([urls[1]]);
    } finally {
      await other.close();
      await lib.evaluate(() => (window as unknown as { restoreComplete(): void }).restoreComplete());
    }
    expect(ext.extensionErrors).toEqual([]);
    await clearLibrary(lib);
  });

  it('saved pages without any target say so, not that the filters match nothing, and offer no comparison', async () => {
    await importInto(lib, 'no-targets.json', libraryFile([{ id: 1, url: 'https://www.example.gov.cn/none.html', title: 'None' }], []));
    await lib.getByTestId('no-targets').waitFor();
    // The Compare button is offered once the menus' values (a separate live query) say an indicator is
    // saved: wait until they have loaded (the menus are enabled), or its absence below proves nothing.
    await expect.poll(() => lib.getByTestId('filter-region').isEnabled()).toBe(true);
    expect(await lib.getByTestId('no-targets').textContent()).toBe('No targets saved yet: none of the saved pages states a target.');
    expect(await lib.getByTestId('no-matches').count()).toBe(0);
    expect(await lib.getByTestId('view-list').count()).toBe(1);
    expect(await lib.getByTestId('view-compare').count()).toBe(0);
    expect(await lib.getByTestId('summary').textContent()).toBe('1 page · 0 targets');
    await clearLibrary(lib);
  });

  it('truncated value, kind and region cells carry their full text as a title', async () => {
    await importInto(lib, 'cells.json', libraryFile([{ id: 1, url: 'https://www.example.gov.cn/cells.html', title: 'Cells' }], [{ pageId: 1, value: 123456.75 }]));
    const row = lib.getByTestId('target-row').first();
    await row.waitFor();
    for (const [col, title] of [['value', '123456.75%'], ['kind', 'Main target'], ['region', '某县']]) {
      expect(await row.locator(`td[data-col="${col}"]`).getAttribute('title'), col).toBe(title);
    }
    await clearLibrary(lib);
  });

  it('refuses numbers the chart cannot draw, naming the field; a tiny value is charted', async () => {
    const one = (value: number, year = 2024) => libraryFile([{ id: 1, url: 'https://www.example.gov.cn/x.html', title: 'X', year }], [{ pageId: 1, value, year }]);
    const cases: [string, string, string][] = [
      ['huge.json', one(1e308), 'targets[0].value: out of range (expected -1e12 to 1e12)'],
      ['negative.json', one(-1e308), 'targets[0].value: out of range (expected -1e12 to 1e12)'],
      ['half-year.json', one(5, 2024.5), 'pages[0].year: expected a year from 1949 to 2100'],
      ['far-year.json', one(5, 1e21), 'pages[0].year: expected a year from 1949 to 2100'],
    ];
    for (const [name, content, detail] of cases) {
      await importInto(lib, name, content);
      await lib.getByTestId('import-error').filter({ hasText: detail }).waitFor();
      expect(await lib.getByTestId('empty').count(), name).toBe(1);
    }
    // Before: niceTicks threw a RangeError from toFixed and the compare view broke the page.
    await importInto(lib, 'tiny.json', one(1e-200));
    await lib.getByTestId('notice').filter({ hasText: 'Imported 1 page and 1 target.' }).waitFor();
    await lib.getByTestId('view-compare').click();
    await lib.getByTestId('chart-mark').waitFor();
    expect(await lib.locator('[data-testid="compare-chart"] [y="NaN"], [data-testid="compare-chart"] [y1="NaN"]').count()).toBe(0);
    await lib.getByTestId('view-list').click();
    expect(ext.extensionErrors).toEqual([]);
    await clearLibrary(lib);
  });

  it('a glossary export dropped on the library is sent to the options page', async () => {
    await importInto(lib, 'glossary.json', JSON.stringify({ format: 'report-lens-glossary', version: 1, entries: [] }));
    const error = lib.getByTestId('import-error');
    await error.waitFor();
    // Before: only "This is not a Report Lens export (no "format": "report-lens")".
    expect(await error.textContent()).toBe(
      'This is a glossary export ("format": "report-lens-glossary"), not a library export. Import it on the options page, under “My glossary” → Import. Nothing in the library was changed.',
    );
  });

  describe('glossary editor', () => {
    let opts: Page;
    const row = (id: string) => opts.locator(`[data-testid=ge-row][data-id="${id}"]`);
    const active = () =>
      opts.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { testid: el.dataset.testid ?? el.tagName.toLowerCase(), row: el.closest<HTMLElement>('[data-testid=ge-row]')?.dataset.id ?? null };
      });
    beforeAll(async () => {
      opts = await ext.context.newPage();
      await opts.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await opts.locator('[data-testid=ge-add]:not([disabled])').waitFor();
    });

    it('names each row button after its entry; headers are column headers; counts are plural and grouped', async () => {
      // Mounted empty from the start, so the notices swapped into it are announced.
      expect(await opts.getByTestId('ge-live').getAttribute('role')).toBe('status');
      expect(await opts.getByTestId('ge-live').textContent()).toBe('');
      expect(await opts.locator('.ge-list thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')))).toEqual(['col', 'col', 'col', 'col', 'col']);
      const first = opts.getByTestId('ge-row').first();
      const term = await first.getByTestId('ge-term').textContent();
      // Before: every row's buttons were just "Edit", "Hide".
      expect(await first.getByTestId('ge-edit').getAttribute('aria-label')).toBe(`Edit “${term}”`);
      expect(await first.getByTestId('ge-hide').getAttribute('aria-label')).toBe(`Hide “${term}”`);
      expect(await opts.getByRole('button', { name: `Edit “${term}”` }).count()).toBe(1);
      await opts.getByTestId('ge-search').fill(term!);
      await expect.poll(() => opts.getByTestId('ge-count').textContent()).toBe('1 entry');
      await opts.getByTestId('ge-search').fill('');
      await opts.getByTestId('ge-more').click();
      const n = await opts.getByTestId('ge-row').count();
      expect(n).toBeGreaterThan(1);
      expect(await opts.getByTestId('ge-count').textContent()).toBe(`${n} entries`);
    });

    it('Edit moves the focus into the form; Cancel and Save bring it back; a failed save focuses the first invalid field', async () => {
      const first = opts.getByTestId('ge-row').first();
      const id = (await first.getAttribute('data-id'))!;
      await first.getByTestId('ge-edit').focus();
      await opts.keyboard.press('Enter');
      // Before: the form scrolled into view, but the focus stayed on the row's button.
      await expect.poll(active).toEqual({ testid: 'ge-form-heading', row: null });
      await opts.getByTestId('ge-cancel').focus();
      await opts.keyboard.press('Enter');
      await opts.getByTestId('ge-form').waitFor({ state: 'detached' });
      expect(await active()).toEqual({ testid: 'ge-edit', row: id });

      await opts.keyboard.press('Enter');
      await expect.poll(active).toEqual({ testid: 'ge-form-heading', row: null });
      const definition = await opts.getByTestId('ge-f-definition').inputValue();
      await opts.getByTestId('ge-f-definition').fill('');
      await opts.getByTestId('ge-f-gloss').fill('');
      await opts.getByTestId('ge-save').click();
      await opts.getByTestId('ge-form-error').waitFor();
      expect(await active()).toEqual({ testid: 'ge-f-definition', row: null });
      await opts.getByTestId('ge-f-definition').fill(definition);
      await opts.getByTestId('ge-save').click();
      expect(await active()).toEqual({ testid: 'ge-f-gloss', row: null });
      await opts.getByTestId('ge-cancel').click();
      expect(await active()).toEqual({ testid: 'ge-edit', row: id });
      expect(ext.extensionErrors).toEqual([]);
    });

    it('marks required fields for assistive technology and ties the hints to their fields', async () => {
      await opts.getByTestId('ge-add').click();
      for (const field of ['term', 'definition', 'gloss', 'sourceTitle', 'sourceIssuer', 'sourceYear']) {
        const input = opts.getByTestId(`ge-f-${field}`);
        expect([await input.getAttribute('required'), await input.getAttribute('aria-required')], field).toEqual(['', 'true']);
      }
      for (const field of ['aliases', 'english', 'sourceUrl']) expect(await opts.getByTestId(`ge-f-${field}`).getAttribute('aria-required'), field).toBeNull();
      const hint = await opts.getByTestId('ge-f-aliases').getAttribute('aria-describedby');
      expect(await opts.locator(`#${hint}`).textContent()).toBe(await opts.locator('.ge-hint').first().textContent());
      await opts.getByTestId('ge-cancel').click();
      expect(await active()).toEqual({ testid: 'ge-add', row: null });
    });

    it('deleting an own entry hands the focus to the next row, not to the page', async () => {
      for (const term of ['测试词甲', '测试词乙']) {
        await opts.getByTestId('ge-add').click();
        await opts.getByTestId('ge-f-term').fill(term);
        for (const field of ['definition', 'gloss', 'sourceTitle', 'sourceIssuer']) await opts.getByTestId(`ge-f-${field}`).fill('test');
        await opts.getByTestId('ge-save').click();
        await opts.getByTestId('ge-ok').filter({ hasText: term }).waitFor();
      }
      await opts.getByTestId('ge-filter').selectOption('mine');
      await expect.poll(() => opts.getByTestId('ge-row').count()).toBe(2);
      const [firstId, secondId] = await opts.getByTestId('ge-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id!));
      const term = await row(firstId!).getByTestId('ge-term').textContent();
      expect(await row(firstId!).getByTestId('ge-delete').getAttribute('aria-label')).toBe(`Delete “${term}”`);
      await row(firstId!).getByTestId('ge-delete').focus();
      await opts.keyboard.press('Enter');
      await row(firstId!).waitFor({ state: 'detached' });
      await expect.poll(active).toEqual({ testid: 'ge-edit', row: secondId });
      // The list is a live query and can drop the row before the delete's own promise settles and sets
      // the notice: wait for the notice rather than read it the moment the row is gone.
      await expect.poll(() => opts.getByTestId('ge-live').getByTestId('ge-ok').locator('p').textContent()).toBe(`Deleted “${term}”.`);
    });

    it('Import keeps the keyboard focus on its button through the import', async () => {
      await opts.getByTestId('ge-import').focus();
      // The file the button's chooser gives (the chooser itself is not shown reliably to a headless tab).
      await opts.getByTestId('ge-import-file').setInputFiles({ name: 'glossary.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'report-lens-glossary', version: 1, entries: [] })) });
      await opts.getByTestId('ge-ok').waitFor();
      expect((await active()).testid).toBe('ge-import');
    });

    it('a library export dropped on the glossary import is sent to the library', async () => {
      await opts.getByTestId('ge-import-file').setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(libraryFile([], [])) });
      const error = opts.getByTestId('ge-error').filter({ hasText: 'library.json' });
      await error.waitFor();
      expect(await error.locator('li').allTextContents()).toEqual([
        'This is a library export ("format": "report-lens"), not a glossary export. Import it in the library (popup → Library → Import JSON).',
      ]);
    });

    it('text reaches 4.5:1 contrast in light and dark mode', async () => {
      await opts.getByTestId('ge-add').click();
      await opts.getByTestId('ge-save').click();
      await opts.getByTestId('ge-form-error').waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await opts.emulateMedia({ colorScheme: scheme });
        const ratios = await opts.evaluate(() => {
          const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const lum = (c: string) => {
            const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
          };
          const ratio = (a: string, b: string) => {
            const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
            return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
          };
          const page = getComputedStyle(document.body).backgroundColor;
          const add = getComputedStyle(document.querySelector('[data-testid=ge-add]')!);
          const error = getComputedStyle(document.querySelector('[data-testid=ge-form-error]')!);
          const link = document.createElement('button');
          link.className = 'link';
          document.body.append(link);
          const linkColor = getComputedStyle(link).color;
          link.remove();
          return { primary: ratio(add.color, add.backgroundColor), error: ratio(error.color, page), link: ratio(linkColor, page) };
        });
        // Before: 4.34 (primary), 3.07 (error, dark), 3.85 (link, dark).
        for (const [what, r] of Object.entries(ratios)) expect(r, `${scheme} ${what}`).toBeGreaterThanOrEqual(4.5);
      }
      await opts.emulateMedia({ colorScheme: 'light' });
      await opts.getByTestId('ge-cancel').click();
    });
  });

  describe('popup', () => {
    it('a page it may not touch: a localized alert, with the browser’s own reason only behind “Technical details”', async () => {
      // Outside *.gov.cn and without the toolbar click, the extension has no access to the page.
      const page = await ext.open(server.url('pages/seed-004.html'));
      const popup = await ext.popupFor(page);
      await popup.getByTestId('status').waitFor();
      expect(await popup.getByTestId('popup-status').getAttribute('role')).toBe('status');
      await popup.getByTestId('annotate').click();
      const error = popup.getByTestId('popup-error');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.locator('p').textContent()).toBe('This page cannot be annotated (a browser page, or no access).');
      // Before: Chrome's English error sat under the message as plain text.
      expect(await popup.getByTestId('popup-error-detail').isVisible()).toBe(false);
      await error.locator('summary').click();
      expect(await popup.getByTestId('popup-error-detail').textContent()).not.toBe('');
      expect(await popup.getByTestId('annotate').isEnabled()).toBe(true);
      await popup.close();
      await page.close();
      expect(ext.extensionErrors).toEqual([]);
    });

    it('a tab whose content script has gone: hiding highlights says so instead of failing silently', async () => {
      const page = await ext.open(server.govUrl('pages/seed-001.html'));
      await waitForState(ext, await ext.tabIdOf(page));
      const popup = await ext.popupFor(page);
      await popup.getByTestId('highlights-off').waitFor();
      // The tab moves to a page the extension does not run on: the popup's state is stale.
      await page.goto(server.url('pages/seed-001.html'));
      await popup.getByTestId('highlights-off').click();
      const error = popup.getByTestId('popup-error');
      await error.waitFor();
      expect(await error.locator('p').textContent()).toBe('The page no longer answers (it was reloaded or has navigated away). Annotate it again.');
      // The state is read again: the page is no longer annotated.
      await popup.getByTestId('annotate').waitFor();
      await popup.close();
      await page.close();
      // Before: an uncaught rejection from the popup.
      expect(ext.extensionErrors).toEqual([]);
    });

    it('keeps the keyboard focus on the button that turns from Remove into Save and back', async () => {
      const page = await ext.open(server.govUrl('pages/seed-003.html'));
      await waitForState(ext, await ext.tabIdOf(page));
      const popup = await ext.popupFor(page);
      const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);
      await popup.getByTestId('remove').focus();
      await popup.keyboard.press('Enter');
      await popup.getByTestId('save').waitFor();
      expect(await focused()).toBe('save');
      await popup.keyboard.press('Enter');
      await popup.getByTestId('remove').waitFor();
      expect(await focused()).toBe('remove');
      await popup.close();
      await page.close();
    });

    it('Annotate this page from the keyboard hands the focus to the highlights button that replaces it; a failed one keeps it', async () => {
      const page = await ext.open(server.url('negative/finance-article.html'));
      const popup = await ext.popupFor(page);
      const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);
      await popup.getByTestId('status').waitFor();
      // Without the toolbar click the extension may not touch the page: the button stays, with the focus.
      await popup.getByTestId('annotate').focus();
      await popup.keyboard.press('Enter');
      await popup.getByTestId('popup-error').waitFor();
      await expect.poll(focused).toBe('annotate');
      await ext.clickAction(page);
      await popup.bringToFront();
      await popup.keyboard.press('Enter');
      await popup.getByTestId('highlights-off').waitFor();
      // Before: the button left with the focus, and a keyboard user started again from the top.
      await expect.poll(focused).toBe('highlights-off');
      await popup.keyboard.press('Enter');
      await popup.getByTestId('highlights-on').waitFor();
      expect(await focused()).toBe('highlights-on');
      await popup.close();
      await page.close();
      expect(ext.extensionErrors).toEqual([]);
    });

    it('the script toggle keeps the keyboard focus while it converts: the next Enter converts back', async () => {
      const page = await ext.open(server.govUrl('pages/seed-000.html'));
      await waitForState(ext, await ext.tabIdOf(page));
      const popup = await ext.popupFor(page);
      const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);
      const toggle = popup.getByTestId('toggle-script');
      await expect.poll(() => toggle.textContent()).toBe('Convert to traditional');
      await toggle.focus();
      await popup.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('data-converted')).toBe('true');
      // Before: the button was disabled while it worked, which took the focus away for good.
      expect(await focused()).toBe('toggle-script');
      await popup.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('data-converted')).toBe('false');
      expect(await focused()).toBe('toggle-script');
      await popup.close();
      await page.close();
    });

    it('says what saving and removing did in its status region', async () => {
      const page = await ext.open(server.govUrl('pages/seed-003.html'));
      await waitForState(ext, await ext.tabIdOf(page));
      const popup = await ext.popupFor(page);
      await popup.getByTestId('remove').click();
      await expect.poll(() => popup.getByTestId('popup-status').textContent()).toBe('Removed from the library.');
      await popup.getByTestId('save').click();
      await expect.poll(() => popup.getByTestId('popup-status').textContent()).toBe('Saved to the library.');
      await popup.getByTestId('saved').waitFor();
      await popup.close();
      await page.close();
      expect(ext.extensionErrors).toEqual([]);
    });
  });
});

describe('in a traditional-Chinese browser', () => {
  it('declares zh-TW and titles the pages in traditional characters', async () => {
    const ext = await launchExtension({ locale: 'zh-TW' });
    try {
      const doc = async (path: string) => {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
        const out = await page.evaluate(() => [document.documentElement.lang, document.title]);
        await page.close();
        return out;
      };
      expect(await doc('library.html')).toEqual(['zh-TW', '政報通資料庫']);
      expect(await doc('options.html')).toEqual(['zh-TW', '政報通設定']);
      expect(await doc('popup.html')).toEqual(['zh-TW', 'Report Lens 政報通']);
    } finally {
      await ext.close();
    }
  });
});
