/**
 * `npm run demo [-- --json FILE...]`: opens pages in headless Chromium with the built extension and
 * prints what the extension itself found for each tab (read back from its content script through
 * the service worker, not recomputed here), with screenshots under demo-output/.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageState } from '../lib/messaging/protocol';
import { FIXTURES, ROOT, launchExtension, startServer, type ExtensionBrowser } from '../tests/e2e/harness';
import { pageStateOf, waitForState } from '../tests/e2e/state';

const OUT = join(ROOT, 'demo-output');

interface DemoResult {
  file: string;
  recognized: boolean;
  kind: string | null;
  region: string | null;
  year: number | null;
  terms: { text: string; source: string }[];
  targets: { indicator: string; value: number | null; unit: string; qualifier: string }[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A .txt file becomes a plain page: the first line is the title, one paragraph per line. */
export function textToHtml(text: string, name: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const title = lines[0]?.trim().slice(0, 80) ?? name;
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n')}\n</body></html>`;
}

function toResult(file: string, state: PageState | null): DemoResult {
  return {
    file,
    recognized: state?.report.isReport ?? false,
    kind: state?.report.kind ?? null,
    region: state?.report.region ?? null,
    year: state?.report.year ?? null,
    terms: (state?.terms ?? []).map((t) => ({ text: t.text, source: t.source })),
    targets: (state?.targets ?? []).map((t) => ({ indicator: t.indicator, value: t.value, unit: t.unit, qualifier: t.qualifier })),
  };
}

async function screenshots(ext: ExtensionBrowser, page: Page, name: string, state: PageState | null): Promise<string[]> {
  const shots: string[] = [];
  const pageShot = join(OUT, `${name}.page.png`);
  if (state && state.termCount > 0) {
    // Keyboard navigation opens the first term's tooltip, as a reader would with Alt+Shift+N.
    await page.keyboard.press('Alt+Shift+KeyN');
    await page.locator('report-lens-tooltip').waitFor({ state: 'attached', timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: pageShot });
  shots.push(pageShot);
  const popup = await ext.popupFor(page);
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.waitForSelector('[data-testid="verdict"], [data-testid="status"]', { timeout: 10_000 }).catch(() => {});
  const popupShot = join(OUT, `${name}.popup.png`);
  await popup.screenshot({ path: popupShot, fullPage: true });
  shots.push(popupShot);
  await popup.close();
  return shots;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
  mkdirSync(OUT, { recursive: true });

  const server = await startServer(FIXTURES);
  const pages: { file: string; path: string }[] = [];
  if (files.length) {
    for (const [i, file] of files.entries()) {
      let body: string;
      try {
        body = readFileSync(file, 'utf8');
      } catch (e) {
        console.error(`demo: cannot read ${file}: ${(e as Error).message}`);
        process.exitCode = 1;
        continue;
      }
      const html = extname(file).toLowerCase() === '.txt' ? textToHtml(body, basename(file)) : body;
      const path = `demo/${i}-${basename(file).replace(/\.[^.]+$/, '')}.html`;
      server.route(path, html);
      pages.push({ file, path });
    }
  } else {
    for (const f of readdirSync(join(FIXTURES, 'pages')).filter((f) => /^seed-\d+\.html$/.test(f)).sort()) {
      pages.push({ file: `tests/fixtures/pages/${f}`, path: `pages/${f}` });
    }
  }

  const ext = await launchExtension();
  const results: DemoResult[] = [];
  try {
    for (const { file, path } of pages) {
      const page = await ext.open(server.govUrl(path));
      const tabId = await ext.tabIdOf(page);
      const state = await waitForState(ext, tabId);
      const result = toResult(json ? file : basename(file), state);
      results.push(result);
      const shots = await screenshots(ext, page, basename(path, '.html'), await pageStateOf(ext, tabId));
      if (!json) {
        console.log(`\n${basename(file)}`);
        console.log(`  recognised: ${result.recognized ? 'yes' : 'no'}  kind: ${result.kind}  region: ${result.region ?? '—'}  year: ${result.year ?? '—'}`);
        if (state) console.log(`  score: ${state.report.score.toFixed(2)}  reasons: ${state.report.reasons.join(', ')}`);
        const bySource = new Map<string, number>();
        for (const t of state?.terms ?? []) bySource.set(t.source, (bySource.get(t.source) ?? 0) + 1);
        console.log(`  terms: ${state?.termCount ?? 0} marks, ${result.terms.length} distinct (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')})`);
        console.log(`    ${result.terms.slice(0, 16).map((t) => t.text).join(' ')}${result.terms.length > 16 ? ' …' : ''}`);
        console.log(`  targets: ${result.targets.length}`);
        for (const t of (state?.targets ?? []).slice(0, 8)) console.log(`    ${t.indicator} ${t.value ?? ''}${t.unit} ${t.qualifier}`.trimEnd());
        console.log(`  screenshots: ${shots.map((s) => s.replace(ROOT + '/', '')).join(', ')}`);
      }
      await page.close();
    }
  } finally {
    await ext.close();
    await server.close();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
}

await main();
