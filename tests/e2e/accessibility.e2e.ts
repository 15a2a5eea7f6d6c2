/**
 * An automated accessibility audit of the extension's own pages with axe-core (Deque's rules engine,
 * the one Lighthouse runs): WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices, on the popup,
 * the library and the options page in the states a reader meets them, in light and dark colour
 * schemes, in an English and a Chinese browser. Each audit must find nothing; a failure prints every
 * violation (rule, impact, target selectors, what to fix) so it can be acted on without rerunning.
 *
 * The in-page tooltip lives in a closed shadow root, which axe cannot enter: it is checked through
 * DevTools (its role and ARIA attributes, and its text's contrast computed from its computed styles),
 * and audited with axe too, with its root made open for the test (see openTooltipShadowRoots). axe
 * leaves the tooltip's colour contrast "incomplete" (needs review: "Unable to determine contrast
 * ratio", the fixed, transformed box over the page), never a pass or a violation, so the computed
 * check is the one that holds its contrast: with the English line's #555 made #aaa, it fails (2.28:1)
 * while axe still reports nothing.
 *
 * Extension pages forbid inline and eval'd scripts (their CSP): axe's source is evaluated through
 * DevTools (page.evaluate of a string), which the CSP does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, onTooltip, termPoint, tooltipText } from './page';
import { waitForState } from './state';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; summary: string }[];
}

/**
 * axe's violations on the page (or within `include`, a list of CSS selectors), one line per element:
 * rule, impact, selector, what axe says to fix.
 */
async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
      const result = await axe.run(include ? { include: include.map((s) => [s]) } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? '' })),
      }));
    },
    { tags: TAGS, include },
  );
  return (violations as Violation[]).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}) ${JSON.stringify(n.target)} — ${v.help}\n      ${n.summary.replace(/\n\s*/g, '\n      ')}`),
  );
}

/** The page audited in light and in dark colour scheme; the violations of each, prefixed with the scheme. */
async function auditBothSchemes(page: Page, include?: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Styles follow the media change at the next frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const line of await axeViolations(page, include)) out.push(`[${scheme}] ${line}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

/** Fails with every violation listed, one per line. */
function expectNoViolations(what: string, violations: string[]): void {
  expect(violations, `${what}: ${violations.length} violation(s)\n  ${violations.join('\n  ')}\n`).toEqual([]);
}

interface FilePage {
  id: number;
  url: string;
  title: string;
  region: string;
  year: number;
}

/** A library export as the extension writes it (as tests/e2e/ui-pages.e2e.ts builds one). */
function libraryFile(pages: FilePage[], targets: { pageId: number; value: number; indicator: string; unit: string; qualifier: string; section: string }[]) {
  return JSON.stringify({
    format: 'report-lens',
    version: 1,
    exportedAt: new Date().toISOString(),
    pages: pages.map((p) => ({ kind: 'work-report', score: 1, regionKey: p.region, termCount: 0, targetCount: 0, firstSeen: 1, lastSeen: p.id, ...p })),
    targets: targets.map((t) => {
      const page = pages.find((p) => p.id === t.pageId)!;
      const sentence = `${t.indicator}增长${t.value}${t.unit}${t.qualifier}。`;
      return {
        pageId: t.pageId, kind: 'main', indicator: t.indicator, indicatorKey: t.indicator, value: t.value, valueMax: null, unit: t.unit, qualifier: t.qualifier,
        direction: 'increase', hedge: '', year: page.year, section: t.section, sentence, start: 0, end: sentence.length, regionKey: page.region,
        quote: { exact: sentence, prefix: '', suffix: '' },
      };
    }),
  });
}

/** Many pages and targets: regions, years, indicators and units enough to fill every menu and the chart. */
function manyTargets(): string {
  const regions = ['衡南县', '衡阳县', '耒阳市', '常宁市', '祁东县', '衡东县'];
  const indicators = [['地区生产总值', '%'], ['固定资产投资', '%'], ['社会消费品零售总额', '%'], ['城镇新增就业', '万人'], ['粮食总产量', '万吨'], ['城镇调查失业率', '%']] as const;
  const pages: FilePage[] = [];
  const targets: Parameters<typeof libraryFile>[1] = [];
  let id = 0;
  for (const region of regions) {
    for (const year of [2022, 2023, 2024]) {
      pages.push({ id: ++id, url: `https://www.example.gov.cn/${id}.html`, title: `${region}${year}年政府工作报告`, region, year });
      indicators.forEach(([indicator, unit], i) =>
        targets.push({ pageId: id, value: 4 + ((id * 7 + i) % 50) / 10, indicator, unit, qualifier: i % 2 ? '以上' : '左右', section: `${year}年工作安排` }),
      );
    }
  }
  return libraryFile(pages, targets);
}

