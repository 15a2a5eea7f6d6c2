import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { converterFor, useOpenccPack } from '../../lib/convert/opencc';
import { DEFAULT_VARIANTS } from '../../lib/convert/variants';
import type { ScriptToggleState } from '../../lib/messaging/protocol';
import { detectScript } from '../../lib/text/script';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts, highlightTotal, hoverInFrame, onTooltip, tooltipTerm, tooltipText } from './page';
import { waitForState } from './state';

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

// The pack the extension fetches (written by scripts/generate.mjs), for the expected texts.
useOpenccPack(JSON.parse(readFileSync(new URL('../../assets/public/opencc/dictionaries.json', import.meta.url), 'utf8')));
const toTraditional = converterFor('traditional', DEFAULT_VARIANTS);
/** A pinyin reading in brackets, as bad converters leave it: 產(chǎn), 發（fā）. */
const RESIDUE = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/;

async function openAnnotated(path: string) {
  const page = await ext.open(server.govUrl(path));
  const tabId = await ext.tabIdOf(page);
  await waitForState(ext, tabId);
  return { page, tabId };
}

/** The toggle the shortcut and the context menu run (background → content script). */
async function toggle(tabId: number): Promise<ScriptToggleState> {
  const result = await ext.worker.evaluate(
    (id) =>
      (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<{ ok: boolean; state?: ScriptToggleState; error?: string }> } }).reportLens.toggleScriptTab(id),
    tabId,
  );
  expect(result.error).toBeUndefined();
  expect(result.ok).toBe(true);
  return result.state!;
}

/** A short report page around `body` (served under a *.gov.cn name, so the content script starts). */
function reportPage(body: string): string {
  const paras = Array.from({ length: 5 }, (_, i) => `<p>第${i + 1}项：坚持以三高四新战略为引领，推动高质量发展，扎实做好六稳六保工作。</p>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衡阳市2023年政府工作报告</title></head>
<body><h1>2023年政府工作报告</h1><h2>一、2022年工作回顾</h2>${paras}<h2>二、2023年主要预期目标</h2>
<p>地区生产总值增长6.5%以上，城镇调查失业率控制在5.5%以内。</p>${body}</body></html>`;
}


/** The open tooltip's glossary definition. */
const tooltipDefinition = (page: Page) => onTooltip(page, (box) => (box.hidden ? null : (box.querySelector('.def')?.textContent ?? null)));
const html = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);
const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

