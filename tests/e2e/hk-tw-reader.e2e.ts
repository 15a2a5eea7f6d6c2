import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts, onTooltip, termPoint, tooltipTerm, tooltipText } from './page';
import { waitForState } from './state';

/**
 * A reader in Hong Kong or Taiwan: the browser's UI in traditional Chinese, reading the traditional
 * mirror pages (seed 002: pinyin residue 產(chǎn) everywhere; seed 004: over-converted 麵/製).
 */

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Pinyin a mirror's converter left after a character: (fā), （chǎn）. */
const RESIDUE = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/;

async function openAnnotated(ext: ExtensionBrowser, path: string) {
  const page = await ext.open(server.govUrl(path));
  const tabId = await ext.tabIdOf(page);
  const state = await waitForState(ext, tabId);
  return { page, tabId, state: state! };
}

async function hover(page: Page, name: string, text: string) {
  const { x, y } = await termPoint(page, name, text, 0);
  await page.mouse.move(x, y);
}

describe('a zh-TW browser on a traditional mirror page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'zh-TW' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('tooltip headwords, the unknown slogan’s sentence and the popup’s term list carry no pinyin residue', async () => {
    const { page, state } = await openAnnotated(ext, 'pages/seed-002.html');
    // The page writes 高質量發(fā)展: the highlight covers the page's text, the reader is shown the word.
    await hover(page, HIGHLIGHTS.defined, '高質量發(fā)展');
    await expect.poll(() => tooltipTerm(page)).toBe('高質量發展');
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltipText(page)).toBeNull();

    await hover(page, HIGHLIGHTS.unknown, '一體兩翼');
    await expect.poll(() => tooltipText(page)).toContain('未收錄');
    const text = (await tooltipText(page))!;
    expect(text).toContain('扎實推進“一體兩翼”發展戰略,開啟全面建設社會主義現代化新征程');
    expect(text).not.toMatch(RESIDUE);

    const terms = state.terms.map((t) => t.text);
    expect(terms).toContain('高質量發展');
    expect(terms).toContain('創新引領開放崛起');
    expect(terms.filter((t) => RESIDUE.test(t))).toEqual([]);
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('the tooltip’s headword is the glossary’s word where the mirror over-converted it (全麵 → 全面, 河長製 → 河長制)', async () => {
    const { page } = await openAnnotated(ext, 'pages/seed-004.html');
    await hover(page, HIGHLIGHTS.defined, '全麵深化改革');
    await expect.poll(() => tooltipTerm(page)).toBe('全面深化改革');
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltipText(page)).toBeNull();
    await hover(page, HIGHLIGHTS.defined, '河長製');
    await expect.poll(() => tooltipTerm(page)).toBe('河長制');
    await page.close();
  });

  it('the popup’s term list names over-converted terms as the glossary writes them, as the tooltip does', async () => {
    const { page } = await openAnnotated(ext, 'pages/seed-004.html');
    const popup = await ext.popupFor(page);
    const items = popup.getByTestId('terms').locator('li');
    const labels = async () => (await items.evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''))) as string[];
    await expect.poll(async () => (await labels()).includes('河長制')).toBe(true);
    const shown = await labels();
    expect(shown).toContain('全面深化改革');
    expect(shown).not.toContain('全麵深化改革');
    expect(shown).not.toContain('河長製');
    // Terms the page writes right stay as it writes them (traditional, no residue).
    expect(shown).toContain('高質量發展');
    await popup.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('the popup’s targets read in the page’s script: 62萬噸 以上 · 確保, 35個 以上 · 力爭, 以內 (kept simplified for grouping)', async () => {
    const { page, state } = await openAnnotated(ext, 'pages/seed-004.html');
    // What is stored stays folded: the library groups and sorts by it.
    expect(state.targets.some((t) => t.indicator === '糧食總產量' && t.unit === '万吨')).toBe(true);
    const popup = await ext.popupFor(page);
    const rows = popup.getByTestId('target-row');
    await rows.first().waitFor();
    const lines = await rows.allTextContents();
    expect(lines).toContain('糧食總產量 → 62萬噸 以上 · 確保');
    expect(lines).toContain('策劃總投資過億元項目 → 35個 以上 · 力爭');
    expect(lines).toContain('縣域民辦義務教育在校生規模占比 → 5% 以內');
    // The mirror wrote 播種麵積 (its converter's 麵 for every 面): the name says what the page meant.
    expect(lines).toContain('糧食播種面積 → 138萬畝 以上 · 確保');
    expect(lines.filter((l) => /麵|製/.test(l))).toEqual([]);
    // A hedge from the list's intro (主要預期目標是：…) too.
    expect(lines).toContain('地區生產總值 ↑ 8.5% 以上 · 預期');
    // No simplified unit, qualifier or hedge is left in any row of this traditional page.
    expect(lines.filter((l) => /[万个亿吨]|以内|力争|确保|预期|目标/.test(l.replace(/^[^→]*→/, '')))).toEqual([]);
    await popup.close();
    await page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('the popup’s 轉為繁體 writes Taiwan’s forms (為, 啟, 峰), not OpenCC’s standard ones (爲, 啓, 峯), and the options page says so', async () => {
    const { page } = await openAnnotated(ext, 'pages/seed-001.html');
    const popup = await ext.popupFor(page);
    await popup.getByTestId('toggle-script').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    const text = await page.locator('body').innerText();
    expect(text).toContain('啟動黃白路');
    expect(text).toContain('鄒雪峰');
    expect(text).not.toMatch(/[爲啓峯]/);
    // The tooltip follows the page into traditional, fonts included.
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['三大攻堅戰']).toBe(2);
    await hover(page, HIGHLIGHTS.defined, '三大攻堅戰');
    await expect.poll(() => tooltipText(page)).toContain('精準脫貧');
    expect(await tooltipFace(page)).toEqual({ lang: 'zh-TW', fonts: ['system-ui', '"PingFang TC"', '"Microsoft JhengHei"', '"Noto Sans CJK TC"'] });
    await popup.close();
    await page.close();

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('opt-traditional-variant').inputValue()).toBe('tw');
    expect(await options.getByTestId('opt-traditional-variant').locator('option:checked').textContent()).toBe('台灣正體');
    await options.close();
  });

  it('the popup’s 依據 says where each piece of evidence was found, in traditional Chinese, quoting the page in its script', async () => {
    const { page, state } = await openAnnotated(ext, 'pages/seed-004.html');
    const lines = await reasonLines(ext, page, /依據/);
    // Before: the detector's codes, in simplified — text:我代表人民政府向大会报告, title:政府工作报告.
    expect(lines.slice(0, 3)).toEqual(['正文「我代表人民政府向大會報告」', '標題「政府工作報告」', '小標題「政府工作報告」']);
    expect(lines).toContain('網址：gov.cn');
    expect(lines).toContain('正文「名詞解釋條目」 ×34');
    expect(lines).toHaveLength(state.report.reasons.length);
    expect(lines.filter((l) => /^[a-z]+:|[报词规会议务开请]/.test(l))).toEqual([]);
    await page.close();
  });
  it('the popup punctuates its labels in Chinese: 依據（100%）, 術語：159', async () => {
    const { page, state } = await openAnnotated(ext, 'pages/seed-004.html');
    const popup = await ext.popupFor(page);
    await popup.getByTestId('verdict').waitFor();
    // Before: 依據 (100%), 術語: 159 — half-width punctuation in a Chinese line.
    expect(await popup.getByRole('button', { name: /依據/ }).textContent()).toBe(`依據（${Math.round(state.report.score * 100)}%）`);
    expect(await popup.locator('.counts').innerText()).toMatch(new RegExp(`^術語：${state.termCount}\\s+目標：${state.targets.length}\\s+已儲存$`));
    await popup.close();
    await page.close();
  });

  it('in a narrow options page (Chrome’s options dialog), 我的詞表 keeps its headers, terms, scopes and buttons on one line (it scrolls instead)', async () => {
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 480, height: 900 });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('ge-row').count()).toBe(100);
    // Lines a cell's or button's first text takes: one client rect per line of a text node.
    const lines = await options.evaluate(() => {
      const linesOf = (el: Element) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? 1 : 3) });
        const range = document.createRange();
        range.selectNodeContents(walker.nextNode()!);
        return range.getClientRects().length;
      };
      const table = document.querySelector('[data-testid="ge-list"]')!;
      const rows = [...table.querySelectorAll('[data-testid="ge-row"]')];
      const column = (i: number) => [...new Set(rows.map((r) => linesOf(r.children[i]!)))];
      return {
        heads: [...new Set([...table.querySelectorAll('thead th')].map(linesOf))],
        terms: column(0),
        scopes: column(2),
        statuses: column(3),
        buttons: [...new Set([...table.querySelectorAll('button')].map(linesOf))],
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    // Before: 範圍, 全國 and 衡南县 stood one character a line, 多证合一 broke after 多证合.
    expect(lines).toEqual({ heads: [1], terms: [1], scopes: [1], statuses: [1], buttons: [1], pageWidth: 480 });
    await options.close();
  });

  it('a tooltip on a traditional page asks for traditional fonts first (PingFang TC, Microsoft JhengHei), one on a simplified page for simplified ones', async () => {
    // PingFang SC and Microsoft YaHei draw 說, 戶, 骨 in mainland shapes: a Taiwan reader sees the difference.
    // (The extension's own pages need nothing: Chrome gives their body its UI language's font.)
    const { page } = await openAnnotated(ext, 'pages/seed-004.html');
    await hover(page, HIGHLIGHTS.defined, '三高四新');
    await expect.poll(() => tooltipText(page)).toContain('湖南省');
    expect(await tooltipFace(page)).toEqual({ lang: 'zh-Hant', fonts: ['system-ui', '"PingFang TC"', '"Microsoft JhengHei"', '"Noto Sans CJK TC"'] });
    expect(await onTooltip(page, (box) => box.querySelector('.src')?.textContent)).toBe('來源：《衡南縣2022年政府工作報告（相關名詞解釋）》，衡南縣人民政府，2022');
    await page.close();

    // A simplified page keeps the simplified fonts, in a traditional browser too.
    const simplified = await openAnnotated(ext, 'pages/seed-000.html');
    await hover(simplified.page, HIGHLIGHTS.defined, '省域副中心城市');
    await expect.poll(() => tooltipText(simplified.page)).toContain('湖南省');
    expect(await tooltipFace(simplified.page)).toEqual({ lang: 'zh-CN', fonts: ['system-ui', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"'] });
    await simplified.page.close();
  });
});

/** The tooltip's language and the first fonts it asks for (the CJK fonts come after system-ui). */
const tooltipFace = (page: Page) =>
  onTooltip(page, (box) => (box.hidden ? null : { lang: box.lang, fonts: getComputedStyle(box).fontFamily.split(',').slice(0, 4).map((f) => f.trim()) }));

/** The popup's 依據 / Why list, opened as the reader opens it. */
async function reasonLines(ext: ExtensionBrowser, page: Page, button: RegExp): Promise<string[]> {
  const popup = await ext.popupFor(page);
  await popup.getByRole('button', { name: button }).click();
  await popup.getByTestId('reasons').waitFor();
  const lines = await popup.getByTestId('reasons').locator('li').allTextContents();
  await popup.close();
  return lines;
}

describe('a zh-HK browser', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'zh-HK' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('reads the glossary on a traditional page in Hong Kong’s forms: 為, not OpenCC’s standard 爲', async () => {
    const { page } = await openAnnotated(ext, 'pages/seed-004.html');
    await hover(page, HIGHLIGHTS.defined, '三高四新');
    await expect.poll(() => tooltipText(page)).toContain('湖南省');
    const text = (await tooltipText(page))!;
    // The glossary's 展现新作为, in the forms the page itself writes (…展現新作為).
    expect(text).toContain('在構建新發展格局中展現新作為');
    expect(text).not.toContain('爲');
    await page.close();

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('opt-traditional-variant').inputValue()).toBe('hk');
    await options.close();
    expect(ext.extensionErrors).toEqual([]);
  });
});