async function importInto(lib: Page, name: string, content: string): Promise<void> {
  await lib.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

/**
 * Makes the tooltip's shadow root open, for axe only: the content script creates it closed (page
 * scripts must not read the reader's glossary text), and axe sees no closed root. The content script
 * runs in its own JavaScript world with its own Element.prototype; DevTools can evaluate in that world,
 * so the patch goes there, before the first tooltip is built. The tooltip's markup and styles are the
 * extension's own; only the root's mode differs.
 */
async function openTooltipShadowRoots(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => void contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.name !== '__playwright_utility_world__' && !c.name.startsWith('__playwright'));
    if (!world) throw new Error(`no content script world in ${page.url()}: ${JSON.stringify(contexts.map((c) => c.name))}`);
    const r = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `(() => {
        if (document.querySelector('report-lens-tooltip')) throw new Error('the tooltip was built before the patch');
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
      })()`,
    })) as { exceptionDetails?: { exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(`patching attachShadow: ${r.exceptionDetails.exception?.description}`);
  } finally {
    await cdp.detach();
  }
}

/** The tooltip axe audits is the one shown: its root open, its box inside with text. */
async function expectOpenRoot(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.querySelector('report-lens-tooltip')?.shadowRoot?.querySelector('.tip:not([hidden])')?.textContent?.length ?? 0)).toBeGreaterThan(0);
}

/**
 * The open tooltip's ARIA attributes, and the contrast of each of its texts against the background
 * painted behind it (its own element's background, else the tooltip's): the WCAG ratio, and the
 * minimum the text needs (3:1 for large text, 4.5:1 otherwise).
 */
function tooltipReport(page: Page) {
  return onTooltip(page, (box) => {
    const rgba = (c: string) => {
      const m = (c.match(/[\d.]+/g) ?? []).map(Number);
      return { r: m[0] ?? 0, g: m[1] ?? 0, b: m[2] ?? 0, a: m[3] ?? 1 };
    };
    const lum = (c: { r: number; g: number; b: number }) => {
      const [r, g, b] = [c.r, c.g, c.b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = rgba(getComputedStyle(e).backgroundColor);
        if (bg.a === 1) return bg;
        if (e === box) break;
      }
      return rgba(getComputedStyle(box).backgroundColor);
    };
    const texts: { text: string; ratio: number; needs: number }[] = [];
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent?.trim()) continue;
      const cs = getComputedStyle(el);
      const fg = rgba(cs.color);
      const bg = background(el);
      // Text colour with alpha over its background.
      const over = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a) };
      const [hi, lo] = [lum(over), lum(bg)].sort((x, y) => y - x);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      texts.push({ text: n.textContent.trim().slice(0, 20), ratio: Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100, needs: large ? 3 : 4.5 });
    }
    return {
      role: box.getAttribute('role'),
      live: box.getAttribute('aria-live'),
      id: box.id,
      lang: box.lang,
      hidden: box.hidden,
      buttons: [...box.querySelectorAll('button')].map((b) => ({ type: b.type, name: b.textContent?.trim() ?? '' })),
      texts,
    };
  });
}

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