describe('simplified ⇄ traditional', () => {
  it('seed-000: simplified → traditional → back, byte-identical DOM', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-000.html');
    const before = await html(page);
    const title = await page.title();
    expect(detectScript(await bodyText(page))).toBe('simplified');

    const converted = await toggle(tabId);
    expect(converted).toMatchObject({ original: 'simplified', current: 'traditional', converted: true });
    expect(detectScript(await bodyText(page))).toBe('traditional');
    expect(await page.title()).toBe(toTraditional(title));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');

    const restored = await toggle(tabId);
    expect(restored).toMatchObject({ original: 'simplified', current: 'simplified', converted: false });
    expect(await html(page)).toBe(before);
    await page.close();
  });

  it('seed-004: an over-converted traditional mirror reads 全面 and 责任制 in simplified', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-004.html');
    const original = await bodyText(page);
    expect(original).toContain('全麵');
    expect(original).toContain('責任製');
    expect(await toggle(tabId)).toMatchObject({ original: 'traditional', current: 'simplified', converted: true });
    const text = await bodyText(page);
    expect(text).toContain('全面');
    expect(text).toContain('责任制');
    expect(text).not.toMatch(/全麵|責任製/);
    expect(detectScript(text)).toBe('simplified');
    await page.close();
  });

  it('seed-002: a mirror with pinyin residue reads as clean simplified', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-002.html');
    const original = await bodyText(page);
    expect(original).toMatch(RESIDUE);
    expect(original).toContain('產(chǎn)');
    await toggle(tabId);
    const text = await bodyText(page);
    expect(text.match(RESIDUE)).toBeNull();
    expect(text).not.toMatch(/\((chǎn|fā|chuàng)\)/);
    expect(text).toContain('产业');
    expect(detectScript(text)).toBe('simplified');
    await page.close();
  });

  it('from the popup: converts title and title/alt/placeholder attributes, leaves typed input, fields and code alone', async () => {
    // Outside *.gov.cn: the popup's button injects the content script (activeTab), as for any site.
    const page = await ext.open(server.url('pages/page-scripts.html'));
    await page.evaluate(() => document.getElementById('textarea-slogan')!.setAttribute('placeholder', '请输入留言内容'));
    await page.fill('#input-slogan', '我的留言：扎实做好六稳六保');
    const before = await html(page);
    const title = await page.title();
    const popup = await ext.popupFor(page);
    await popup.getByTestId('toggle-script').waitFor();
    await ext.clickAction(page);
    await popup.bringToFront();
    await popup.getByTestId('toggle-script').click();
    await popup.locator('[data-testid="toggle-script"][data-converted="true"]').waitFor();

    expect(await page.title()).toBe(toTraditional(title));
    expect(await page.title()).not.toBe(title);
    expect(await page.getAttribute('#img-alt', 'alt')).toBe('圖解：紮實做好六穩六保工作');
    expect(await page.getAttribute('#link-title', 'title')).toBe('三高四新');
    expect(await page.getAttribute('#textarea-slogan', 'placeholder')).toBe('請輸入留言內容');
    expect(await page.textContent('#p-intro')).toContain('規劃');
    // What the user typed, form fields, editable regions, code and the page's script stay.
    expect(await page.inputValue('#input-slogan')).toBe('我的留言：扎实做好六稳六保');
    expect(await page.getAttribute('#input-slogan', 'value')).toBe('全面落实三高四新战略定位和使命任务');
    expect(await page.inputValue('#textarea-slogan')).toBe('建议继续做好六稳六保工作，全面落实“三高四新”战略定位，推进“三强一化”建设。');
    expect(await page.textContent('#editable')).toBe('在此编辑：全面落实三高四新战略定位和使命任务，做好六稳六保工作。');
    expect(await page.textContent('#code-slogan')).toBe('highlight("三高四新")');
    expect(await page.textContent('#pre-slogan')).toContain('const slogans = ["三高四新", "六稳六保", "三强一化"];');
    expect(await page.evaluate(() => (window as unknown as { __pageSlogan: string }).__pageSlogan)).toBe('三高四新');
    await page.click('#increment');
    await expect.poll(() => page.textContent('#counter')).toBe('1');

    // The popup's button now restores.
    await popup.bringToFront();
    await popup.getByTestId('toggle-script').click();
    await popup.locator('[data-testid="toggle-script"][data-converted="false"]').waitFor();
    await page.evaluate(() => (document.getElementById('counter')!.textContent = '0'));
    expect(await html(page)).toBe(before);
    expect(await page.inputValue('#input-slogan')).toBe('我的留言：扎实做好六稳六保');
    await popup.close();
    await page.close();
  });

  it('spa.html: content added while converted is converted (and highlighted), navigation included', async () => {
    const page = await ext.open(server.govUrl('pages/spa.html'));
    const tabId = await ext.tabIdOf(page);
    await page.locator('body[data-loaded]').waitFor();
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['一主一特双总部']).toBe(2);
    await toggle(tabId);
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['一主一特雙總部']).toBe(2);

    await page.click('#load-more');
    const batch = page.locator('[data-batch="1"]');
    await expect.poll(() => batch.textContent()).toBe(toTraditional('继续做好六稳六保工作，全面落实“三高四新”战略定位和使命任务。加快园区专业化建设，着力打造“一主一特双总部”产业集群。'));
    await expect.poll(async () => (await highlightCounts(page))[HIGHLIGHTS.defined]?.['一主一特雙總部']).toBe(3);

    await page.click('#nav-next');
    await expect.poll(() => page.title()).toBe(toTraditional('衡南县2022年政府工作报告（二）2022年工作安排'));
    await expect.poll(() => page.textContent('#article p')).toBe(toTraditional('统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。'));
    expect(detectScript(await bodyText(page))).toBe('traditional');

    // Restore: what the page added while converted goes back to what the page wrote.
    await toggle(tabId);
    expect(await page.title()).toBe('衡南县2022年政府工作报告（二）2022年工作安排');
    expect(await page.textContent('#article p')).toBe('统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。');
    expect(detectScript(await bodyText(page))).toBe('simplified');
    await page.close();
  });

  it('remembers a site per hostname when the option is on, across a reload', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const remember = options.getByTestId('opt-remember-sites');
    await expect.poll(() => remember.isEnabled()).toBe(true);
    await remember.check();

    const host = 'www.hengyang.gov.cn';
    const page = await ext.open(server.govUrl('pages/seed-001.html', host));
    const tabId = await ext.tabIdOf(page);
    await waitForState(ext, tabId);
    await toggle(tabId);
    await expect.poll(() => options.getByTestId('remembered-site').allTextContents()).toEqual([expect.stringContaining(host)]);

    await page.reload();
    await expect.poll(async () => detectScript(await bodyText(page)), { timeout: 15_000 }).toBe('traditional');
    await waitForState(ext, tabId);
    // Toggling back forgets the site; the next visit shows the page as it is.
    expect(await toggle(tabId)).toMatchObject({ converted: false, current: 'simplified' });
    await expect.poll(() => options.getByTestId('remembered-site').count()).toBe(0);
    await page.reload();
    await waitForState(ext, tabId);
    expect(detectScript(await bodyText(page))).toBe('simplified');

    await remember.uncheck();
    await options.close();
    await page.close();
  });

  it('uses the traditional variant chosen on the options page (Taiwan phrasing)', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const variant = options.getByTestId('opt-traditional-variant');
    await expect.poll(() => variant.isEnabled()).toBe(true);
    await variant.selectOption('twp');
    const { page, tabId } = await openAnnotated('pages/seed-001.html');
    expect(await bodyText(page)).toContain('网络');
    await toggle(tabId);
    const text = await bodyText(page);
    expect(text).toContain('網路');
    expect(text).not.toContain('網絡');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    await variant.selectOption('t');
    await options.close();
    await page.close();
  });

  it('highlights survive a toggle and tooltips open in the page’s new script', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-000.html');
    const total = await highlightTotal(page);
    expect(total).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    const simplifiedTerm = (await tooltipTerm(page))!;
    const simplifiedDef = (await tooltipDefinition(page))!;
    expect(detectScript((await tooltipText(page))!)).toBe('simplified');

    await toggle(tabId);
    expect(await highlightTotal(page)).toBe(total);
    expect(await tooltipText(page)).toBeNull();
    // Next, then back: the same (first) term as before the toggle.
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => tooltipTerm(page)).toBe(toTraditional(simplifiedTerm));
    expect(await bodyText(page)).toContain(toTraditional(simplifiedTerm));
    expect(detectScript((await tooltipText(page))!)).toBe('traditional');
    // The glossary text is the same entry in the page's new script.
    expect(await tooltipDefinition(page)).toBe(toTraditional(simplifiedDef));

    await toggle(tabId);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    expect(detectScript((await tooltipText(page))!)).toBe('simplified');
    await page.close();
  });

  it('a traditional page’s tooltips are traditional, and simplified once the page is', async () => {
    const { page, tabId } = await openAnnotated('pages/seed-004.html');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    expect(detectScript((await tooltipText(page))!)).toBe('traditional');
    await toggle(tabId);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipText(page)).not.toBeNull();
    expect(detectScript((await tooltipText(page))!)).toBe('simplified');
    await page.close();
  });

  it('keeps the selection and focus across convert and restore', async () => {
    server.route('toggle/selection.html', reportPage('<p id="sel">全面落实“三高四新”战略定位，奋力推进现代化新湖南建设。</p><p><a id="more" href="#sel">详情</a></p>'));
    const { page, tabId } = await openAnnotated('toggle/selection.html');
    const original = (await page.textContent('#sel'))!;
    await page.focus('#more');
    // Backwards, so the direction is checked too.
    await page.evaluate(() => {
      const t = document.getElementById('sel')!.firstChild as Text;
      getSelection()!.setBaseAndExtent(t, 12, t, 5);
    });
    const read = () =>
      page.evaluate(() => {
        const s = getSelection()!;
        const t = document.getElementById('sel')!.firstChild;
        return { text: s.toString(), anchor: s.anchorNode === t ? s.anchorOffset : null, focus: s.focusNode === t ? s.focusOffset : null, active: document.activeElement?.id };
      });
    expect(await read()).toEqual({ text: '三高四新”战略', anchor: 12, focus: 5, active: 'more' });

    await toggle(tabId);
    expect(await page.textContent('#sel')).toBe(toTraditional(original));
    expect(await read()).toEqual({ text: '三高四新”戰略', anchor: 12, focus: 5, active: 'more' });

    await toggle(tabId);
    expect(await page.textContent('#sel')).toBe(original);
    expect(await read()).toEqual({ text: '三高四新”战略', anchor: 12, focus: 5, active: 'more' });
    await page.close();
  });

  it('text the page touched while converted: appended and split text comes back exactly, the page’s own characters stay', async () => {
    server.route(
      'toggle/touched.html',
      reportPage('<p id="a">全面落实战略定位，奋力推进现代化建设</p><p id="b">统筹发展和安全，保持经济运行在合理区间</p><p id="c">坚持稳中求进工作总基调</p>'),
    );
    const { page, tabId } = await openAnnotated('toggle/touched.html');
    await toggle(tabId);
    const texts = (id: string) => page.evaluate((id) => [...document.getElementById(id)!.childNodes].map((n) => (n as Text).data), id);
    expect(await texts('b')).toEqual(['統籌發展和安全，保持經濟運行在合理區間']);
    await page.evaluate(() => {
      (document.getElementById('a')!.firstChild as Text).appendData('（更新于3日）');
      (document.getElementById('b')!.firstChild as Text).splitText(4);
      // A script that reads the text and writes it back shortened.
      const c = document.getElementById('c')!;
      c.textContent = c.textContent!.slice(0, 6) + '…';
    });
    // The page's own characters are converted like any it adds.
    await expect.poll(() => texts('a')).toEqual(['全面落實戰略定位，奮力推進現代化建設（更新於3日）']);
    expect(await texts('b')).toEqual(['統籌發展', '和安全，保持經濟運行在合理區間']);
    expect(await texts('c')).toEqual(['堅持穩中求進…']);

    await toggle(tabId);
    expect(await texts('a')).toEqual(['全面落实战略定位，奋力推进现代化建设（更新于3日）']);
    expect(await texts('b')).toEqual(['统筹发展', '和安全，保持经济运行在合理区间']);
    expect(await texts('c')).toEqual(['坚持稳中求进…']);
    await page.close();
  });

  it('a region made editable while converted is restored around what the user typed, caret and focus kept', async () => {
    server.route('toggle/editable.html', reportPage('<div id="ed"><p id="edp">全面落实战略定位</p></div>'));
    const { page, tabId } = await openAnnotated('toggle/editable.html');
    await toggle(tabId);
    await page.evaluate(() => {
      const ed = document.getElementById('ed')!;
      ed.setAttribute('contenteditable', 'true');
      ed.focus();
      const t = document.getElementById('edp')!.firstChild as Text;
      getSelection()!.setBaseAndExtent(t, 4, t, 4);
    });
    await page.keyboard.type('新');
    const read = () =>
      page.evaluate(() => {
        const s = getSelection()!;
        const p = document.getElementById('edp')!;
        return { text: p.textContent, nodes: p.childNodes.length, caret: s.isCollapsed && s.anchorNode === p.firstChild ? s.anchorOffset : null, active: document.activeElement?.id };
      });
    // Typed text in an editable region is not converted.
    await expect.poll(read).toEqual({ text: '全面落實新戰略定位', nodes: 1, caret: 5, active: 'ed' });
    await toggle(tabId);
    expect(await read()).toEqual({ text: '全面落实新战略定位', nodes: 1, caret: 5, active: 'ed' });
    await page.close();
  });

  it('iframe-host: a same-origin iframe converts with the page, its highlights and tooltips follow, and both documents restore byte for byte', async () => {
    const { page, tabId } = await openAnnotated('pages/iframe-host.html');
    const frame = page.frames().find((f) => f.url().endsWith('iframe-child.html'))!;
    const frameTerms = async () => Object.keys((await highlightCounts(page, 'iframe'))[HIGHLIGHTS.defined] ?? {});
    await expect.poll(frameTerms).toEqual(expect.arrayContaining(['六稳', '六保', '五位一体”总体布局']));
    // The tooltip's host element, the extension's own, stays in the top document once a tooltip opened.
    const pageHtml = () =>
      page.evaluate(() => {
        const root = document.documentElement.cloneNode(true) as Element;
        for (const own of root.querySelectorAll('[data-report-lens-ui]')) own.remove();
        return root.outerHTML;
      });
    const top = await pageHtml();
    const child = await frame.evaluate(() => document.documentElement.outerHTML);

    expect(await toggle(tabId)).toMatchObject({ original: 'simplified', current: 'traditional', converted: true });
    expect(await page.textContent('#host-p')).toBe('堅持穩中求進工作總基調，切實做好各項工作，全面落實“三高四新”戰略定位和使命任務，紮實推進“二中心一樞紐”建設，經濟發展和社會事業取得全面進步。');
    expect(await page.getAttribute('#child-frame', 'title')).toBe('報告第二部分');
    expect(await frame.title()).toBe('二、今後五年目標任務');
    expect(await frame.textContent('#child-p1')).toBe('統籌推進“五位一體”總體佈局，協調推進“四個全面”戰略佈局，立足新發展階段，完整、準確、全面貫徹新發展理念，構建新發展格局。');
    expect(await frame.textContent('#child-p2')).toBe('我們必須堅持穩字當頭、穩中求進，統籌疫情防控和經濟社會發展，繼續做好“六穩”“六保”工作，推動經濟實現質的穩步提升和量的合理增長。');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    // The frame's terms are found again in its new text, and open in the page's new script.
    await expect.poll(frameTerms).toEqual(expect.arrayContaining(['六穩', '六保', '五位一體”總體佈局']));
    await hoverInFrame(page, '六穩');
    await expect.poll(() => tooltipTerm(page)).toBe('六穩');
    await expect.poll(() => tooltipDefinition(page)).toBe('穩就業、穩金融、穩外貿、穩外資、穩投資、穩預期。');
    await page.mouse.move(5, 5);
    await expect.poll(() => tooltipTerm(page)).toBeNull();

    // The popup knows the page is converted, and restores it.
    const popup = await ext.popupFor(page);
    await popup.locator('[data-testid="toggle-script"][data-converted="true"]').waitFor();
    await popup.getByTestId('toggle-script').click();
    await popup.locator('[data-testid="toggle-script"][data-converted="false"]').waitFor();
    await popup.close();
    expect(await pageHtml()).toBe(top);
    expect(await frame.evaluate(() => document.documentElement.outerHTML)).toBe(child);
    await expect.poll(frameTerms).toEqual(expect.arrayContaining(['六稳', '六保', '五位一体”总体布局']));
    await page.bringToFront();
    await hoverInFrame(page, '六稳');
    await expect.poll(() => tooltipTerm(page)).toBe('六稳');
    await expect.poll(() => tooltipDefinition(page)).toBe('稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。');
    expect(ext.extensionErrors).toEqual([]);
    await page.close();
  });

  it('in a same-origin iframe: fields, editable text, code and scripts stay, the page’s script works, and a frame added while converted is converted and restored', async () => {
    server.route(
      'toggle/frame-child.html',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>附件一</title></head><body>
      <p id="fp">全面落实“三高四新”战略定位，继续做好“六稳”“六保”工作。</p>
      <input id="fin" value="全面落实三高四新" placeholder="请输入留言"><textarea id="fta">建议继续做好六稳六保工作</textarea>
      <div id="fed" contenteditable="true">在此编辑：全面落实</div><code id="fcode">highlight("三高四新")</code>
      <button id="fbtn" type="button">计数</button><span id="fcount">0</span>
      <script>window.__slogan = '三高四新'; document.getElementById('fbtn').addEventListener('click', () => { const c = document.getElementById('fcount'); c.textContent = String(Number(c.textContent) + 1); });</script>
      </body></html>`,
    );
    server.route(
      'toggle/frame-late.html',
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>附件二</title></head><body><p id="lp">统筹推进“五位一体”总体布局，扎实做好“六稳”工作。</p></body></html>',
    );
    server.route('toggle/frame-host.html', reportPage('<iframe id="f1" src="frame-child.html"></iframe>'));
    const { page, tabId } = await openAnnotated('toggle/frame-host.html');
    const frame = page.frames().find((f) => f.url().endsWith('frame-child.html'))!;
    await expect.poll(async () => Object.keys((await highlightCounts(page, '#f1'))[HIGHLIGHTS.defined] ?? {})).toContain('六稳');
    await frame.fill('#fin', '我的留言：六稳六保');
    const top = await html(page);
    const child = await frame.evaluate(() => document.documentElement.outerHTML);

    await toggle(tabId);
    expect(await frame.textContent('#fp')).toBe('全面落實“三高四新”戰略定位，繼續做好“六穩”“六保”工作。');
    expect(await frame.getAttribute('#fin', 'placeholder')).toBe('請輸入留言');
    expect(await frame.inputValue('#fin')).toBe('我的留言：六稳六保');
    expect(await frame.getAttribute('#fin', 'value')).toBe('全面落实三高四新');
    expect(await frame.inputValue('#fta')).toBe('建议继续做好六稳六保工作');
    expect(await frame.textContent('#fed')).toBe('在此编辑：全面落实');
    expect(await frame.textContent('#fcode')).toBe('highlight("三高四新")');
    expect(await frame.evaluate(() => (window as unknown as { __slogan: string }).__slogan)).toBe('三高四新');
    await frame.click('#fbtn');
    await expect.poll(() => frame.textContent('#fcount')).toBe('1');

    // A frame added while converted is converted once it loads, and annotated in its new text.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<iframe id="f2" src="frame-late.html"></iframe>'));
    const late = () => page.frames().find((f) => f.url().endsWith('frame-late.html'));
    await expect.poll(async () => (await late()?.textContent('#lp')) ?? null).toBe('統籌推進“五位一體”總體佈局，紮實做好“六穩”工作。');
    await expect.poll(async () => Object.keys((await highlightCounts(page, '#f2'))[HIGHLIGHTS.defined] ?? {})).toContain('六穩');

    await toggle(tabId);
    expect(await late()!.textContent('#lp')).toBe('统筹推进“五位一体”总体布局，扎实做好“六稳”工作。');
    expect(await late()!.title()).toBe('附件二');
    expect(await late()!.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await frame.evaluate(() => (document.getElementById('fcount')!.textContent = '0'));
    await page.evaluate(() => document.getElementById('f2')!.remove());
    expect(await html(page)).toBe(top);
    expect(await frame.evaluate(() => document.documentElement.outerHTML)).toBe(child);
    expect(await frame.inputValue('#fin')).toBe('我的留言：六稳六保');
    await page.close();
  });

  it('reports no extension errors', () => {
    expect(ext.extensionErrors).toEqual([]);
  });
});
