import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, termPoint, tooltipText } from './page';
import { waitForState } from './state';
import { readLibrary } from './db';

let server: StaticServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  // The 1 MB page is generated, not committed (tests/fixtures/pages/build-big-page.mjs; npm run bench
  // writes it too): a fresh clone has none, and the server would answer 404.
  const built = spawnSync(process.execPath, [fileURLToPath(new URL('../fixtures/pages/build-big-page.mjs', import.meta.url))], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build-big-page.mjs failed');
  server = await startServer();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

interface Stored {
  termCount: number;
  targets: { sentence: string; prefix: string; suffix: string }[];
}

/** A page's record and its targets as the library holds them (null: not stored), read without the tab. */
async function storedPage(ext: ExtensionBrowser, url: string): Promise<Stored | null> {
  const lib = await ext.context.newPage();
  try {
    await lib.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const { pages, targets } = await readLibrary<{ id: number; url: string; termCount: number }, { pageId: number; sentence: string; quote: { prefix: string; suffix: string } }>(lib);
    const page = pages.find((p) => p.url === url);
    if (!page) return null;
    const own = targets.filter((t) => t.pageId === page.id);
    return { termCount: page.termCount, targets: own.map((t) => ({ sentence: t.sentence, prefix: t.quote.prefix, suffix: t.quote.suffix })) };
  } finally {
    await lib.close();
  }
}

describe('a restarted service worker', () => {
  it('loses nothing: tooltips, new pages and the saved library keep working', async () => {
    const first = await ext.open(server.govUrl('pages/seed-003.html'));
    expect((await waitForState(ext, await ext.tabIdOf(first)))?.saved).toBe(true);
    await ext.worker.evaluate(() => ((globalThis as Record<string, unknown>).__beforeRestart = true));

    await ext.stopWorker();

    // The tooltip asks the background for the definition; that message starts a new worker.
    const { x, y } = await termPoint(first, HIGHLIGHTS.defined, '三高四新', 0);
    await first.mouse.move(x, y);
    await expect.poll(() => tooltipText(first)).toContain('先进制造业高地');
    // A fresh worker: the global set before the restart is gone.
    await expect.poll(() => ext.worker.evaluate(() => (globalThis as Record<string, unknown>).__beforeRestart ?? false).catch(() => 'closed')).toBe(false);

    // Analysis runs in the new worker; the database it writes to is the same.
    const second = await ext.open(server.govUrl('pages/seed-004.html'));
    const state = await waitForState(ext, await ext.tabIdOf(second));
    expect(state?.report.kind).toBe('work-report');
    expect(state?.saved).toBe(true);
    // A traditional page: the new worker fetches the OpenCC dictionaries again for its tooltips, and the
    // toggle works from them.
    const term = await termPoint(second, HIGHLIGHTS.defined, '三高四新', 0);
    await second.mouse.move(term.x, term.y);
    await expect.poll(() => tooltipText(second)).toContain('先進製造業高地');
    const tabId = await ext.tabIdOf(second);
    const toggled = await ext.worker.evaluate(
      (id) => (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<{ ok: boolean; state?: { current: string | null } }> } }).reportLens.toggleScriptTab(id),
      tabId,
    );
    expect(toggled.ok).toBe(true);
    expect(toggled.state?.current).toBe('simplified');
    await expect.poll(() => second.evaluate(() => document.body.innerText.includes('全面'))).toBe(true);

    const library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await expect.poll(() => library.getByTestId('page-row').count()).toBe(2);
    expect(ext.extensionErrors).toEqual([]);
  });
});

describe('targets sent after the terms', () => {
  it('a token the worker no longer holds gets null (the content script then asks again), a forged one an error', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    // The raw message format of @webext-core/messaging, as the content script sends it.
    const ask = (data: unknown) =>
      page.evaluate(
        (d) =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } }).chrome.runtime.sendMessage({
            id: 1,
            type: 'pageTargets',
            data: d,
            timestamp: Date.now(),
          }),
        data,
      );
    expect(await ask({ token: '0f8fad5b-d9cb-469f-a165-70867728950e' })).toEqual({ res: null });
    const forged = await ask({ token: '<img src=x onerror=alert(1)>' });
    expect(forged.res).toBeUndefined();
    expect(forged.err?.message).toContain('token');
    await page.close();
  });
});

