import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { tooltipTerm } from './page';
import { pageStateOf, waitForState } from './state';

/*
 * Pages at the edges of what a page can hold: more terms, and more text nodes added at once, than a
 * JavaScript call can take as arguments.
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

const HEAD = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head>`;
const INTRO = `<h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>
<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。今年主要预期目标：地区生产总值增长6%以上。</p>`;
const report = (body: string) => `${HEAD}<body>${INTRO}${body}</body></html>`;

/** Uncaught errors of the page's scripts and of ours in it (a content script's error is the page's console's too). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

describe('pages with very many terms', () => {
  it('Alt+Shift+N still opens the first term on a page of 200,000 terms', async () => {
    // 200,000 terms: past the arguments one call can take (V8: about 120,000), which
    // hits.push(...terms) in the keyboard's term order did — a RangeError, and no tooltip.
    server.route('many-terms.html', report(`<p>${'三高四新，'.repeat(200_000)}</p>`));
    const page = await ext.open(server.govUrl('many-terms.html'));
    const errors = pageErrors(page);
    const state = await waitForState(ext, await ext.tabIdOf(page), 60_000);
    expect(state?.termCount).toBe(200_000);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    expect(errors).toEqual([]);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('a report nested 1,500 elements deep by its script is read, highlighted and opens its tooltip', async () => {
    // The HTML parser stops nesting at 512; a script can go deeper. Chromium itself crashes somewhere
    // between 2,500 and 3,000 levels with no extension loaded, so 1,500 is as deep as a page can show.
    const nest = (depth: number) =>
      `<div id="deep"></div><script>let n = document.getElementById('deep'); for (let i = 0; i < ${depth}; i++) { const d = document.createElement(i % 2 ? 'section' : 'div'); n.append(d); n = d; } n.insertAdjacentHTML('beforeend', '<p>坚持<b>三高</b>四新，推进六稳六保。</p>');</script>`;
    server.route('deep-nesting.html', report(nest(1_500)));
    const page = await ext.open(server.govUrl('deep-nesting.html'));
    const errors = pageErrors(page);
    const state = await waitForState(ext, await ext.tabIdOf(page));
    expect(state?.terms.map((t) => t.text)).toEqual(['三高四新', '六稳六保']);
    expect(state?.targets.map((t) => t.indicator)).toEqual(['地区生产总值']);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    expect(errors).toEqual([]);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('200,000 text nodes added at once are read and their terms highlighted', async () => {
    server.route('many-nodes.html', report('<p>坚持六稳六保。</p>'));
    const page = await ext.open(server.govUrl('many-nodes.html'));
    const errors = pageErrors(page);
    const tabId = await ext.tabIdOf(page);
    expect((await waitForState(ext, tabId))?.termCount).toBe(1);
    // Each term split over four elements: 200,000 text nodes in one batch of added content. Before, their
    // segments went into the text model with segments.push(...segments): a RangeError, and none was read.
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = '<span>三</span><span>高</span><span>四</span><span>新</span>'.repeat(50_000);
      document.body.append(div);
    });
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.termCount, { timeout: 60_000 }).toBe(50_001);
    expect(errors).toEqual([]);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  }, 120_000);
});
