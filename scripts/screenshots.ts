/**
 * `npm run screenshots`: the README's screenshots, taken from the built extension in headless Chromium
 * on the seed pages (the same harness as the end-to-end tests), into assets/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, ROOT, launchExtension, startServer, type ExtensionBrowser } from '../tests/e2e/harness';
import { HIGHLIGHTS, termPoint, tooltipText } from '../tests/e2e/page';
import { waitForState } from '../tests/e2e/state';

const OUT = join(ROOT, 'assets/screenshots');

async function openReport(ext: ExtensionBrowser, url: string): Promise<Page> {
  const page = await ext.open(url);
  const state = await waitForState(ext, await ext.tabIdOf(page));
  if (!state?.report.isReport) throw new Error(`${url}: not recognised as a report`);
  return page;
}

/** Hovers the first highlighted `term` and waits for its tooltip to show a definition. */
async function hover(page: Page, term: string): Promise<void> {
  const { x, y } = await termPoint(page, HIGHLIGHTS.defined, term, 0);
  await page.mouse.move(x, y);
  const deadline = Date.now() + 10_000;
  while (!(await tooltipText(page))?.includes(term)) {
    if (Date.now() > deadline) throw new Error(`no tooltip for ${term}`);
    await page.waitForTimeout(100);
  }
  // The tooltip fades in.
  await page.waitForTimeout(400);
}

const server = await startServer(FIXTURES);
const ext = await launchExtension();
try {
  const simplified = await openReport(ext, server.govUrl('pages/seed-000.html', 'www.hengyang.gov.cn'));
  await hover(simplified, '世界百年未有之大变局');
  await simplified.screenshot({ path: join(OUT, 'tooltip-simplified.png') });

  const traditional = await openReport(ext, server.govUrl('pages/seed-004.html', 'www.hengnan.gov.cn'));
  await hover(traditional, '十四五');
  await traditional.screenshot({ path: join(OUT, 'tooltip-traditional.png') });

  const popup = await ext.popupFor(traditional);
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.getByText('目标', { exact: true }).first().waitFor({ timeout: 10_000 });
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  await popup.close();

  // The library holds what the pages opened so far saved: seeds 001–003 as well.
  for (const seed of ['001', '002', '003']) await (await openReport(ext, server.govUrl(`pages/seed-${seed}.html`))).close();
  const library = await ext.context.newPage();
  await library.setViewportSize({ width: 1280, height: 800 });
  await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
  await library.locator('[data-testid="target-row"]').first().waitFor({ timeout: 10_000 });
  await library.waitForTimeout(300);
  await library.screenshot({ path: join(OUT, 'library.png') });
  console.log(`screenshots: written to ${OUT.replace(ROOT + '/', '')}/`);
} finally {
  await ext.close();
  await server.close();
}