describe('a report that names its targets by token', () => {
  // What the worker receives, by message type (the raw format of @webext-core/messaging).
  const watchMessages = () =>
    ext.worker.evaluate(`(() => {
      globalThis.__rlSeen = [];
      chrome.runtime.onMessage.addListener((m) => { if (m && typeof m.type === 'string') globalThis.__rlSeen.push(m.type + (m.data && m.data.targetsToken ? ' by token' : '')); });
    })()`);
  const seen = () => ext.worker.evaluate('globalThis.__rlSeen') as Promise<string[]>;

  it("saves the page's targets and shows them in the popup's state without their crossing into the page, quoted as the page itself quotes them", async () => {
    await watchMessages();
    const url = server.govUrl('pages/seed-004.html', 'www.token.gov.cn');
    const page = await ext.open(url);
    // Read from the library's database only: asking the tab for its state would fetch the targets.
    await expect.poll(async () => (await storedPage(ext, url))?.targets.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(5);
    const messages = await seen();
    expect(messages).toContain('reportPage by token');
    expect(messages).not.toContain('pageTargets');
    expect(messages).not.toContain('reportPage');
    // The popup's state (through the worker) has them filled in by the worker: still not in the page.
    const tabId = await ext.tabIdOf(page);
    const state = await waitForState(ext, tabId);
    expect(state!.targets.length).toBe((await storedPage(ext, url))!.targets.length);
    expect(state).not.toHaveProperty('targetsToken');
    expect(await seen()).not.toContain('pageTargets');
    // Asked with them, the page fetches them and quotes them itself: the same quotes the worker made.
    const own = (await ext.worker.evaluate(
      `chrome.tabs.sendMessage(${tabId}, { id: 1, type: 'getPageState', data: { withTargets: true }, timestamp: Date.now() }, { frameId: 0 })`,
    )) as { res: { targets: { sentence: string; prefix: string; suffix: string }[]; targetsToken?: string } };
    expect(await seen()).toContain('pageTargets');
    expect(own.res.targetsToken).toBeUndefined();
    const stored = (await storedPage(ext, url))!;
    expect(stored.targets).toEqual(own.res.targets.map((t) => ({ sentence: t.sentence, prefix: t.prefix, suffix: t.suffix })));
    expect(state!.targets.map((t) => ({ sentence: t.sentence, prefix: t.prefix, suffix: t.suffix }))).toEqual(stored.targets);
    // Seed 004 (traditional, with pinyin residue): the first target's sentence and its quotes.
    expect(stored.targets[0]!.prefix.length).toBeGreaterThan(0);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('with highlights off, a worker that lost the targets still gets them: the popup shows them and its save keeps them', async () => {
    const url = server.govUrl('pages/seed-004.html', 'www.off.gov.cn');
    const page = await ext.open(url);
    await expect.poll(async () => (await storedPage(ext, url))?.targets.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(5);
    const before = (await storedPage(ext, url))!;
    // The popup (its state through the worker, the targets filled in from what the worker holds).
    const popup = await ext.popupFor(page);
    await expect.poll(() => popup.getByTestId('target-row').count()).toBe(before.targets.length);
    // Switched off: the page keeps the state it last showed, which names the targets by token.
    await popup.getByTestId('highlights-off').click();
    await popup.getByTestId('highlights-on').waitFor();
    await popup.close();
    // The worker idles and stops: the targets it held are gone.
    await ext.stopWorker();
    const again = await ext.popupFor(page);
    await again.getByTestId('highlights-on').waitFor();
    expect(await again.getByTestId('target-count').innerText()).toBe(String(before.targets.length));
    // Removed and saved again from the popup: the save keeps every target.
    await again.getByTestId('remove').click();
    await again.getByTestId('save').click();
    await again.getByTestId('remove').waitFor();
    expect((await storedPage(ext, url))!.targets).toEqual(before.targets);
    await again.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('after a worker restart, the next report sends the targets itself; none are lost', async () => {
    const url = server.govUrl('pages/seed-003.html', 'www.restart.gov.cn');
    const page = await ext.open(url);
    await expect.poll(async () => (await storedPage(ext, url))?.targets.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(5);
    const before = (await storedPage(ext, url))!;
    await ext.stopWorker();
    // Content the page adds later is matched and the page reported again: by a token the new worker
    // does not know, so the content script asks for the analysis again and reports the targets itself.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '坚持六稳六保，推进三高四新。';
      document.querySelector('p')!.before(p);
    });
    await expect.poll(async () => (await storedPage(ext, url))?.termCount, { timeout: 30_000 }).toBe(before.termCount + 2);
    const after = (await storedPage(ext, url))!;
    expect(after.targets).toEqual(before.targets);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });
});

describe('bad pages', () => {
  it('an empty page and a page of junk markup are handled without errors', async () => {
    server.route('empty.html', '<!doctype html><title></title><body></body>');
    server.route('junk.html', '<!doctype html><body>' + '<legend id="h4sia"></legend><samp id="h4sia"></samp><td>'.repeat(2000) + '<p>三高四新</p>');
    for (const path of ['empty.html', 'junk.html']) {
      const page = await ext.open(server.govUrl(path));
      const state = await waitForState(ext, await ext.tabIdOf(page));
      expect(state?.report.isReport, path).toBe(false);
      await page.close();
    }
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a 1 MB page (the seeds one after another): its text and its report go in parts, and every target is saved', async () => {
    const page = await ext.open(server.govUrl('pages/big-page.html'));
    const state = await waitForState(ext, await ext.tabIdOf(page), 60_000);
    // 376,000 characters of text and a 232,000-character report: each goes ahead in 100,000-character
    // parts (lib/messaging/send-in-parts), so none of it is one long task on the page.
    expect(state?.report.isReport).toBe(true);
    expect(state?.saved).toBe(true);
    expect(state?.termCount).toBeGreaterThan(3000);
    // The seeds come round again and again; a report's target said again is kept once (lib/extract/targets),
    // so the page has each report's targets once, whichever copy gave them.
    expect(state?.targets.length).toBeGreaterThan(300);
    const keys = state!.targets
      .filter((t) => t.kind !== 'goal')
      .map((t) => [t.section.split(' › ')[0], t.indicatorKey, t.value, t.valueMax, t.unit, t.qualifier, t.year].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const stored = (await storedPage(ext, state!.url))!;
    expect(stored.targets.map((t) => t.sentence)).toEqual(state!.targets.map((t) => t.sentence));
    expect(await page.evaluate(() => CSS.highlights.get('report-lens-defined')?.size ?? 0)).toBeGreaterThan(0);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a page with a heading or a title over 2,000 characters is annotated and saved', async () => {
    const body = '<p>各位代表：现在我代表市人民政府向大会报告工作。今年主要预期目标：地区生产总值增长6%以上。全面落实“三高四新”战略定位和使命任务。</p>';
    const long = '这是一个很长的标题文字，'.repeat(200);
    server.route('long-heading.html', `<!doctype html><title>2023年某某市政府工作报告</title><body><h1>2023年某某市政府工作报告</h1><h2>${long}</h2>${body}</body>`);
    server.route('long-title.html', `<!doctype html><title>2023年某某市政府工作报告${long}</title><body><h1>2023年某某市政府工作报告</h1>${body}</body>`);
    for (const path of ['long-heading.html', 'long-title.html']) {
      const page = await ext.open(server.govUrl(path));
      // Before: the background refused the page's analysis (input.headings[1].text / input.title: longer
      // than 2000 characters), and the page had no highlights and no state.
      const state = await waitForState(ext, await ext.tabIdOf(page));
      expect([state?.report.isReport, state?.termCount, state?.targets.map((t) => [t.indicator, t.value]), state?.saved], path).toEqual([
        true,
        1,
        [['地区生产总值', 6]],
        true,
      ]);
      expect(await page.evaluate(() => CSS.highlights.get('report-lens-defined')?.size ?? 0), path).toBe(1);
      await page.close();
    }
    expect(ext.extensionErrors).toEqual([]);
  });
});

// Last in the file: it leaves the worker stopped, and Playwright may not notice the next one (see
// ExtensionBrowser.workerStatus), so nothing after it may evaluate in `ext.worker`.
describe('a stopped service worker (Chrome stops it after 30 s idle)', () => {
  const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(`report-lens:${n}`, 'mark').length, name);

  // Pages left open by earlier tests could message the worker (a tooltip, a late report) and start it.
  beforeEach(async () => {
    const blank = await ext.context.newPage();
    for (const p of ext.context.pages()) if (p !== blank) await p.close();
  });

  it('is started by the wake script while a report page is still loading; the page is annotated once loaded', async () => {
    await ext.stopWorker();
    expect(await ext.workerStatus()).toBe('STOPPED');
    // 16 KB of seed 003's 225 KB: the head and the start of the body, the rest withheld like a slow network.
    const held = server.hold('pages/seed-003.html', { bytes: 16_384 });
    const page = await ext.context.newPage();
    try {
      await Promise.all([held.requested, page.goto(server.govUrl('pages/seed-003.html'), { waitUntil: 'commit' })]);
      await expect.poll(() => ext.workerStatus(), { timeout: 20_000 }).toBe('RUNNING');
      // Still loading, so the content script proper (document_idle) has not run: the wake script started it.
      expect(await page.evaluate(() => document.readyState)).toBe('loading');
      expect(await marks(page, 'start')).toBe(0);
    } finally {
      held.release();
    }
    await expect.poll(() => marks(page, 'painted'), { timeout: 20_000 }).toBe(1);
    expect(await page.evaluate(() => CSS.highlights.get('report-lens-defined')?.size ?? 0)).toBeGreaterThan(0);
    expect(ext.extensionErrors).toEqual([]);
    await page.close();
  });

  it('is started by the pointer resting on a term, before the tooltip opens (its entry is fetched then)', async () => {
    // Not ext.open(): it asks `ext.worker` for tab ids, and after the restart above that may be stale.
    const page = await ext.context.newPage();
    await page.goto(server.govUrl('pages/seed-004.html'));
    await expect.poll(() => marks(page, 'painted'), { timeout: 20_000 }).toBe(1);
    const term = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    await page.mouse.move(5, 5);
    await ext.stopWorker();
    // Records whether the tooltip ever shows: this test is about what happens before it opens (250 ms).
    // Its host element is added when it first shows; this page has shown none yet.
    await page.evaluate(() => {
      const w = window as unknown as { __tipShown: boolean };
      w.__tipShown = !!document.querySelector('report-lens-tooltip');
      new MutationObserver(() => {
        if (document.querySelector('report-lens-tooltip')) w.__tipShown = true;
      }).observe(document.documentElement, { childList: true });
    });
    // A frame or two on the term (hover reads the pointer once per frame), then away. Waited for in the
    // page rather than as 60 ms here: on a busy machine the page could get both moves within one frame
    // (and never see the pointer on the term), or only after the tooltip's 250 ms.
    await page.evaluate(() => {
      const w = window as unknown as { __onTerm: boolean };
      w.__onTerm = false;
      document.addEventListener('mousemove', () => (w.__onTerm = true), { once: true, capture: true });
    });
    await page.mouse.move(term.x, term.y);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const w = window as unknown as { __onTerm: boolean };
          // Two frames after the move was dispatched: hover's own frame callback has run by then.
          const wait = () => (w.__onTerm ? requestAnimationFrame(() => requestAnimationFrame(() => resolve())) : requestAnimationFrame(wait));
          wait();
        }),
    );
    await page.mouse.move(5, 5);
    expect(await page.evaluate(() => (window as unknown as { __tipShown: boolean }).__tipShown)).toBe(false);
    await expect.poll(() => ext.workerStatus(), { timeout: 20_000 }).toBe('RUNNING');
    // The entry came while the pointer was elsewhere: the tooltip opens with it.
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => tooltipText(page)).toContain('先進製造業高地');
    await page.close();
  });

  it('is not started by a page outside *.gov.cn (no content script of ours runs there)', async () => {
    await ext.stopWorker();
    const page = await ext.context.newPage();
    await page.goto(server.url('pages/seed-003.html'));
    // The same page on 127.0.0.1: the manifest's scripts do not match, nothing asks for the worker.
    await page.waitForTimeout(1500);
    expect(await ext.workerStatus()).toBe('STOPPED');
    expect(await marks(page, 'start')).toBe(0);
    await page.close();
  });
});
