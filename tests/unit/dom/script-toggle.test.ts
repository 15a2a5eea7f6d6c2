// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { convertPage, type ConvertRequest, type ConvertResult } from '../../../lib/convert/page';
import { DEFAULT_VARIANTS } from '../../../lib/convert/variants';
import { convertDocument, ScriptToggle, type ScriptConversionOptions } from '../../../lib/dom/script-toggle';
import type { Script } from '../../../lib/text/script';

/** The background's half, with the real OpenCC, behind a task boundary like a message. */
function backend(delay = 1) {
  const requests: ConvertRequest[] = [];
  const convert = async (request: ConvertRequest): Promise<ConvertResult> => {
    requests.push(structuredClone(request));
    await new Promise((r) => setTimeout(r, delay));
    return convertPage(request, { variants: DEFAULT_VARIANTS, repair: true });
  };
  return { requests, convert };
}

function options(convert: ScriptConversionOptions['convert'], to: Script | 'auto' = 'auto'): ScriptConversionOptions {
  return { to, convert };
}

function page(head: string, body: string, lang: string | null = 'zh-CN'): void {
  if (lang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', lang);
  document.head.innerHTML = head;
  document.body.innerHTML = body;
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

const controllers: AbortController[] = [];
function controller(): AbortController {
  const c = new AbortController();
  controllers.push(c);
  return c;
}
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

const SIMPLIFIED_PAGE = `
  <h1 title="政府工作报告">政府工作报告</h1>
  <p id="p">全面落实“三高<b>四新</b>”战略，推进“三强一化”建设。</p>
  <p><img id="img" alt="图解：扎实做好六稳六保工作" src="data:,"><a id="a" href="#" aria-label="查看战略定位">详情</a></p>
  <input id="input" value="全面落实三高四新" placeholder="请输入留言标题">
  <textarea id="textarea">建议继续做好六稳六保工作</textarea>
  <select id="select"><option>六稳六保</option></select>
  <button id="button" type="button">加载更多</button>
  <div id="editable" contenteditable="true">在此编辑：全面落实</div>
  <code id="code">highlight("三高四新")</code>
  <pre id="pre">const slogans = ["六稳六保"];</pre>
  <script>var PAGE_SLOGAN = '三高四新';</script>
  <style>/* 样式 */</style>`;

describe('convertDocument', () => {
  it('converts text, the title and title/alt/placeholder/aria-label, and restores byte for byte', async () => {
    page('<meta charset="utf-8"><title>衡阳市人民政府 政府工作报告</title>', SIMPLIFIED_PAGE);
    (document.getElementById('input') as HTMLInputElement).value = '用户输入的标题';
    const before = document.documentElement.outerHTML;
    const { convert } = backend();
    const c = controller();
    const conversion = await convertDocument(document, options(convert), c.signal);
    expect(conversion).toMatchObject({ from: 'simplified', to: 'traditional' });

    expect(document.title).toBe('衡陽市人民政府 政府工作報告');
    expect(document.getElementById('p')!.textContent).toBe('全面落實“三高四新”戰略，推進“三強一化”建設。');
    expect(document.querySelector('h1')!.getAttribute('title')).toBe('政府工作報告');
    expect(document.getElementById('img')!.getAttribute('alt')).toBe('圖解：紮實做好六穩六保工作');
    expect(document.getElementById('a')!.getAttribute('aria-label')).toBe('查看戰略定位');
    expect(document.getElementById('input')!.getAttribute('placeholder')).toBe('請輸入留言標題');
    expect(document.getElementById('button')!.textContent).toBe('加載更多');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hant');
    // Form values, editable regions, code and scripts stay as they were.
    expect((document.getElementById('input') as HTMLInputElement).value).toBe('用户输入的标题');
    expect(document.getElementById('input')!.getAttribute('value')).toBe('全面落实三高四新');
    expect(document.getElementById('textarea')!.textContent).toBe('建议继续做好六稳六保工作');
    expect(document.getElementById('select')!.textContent).toBe('六稳六保');
    expect(document.getElementById('editable')!.textContent).toBe('在此编辑：全面落实');
    expect(document.getElementById('code')!.textContent).toBe('highlight("三高四新")');
    expect(document.getElementById('pre')!.textContent).toBe('const slogans = ["六稳六保"];');
    expect(document.querySelector('script')!.textContent).toBe("var PAGE_SLOGAN = '三高四新';");

    c.abort();
    expect(document.documentElement.outerHTML).toBe(before);
    expect((document.getElementById('input') as HTMLInputElement).value).toBe('用户输入的标题');
  });

  it('restores a missing lang attribute by removing it', async () => {
    page('<title>报告</title>', '<p>全面落实</p>', null);
    const before = document.documentElement.outerHTML;
    const c = controller();
    await convertDocument(document, options(backend().convert), c.signal);
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hant');
    c.abort();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('repairs a traditional mirror page on the way to simplified, residue split off by a tag included', async () => {
    page('<title>衡南縣2022年政府工作報告</title>', '<p id="p">全麵落實責任製，推動產(chǎn)業發(fā)展，雙<b>創</b>(chuàng)示範</p>', 'zh-Hant');
    const before = document.documentElement.outerHTML;
    const c = controller();
    const conversion = await convertDocument(document, options(backend().convert), c.signal);
    expect(conversion).toMatchObject({ from: 'traditional', to: 'simplified' });
    expect(document.getElementById('p')!.textContent).toBe('全面落实责任制，推动产业发展，双创示范');
    expect(document.title).toBe('衡南县2022年政府工作报告');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    c.abort();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('converts content the page adds while converted, and restores it too', async () => {
    page('<title>报告</title>', '<main id="main"><p>全面落实</p></main>');
    const before = document.documentElement.outerHTML;
    const { convert, requests } = backend();
    const c = controller();
    const conversion = (await convertDocument(document, options(convert), c.signal))!;
    const main = document.getElementById('main')!;
    const added = document.createElement('section');
    added.innerHTML = '<p>继续做好六稳六保工作</p><img alt="图解">';
    main.append(added);
    document.title = '报告（二）';
    await tick();
    await conversion.settled();
    expect(added.textContent).toBe('繼續做好六穩六保工作');
    expect(added.querySelector('img')!.getAttribute('alt')).toBe('圖解');
    expect(document.title).toBe('報告（二）');
    // Settled: our own writes did not come back as work.
    const count = requests.length;
    await tick(100);
    expect(requests.length).toBe(count);

    c.abort();
    expect(added.textContent).toBe('继续做好六稳六保工作');
    expect(document.title).toBe('报告（二）');
    added.remove();
    document.title = '报告';
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('converts what the page adds while the first answer is still away (a slow first build)', async () => {
    page('<title>报告</title>', '<main id="main"><p>全面落实</p></main>');
    const { convert, requests } = backend(120);
    const c = controller();
    const pending = convertDocument(document, options(convert), c.signal);
    await tick(10);
    const added = Object.assign(document.createElement('p'), { textContent: '六稳六保' });
    document.getElementById('main')!.append(added);
    const conversion = (await pending)!;
    await tick();
    await conversion.settled();
    expect(added.textContent).toBe('六穩六保');
    expect(requests.map((r) => r.to)).toEqual(['auto', 'traditional']);
  });

  it('converts text the page rewrites, and restore gives back the page’s latest text', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p>');
    const c = controller();
    const conversion = (await convertDocument(document, options(backend().convert), c.signal))!;
    const text = document.getElementById('p')!.firstChild as Text;
    expect(text.data).toBe('全面落實');
    text.data = '六稳六保';
    await tick();
    await conversion.settled();
    expect(text.data).toBe('六穩六保');
    c.abort();
    expect(text.data).toBe('六稳六保');
  });

  it('settles when the page keeps putting its own text back (no ping-pong)', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p><p id="q">六稳六保</p>');
    const p = document.getElementById('p')!;
    const original = p.textContent!;
    // A framework that re-renders its state whenever the DOM differs from it.
    const fighter = new MutationObserver(() => {
      if (p.textContent !== original) (p.firstChild as Text).data = original;
    });
    fighter.observe(p, { characterData: true, subtree: true });
    const { convert, requests } = backend();
    const c = controller();
    const conversion = (await convertDocument(document, options(convert), c.signal))!;
    for (let i = 0; i < 20; i++) {
      await tick(40);
      await conversion.settled();
    }
    const count = requests.length;
    await tick(200);
    expect(requests.length).toBe(count);
    expect(count).toBeLessThan(6);
    expect(p.textContent).toBe(original);
    expect(document.getElementById('q')!.textContent).toBe('六穩六保');
    fighter.disconnect();
    c.abort();
    expect(p.textContent).toBe(original);
    expect(document.getElementById('q')!.textContent).toBe('六稳六保');
  });

  it('settles for what changed so far on a page that never stops changing (a ticker)', async () => {
    page('<title>报告</title>', '<p id="ticker">更新于0秒前</p>');
    const c = controller();
    const conversion = (await convertDocument(document, options(backend().convert), c.signal))!;
    const ticker = document.getElementById('ticker')!.firstChild as Text;
    let n = 0;
    const timer = setInterval(() => (ticker.data = `更新于${++n}秒前`), 2);
    try {
      await tick(20);
      await conversion.settled();
      await conversion.settled();
    } finally {
      clearInterval(timer);
    }
    await tick();
    await conversion.settled();
    expect(ticker.data).toBe(`更新於${n}秒前`);
  });

  it('converts a subtree when the page reveals it (hidden removed)', async () => {
    page('<title>报告</title>', '<p>全面落实</p><div id="tab" hidden><p>六稳六保</p></div>');
    const c = controller();
    const conversion = (await convertDocument(document, options(backend().convert), c.signal))!;
    const tab = document.getElementById('tab')!;
    expect(tab.textContent).toBe('六稳六保');
    tab.removeAttribute('hidden');
    await tick();
    await conversion.settled();
    expect(tab.textContent).toBe('六穩六保');
  });

  it('restores text in a region made editable after converting, keeping what the user typed', async () => {
    page('<title>报告</title>', '<div id="d"><p>全面落实</p></div><p id="q">六稳六保</p>');
    const c = controller();
    const conversion = (await convertDocument(document, options(backend().convert), c.signal))!;
    const d = document.getElementById('d')!;
    d.setAttribute('contenteditable', 'true');
    (d.querySelector('p')!.firstChild as Text).appendData('战略');
    await tick();
    await conversion.settled();
    // Typed text in an editable region is not converted…
    expect(d.textContent).toBe('全面落實战略');
    c.abort();
    // …and our conversion is undone around it.
    expect(d.textContent).toBe('全面落实战略');
    expect(document.getElementById('q')!.textContent).toBe('六稳六保');
  });

  it('writes nothing when aborted while the strings are away', async () => {
    page('<title>报告</title>', '<p>全面落实</p>');
    const before = document.documentElement.outerHTML;
    const c = controller();
    const pending = convertDocument(document, options(backend().convert), c.signal);
    c.abort();
    expect(await pending).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('has nothing to do on a page without Han text', async () => {
    page('<title>Report</title>', '<p>Annual report</p>', 'en');
    expect(await convertDocument(document, options(backend().convert), controller().signal)).toBeNull();
  });
});

describe('convertDocument: text the page changes while converted', () => {
  /** Converts `body`, lets `edit` change the page, waits for the conversion to catch up. */
  async function converted(body: string, lang = 'zh-CN') {
    page('<title>报告</title>', body, lang);
    const before = document.documentElement.outerHTML;
    const { convert, requests } = backend();
    const c = controller();
    const conversion = (await convertDocument(document, options(convert), c.signal))!;
    const settle = async () => {
      await tick();
      await conversion.settled();
    };
    return { before, requests, c, settle };
  }
  const text = (id: string) => document.getElementById(id)!.firstChild as Text;

  it('appendData: the untouched text comes back, the appended text stays the page’s', async () => {
    const { c, settle } = await converted('<p id="a">全面落实战略定位</p>');
    expect(text('a').data).toBe('全面落實戰略定位');
    text('a').appendData('，奋力推进现代化建设');
    await settle();
    expect(text('a').data).toBe('全面落實戰略定位，奮力推進現代化建設');
    c.abort();
    expect(text('a').data).toBe('全面落实战略定位，奋力推进现代化建设');
  });

  it('splitText: both halves come back byte for byte, and nothing is sent to convert', async () => {
    const { before, requests, c, settle } = await converted('<p id="b">统筹发展和安全，保持经济运行在合理区间</p>');
    const head = text('b');
    const count = requests.length;
    const tail = head.splitText(4);
    await settle();
    expect([head.data, tail.data]).toEqual(['統籌發展', '和安全，保持經濟運行在合理區間']);
    expect(requests.length).toBe(count);
    c.abort();
    expect([head.data, tail.data]).toEqual(['统筹发展', '和安全，保持经济运行在合理区间']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a script that reads the converted text and writes it back shortened: the kept part comes back', async () => {
    const { c, settle } = await converted('<p id="c">坚持稳中求进工作总基调</p>');
    const p = document.getElementById('c')!;
    p.textContent = p.textContent!.slice(0, 6) + '…';
    await settle();
    expect(p.textContent).toBe('堅持穩中求進…');
    c.abort();
    expect(p.textContent).toBe('坚持稳中求进…');
  });

  it('the page replaces a stretch in the middle: its text is its own, ours around it comes back', async () => {
    const { c, settle } = await converted('<p id="a">全面落实战略定位，奋力推进现代化建设</p>');
    text('a').replaceData(9, 4, '加快建设');
    expect(text('a').data).toBe('全面落實戰略定位，加快建设現代化建設');
    await settle();
    expect(text('a').data).toBe('全面落實戰略定位，加快建設現代化建設');
    c.abort();
    expect(text('a').data).toBe('全面落实战略定位，加快建设现代化建设');
  });

  it('normalize() and a textContent round trip over inline markup merge our nodes: their originals merge too', async () => {
    const { c, settle } = await converted('<p id="n"></p><p id="m">全面落实“三高<b>四新</b>”战略</p>');
    const n = document.getElementById('n')!;
    const m = document.getElementById('m')!;
    // Two adjacent text nodes, as scripts build them, then merged.
    n.append('全面落实', '战略定位');
    await settle();
    expect(n.textContent).toBe('全面落實戰略定位');
    n.normalize();
    m.textContent = m.textContent;
    await settle();
    expect([n.childNodes.length, m.childNodes.length]).toEqual([1, 1]);
    expect(m.textContent).toBe('全面落實“三高四新”戰略');
    c.abort();
    expect(n.textContent).toBe('全面落实战略定位');
    expect(m.textContent).toBe('全面落实“三高四新”战略');
  });

  it('a script wrapping part of our text in an element (surroundContents): all three parts come back', async () => {
    const { before, c, settle } = await converted('<p id="w">全面落实三高四新战略定位</p>');
    const t = text('w');
    const range = document.createRange();
    range.setStart(t, 4);
    range.setEnd(t, 8);
    range.surroundContents(document.createElement('mark'));
    await settle();
    expect(document.getElementById('w')!.innerHTML).toBe('全面落實<mark>三高四新</mark>戰略定位');
    c.abort();
    expect(document.getElementById('w')!.innerHTML).toBe('全面落实<mark>三高四新</mark>战略定位');
    document.querySelector('mark')!.replaceWith(...document.querySelector('mark')!.childNodes);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('text the page rewrites from its own text we had not converted yet is still converted', async () => {
    const { c, settle } = await converted('<p id="x">全面落实</p><p id="y"></p>');
    const y = document.getElementById('y')!;
    y.textContent = '六稳六保';
    await tick();
    y.textContent = y.textContent + '…';
    await settle();
    expect(y.textContent).toBe('六穩六保…');
    c.abort();
    expect(y.textContent).toBe('六稳六保…');
  });

  it('a mirror page whose conversion dropped residue: a split maps back through it exactly', async () => {
    const { before, c, settle } = await converted('<p id="r">推動產(chǎn)業發(fā)展，全麵落實</p>', 'zh-Hant');
    const head = text('r');
    expect(head.data).toBe('推动产业发展，全面落实');
    const tail = head.splitText(4);
    await settle();
    c.abort();
    expect([head.data, tail.data]).toEqual(['推動產(chǎn)業', '發(fā)展，全麵落實']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('an attribute the page appended to: ours comes back, the page’s addition stays', async () => {
    const { c, settle } = await converted('<p><img id="img" alt="图解" src="data:,">全面落实</p>');
    const img = document.getElementById('img')!;
    img.setAttribute('alt', img.getAttribute('alt') + '：六稳六保');
    await settle();
    expect(img.getAttribute('alt')).toBe('圖解：六穩六保');
    c.abort();
    expect(img.getAttribute('alt')).toBe('图解：六稳六保');
  });
});

describe('convertDocument: the selection', () => {
  it('maps the selection through text whose length changes (dropped residue), both ways', async () => {
    page('<title>報告</title>', '<p id="r">推動產(chǎn)業發(fā)展，全麵落實</p>', 'zh-Hant');
    const t = document.getElementById('r')!.firstChild as Text;
    const sel = document.getSelection()!;
    // Backwards, over 產(chǎn)業.
    sel.setBaseAndExtent(t, 10, t, 2);
    const c = controller();
    await convertDocument(document, options(backend().convert), c.signal);
    expect(t.data).toBe('推动产业发展，全面落实');
    expect([sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset]).toEqual([t, 4, t, 2]);
    expect(sel.toString()).toBe('产业');
    c.abort();
    expect([sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset]).toEqual([t, 10, t, 2]);
    expect(sel.toString()).toBe('產(chǎn)業');
    sel.removeAllRanges();
  });
});

describe('ScriptToggle', () => {
  function toggle(pageScript: Script | null = 'simplified') {
    const { convert, requests } = backend();
    const toggled: boolean[] = [];
    const t = new ScriptToggle(document, {
      convert,
      pageScript: () => pageScript,
      onToggled: (s) => void toggled.push(s.converted),
    });
    return { t, toggled, requests };
  }

  it('converts, then restores; a double press runs in order', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p>');
    const before = document.documentElement.outerHTML;
    const { t, toggled } = toggle();
    expect(t.state).toMatchObject({ original: 'simplified', current: 'simplified', converted: false, ms: null });
    const [first, second] = await Promise.all([t.toggle(), t.toggle()]);
    expect(first).toMatchObject({ original: 'simplified', current: 'traditional', converted: true });
    expect(first.ms).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ converted: false });
    expect(toggled).toEqual([true, false]);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('brings a remembered site into its script only when it is not already there', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p>');
    const { t, requests } = toggle('simplified');
    await t.ensure('simplified');
    expect(requests).toHaveLength(0);
    expect(await t.ensure('traditional')).toMatchObject({ converted: true, current: 'traditional' });
    expect(document.getElementById('p')!.textContent).toBe('全面落實');
    await t.ensure('traditional');
    expect(requests).toHaveLength(1);
    await t.toggle();
  });

  it('says when each toggle or ensure that ran is over, with the state it came to (for a popup that did not ask)', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p>');
    const { convert } = backend();
    const settled: { converted: boolean; current: Script | null; error?: string }[] = [];
    let failing = false;
    const t = new ScriptToggle(document, {
      convert: (request) => (failing ? Promise.reject(new Error('background unreachable')) : convert(request)),
      pageScript: () => 'simplified',
      onToggled: () => {},
      onSettled: ({ converted, current, error }) => void settled.push({ converted, current, ...(error ? { error } : {}) }),
    });
    await t.ensure('simplified');
    // Nothing ran: nothing to say.
    expect(settled).toEqual([]);
    await t.toggle();
    // Said once the page shows it, not before.
    expect(settled).toEqual([{ converted: true, current: 'traditional' }]);
    expect(document.getElementById('p')!.textContent).toBe('全面落實');
    await t.toggle();
    await t.ensure('traditional');
    failing = true;
    await t.ensure('simplified');
    await t.toggle();
    expect(settled).toEqual([
      { converted: true, current: 'traditional' },
      { converted: false, current: 'simplified' },
      { converted: true, current: 'traditional' },
      { converted: false, current: 'simplified' },
      // A failed conversion is said too: the state carries its error.
      { converted: false, current: 'simplified', error: 'background unreachable' },
    ]);
  });

  it('a listener that throws does not undo the toggle', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p>');
    const t = new ScriptToggle(document, {
      convert: backend().convert,
      pageScript: () => 'simplified',
      onToggled: () => {},
      onSettled: () => {
        throw new Error('no popup');
      },
    });
    expect(await t.toggle()).toMatchObject({ converted: true });
    await t.toggle();
  });

  it('reports a failed conversion and leaves the page alone', async () => {
    page('<title>报告</title>', '<p id="p">全面落实</p>');
    let calls = 0;
    const t = new ScriptToggle(document, {
      convert: () => (calls++, Promise.reject(new Error('background unreachable'))),
      pageScript: () => 'simplified',
      onToggled: () => {},
    });
    expect(await t.toggle()).toMatchObject({ converted: false, error: 'background unreachable' });
    expect(document.getElementById('p')!.textContent).toBe('全面落实');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    // And stops watching it.
    document.body.append(Object.assign(document.createElement('p'), { textContent: '六稳六保' }));
    await tick(100);
    expect(calls).toBe(1);
  });
});

describe('ScriptToggle: same-origin iframes', () => {
  /** Adds a same-origin iframe and waits for its document. */
  async function addFrame(srcdoc: string, id: string): Promise<{ el: HTMLIFrameElement; doc: () => Document }> {
    const el = document.createElement('iframe');
    el.id = id;
    el.srcdoc = srcdoc;
    const loaded = new Promise((r) => el.addEventListener('load', r, { once: true }));
    document.body.append(el);
    await loaded;
    return { el, doc: () => el.contentDocument! };
  }

  function toggle() {
    const { convert, requests } = backend();
    const toggled: { converted: boolean; documents: readonly Document[] }[] = [];
    const late: Document[] = [];
    const t = new ScriptToggle(document, {
      convert,
      pageScript: () => null,
      onToggled: (s, documents) => void toggled.push({ converted: s.converted, documents }),
      onFrameConverted: (doc) => void late.push(doc),
    });
    return { t, toggled, late, requests };
  }

  const CHILD = `<html lang="zh-CN"><head><title>二、今后五年目标任务</title></head><body>
    <p id="c">统筹推进“五位一体”总体布局</p><textarea id="ta">继续做好六稳六保工作</textarea>
    <div id="ed" contenteditable="true">在此编辑</div><script>var SLOGAN = '六稳六保';</script></body></html>`;

  it('converts a frame with the page, in the page’s direction, and restores both byte for byte', async () => {
    page('<title>政府工作报告</title>', '<p id="p">全面落实“三高四新”战略定位</p>');
    const child = await addFrame(CHILD, 'f1');
    // Already traditional: the page goes to traditional, so this frame stays as it is.
    const mirror = await addFrame('<html lang="zh-TW"><body><p id="m">全面落實戰略定位</p></body></html>', 'f2');
    const before = [document.documentElement.outerHTML, child.doc().documentElement.outerHTML, mirror.doc().documentElement.outerHTML];
    const { t, toggled } = toggle();

    expect(await t.toggle()).toMatchObject({ original: 'simplified', current: 'traditional', converted: true });
    expect(document.getElementById('p')!.textContent).toBe('全面落實“三高四新”戰略定位');
    const c = child.doc();
    expect(c.title).toBe('二、今後五年目標任務');
    expect(c.getElementById('c')!.textContent).toBe('統籌推進“五位一體”總體佈局');
    expect(c.documentElement.getAttribute('lang')).toBe('zh-Hant');
    expect(c.getElementById('ta')!.textContent).toBe('继续做好六稳六保工作');
    expect(c.getElementById('ed')!.textContent).toBe('在此编辑');
    expect(c.querySelector('script')!.textContent).toBe("var SLOGAN = '六稳六保';");
    expect(mirror.doc().getElementById('m')!.textContent).toBe('全面落實戰略定位');
    // Each converted document is read again by the annotation.
    expect(toggled[0]).toEqual({ converted: true, documents: [document, c, mirror.doc()] });

    expect(await t.toggle()).toMatchObject({ converted: false });
    expect([document.documentElement.outerHTML, child.doc().documentElement.outerHTML, mirror.doc().documentElement.outerHTML]).toEqual(before);
    expect(toggled[1]).toEqual({ converted: false, documents: [document, c, mirror.doc()] });
  });

  it('a shell page without Han text of its own takes its frame’s direction', async () => {
    page('<title>Report</title>', '<p>Report, part 2</p>');
    const child = await addFrame('<html lang="zh-HK"><body><p id="c">全面落實“三高四新”戰略定位</p></body></html>', 'f1');
    const { t } = toggle();
    expect(await t.toggle()).toMatchObject({ original: 'traditional', current: 'simplified', converted: true });
    expect(child.doc().getElementById('c')!.textContent).toBe('全面落实“三高四新”战略定位');
    await t.toggle();
    expect(child.doc().getElementById('c')!.textContent).toBe('全面落實“三高四新”戰略定位');
  });

  it('converts a frame that loads while converted (added, or navigated) and restores it', async () => {
    page('<title>政府工作报告</title>', '<p id="p">全面落实</p>');
    const { t, late } = toggle();
    await t.toggle();
    const child = await addFrame(CHILD, 'f1');
    await t.settled();
    expect(child.doc().getElementById('c')!.textContent).toBe('統籌推進“五位一體”總體佈局');
    expect(late).toEqual([child.doc()]);

    // The frame navigates: its new document is converted as it loads.
    const loaded = new Promise((r) => child.el.addEventListener('load', r, { once: true }));
    child.el.srcdoc = '<html lang="zh-CN"><body><p id="n">继续做好六稳六保工作</p></body></html>';
    await loaded;
    await t.settled();
    const next = child.doc();
    expect(next.getElementById('n')!.textContent).toBe('繼續做好六穩六保工作');
    expect(late).toEqual([expect.anything(), next]);

    expect(await t.toggle()).toMatchObject({ converted: false });
    expect(next.getElementById('n')!.textContent).toBe('继续做好六稳六保工作');
    expect(next.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(document.getElementById('p')!.textContent).toBe('全面落实');
  });
});