for (const locale of ['en-US', 'zh-CN'] as const) {
  describe(`in a ${locale} browser`, () => {
    let ext: ExtensionBrowser;
    beforeAll(async () => {
      ext = await launchExtension({ locale });
    });
    afterAll(async () => {
      await ext?.close();
    });

    describe('popup', () => {
      it('on a report page annotated with targets, with its reasons shown', async () => {
        const page = await ext.open(server.govUrl('pages/seed-004.html'));
        const state = await waitForState(ext, await ext.tabIdOf(page));
        expect(state?.targets.length).toBeGreaterThan(0);
        const popup = await ext.popupFor(page);
        await popup.getByTestId('verdict').waitFor();
        await popup.getByTestId('target-row').first().waitFor();
        expectNoViolations('popup, report page', await auditBothSchemes(popup));
        await popup.getByTestId('verdict').locator('..').getByRole('button', { expanded: false }).first().click();
        await popup.getByTestId('reasons').waitFor();
        expectNoViolations('popup, report page, reasons shown', await auditBothSchemes(popup));
        await popup.close();
        await page.close();
      });

      it('on a page that is not a report, and after a refused 标注此页', async () => {
        const page = await ext.open(server.url('negative/finance-article.html'));
        const popup = await ext.popupFor(page);
        await popup.getByTestId('status').waitFor();
        expectNoViolations('popup, page not annotated', await auditBothSchemes(popup));
        // Without the toolbar click the extension may not touch the page: an alert with technical details.
        await popup.getByTestId('annotate').click();
        await popup.getByTestId('popup-error').waitFor();
        await popup.getByTestId('popup-error').locator('summary').click();
        expectNoViolations('popup, annotate refused', await auditBothSchemes(popup));
        await popup.close();
        await page.close();
        // A *.gov.cn page that is read but is not a report.
        const gov = await ext.open(server.govUrl('negative/finance-article.html'));
        await waitForState(ext, await ext.tabIdOf(gov));
        const govPopup = await ext.popupFor(gov);
        await govPopup.getByTestId('verdict').waitFor();
        expectNoViolations('popup, not a report', await auditBothSchemes(govPopup));
        await govPopup.close();
        await gov.close();
      });

      it('while the page cannot be read yet (retry)', async () => {
        const page = await ext.open(server.govUrl('pages/seed-000.html'));
        await waitForState(ext, await ext.tabIdOf(page));
        const popup = await ext.popupFor(page);
        await popup.getByTestId('verdict').waitFor();
        // Reloaded over a slow network (as tests/e2e/popup-sync.e2e.ts does): the new document is still
        // loading when a notice from the library makes the popup read it again.
        const held = server.hold('pages/seed-000.html', { bytes: 800 });
        const reloading = page.reload({ waitUntil: 'load' });
        try {
          await held.requested;
          await page.waitForFunction(() => document.readyState === 'loading');
          const sender = await ext.context.newPage();
          await sender.goto(`chrome-extension://${ext.extensionId}/library.html`);
          await sender.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'libraryChanged', timestamp: Date.now() }).catch(() => {}));
          await sender.close();
          await popup.getByTestId('reread').waitFor({ timeout: 15_000 });
          expectNoViolations('popup, retry', await auditBothSchemes(popup));
        } finally {
          held.release();
        }
        await reloading;
        await popup.close();
        await page.close();
      });
    });

    describe('library', () => {
      let lib: Page;
      beforeAll(async () => {
        lib = await ext.context.newPage();
        await lib.goto(`chrome-extension://${ext.extensionId}/library.html`);
        await lib.getByTestId('summary').waitFor();
        // The popup's tests saved the report pages they opened: emptied, as the reader would.
        if (!(await lib.getByTestId('empty').count())) {
          await lib.getByTestId('clear-all').and(lib.locator(':enabled')).click();
          await lib.getByTestId('confirm-ok').click();
        }
        await lib.getByTestId('empty').waitFor();
      });

      it('empty', async () => {
        expectNoViolations('library, empty', await auditBothSchemes(lib));
      });

      it('with an import error', async () => {
        await importInto(lib, 'broken.json', '{ "format": "report-lens", "version": 1, "pages": 3 }');
        await lib.getByTestId('import-error').waitFor();
        expectNoViolations('library, import error', await auditBothSchemes(lib));
      });

      it('with many targets, filtered, compared and asking to confirm a delete', async () => {
        // A page saved by reading it, as the reader does, and many more imported.
        const page = await ext.open(server.govUrl('pages/seed-004.html'));
        expect((await waitForState(ext, await ext.tabIdOf(page)))?.saved).toBe(true);
        await page.close();
        await importInto(lib, 'many.json', manyTargets());
        await lib.getByTestId('notice').waitFor();
        await expect.poll(() => lib.getByTestId('page-row').count()).toBe(19);
        await expect.poll(() => lib.getByTestId('filter-region').isEnabled()).toBe(true);
        expectNoViolations('library, many targets', await auditBothSchemes(lib));

        await lib.getByTestId('filter-region').selectOption('衡阳县');
        await lib.getByTestId('filter-text').fill('生产');
        await expect.poll(() => lib.getByTestId('target-row').count()).toBe(3);
        expectNoViolations('library, filtered', await auditBothSchemes(lib));
        await lib.getByTestId('filter-text').fill('没有这样的指标');
        await lib.getByTestId('no-matches').waitFor();
        expectNoViolations('library, filtered to nothing', await auditBothSchemes(lib));
        await lib.getByTestId('filter-reset').click();

        await lib.getByTestId('target-row').first().click();
        await lib.getByTestId('target-detail').waitFor();
        expectNoViolations('library, a target’s detail', await auditBothSchemes(lib));

        await lib.getByTestId('view-compare').click();
        await lib.getByTestId('chart-mark').first().waitFor();
        expectNoViolations('library, compare view', await auditBothSchemes(lib));
        await lib.getByTestId('view-list').click();

        await lib.getByTestId('delete-page').first().click();
        await lib.getByTestId('confirm-dialog').waitFor();
        expectNoViolations('library, confirm dialog', await auditBothSchemes(lib));
        await lib.getByTestId('confirm-cancel').click();
        expect(ext.extensionErrors).toEqual([]);
      });
    });

    describe('options', () => {
      let opts: Page;
      beforeAll(async () => {
        opts = await ext.context.newPage();
        await opts.goto(`chrome-extension://${ext.extensionId}/options.html`);
        await opts.locator('[data-testid=ge-add]:not([disabled])').waitFor();
        await opts.getByTestId('ge-row').first().waitFor();
      });

      it('the page and its glossary list', async () => {
        expectNoViolations('options', await auditBothSchemes(opts));
      });

      it('the glossary editor form, empty and with a validation error', async () => {
        await opts.getByTestId('ge-add').click();
        await opts.getByTestId('ge-form').waitFor();
        expectNoViolations('options, glossary form', await auditBothSchemes(opts));
        await opts.getByTestId('ge-save').click();
        await opts.getByTestId('ge-form-error').waitFor();
        expectNoViolations('options, glossary form with errors', await auditBothSchemes(opts));
        await opts.getByTestId('ge-cancel').click();
        // An entry of the bundled glossary in the form (its fields filled, a revert offered).
        await opts.getByTestId('ge-row').first().getByTestId('ge-edit').click();
        await opts.getByTestId('ge-form').waitFor();
        expectNoViolations('options, editing a bundled entry', await auditBothSchemes(opts));
        await opts.getByTestId('ge-cancel').click();
        expect(ext.extensionErrors).toEqual([]);
      });
    });

    describe('tooltip', () => {
      /** Opens the page with the tooltip's root made open for axe, then the tooltip of `term`. */
      async function openTooltip(path: string, highlight: string, term: string): Promise<Page> {
        const page = await ext.open(server.govUrl(path));
        await waitForState(ext, await ext.tabIdOf(page));
        await openTooltipShadowRoots(page);
        const { x, y } = await termPoint(page, highlight, term, 0);
        await page.mouse.move(x, y);
        await expect.poll(() => tooltipText(page)).toContain(term);
        await expectOpenRoot(page);
        return page;
      }

      const cases: [string, string, string, string][] = [
        ['a glossary term', 'pages/seed-000.html', HIGHLIGHTS.defined, '三强一化'],
        ['an unknown slogan, with its add button', 'pages/seed-000.html', HIGHLIGHTS.unknown, '一拆二改三清四化'],
        ['a term the page defines, on a traditional page', 'pages/seed-004.html', HIGHLIGHTS.page, '三化'],
        ['a term on a page with its own dark theme', 'pages/dark-page.html', HIGHLIGHTS.defined, ''],
      ];
      for (const [what, path, highlight, term] of cases) {
        it(`${what}: a tooltip with its ARIA, its text in contrast in light and dark, no axe violations`, async () => {
          let page: Page;
          if (term) page = await openTooltip(path, highlight, term);
          else {
            page = await ext.open(server.govUrl(path));
            const state = await waitForState(ext, await ext.tabIdOf(page));
            await openTooltipShadowRoots(page);
            const first = state!.terms.find((t) => t.source === 'glossary')!.text;
            const { x, y } = await termPoint(page, highlight, first, 0);
            await page.mouse.move(x, y);
            await expect.poll(() => tooltipText(page)).not.toBeNull();
            await expectOpenRoot(page);
          }
          const problems: string[] = [];
          for (const scheme of SCHEMES) {
            await page.emulateMedia({ colorScheme: scheme });
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            const report = (await tooltipReport(page))!;
            expect(report.hidden).toBe(false);
            expect(report.role).toBe('tooltip');
            expect(report.live).toBe('polite');
            expect(report.texts.length).toBeGreaterThan(0);
            for (const b of report.buttons) {
              expect(b.type).toBe('button');
              expect(b.name).not.toBe('');
            }
            for (const t of report.texts) if (t.ratio < t.needs) problems.push(`[${scheme}] “${t.text}”: contrast ${t.ratio}:1, needs ${t.needs}:1`);
            for (const line of await axeViolations(page, ['report-lens-tooltip'])) problems.push(`[${scheme}] ${line}`);
          }
          await page.emulateMedia({ colorScheme: 'light' });
          expectNoViolations(`tooltip, ${what}`, problems);
          await page.close();
        });
      }
    });
  });
}

/** What these tests call in extension pages, as Chrome provides it there. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
