import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, onTooltip, termPoint, tooltipPoint, tooltipTerm, tooltipText } from './page';
import { waitForState } from './state';

/*
 * The tooltip on pages that get in its way: a selection dragged over a term, a modal <dialog> (the
 * browser's top layer), CSS zoom on <html>, catch-all page CSS, a page that replaces
 * document.adoptedStyleSheets, dark themes decided after load or by a container, printing, and a
 * window too small for a long entry.
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

const HEAD = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title>`;
const INTRO = `<h1>2023年政府工作报告</h1><p>——2023年1月10日在衡阳市第十六届人民代表大会第二次会议上</p>
<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。</p>`;
const BODY = `<p id="p1">坚持稳中求进工作总基调，扎实做好六稳六保工作，全面落实三高四新战略定位和使命任务。</p>
<p id="p2">深入推进“五好两宜七联动”建设，打造宜居城市。</p>`;
const FOOTER = `<footer><p>主办：衡阳市人民政府办公室　备案号：湘ICP备00000000号</p></footer>`;

let n = 0;
async function open(head: string, body: string): Promise<Page> {
  const path = `gen/hostile-${++n}.html`;
  server.route(path, `${HEAD}${head}</head><body>${INTRO}${body}${FOOTER}</body></html>`);
  const page = await ext.open(server.govUrl(path));
  await waitForState(ext, await ext.tabIdOf(page));
  return page;
}

async function hoverTerm(page: Page, term: string, name: string = HIGHLIGHTS.defined) {
  const point = await termPoint(page, name, term);
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => tooltipText(page)).toContain(term);
  return point;
}

/** The term's box in the viewport, found through the highlight registry. */
async function termBox(page: Page, term: string): Promise<{ left: number; bottom: number; top: number }> {
  return (await page.evaluate(`(() => {
    for (const name of ['report-lens-defined', 'report-lens-unknown']) {
      for (const s of CSS.highlights.get(name) ?? []) {
        const r = document.createRange();
        r.setStart(s.startContainer, s.startOffset);
        r.setEnd(s.endContainer, s.endOffset);
        if (r.toString() === ${JSON.stringify(term)}) { const b = r.getBoundingClientRect(); return { left: b.left, top: b.top, bottom: b.bottom }; }
      }
    }
    return null;
  })()`)) as { left: number; bottom: number; top: number };
}

const tipBox = (page: Page) => onTooltip(page, (box) => ({ ...box.getBoundingClientRect().toJSON(), hidden: box.hidden }) as { left: number; top: number; right: number; bottom: number; hidden: boolean });

describe('selecting text with the mouse', () => {
  it('opens no tooltip while a button is held, and the selection ends where the pointer does', async () => {
    const page = await open('', BODY);
    const p = await termPoint(page, HIGHLIGHTS.defined, '六稳六保');
    await page.mouse.move(p.x - 150, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x, p.y, { steps: 10 });
    await page.waitForTimeout(700);
    // Before: the tooltip opened over the selection after 250 ms.
    expect(await tooltipText(page)).toBeNull();
    // On down past the paragraph below; a tooltip there (the last node in the page) pulled the selection
    // on to the footer.
    await page.mouse.move(p.x, p.y + 60, { steps: 10 });
    await page.mouse.up();
    const selected = (await page.evaluate('getSelection().toString()')) as string;
    expect(selected).toContain('六稳六保');
    expect(selected).not.toContain('备案号');
    await page.close();
  });

  it('a press outside the tooltip closes it, and it stays closed while the pointer rests on the term', async () => {
    const page = await open('', BODY);
    const p = await hoverTerm(page, '六稳六保');
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => tooltipText(page)).toBeNull();
    await page.mouse.move(p.x + 2, p.y);
    await page.waitForTimeout(600);
    expect(await tooltipText(page)).toBeNull();
    // Leaving and coming back opens it again.
    await page.mouse.move(p.x, p.y + 200);
    await page.waitForTimeout(100);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => tooltipText(page)).toContain('六稳六保');
    // A press in the tooltip (its text, to copy from it) keeps it open.
    const tip = (await tipBox(page))!;
    await page.mouse.move(tip.left + 20, tip.top + 12, { steps: 4 });
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForTimeout(400);
    expect(await tooltipText(page)).toContain('六稳六保');
    await page.close();
  });
});

describe('a modal dialog', () => {
  it('shows the tooltip of a term inside the dialog above it, its button works, and the dialog is left as it was', async () => {
    const page = await open(
      '',
      `<p>坚持稳中求进工作总基调。</p><dialog id="d" style="width: 640px">${BODY}<button id="close">关闭</button></dialog><script>document.getElementById('d').showModal()</script>`,
    );
    const before = await page.evaluate(`document.getElementById('d').innerHTML`);
    await hoverTerm(page, '五好两宜七联动', HIGHLIGHTS.unknown);
    const add = (await tooltipPoint(page, 'button.add'))!;
    // Before: the dialog's (the tooltip drew under the top layer, and the page outside a modal dialog is inert).
    expect(await page.evaluate(`document.elementFromPoint(${add.x}, ${add.y})?.localName`)).toBe('report-lens-tooltip');
    const [editor] = await Promise.all([ext.context.waitForEvent('page'), page.mouse.click(add.x, add.y)]);
    expect(editor.url()).toContain('options.html');
    await editor.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(`document.getElementById('d').innerHTML`)).toBe(before);
    expect(await page.evaluate(`document.querySelector('report-lens-tooltip')?.parentElement === document.documentElement`)).toBe(true);
    await page.close();
  });
});

