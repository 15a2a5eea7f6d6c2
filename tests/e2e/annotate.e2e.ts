import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts, highlightCountsWholePage, highlightTotal, hoverInFrame, onTooltip, termPoint, tooltipAndFocusTop, tooltipTerm, tooltipText } from './page';
import { pageStateOf, waitForState } from './state';

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

/** Hover reads the pointer once a frame: two frames make sure a move is seen before the next one. */
const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function openAnnotated(path: string) {
  const page = await ext.open(server.govUrl(path));
  const tabId = await ext.tabIdOf(page);
  const state = await waitForState(ext, tabId);
  return { page, tabId, state };
}

// Exact counts read off the fixtures: the texts as the page shows them (traditional pages keep their
// script; a term split across tags or read through a quote mark counts once).
const SEEDS: { name: string; kind: string; defined: Record<string, number>; page?: Record<string, number>; unknown?: Record<string, number> }[] = [
  { name: 'seed-000', kind: 'interpretation', defined: { 省域副中心城市: 2, 三强一化: 1, '十四五”规划': 1 }, unknown: { 一拆二改三清四化: 1 } },
  { name: 'seed-001', kind: 'goals', defined: { 三大攻坚战: 2, 两不愁三保障: 1 }, unknown: { 三清三建: 1, 两站: 1 } },
  { name: 'seed-002', kind: 'plan', defined: { '高質量發(fā)展': 10, '十四五”規(guī)劃': 5 }, unknown: { 一體兩翼: 4 } },
  { name: 'seed-003', kind: 'work-report', defined: { 三高四新: 20, 高质量发展: 56 } },
  { name: 'seed-004', kind: 'work-report', defined: { 三高四新: 3, 一主一特雙總部: 3, 三強一化: 3, '信訪"三無': 3 }, page: { 三化: 1, 四減: 1 } },
];

describe('report pages are recognised and their terms highlighted', () => {
  for (const seed of SEEDS) {
    it(`${seed.name}: ${seed.kind}, exact term counts, badge`, async () => {
      const { page, tabId, state } = await openAnnotated(`pages/${seed.name}.html`);
      expect(state?.report.isReport).toBe(true);
      expect(state?.report.kind).toBe(seed.kind);
      // A page with 100 terms or more has only those near the screen highlighted at first (the browser
      // repaints every registered range, wherever it is); fewer are all highlighted at once.
      const registeredAtLoad = await highlightTotal(page);
      if (state!.termCount >= 100) expect(registeredAtLoad).toBeLessThan(state!.termCount);
      else expect(registeredAtLoad).toBe(state!.termCount);
      // Every term is highlighted once the reader comes near it: counted over a scroll through the page.
      const counts = await highlightCountsWholePage(page);
      for (const [text, n] of Object.entries(seed.defined)) expect(counts[HIGHLIGHTS.defined]?.[text], text).toBe(n);
      for (const [text, n] of Object.entries(seed.page ?? {})) expect(counts[HIGHLIGHTS.page]?.[text], text).toBe(n);
      for (const [text, n] of Object.entries(seed.unknown ?? {})) expect(counts[HIGHLIGHTS.unknown]?.[text], text).toBe(n);
      const total = Object.values(counts).reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
      expect(total).toBe(state!.termCount);
      const badge = await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      expect(badge).toBe(String(state!.termCount));
      await page.close();
    });
  }

  it('highlights a term split across inline tags as one range', async () => {
    const { page } = await openAnnotated('pages/seed-004.html');
    // seed-004 writes 三高<b>四新</b> in its first paragraph.
    const point = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    expect(point.multiNode).toBe(true);
    await page.close();
  });

  it('annotates same-origin iframes', async () => {
    const { page } = await openAnnotated('pages/iframe-host.html');
    await expect.poll(async () => Object.keys((await highlightCounts(page, 'iframe'))[HIGHLIGHTS.defined] ?? {}).sort()).toEqual(
      expect.arrayContaining(['六稳', '六保', '五位一体”总体布局']),
    );
    await page.close();
  });
});