describe('an English browser', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the popup’s Why list is in English, quoting each page in its own script', async () => {
    const traditional = await openAnnotated(ext, 'pages/seed-004.html');
    const lines = await reasonLines(ext, traditional.page, /Why/);
    expect(lines.slice(0, 3)).toEqual(['Text “我代表人民政府向大會報告”', 'Title “政府工作報告”', 'Heading “政府工作報告”']);
    expect(lines).toContain('Address: gov.cn');
    expect(lines.filter((l) => /^[a-z]+:/.test(l))).toEqual([]);
    await traditional.page.close();

    const simplified = await openAnnotated(ext, 'pages/seed-000.html');
    const simplifiedLines = await reasonLines(ext, simplified.page, /Why/);
    expect(simplifiedLines).toHaveLength(simplified.state.report.reasons.length);
    expect(simplifiedLines).toContain('Address: gov.cn');
    expect(simplifiedLines.filter((l) => /^[a-z]+:|[報詞規會議務開請]/.test(l))).toEqual([]);
    await simplified.page.close();
    expect(ext.extensionErrors).toEqual([]);
  });

  it('the tooltip names an English term once and punctuates its source line in English', async () => {
    const { page } = await openAnnotated(ext, 'pages/seed-004.html');
    await hover(page, HIGHLIGHTS.defined, '河長製');
    await expect.poll(() => tooltipText(page)).toContain('river chief system');
    const lines = await onTooltip(page, (box) => [box.querySelector('.en')?.textContent, box.querySelector('.src')?.textContent]);
    // Before: “river chief system — river chief system”, and a Chinese 来源 label's colon.
    expect(lines).toEqual(['river chief system', 'Source: 《關於全面推行河長制的意見》，中共中央辦公廳、國務院辦公廳，2016']);
    await page.close();
  });
});
