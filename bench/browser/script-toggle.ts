// What the simplified ⇄ traditional toggle costs, measured in headless Chromium on seed 003 (218 KB):
// the first toggle (a fresh service worker: OpenCC's tries are built on first use), restore, repeat
// toggles, and the content script's size with and without the feature.
//
//   REPORT_LENS_OUT=.output-st npx wxt build && REPORT_LENS_OUT=.output-st npx tsx bench/browser/script-toggle.ts
//
// "in page" is the content script's own clock, from the toggle request to the last string written
// (message to the background, conversion there, DOM writes); "frame" is what the browser then spends
// before the next frame is out (style, layout and paint of the rewritten text, seen from the page's
// own world); "round trip" adds the trigger's hop (background → tab) and the re-annotation of the
// page that follows every toggle. Toggles are a second apart, as a reader's would be.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { ScriptToggleState } from '../../lib/messaging/protocol';
import { EXTENSION, ROOT, launchExtension, startServer } from '../../tests/e2e/harness';
import { waitForState } from '../../tests/e2e/state';

const RUNS = 5;

type ToggleResult = { ok: boolean; state?: ScriptToggleState; error?: string };

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The content script bundled by esbuild (minified), once as it is and once with lib/dom/script-toggle
 * replaced by an inert stub: the difference is what the feature adds to every report page.
 */
async function contentSize(stub: boolean): Promise<number> {
  const result = await build({
    entryPoints: [join(ROOT, 'entrypoints/content-script.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3' },
    plugins: stub
      ? [
          {
            name: 'stub-script-toggle',
            setup(b) {
              b.onResolve({ filter: /dom\/script-toggle$/ }, () => ({ path: 'stub', namespace: 'stub' }));
              b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
                contents:
                  'export class ScriptToggle { constructor() {} get state() { return {}; } toggle() {} ensure() {} settled() { return Promise.resolve(); } }',
                loader: 'js',
              }));
            },
          },
        ]
      : [],
  });
  return result.outputFiles[0]!.contents.byteLength;
}

async function main(): Promise<void> {
  const built = readFileSync(join(EXTENSION, 'content-script.js'));
  const background = readFileSync(join(EXTENSION, 'background.js'));
  const [withFeature, withoutFeature] = await Promise.all([contentSize(false), contentSize(true)]);

  const server = await startServer();
  const ext = await launchExtension();
  let page: Awaited<ReturnType<typeof ext.open>>;
  const toggle = async (tabId: number) => {
    await new Promise((r) => setTimeout(r, 1000));
    // From the first mutation the page sees to the task after the next animation frame.
    await page.evaluate(() => {
      const w = window as unknown as { __frame: Promise<number> };
      w.__frame = new Promise((resolve) => {
        let start = 0;
        const mo = new MutationObserver(() => {
          if (start) return;
          start = performance.now();
          mo.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        });
        mo.observe(document, { characterData: true, subtree: true, attributes: true });
      });
    });
    const t0 = performance.now();
    const r = await ext.worker.evaluate(
      (id) => (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<ToggleResult> } }).reportLens.toggleScriptTab(id),
      tabId,
    );
    const roundTrip = performance.now() - t0;
    if (!r.ok || !r.state || r.state.error) throw new Error(`toggle failed: ${r.error ?? r.state?.error}`);
    const frame = await page.evaluate(() => (window as unknown as { __frame: Promise<number> }).__frame);
    return { inPage: r.state.ms ?? NaN, frame, roundTrip, state: r.state };
  };
  try {
    page = await ext.open(server.govUrl('pages/seed-003.html'));
    const tabId = await ext.tabIdOf(page);
    await waitForState(ext, tabId);
    const strings = await page.evaluate(() => {
      let n = 0;
      let chars = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const d = (walker.currentNode as Text).data;
        if (/[\u3400-\u9fff]/.test(d)) {
          n++;
          chars += d.length;
        }
      }
      return { n, chars };
    });

    const first = await toggle(tabId);
    const firstRestore = await toggle(tabId);
    const on: Awaited<ReturnType<typeof toggle>>[] = [];
    const off: Awaited<ReturnType<typeof toggle>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      on.push(await toggle(tabId));
      off.push(await toggle(tabId));
    }
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`seed-003: ${strings.n} text nodes with Han characters, ${strings.chars} characters; ${first.state.original} → ${first.state.current}`);
    const row = (label: string, runs: Awaited<ReturnType<typeof toggle>>[]) =>
      console.log(
        `${label.padEnd(44)} in page ${ms(median(runs.map((r) => r.inPage))).padStart(9)}   frame ${ms(median(runs.map((r) => r.frame))).padStart(9)}` +
          `   round trip ${ms(median(runs.map((r) => r.roundTrip))).padStart(9)}` +
          (runs.length > 1 ? `   (in page: ${runs.map((r) => r.inPage.toFixed(0)).join(', ')})` : ''),
      );
    row('first toggle (fresh worker, converter built)', [first]);
    row('first restore', [firstRestore]);
    row(`repeat toggle, median of ${RUNS}`, on);
    row(`restore, median of ${RUNS}`, off);
    console.log(`content script as built: ${kb(built.byteLength)} raw, ${kb(gzipSync(built).byteLength)} gzip   (background.js ${kb(background.byteLength)})`);
    console.log(`content script, esbuild minified: with the feature ${kb(withFeature)}, without ${kb(withoutFeature)} (+${kb(withFeature - withoutFeature)})`);
    await page.close();
  } finally {
    await ext.close();
    await server.close();
  }
}

await main();
