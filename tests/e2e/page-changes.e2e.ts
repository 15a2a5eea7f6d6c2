import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, highlightCounts, highlightTotal, termPoint, tooltipTerm } from './page';
import { pageStateOf, waitForState } from './state';

/*
 * Pages that change after they were annotated: text rewritten in place, nodes moved, removed, added by
 * the thousand, a swapped body, a pushState navigation, terms inside web components, and the reader
 * switching annotation off while the first pass is still running.
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
<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。</p>`;
const report = (body: string, extra = '') => `${HEAD}<body>${INTRO}${body}${extra}</body></html>`;

let n = 0;
async function open(body: string, extra = ''): Promise<{ page: Page; tabId: number }> {
  const path = `gen/changes-${++n}.html`;
  server.route(path, report(body, extra));
  const page = await ext.open(server.govUrl(path));
  const tabId = await ext.tabIdOf(page);
  await waitForState(ext, tabId);
  return { page, tabId };
}

const defined = async (page: Page) => (await highlightCounts(page))[HIGHLIGHTS.defined] ?? {};
const termTexts = async (tabId: number) => ((await pageStateOf(ext, tabId))?.terms ?? []).map((t) => `${t.text}×${t.count}`).sort();

describe('a page that changes after annotation', () => {
  it('re-reads text a page script rewrites in place: the old highlight goes, the new term is found', async () => {
    const { page, tabId } = await open('<p id="a">坚持以三高四新战略为引领，推动经济高位运行。</p><p>全力扎实推进“一主一特双总部”建设。</p>');
    expect(await defined(page)).toEqual({ 三高四新: 1, 一主一特双总部: 1 });
    await page.evaluate(() => ((document.querySelector('#a')!.firstChild as Text).data = '全面扎实做好六稳六保工作，推动经济高位运行。'));
    await expect.poll(() => defined(page)).toEqual({ 六稳六保: 1, 一主一特双总部: 1 });
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '六稳六保×1']);
    await page.close();
  });

  it('keeps one highlight per term when the page moves its nodes', async () => {
    const { page, tabId } = await open(
      '<div id="list"><p>坚持以三高四新战略为引领。</p><p>做好六稳六保工作。</p><p>推进“一主一特双总部”建设。</p></div><div id="other"></div>',
    );
    const before = await defined(page);
    expect(before).toEqual({ 三高四新: 1, 六稳六保: 1, 一主一特双总部: 1 });
    await page.evaluate(() => {
      const other = document.querySelector('#other')!;
      for (let round = 0; round < 3; round++) {
        other.append(...document.querySelectorAll('#list > p'));
        document.querySelector('#list')!.append(...other.querySelectorAll('p'));
      }
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(await defined(page)).toEqual(before);
    expect(await termTexts(tabId)).toEqual(['一主一特双总部×1', '三高四新×1', '六稳六保×1']);
    await page.close();
  });

  it('forgets the terms of content the page removes', async () => {
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p><section id="gone"><p>做好六稳六保工作。</p><p>再次强调六稳六保。</p></section>');
    expect(await termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×2']);
    await page.evaluate(() => document.querySelector('#gone')!.remove());
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1']);
    await page.close();
  });

  it('annotates 2,000 paragraphs added in one go, each term once', async () => {
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p><div id="feed"></div>');
    await page.evaluate(() => {
      const feed = document.querySelector('#feed')!;
      for (let i = 0; i < 2000; i++) {
        const p = document.createElement('p');
        p.textContent = `第${i + 1}条：扎实做好六稳六保工作。`;
        feed.append(p);
      }
    });
    await expect.poll(() => termTexts(tabId), { timeout: 30_000 }).toEqual(['三高四新×1', '六稳六保×2000']);
    await page.close();
  });

  it('reads a swapped body (Turbo-style navigation) as the page', async () => {
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p>');
    await page.evaluate((intro) => {
      const body = document.createElement('body');
      body.innerHTML = `${intro}<p>奋力推进“一主一特双总部”建设，扎实做好六稳六保工作。</p>`;
      document.body.replaceWith(body);
    }, INTRO);
    await expect.poll(() => defined(page)).toEqual({ 一主一特双总部: 1, 六稳六保: 1 });
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '六稳六保×1']);
    await page.close();
  });

  it('after a pushState navigation, reports the new section alone: its URL, its terms, its targets', async () => {
    const page = await ext.open(server.govUrl('pages/spa.html'));
    const tabId = await ext.tabIdOf(page);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.terms.some((t) => t.text === '一主一特双总部')).toBe(true);
    await page.click('#nav-next');
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.url).toMatch(/section=2|\/2/);
    // The new address is taken as the new section's reading starts; its terms come when that reading is
    // done. Until then the state keeps the first section's terms, unchanged long enough on a busy machine
    // to look settled to waitForState: wait for a term only the new section has.
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.terms.map((t) => t.text)).toContain('五位一体总体布局');
    const state = await waitForState(ext, tabId);
    expect(state!.terms.map((t) => t.text)).not.toContain('一主一特双总部');
    expect(state!.terms.map((t) => t.text)).toContain('五位一体总体布局');
    expect(state!.targets.map((t) => `${t.indicator} ${t.value}${t.unit}${t.qualifier}`)).toEqual([
      '地区生产总值 8.5%以上',
      '规模工业增加值 9%以上',
      '固定资产投资 10%以上',
    ]);
    await page.close();
  });
});

describe('a single-page app that leaves the report and comes back', () => {
  // Its sections arrive after the address changed (as a fetch brings them), one of its pages is no
  // report (a notice list), and Back shows a report section again at once (popstate).
  const SECTIONS: Record<number, { title: string; html: string }> = {
    1: {
      title: '衡阳市2023年政府工作报告（一）',
      html: '<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。</p><h2>一、2022年工作回顾</h2><p>全面落实“三高四新”战略定位和使命任务，扎实做好六稳六保工作，着力打造“一主一特双总部”。</p><p>坚持稳中求进，统筹发展和安全，持续改善民生，保持社会大局稳定。</p>',
    },
    2: {
      title: '衡阳市2023年政府工作报告（二）',
      html: '<p>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。</p><h2>二、2023年工作安排</h2><p>统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，完整、准确、全面贯彻新发展理念。</p><p>2023年全市经济社会发展的主要预期目标：地区生产总值增长6.5%以上，规模工业增加值增长8%以上。</p>',
    },
    3: {
      title: '通知公告',
      html: '<h2>通知公告</h2><ul><li>关于春节期间办公时间调整的通知</li><li>市民服务中心停车场临时关闭</li><li>网站维护公告</li></ul>',
    },
  };
  const SPA = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${SECTIONS[1]!.title}</title></head><body>
<h1>衡阳市人民政府</h1><article id="article">${SECTIONS[1]!.html}</article>
<button type="button" id="go2">二</button><button type="button" id="go3">三</button>
<script>
var SECTIONS = ${JSON.stringify(SECTIONS)};
var article = document.getElementById('article');
function render(n) { document.title = SECTIONS[n].title; article.innerHTML = SECTIONS[n].html; }
function go(n, delay) {
  history.pushState({ n: n }, '', '?part=' + n);
  article.textContent = '';
  if (delay) setTimeout(function () { render(n); }, delay); else render(n);
}
document.getElementById('go2').onclick = function () { go(2, 800); };
document.getElementById('go3').onclick = function () { go(3, 0); };
window.addEventListener('popstate', function (e) { render(e.state && e.state.n ? e.state.n : 1); });
</script></body></html>`;

  it('annotates a section that arrives after its pushState, and a report section shown again after a page that is none', async () => {
    server.route('gen/spa-sections.html', SPA);
    const page = await ext.open(server.govUrl('gen/spa-sections.html'));
    const tabId = await ext.tabIdOf(page);
    await expect.poll(async () => (await defined(page))['三高四新']).toBe(1);

    // The address changes, the old section goes, and the new one comes 800 ms later.
    await page.click('#go2');
    await expect.poll(async () => (await defined(page))['五位一体”总体布局']).toBe(1);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.url).toMatch(/\?part=2$/);
    expect((await defined(page))['三高四新']).toBeUndefined();

    // A page that is no report: nothing is highlighted there.
    await page.click('#go3');
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.report.isReport).toBe(false);
    await expect.poll(() => highlightTotal(page)).toBe(0);

    // Back to the report section: it is read again, under its own address.
    await page.goBack();
    await expect.poll(async () => (await defined(page))['五位一体”总体布局']).toBe(1);
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.url).toMatch(/\?part=2$/);
    const state = await waitForState(ext, tabId);
    expect(state!.report.isReport).toBe(true);
    expect(state!.targets.map((t) => `${t.indicator} ${t.value}${t.unit}${t.qualifier}`)).toEqual(['地区生产总值 6.5%以上', '规模工业增加值 8%以上']);
    await page.close();
  });
});

describe('pages that keep changing a little', () => {
  const runs = (page: Page) => page.evaluate(() => performance.getEntriesByName('report-lens:run', 'mark').length);

  it('a ticking clock beside the terms neither re-reads the page nor makes highlights flicker', async () => {
    const { page, tabId } = await open(
      '<div id="art">坚持以三高四新战略为引领。<br>扎实做好六稳六保工作。<br>当前时间：<span id="clk">00:00:00</span><br>推进“一主一特双总部”建设。</div>',
    );
    const before = await defined(page);
    expect(before).toEqual({ 三高四新: 1, 六稳六保: 1, 一主一特双总部: 1 });
    await page.evaluate(() => {
      // The highlights as registered now: terms whose own text does not change keep theirs, untouched.
      (window as unknown as { __ranges: Set<AbstractRange> }).__ranges = new Set(
        (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-defined'),
      );
      let n = 0;
      setInterval(() => ((document.querySelector('#clk')!.firstChild as Text).data = `00:00:${String(++n % 60).padStart(2, '0')}`), 100);
    });
    const seen = new Set<string>();
    for (let i = 0; i < 15; i++) {
      seen.add(JSON.stringify(await defined(page)));
      await page.waitForTimeout(150);
    }
    expect([...seen]).toEqual([JSON.stringify(before)]);
    expect(
      await page.evaluate(() => {
        const kept = (window as unknown as { __ranges: Set<AbstractRange> }).__ranges;
        const now = [...(CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-defined')!];
        return now.every((r) => kept.has(r));
      }),
    ).toBe(true);
    expect(await runs(page)).toBe(1);
    expect(await termTexts(tabId)).toEqual(['一主一特双总部×1', '三高四新×1', '六稳六保×1']);
    await page.close();
  });

  it('an address rewritten while the reader scrolls keeps the page one page, under its first address', async () => {
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p><p id="n">阅读次数：0</p>');
    const first = page.url();
    await page.evaluate(() => {
      let n = 0;
      setInterval(() => {
        history.replaceState(null, '', `?section=s${++n}`);
        (document.querySelector('#n')!.firstChild as Text).data = `阅读次数：${n}`;
      }, 150);
    });
    await page.waitForTimeout(2000);
    // Playwright learns the address from the browser's events, which a busy machine can deliver late.
    await expect.poll(() => page.url()).not.toBe(first);
    expect(await runs(page)).toBe(1);
    expect((await pageStateOf(ext, tabId))?.url).toBe(first);
    await page.close();
  });

  it('a page rewriting every line of a <br>-lined article gets each term back once', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `第${i + 1}行：扎实做好六稳六保工作`).join('<br>');
    const { page, tabId } = await open(`<div id="art">${lines}</div>`);
    expect(await termTexts(tabId)).toEqual(['六稳六保×1500']);
    // What a site's own 简/繁 link does: every text node rewritten in place.
    await page.evaluate(() => {
      for (const n of document.querySelector('#art')!.childNodes) if (n.nodeType === 3) (n as Text).data = (n as Text).data.replace('工作', '工作。');
    });
    await expect.poll(() => termTexts(tabId), { timeout: 20_000 }).toEqual(['六稳六保×1500']);
    expect(await runs(page)).toBe(1);
    await page.close();
  });
});

describe('two reasons to read the page again at once', () => {
  it('a new page followed at once by the script toggle: one set of highlights, not two', async () => {
    const paragraphs = (term: string) => Array.from({ length: 40 }, (_, i) => `<p>第${i + 1}段：坚持${term}，推动高质量发展。</p>`).join('');
    const { page, tabId } = await open(`<div id="content">${paragraphs('三高四新战略')}</div>`);
    await page.evaluate((html) => {
      document.querySelector('#content')!.innerHTML = html;
      history.pushState(null, '', '?page=2');
    }, paragraphs('六稳六保工作'));
    await page.waitForTimeout(100);
    await ext.worker.evaluate(
      (id) => (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<unknown> } }).reportLens.toggleScriptTab(id),
      tabId,
    );
    await page.waitForTimeout(3000);
    // The converted page's reading can still be under way on a busy machine, with as many terms as the
    // simplified one, which waitForState alone would take for settled: wait for the converted terms.
    await expect.poll(async () => (await pageStateOf(ext, tabId))?.terms.map((t) => t.text).sort()).toEqual(['六穩六保', '高質量發展']);
    const state = await waitForState(ext, tabId);
    expect(state!.terms.map((t) => t.text).sort()).toEqual(['六穩六保', '高質量發展']);
    expect(await highlightTotal(page)).toBe(state!.termCount);
    await page.close();
  });
});

describe('same-origin iframes that change', () => {
  it('counts a navigated iframe’s new page only, and nothing of a removed one', async () => {
    server.route('gen/frame-a.html', report('<p>子页面：扎实做好六稳六保工作。</p>'));
    server.route('gen/frame-b.html', report('<p>另一子页面：推进“一主一特双总部”建设。</p>'));
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p>', '<iframe id="f" src="frame-a.html"></iframe>');
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    await page.evaluate(() => ((document.querySelector('#f') as HTMLIFrameElement).src = 'frame-b.html'));
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '三高四新×1']);
    await page.evaluate(() => document.querySelector('#f')!.remove());
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1']);
    await page.close();
  });
});

describe('text the reader or the page reveals', () => {
  it('reads an opened <details> and a display:contents wrapper', async () => {
    const { page, tabId } = await open(
      '<div style="display:contents"><p>坚持以三高四新战略为引领。</p></div><details id="more"><summary>展开全文</summary><p>扎实做好六稳六保工作。</p></details>',
    );
    expect(await termTexts(tabId)).toEqual(['三高四新×1']);
    await page.click('summary');
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    expect(await defined(page)).toEqual({ 三高四新: 1, 六稳六保: 1 });
    await page.close();
  });

  it('reads a tab panel shown by a class and a 展开全文 section shown by a style, once each', async () => {
    const { page, tabId } = await open(
      `<style>.pane { display: none } .pane.on { display: block }</style>
      <p>坚持以三高四新战略为引领。</p>
      <div class="pane on" id="p1"><p>第一页：推动经济高位运行。</p></div>
      <div class="pane" id="p2"><p>第二页：扎实做好六稳六保工作。</p></div>
      <div id="rest" style="display:none"><p>全力推进“一主一特双总部”建设。</p><p>不忘三高四新。</p></div>
      <div id="spin" class="a" style="left:0"></div>`,
    );
    expect(await termTexts(tabId)).toEqual(['三高四新×1']);
    // A page animating one element's class and style all along: nothing hidden shows, nothing is read.
    await page.evaluate(() => {
      const spin = document.querySelector<HTMLElement>('#spin')!;
      let n = 0;
      setInterval(() => {
        spin.className = n % 2 ? 'a' : 'b';
        spin.style.left = `${++n}px`;
      }, 30);
    });
    await page.waitForTimeout(600);
    expect(await termTexts(tabId)).toEqual(['三高四新×1']);
    await page.evaluate(() => {
      document.querySelector('#p1')!.classList.remove('on');
      document.querySelector('#p2')!.classList.add('on');
    });
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    // Back and forth between the tabs: what was read once is not read again.
    await page.evaluate(() => {
      document.querySelector('#p2')!.classList.remove('on');
      document.querySelector('#p1')!.classList.add('on');
    });
    await page.waitForTimeout(400);
    await page.evaluate(() => document.querySelector('#p2')!.classList.add('on'));
    await page.evaluate(() => ((document.querySelector('#rest') as HTMLElement).style.display = ''));
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '三高四新×2', '六稳六保×1']);
    expect(await defined(page)).toEqual({ 三高四新: 2, 六稳六保: 1, 一主一特双总部: 1 });
    await page.close();
  });

  it('reads what the page shows by an aria or data attribute, a checked radio, its :target or a popover (CSS alone)', async () => {
    const { page, tabId } = await open(
      `<style>
        .panel, .tab-b, #more { display: none }
        [aria-expanded="true"] + .panel, [data-state="open"] > .panel { display: block }
        #tab-b:checked ~ .tab-b, #more:target { display: block }
      </style>
      <p>坚持以三高四新战略为引领。</p>
      <button id="toggle" aria-expanded="false" onclick="this.setAttribute('aria-expanded', 'true')">展开</button>
      <div class="panel"><p>扎实做好六稳六保工作。</p></div>
      <div id="acc" data-state="closed"><div class="panel"><p>全力推进“一主一特双总部”建设。</p></div></div>
      <input type="radio" name="tab" id="tab-a" checked><input type="radio" name="tab" id="tab-b">
      <div class="tab-b"><p>稳步推进一府两院工作。</p></div>
      <a id="go" href="#more">更多</a><div id="more"><p>落实一带一路倡议。</p></div>
      <div id="note" popover><p>持续推进一网通办。</p></div>`,
    );
    expect(await termTexts(tabId)).toEqual(['三高四新×1']);
    // Before: none of these is a class, style, open or hidden change, and none was read.
    await page.click('#toggle');
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    await page.evaluate(() => document.querySelector('#acc')!.setAttribute('data-state', 'open'));
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '三高四新×1', '六稳六保×1']);
    await page.click('#tab-b');
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '一府两院×1', '三高四新×1', '六稳六保×1']);
    await page.click('#go');
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '一带一路×1', '一府两院×1', '三高四新×1', '六稳六保×1']);
    await page.evaluate(() => (document.querySelector('#note') as HTMLElement).showPopover());
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '一带一路×1', '一府两院×1', '一网通办×1', '三高四新×1', '六稳六保×1']);
    await page.close();
  });

  it('reads a panel the page shows while the extension is still analysing (between its walk and its watch)', async () => {
    // The page shows its panel the moment the walk is over (its user-timing mark), before the analysis
    // comes back and the watch starts: no class or style change is seen afterwards.
    const { page, tabId } = await open(
      '<p>坚持以三高四新战略为引领。</p><div id="early" style="display:none"><p>扎实做好六稳六保工作。</p></div>',
      `<script>
        new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.name === 'report-lens:walked')) document.querySelector('#early').style.display = 'block';
        }).observe({ type: 'mark' });
      </script>`,
    );
    expect(await page.evaluate(() => (document.querySelector('#early') as HTMLElement).style.display)).toBe('block');
    // Before: 三高四新 alone, until some later class or style change happened to trigger a check.
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    expect(await defined(page)).toEqual({ 三高四新: 1, 六稳六保: 1 });
    await page.close();
  });

  it('a hidden list filled item by item takes one place among the hidden elements kept, not one per item', async () => {
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p><div id="list" style="display:none"></div><div id="slot"></div>');
    // 2,500 items, more than the 2,000 hidden elements kept, appended into the hidden list after the
    // first reading; then another hidden panel, which the page shows.
    await page.evaluate(() => {
      const list = document.querySelector('#list')!;
      for (let i = 0; i < 2500; i++) list.append(Object.assign(document.createElement('p'), { textContent: `第${i}条。` }));
    });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const panel = Object.assign(document.createElement('div'), { id: 'other' });
      panel.style.display = 'none';
      panel.innerHTML = '<p>扎实做好六稳六保工作。</p>';
      document.querySelector('#slot')!.append(panel);
    });
    await page.waitForTimeout(500);
    await page.evaluate(() => ((document.querySelector('#other') as HTMLElement).style.display = 'block'));
    // Before: each item was kept on its own, the 2,000 places were full, and the panel was never read.
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    await page.close();
  });

  it('reads a panel the page adds hidden and shows later', async () => {
    const { page, tabId } = await open('<p>坚持以三高四新战略为引领。</p><div id="slot"></div>');
    await page.evaluate(() => {
      const panel = document.createElement('div');
      panel.id = 'late';
      panel.style.display = 'none';
      panel.innerHTML = '<p>扎实做好六稳六保工作。</p>';
      document.querySelector('#slot')!.append(panel);
    });
    await page.waitForTimeout(500);
    expect(await termTexts(tabId)).toEqual(['三高四新×1']);
    await page.evaluate(() => ((document.querySelector('#late') as HTMLElement).style.display = 'block'));
    await expect.poll(() => termTexts(tabId)).toEqual(['三高四新×1', '六稳六保×1']);
    expect(await defined(page)).toEqual({ 三高四新: 1, 六稳六保: 1 });
    await page.close();
  });
});

describe('terms inside web components (open shadow roots)', () => {
  const shadow = `<div id="host"></div><script>
    document.querySelector('#host').attachShadow({ mode: 'open' }).innerHTML = '<p>组件内：全面落实三高四新战略定位和使命任务。</p>';
  </script>`;

  it('opens their tooltip on hover', async () => {
    const { page } = await open('<p>扎实做好六稳六保工作。</p>', shadow);
    expect(await defined(page)).toEqual({ 六稳六保: 1, 三高四新: 1 });
    const { x, y } = await termPoint(page, HIGHLIGHTS.defined, '三高四新');
    await page.mouse.move(x, y);
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    await page.close();
  });

  it('follows what changes inside them after the first reading: content rendered later, a panel revealed, text rewritten', async () => {
    const { page, tabId } = await open(
      '<p>坚持以三高四新战略为引领。</p><div id="late"></div><div id="tabs"></div>',
      `<script>
        document.querySelector('#late').attachShadow({ mode: 'open' });
        document.querySelector('#tabs').attachShadow({ mode: 'open' }).innerHTML =
          '<style>.pane { display: none } .pane.on { display: block }</style><p id="t">组件：推进一网通办。</p><div class="pane"><p>扎实做好六稳六保工作。</p></div>';
      </script>`,
    );
    expect(await termTexts(tabId)).toEqual(['一网通办×1', '三高四新×1']);
    // Before: changes inside a shadow root were never seen; none of these was read.
    await page.evaluate(() => (document.querySelector('#late')!.shadowRoot!.innerHTML = '<p>组件渲染：全力推进一主一特双总部建设。</p>'));
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '一网通办×1', '三高四新×1']);
    await page.evaluate(() => document.querySelector('#tabs')!.shadowRoot!.querySelector('.pane')!.classList.add('on'));
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '一网通办×1', '三高四新×1', '六稳六保×1']);
    await page.evaluate(() => (document.querySelector('#tabs')!.shadowRoot!.querySelector('#t')!.firstChild as Text).data = '组件：落实一带一路倡议。');
    await expect.poll(() => termTexts(tabId)).toEqual(['一主一特双总部×1', '一带一路×1', '三高四新×1', '六稳六保×1']);
    expect(await defined(page)).toEqual({ 三高四新: 1, 一主一特双总部: 1, 六稳六保: 1, 一带一路: 1 });
    await page.close();
  });

  it('keeps the keyboard working: Alt+Shift+N reaches them', async () => {
    const { page } = await open('<p>扎实做好六稳六保工作。</p>', shadow);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipTerm(page)).toBe('六稳六保');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => tooltipTerm(page)).toBe('三高四新');
    await page.close();
  });
});

describe('switching annotation off during the first pass', () => {
  it('leaves nothing behind, iframes included, and saves nothing', async () => {
    const paragraphs = Array.from({ length: 6000 }, (_, i) => `<p>第${i + 1}段：坚持以三高四新战略为引领，推动高质量发展。</p>`).join('');
    server.route('gen/abort-child.html', report('<p>子页面：扎实做好六稳六保工作。</p>'));
    server.route('gen/abort-host.html', report(paragraphs, '<iframe id="f" src="abort-child.html"></iframe>'));
    const page = await ext.open('about:blank');
    const tabId = await ext.tabIdOf(page);
    const nav = page.goto(server.govUrl('gen/abort-host.html'), { waitUntil: 'commit' });
    // The first moment the content script listens, which is before its first pass is done.
    const sent = await ext.worker.evaluate(async (id: number) => {
      const t0 = Date.now();
      while (Date.now() - t0 < 20_000) {
        try {
          const c = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> } } }).chrome;
          await c.tabs.sendMessage(id, { id: 1, type: 'setAnnotations', data: { enabled: false }, timestamp: Date.now() }, { frameId: 0 });
          return true;
        } catch {
          await new Promise((r) => setTimeout(r, 2));
        }
      }
      return false;
    }, tabId);
    expect(sent).toBe(true);
    await nav;
    await page.waitForLoadState('load');
    await new Promise((r) => setTimeout(r, 2500));
    expect(await highlightCounts(page)).toEqual({});
    expect(await highlightCounts(page, '#f')).toEqual({});
    const state = await pageStateOf(ext, tabId);
    expect(state?.annotated ?? false).toBe(false);
    const saved = await ext.worker.evaluate(async (url: string) => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === 'report-lens')) return [];
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('report-lens');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const urls = await new Promise<string[]>((ok) => {
        const r = db.transaction('pages').objectStore('pages').getAll();
        r.onsuccess = () => ok((r.result as { url: string }[]).map((p) => p.url));
      });
      db.close();
      return urls.filter((u) => u.includes(url));
    }, 'abort-');
    expect(saved).toEqual([]);
    await page.close();
  });
});