describe('tooltips', () => {
  it('opens on hover after a short delay with the definition, scope and source, and closes when the pointer leaves', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    const { x, y } = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipText(page)).toContain('先进制造业高地');
    const text = (await tooltipText(page))!;
    expect(text).toContain('湖南省');
    expect(text).toMatch(/来源|Source/);
    expect(await onTooltip(page, (box) => box.getAttribute('role'))).toBe('tooltip');
    // Its shadow root is closed: page scripts cannot read what it shows (the reader's own entries included).
    expect(await page.evaluate(() => document.querySelector('report-lens-tooltip')!.shadowRoot)).toBeNull();
    await page.mouse.move(5, 5);
    await expect.poll(() => tooltipText(page)).toBeNull();
    await page.close();
  });

  it('a term in a same-origin iframe opens its tooltip visible, next to the term', async () => {
    const { page } = await openAnnotated('pages/iframe-host.html');
    await expect.poll(async () => Object.keys((await highlightCounts(page, 'iframe'))[HIGHLIGHTS.defined] ?? {})).toEqual(expect.arrayContaining(['六稳', '六保']));
    for (const term of ['六稳', '六保']) {
      const at = await hoverInFrame(page, term);
      await expect.poll(() => tooltipTerm(page)).toBe(term);
      const box = await onTooltip(page, (b) => {
        const r = b.getBoundingClientRect();
        return { visibility: getComputedStyle(b).visibility, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
      // Before: hidden (floating-ui's hide() compared the frame's coordinates with the top page's).
      expect(box!.visibility).toBe('visible');
      // Below the term (or above it, flipped), and over it horizontally.
      const gap = box!.top >= at.y ? box!.top - at.y : at.y - box!.bottom;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(40);
      expect(at.x).toBeGreaterThan(box!.left - 40);
      expect(at.x).toBeLessThan(box!.right);
      await page.mouse.move(5, 5);
      await expect.poll(() => tooltipTerm(page)).toBeNull();
    }
    await page.close();
  });

  it('opens when the pointer comes back to a term it left before the tooltip opened', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    const { x, y } = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    await page.mouse.move(x, y);
    await page.waitForTimeout(60);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(100);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    await page.close();
  });

  it('Esc closes a hovered tooltip, and cancels one about to open; leaving the term and coming back opens it again', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    const { x, y } = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltipText(page)).toBeNull();
    // Resting on the term, or moving within it, keeps it closed.
    await page.mouse.move(x + 1, y);
    const staysClosedThenReopens = async () => {
      await page.waitForTimeout(600);
      expect(await tooltipText(page)).toBeNull();
      // Off and straight back (within the 300 ms that otherwise keep an open tooltip open): opens again.
      // Before: the hover still counted the dismissed term as current, and nothing opened.
      await page.mouse.move(5, 5);
      await frames(page);
      await page.mouse.move(x, y);
      await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    };
    await staysClosedThenReopens();

    // Esc in the 250 ms before the tooltip opens: it does not open.
    await page.mouse.move(5, 5);
    await expect.poll(() => tooltipText(page)).toBeNull();
    await page.mouse.move(x, y);
    await page.keyboard.press('Escape');
    await staysClosedThenReopens();
    await page.close();
  });

  it('in an iframe with a thick border and padding, opens just below its term and follows it as the frame scrolls', async () => {
    server.route(
      'gen/framed-child.html',
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>附件</title></head><body style="margin:0"><p style="margin:40px 0 0 30px">全面落实三高四新战略定位和使命任务。</p><div style="height:2000px"></div></body></html>',
    );
    server.route(
      'gen/framed-host.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head><body>
      <h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>
      <p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。</p>
      <iframe src="framed-child.html" style="width:600px;height:300px;border:24px solid #ccc;padding:16px 10px"></iframe></body></html>`,
    );
    const { page } = await openAnnotated('gen/framed-host.html');
    const frame = page.frames().find((f) => f.url().endsWith('framed-child.html'))!;
    await expect.poll(async () => Object.keys((await highlightCounts(page, 'iframe'))[HIGHLIGHTS.defined] ?? {})).toEqual(['三高四新']);
    const term = await frame.evaluate(() => {
      const hl = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-defined')!;
      const r = [...hl][0]!;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const b = live.getBoundingClientRect();
      return { left: b.left, bottom: b.bottom, x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    const origin = await page.evaluate(() => {
      const f = document.querySelector('iframe')!;
      const r = f.getBoundingClientRect();
      const cs = getComputedStyle(f);
      return { x: r.left + f.clientLeft + parseFloat(cs.paddingLeft), y: r.top + f.clientTop + parseFloat(cs.paddingTop) };
    });
    await page.mouse.move(origin.x + term.x, origin.y + term.y);
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    // bottom-start with a 6 px gap, in the top document's coordinates (positioned a frame after it shows).
    const at = () => onTooltip(page, (b) => {
      const r = b.getBoundingClientRect();
      return `${Math.round(r.left)},${Math.round(r.top)}`;
    });
    await expect.poll(at).toBe(`${Math.round(origin.x + term.left)},${Math.round(origin.y + term.bottom + 6)}`);
    await frame.evaluate(() => window.scrollBy(0, 20));
    await expect.poll(at).toBe(`${Math.round(origin.x + term.left)},${Math.round(origin.y + term.bottom + 6 - 20)}`);
    await page.close();
  });

  it('shows the page’s own 名词解释 definition for a page-defined term', async () => {
    const { page } = await openAnnotated('pages/seed-004.html');
    const { x, y } = await termPoint(page, HIGHLIGHTS.page, '三化', 0);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipText(page)).toContain('本页名词解释');
    expect(await tooltipText(page)).toContain('人員專業化');
    await page.close();
  });

  it('marks an unknown slogan 未收录 with its sentence and an add button', async () => {
    const { page } = await openAnnotated('pages/seed-000.html');
    const { x, y } = await termPoint(page, HIGHLIGHTS.unknown, '一拆二改三清四化', 0);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipText(page)).toContain('未收录');
    expect(await tooltipText(page)).toContain('一拆二改三清四化');
    expect(await onTooltip(page, (box) => !!box.querySelector('button.add'))).toBe(true);
    // A script's click is not the reader's: no editor tab opens for it (DevTools reaches the closed root).
    const tabs = ext.context.pages().length;
    await onTooltip(page, (box) => (box.querySelector('button.add') as HTMLButtonElement).click());
    await page.waitForTimeout(1000);
    expect(ext.context.pages().length).toBe(tabs);
    await page.close();
  });

  it('names a term read through a quote mark without the quote: tooltip headword and popup list', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-000.html');
    // The page writes 实施“十四五”规划: the highlight covers 十四五”规划, the reader is shown 十四五规划.
    const { x, y } = await termPoint(page, HIGHLIGHTS.defined, '十四五”规划', 0);
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipTerm(page)).toBe('十四五规划');
    const state = await pageStateOf(ext, tabId);
    const texts = state!.terms.map((t) => t.text);
    expect(texts).toContain('十四五规划');
    expect(texts).toContain('六大强农行动');
    expect(texts.filter((t) => /["“”「」『』〝〞]/.test(t))).toEqual([]);
    await page.close();
  });

  it('Esc on the tooltip’s own button hands the keyboard focus back to where it came from', async () => {
    server.route(
      'gen/focus-return.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head><body>
      <h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>
      <p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。</p>
      <p>深入推进社区“三清三建”，今年地区生产总值增长6.5%左右。</p><a id="last" href="#top">返回顶部</a></body></html>`,
    );
    const { page } = await openAnnotated('gen/focus-return.html');
    await page.focus('#last');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipTerm(page)).toBe('三清三建');
    // The tooltip comes after the page in the tab order: Tab reaches its 添加到我的词表 button.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('report-lens-tooltip');
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltipText(page)).toBeNull();
    // Before: the focus fell to <body>, and the next Tab started over at the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('last');
    await page.close();
  });

  it('Tab from anywhere on the page reaches a keyboard-opened tooltip’s button; Enter opens the editor, Esc brings the focus back', async () => {
    server.route(
      'gen/tab-to-tooltip.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head><body>
      <nav><a id="home" href="#home">首页</a> <a id="news" href="#news">新闻</a></nav>
      <h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>
      <p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。</p>
      <p>深入推进社区“三清三建”，今年地区生产总值增长6.5%左右。</p>
      <footer><a id="f1" href="#f1">网站地图</a> <a id="f2" href="#f2">联系我们</a> <a id="f3" href="#f3">隐私声明</a></footer></body></html>`,
    );
    const { page } = await openAnnotated('gen/tab-to-tooltip.html');
    await page.focus('#news');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipTerm(page)).toBe('三清三建');
    // Before: Tab went on to the footer's first link, and the button came only after every link of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('report-lens-tooltip');
    expect(await onTooltip(page, (box) => (box.getRootNode() as ShadowRoot).activeElement?.className ?? null)).toBe('add');
    const tabs = ext.context.pages().length;
    const editor = ext.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const opened = await editor;
    expect(ext.context.pages().length).toBe(tabs + 1);
    expect(new URL(opened.url()).pathname).toBe('/options.html');
    await opened.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltipText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('news');
    // With the tooltip closed, Tab is the page's again.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f1');
    await page.close();
  });

  it('keyboard: Alt+Shift+N / P move through terms in page order, Esc closes', async () => {
    const { page } = await openAnnotated('pages/seed-004.html');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipTerm(page)).toBe('十四五');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => tooltipTerm(page)).toBe('十四五');
    expect(Object.keys((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {})).toEqual(['十四五']);
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltipText(page)).toBeNull();
    expect((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {}).toEqual({});
    await page.close();
  });
});

/** The term the keyboard focused, and the first words of the block it stands in. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const f = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-focus') ?? [])][0];
    if (!f) return null;
    const live = document.createRange();
    live.setStart(f.startContainer, f.startOffset);
    live.setEnd(f.endContainer, f.endOffset);
    return `${live.toString()} @ ${live.startContainer.parentElement!.closest('p, h1, h2, h3, td')!.textContent!.trim().slice(0, 8)}`;
  });

/** Clicks just before the first character of the paragraph that starts with `start`, putting the caret there. */
async function clickAtStartOf(page: Page, start: string) {
  const { x, y } = await page.evaluate((start) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(start))!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + 2, y: r.top + r.height / 2 };
  }, start);
  await page.mouse.click(x, y);
}

describe('keyboard navigation starts where the reader is', () => {
  it('after the caret the reader clicked, goes on from the current term, and starts again after a click elsewhere or a scroll away', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    // The tester's repro: 60% down the page, a click in the text. The paragraph is then centred, so the
    // click lands on it whatever the fonts make of the page's length.
    await page.evaluate(() => {
      window.scrollTo(0, 0.6 * (document.documentElement.scrollHeight - innerHeight));
      [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith('风险防控有待加强'))!.scrollIntoView({ block: 'center' });
    });
    await clickAtStartOf(page, '风险防控有待加强');
    expect(await page.evaluate(() => getSelection()!.type)).toBe('Caret');
    await page.keyboard.press('Alt+Shift+KeyN');
    // Before: 高质量发展 near the top of the page (the first of its 721 terms), whatever the reader had clicked.
    await expect.poll(() => focused(page)).toBe('高质量发展 @ 二、今后五年政府');
    await expect.poll(() => tooltipTerm(page)).toBe('高质量发展');
    // Once navigating, it goes on from the current term (the caret has not moved).
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => focused(page)).toBe('百年未有之大变局 @ 二、今后五年政府');
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => focused(page)).toBe('高质量发展 @ 二、今后五年政府');
    // A click elsewhere is a new reading position: previous is the last term before the caret.
    await clickAtStartOf(page, '风险防控有待加强');
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => focused(page)).toBe('双减 @ 3.着力促融合、');

    // Scrolled far away without clicking (the caret is left off screen): the first term in the viewport.
    await page.evaluate(() => [...document.querySelectorAll('h3')].find((h) => h.textContent!.startsWith('两区协同赋能新篇'))!.scrollIntoView({ block: 'start' }));
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => focused(page)).toBe('强省会 @ 两区协同赋能新篇');
    await page.evaluate(() => [...document.querySelectorAll('h3')].find((h) => h.textContent!.startsWith('两区协同赋能新篇'))!.scrollIntoView({ block: 'start' }));
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => focused(page)).toBe('高质量发展 @ 四、外贸结构持续');
    // A small scroll leaves the current term on screen: navigation goes on from it.
    await page.evaluate(() => window.scrollBy(0, 150));
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => focused(page)).toBe('强省会 @ 两区协同赋能新篇');
    // Scrolled away, previous is the last term above the viewport.
    await page.evaluate(() => [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith('风险防控有待加强'))!.scrollIntoView({ block: 'start' }));
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => focused(page)).toBe('双减 @ 3.着力促融合、');
    await page.close();
  });
});

describe('Esc reaches the page unless it closed a tooltip the reader could see', () => {
  /** Counts the Escapes the page's own keydown listener receives (a lightbox or dialog of the page). */
  const pageEscapes = (page: Page) => page.evaluate(() => (window as unknown as { escapes: number }).escapes);
  const listen = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { escapes: number };
      w.escapes = 0;
      window.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') w.escapes++;
      });
    });

  it('a tooltip whose term scrolled out of sight does not keep the Esc from the page', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    await listen(page);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    // Seen and closed by it: the Esc was the tooltip's.
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltipText(page)).toBeNull();
    expect(await pageEscapes(page)).toBe(0);

    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    // A click elsewhere leaves a keyboard-opened tooltip open; the page scrolls it out of sight.
    await page.mouse.click(640, 880);
    expect(await tooltipText(page)).not.toBeNull();
    await page.evaluate(() => window.scrollBy(0, 3000));
    await expect.poll(() => onTooltip(page, (box) => box.style.visibility)).toBe('hidden');
    await page.keyboard.press('Escape');
    // Before: 0 — the invisible tooltip took it, and only a second Esc reached the page.
    await expect.poll(() => pageEscapes(page)).toBe(1);
    expect(await tooltipText(page)).toBeNull();
    // Closed, not only hidden: scrolling back does not bring it back.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    expect(await tooltipText(page)).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => pageEscapes(page)).toBe(2);
    await page.close();
  });

  it('a tooltip closes when the page removes its term’s paragraph, and the next Esc is the page’s', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    await listen(page);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    const removed = await page.evaluate(() => {
      const f = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-focus') ?? [])][0]!;
      const block = f.startContainer.parentElement!.closest('p, td, li')!;
      block.remove();
      return block.textContent!.length > 0;
    });
    expect(removed).toBe(true);
    // Before: it stayed open (hidden at the top left) until an Esc, which it kept from the page.
    await expect.poll(() => tooltipText(page)).toBeNull();
    expect((await highlightCounts(page))[HIGHLIGHTS.focus] ?? {}).toEqual({});
    await page.keyboard.press('Escape');
    await expect.poll(() => pageEscapes(page)).toBe(1);
    await page.close();
  });

  it('a tooltip whose paragraph’s text the page rewrote (p.textContent = p.textContent) gives the next Esc to the page', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    await listen(page);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    await page.evaluate(() => {
      const f = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-focus') ?? [])][0]!;
      const block = f.startContainer.parentElement!.closest('p, td, li')!;
      block.textContent = block.textContent;
    });
    await page.keyboard.press('Escape');
    // Before: 0 — the tooltip, shown over the paragraph's start, took the Esc.
    await expect.poll(() => pageEscapes(page)).toBe(1);
    expect(await tooltipText(page)).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => pageEscapes(page)).toBe(2);
    await page.close();
  });
});

describe('the tooltip follows its term', () => {
  it('stays under a keyboard-opened term while the page scrolls', async () => {
    const { page } = await openAnnotated('pages/seed-003.html');
    await page.keyboard.press('Alt+Shift+KeyN');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipAndFocusTop(page)).not.toBeNull();
    const before = (await tooltipAndFocusTop(page))!;
    await page.evaluate(() => window.scrollBy(0, 120));
    await expect.poll(async () => (await tooltipAndFocusTop(page))!.term).toBeCloseTo(before.term - 120, 0);
    // The gap between the term and its tooltip is what it was: the tooltip moved with the page.
    await expect.poll(async () => {
      const now = (await tooltipAndFocusTop(page))!;
      return Math.round(now.tip - now.term);
    }).toBe(Math.round(before.tip - before.term));
    await page.close();
  });
});

describe('the page is never damaged', () => {
  it('keeps the page’s own scripts working and leaves form fields, code and editable regions alone', async () => {
    const { page, state } = await openAnnotated('pages/page-scripts.html');
    expect(state?.report.isReport).toBe(true);
    await page.click('#increment');
    await page.click('#increment');
    await expect.poll(() => page.textContent('#counter')).toBe('2');
    const inside = await page.evaluate(() => {
      const hl = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-defined');
      return [...(hl ?? [])].map((r) => (r.startContainer.parentElement as Element).closest('input,textarea,[contenteditable],code,pre,script,style')?.tagName ?? null);
    });
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.filter(Boolean)).toEqual([]);
    // StaticRanges, not live Ranges: the document updates every live Range on each of the page's own
    // DOM mutations, so one per term would make the page's scripts pay for the highlights.
    const kinds = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.values()].flatMap((hl) => [...hl].map((r) => r.constructor.name)),
    );
    expect(new Set(kinds)).toEqual(new Set(['StaticRange']));
    await page.close();
  });

  it('tells the page nothing: no message event, no event that names the extension', async () => {
    // What a page could do to notice the extension: listen to its window's messages, and for the events
    // WXT's content-script wrapper dispatches on start-up (their type carries the extension's id and the
    // script's name), which this extension's scripts once did.
    const page = await ext.context.newPage();
    await page.addInitScript((id) => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(`message ${JSON.stringify(e.data)}`));
      for (const name of ['content', 'wake', 'content-script']) document.addEventListener(`${id}:${name}:wxt:content-script-started`, () => seen.push(`event ${name}`));
    }, ext.extensionId);
    await page.goto(server.govUrl('pages/seed-003.html'));
    await page.waitForFunction(() => performance.getEntriesByName('report-lens:painted', 'mark').length > 0);
    // The page's own message still arrives: the listener works.
    await page.evaluate(() => window.postMessage('the page itself', '*'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual(['message "the page itself"']);
    await page.close();
  });

  it('turning annotation off restores the DOM byte for byte, tooltip host included', async () => {
    // Outside *.gov.cn, so the DOM can be read before the extension touches anything.
    const page = await ext.open(server.url('pages/seed-004.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await ext.popupFor(page);
    await popup.getByTestId('status').waitFor();
    await ext.clickAction(page);
    await popup.bringToFront();
    await popup.getByTestId('annotate').click();
    await popup.getByTestId('highlights-off').waitFor();
    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toBe(before);
    await popup.bringToFront();
    await popup.getByTestId('highlights-off').click();
    await popup.getByTestId('highlights-on').waitFor();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await highlightTotal(page)).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('annotates content a SPA adds later, infinite-list batches and pushState navigation', async () => {
    const page = await ext.open(server.govUrl('pages/spa.html'));
    const tabId = await ext.tabIdOf(page);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.report.kind).toBe('work-report');
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['一主一特双总部']).toBe(2);
    await page.click('#load-more');
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['三高四新']).toBe(2);
    await page.click('#nav-next');
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['五位一体”总体布局']).toBe(1);
    await page.close();
  });
});

describe('display: contents', () => {
  // Frameworks wrap content in display: contents elements (and <slot> is one by default). Such an element
  // has no box, and an IntersectionObserver never reports it near the viewport: on a page with enough
  // terms to be highlighted near the viewport only, its terms must still be highlighted.
  const body = Array.from(
    { length: 60 },
    (_, i) =>
      `<div style="display:contents"><p data-i="${i}">第${i + 1}项：坚持以<span style="display:contents"><em style="display:contents">三高四新</em></span>战略为引领，扎实做好<span style="display:contents">六稳</span>工作。</p></div>`,
  ).join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head>
<body><h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>${body}</body></html>`;

  it('highlights terms whose element has no box, near the viewport and further down as the reader scrolls', async () => {
    server.route('/generated/contents-report.html', html);
    const { page, state } = await openAnnotated('generated/contents-report.html');
    expect(state?.termCount).toBe(120);
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['三高四新'] ?? 0).toBeGreaterThan(0);
    const atLoad = await highlightTotal(page);
    expect(atLoad).toBeLessThan(120);
    const counts = await highlightCountsWholePage(page);
    expect(counts[HIGHLIGHTS.defined]).toEqual({ 三高四新: 60, 六稳: 60 });
    await page.close();
  });
});