describe('page styles', () => {
  it('places the tooltip under its term on a page zoomed with CSS zoom on <html>', async () => {
    const page = await open('<style>html { zoom: 1.25 }</style>', BODY);
    await hoverTerm(page, '六稳六保');
    const term = await termBox(page, '六稳六保');
    const tip = (await tipBox(page))!;
    // Before: 128 px below and 105 px to the right of the term.
    expect(Math.abs(tip.left - term.left)).toBeLessThan(4);
    expect(tip.top - term.bottom).toBeGreaterThanOrEqual(0);
    expect(tip.top - term.bottom).toBeLessThan(16);
    expect(tip.bottom).toBeLessThanOrEqual(await page.evaluate('innerHeight'));
    await page.close();
  });

  it('keeps catch-all page CSS, even !important, out of the tooltip', async () => {
    const page = await open(
      '<style>* { word-break: break-all; letter-spacing: 3px; text-align: justify; text-transform: uppercase } html * { direction: rtl !important; line-height: 3 !important }</style>',
      BODY,
    );
    await hoverTerm(page, '六稳六保');
    const style = await onTooltip(page, (box) => {
      const s = getComputedStyle(box.querySelector('.en') ?? box);
      return [s.direction, s.wordBreak, s.letterSpacing, s.textAlign, s.textTransform];
    });
    expect(style).toEqual(['ltr', 'normal', 'normal', 'start', 'none']);
    await page.close();
  });

  it("paints the highlights again after the page replaced document.adoptedStyleSheets with its own", async () => {
    const page = await open('', BODY);
    const ours = `document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('report-lens-defined')))`;
    expect(await page.evaluate(ours)).toBe(true);
    await page.evaluate(`(() => { const s = new CSSStyleSheet(); s.replaceSync('h1 { color: #a00 }'); document.adoptedStyleSheets = [s]; })()`);
    expect(await page.evaluate(ours)).toBe(false);
    // The reader's next pointer move brings them back (no event tells that the list was replaced).
    await page.mouse.move(50, 50);
    await page.mouse.move(60, 60);
    await expect.poll(() => page.evaluate(ours)).toBe(true);
    expect(await page.evaluate(`document.adoptedStyleSheets.length`)).toBe(2);
    await page.close();
  });

  it('hides the tooltip on paper', async () => {
    const page = await open('', BODY);
    await hoverTerm(page, '六稳六保');
    await page.emulateMedia({ media: 'print' });
    expect(await onTooltip(page, (box) => getComputedStyle(box).display)).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    expect(await onTooltip(page, (box) => getComputedStyle(box).display)).toBe('block');
    await page.close();
  });
});

describe('dark pages decided at each open', () => {
  const DARK = 'rgb(38, 35, 30)';
  const LIGHT = 'rgb(255, 253, 247)';
  const background = (page: Page) => onTooltip(page, (box) => getComputedStyle(box).backgroundColor);

  it("follows a page's own night mode switched on after the first tooltip", async () => {
    const page = await open('', BODY);
    await hoverTerm(page, '六稳六保');
    expect(await background(page)).toBe(LIGHT);
    await page.keyboard.press('Escape');
    await page.evaluate(`document.body.style.background = '#111'; document.body.style.color = '#ddd'`);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(100);
    await hoverTerm(page, '三高四新');
    // Before: still light, decided once when the first tooltip opened.
    expect(await background(page)).toBe(DARK);
    await page.close();
  });

  it('reads a dark reading pane on a transparent body, and a page dark only through color-scheme', async () => {
    const pane = await open('<style>main { background: #15171c; color: #ddd }</style>', `<main>${BODY}</main>`);
    await hoverTerm(pane, '六稳六保');
    expect(await background(pane)).toBe(DARK);
    await pane.close();
    const scheme = await open('<style>:root { color-scheme: dark }</style>', BODY);
    await hoverTerm(scheme, '六稳六保');
    expect(await background(scheme)).toBe(DARK);
    await scheme.close();
  });
});

describe('a long entry in a small window', () => {
  it('Tab puts the keyboard in a tooltip that scrolls, the arrow keys scroll it, and Esc gives the focus back', async () => {
    const page = await open('', `<p><a id="before" href="#before">上一篇</a></p>${BODY}<p><a id="after" href="#after">下一篇</a></p>`);
    await page.setViewportSize({ width: 420, height: 260 });
    await page.focus('#before');
    // 三高四新 is one of the bundled glossary's longest entries (components, source).
    for (let i = 0; i < 5 && (await tooltipTerm(page)) !== '三高四新'; i++) {
      await page.keyboard.press('Alt+Shift+KeyN');
      await expect.poll(() => tooltipText(page)).not.toBeNull();
    }
    expect(await tooltipTerm(page)).toBe('三高四新');
    expect(await onTooltip(page, (box) => box.scrollHeight > box.clientHeight)).toBe(true);
    await page.keyboard.press('Tab');
    // Before: Tab went on through the page's links (下一篇) before it reached the tooltip, which the browser
    // makes focusable as a scroller only at the end of the tab order.
    expect(await page.evaluate(`document.activeElement?.localName`)).toBe('report-lens-tooltip');
    await page.keyboard.press('PageDown');
    await expect.poll(() => onTooltip(page, (box) => box.scrollTop)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltipText(page)).toBeNull();
    expect(await page.evaluate(`document.activeElement?.id`)).toBe('before');
    await page.close();
  });
});