describe('printing', () => {
  it('highlights every term of a page highlighted near the viewport for its printout, and only those near the viewport again after', async () => {
    const { page, state } = await openAnnotated('pages/seed-003.html');
    const atLoad = await highlightTotal(page);
    expect(state!.termCount).toBe(721);
    expect(atLoad).toBeLessThan(100);
    // The page's own listeners run after the content script's, which registered first: they see what
    // the printout paints. page.pdf() prints as the print dialog does, with beforeprint and afterprint.
    await page.evaluate(`(() => {
      window.__printed = [];
      const count = () => { let n = 0; for (const [name, h] of CSS.highlights) if (name !== 'report-lens-focus') n += h.size; return n; };
      addEventListener('beforeprint', () => window.__printed.push(count()));
      addEventListener('afterprint', () => window.__printed.push(count()));
    })()`);
    await page.pdf();
    const [during, after] = (await page.evaluate('window.__printed')) as number[];
    expect(during).toBe(721);
    expect(after).toBeLessThan(721);
    await expect.poll(() => highlightTotal(page)).toBe(atLoad);
    await page.close();
  });
});

describe('long pages', () => {
  // 700 paragraphs with three glossary terms each: 2,100 terms, past the point where highlights are
  // registered only near the viewport (lib/dom/viewport-highlights.ts).
  // 3,000 paragraphs: 113,000 characters, more than one message carries (lib/messaging/remote-analyzer
  // sends the text ahead in parts), so the last paragraph's terms are found past the parts' seam.
  const PARAGRAPHS = 3000;
  const body = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `<p data-i="${i}">第${i + 1}项：坚持以<b>三高四新</b>战略为引领，推动高质量发展，扎实做好六稳工作。</p>`,
  ).join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head>
<body><h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>${body}</body></html>`;

  const inParagraph = (page: import('playwright-core').Page, i: number) =>
    page.evaluate((i) => {
      let n = 0;
      for (const hl of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.values())
        for (const r of hl) if ((r.startContainer.parentElement as Element).closest('p')?.getAttribute('data-i') === String(i)) n++;
      return n;
    }, i);

  it('finds every term but registers highlights only near the viewport, following the reader as they scroll', async () => {
    server.route('/generated/long-report.html', html);
    const { page, state } = await openAnnotated('generated/long-report.html');
    expect(state?.report.kind).toBe('work-report');
    expect(state?.termCount).toBe(PARAGRAPHS * 3);
    await expect.poll(() => inParagraph(page, 0)).toBe(3);
    const near = await highlightTotal(page);
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(PARAGRAPHS * 3);
    expect(await inParagraph(page, PARAGRAPHS - 1)).toBe(0);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => inParagraph(page, PARAGRAPHS - 1)).toBe(3);
    await expect.poll(() => inParagraph(page, 0)).toBe(0);
    expect(await highlightTotal(page)).toBeLessThan(PARAGRAPHS * 3);

    const last = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    await page.mouse.move(last.x, last.y);
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    await page.close();
  });
});

describe('pages that are not reports', () => {
  for (const name of [
    'novel-chapter', 'novel-unquoted-speech', 'readme-zh', 'tech-newsletter', 'sports-news', 'finance-article',
    // In a report's frame (各位代表, 请予审议, the congress's date line), but not the government's; a results list.
    'court-report', 'village-report', 'company-board-report', 'search-results',
  ]) {
    it(`${name}: not recognised, nothing highlighted, nothing saved`, async () => {
      const page = await ext.open(server.govUrl(`negative/${name}.html`));
      const tabId = await ext.tabIdOf(page);
      const state = await waitForState(ext, tabId);
      expect(state?.report.isReport).toBe(false);
      expect(state?.termCount).toBe(0);
      expect(state?.saved).toBe(false);
      expect(await highlightTotal(page)).toBe(0);
      await page.close();
    });
  }

  it('reports no extension errors', () => {
    expect(ext.extensionErrors).toEqual([]);
  });
});

declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };

describe('dark pages', () => {
  it('keeps highlights and gives the tooltip a dark face on a page with its own dark theme', async () => {
    const { page, state } = await openAnnotated('pages/dark-page.html');
    expect(state?.termCount).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    const bg = await onTooltip(page, (box) => getComputedStyle(box).backgroundColor);
    expect(bg).toBe('rgb(38, 35, 30)');
    await page.close();
  });

  it('keeps the light tooltip on a light page', async () => {
    const { page } = await openAnnotated('pages/seed-000.html');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    const bg = await onTooltip(page, (box) => getComputedStyle(box).backgroundColor);
    expect(bg).toBe('rgb(255, 253, 247)');
    await page.close();
  });
});
