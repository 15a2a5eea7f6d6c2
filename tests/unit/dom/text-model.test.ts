// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextModel, buildTextModelSliced, highlightRangeMaker, rangeFor, segmentAt, textStillAt, walkPlaceOf } from '../../../lib/dom/text-model';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('buildTextModel', () => {
  it('joins inline pieces and separates blocks with one newline', () => {
    const m = buildTextModel(body('<h1>衡阳目标篇</h1><p>全面落实“三高<b>四新</b>”战略</p><div><p>第二段</p></div>'));
    expect(m.text).toBe('衡阳目标篇\n全面落实“三高四新”战略\n第二段\n');
    expect(m.headings).toEqual([{ text: '衡阳目标篇', level: 1, start: 0 }]);
  });

  it('skips scripts, styles, form fields, code, pre and contenteditable regions', () => {
    const m = buildTextModel(
      body(
        '<p>甲</p><script>var s="三高四新"</script><style>p{}</style><textarea>六稳</textarea><input value="六保">' +
          '<code>双碳</code><pre>双减</pre><div contenteditable="true">放管服</div><p hidden>隐藏</p><p>乙</p>',
      ),
    );
    expect(m.text).toBe('甲\n乙\n');
  });

  it('maps offsets back to text nodes, across inline tags', () => {
    const m = buildTextModel(body('<p>落实“三高<b>四新</b>”</p>'));
    const start = m.text.indexOf('三高四新');
    const range = rangeFor(m, start, start + 4)!;
    expect(range.toString()).toBe('三高四新');
    expect(range.startContainer.textContent).toBe('落实“三高');
    expect(range.endContainer.textContent).toBe('四新');
    expect(segmentAt(m.segments, m.text.length + 5)).toBe(-1);
  });

  it('offsets a subtree model by its base', () => {
    const root = body('<p>新增段落六稳六保</p>');
    const m = buildTextModel(root.firstChild!, 100);
    expect(m.text).toBe('新增段落六稳六保');
    expect(m.segments[0]).toMatchObject({ start: 100, end: 108 });
  });

  it('returns an empty model for a skipped root and for an empty body', () => {
    document.body.innerHTML = '<script>x</script>';
    expect(buildTextModel(document.body.firstChild!).text).toBe('');
    expect(buildTextModel(body('')).text).toBe('');
  });
});

describe('open shadow roots', () => {
  it('reads them in place of the host, lists every one it entered (empty ones too), not those of skipped hosts', () => {
    const b = body('<p>甲</p><div id="a"></div><div id="e"></div><div id="h" hidden></div><p>乙</p>');
    const a = b.querySelector('#a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>组件：三高四新</p>';
    const e = b.querySelector('#e')!.attachShadow({ mode: 'open' });
    b.querySelector('#h')!.attachShadow({ mode: 'open' }).innerHTML = '<p>隐藏</p>';
    const m = buildTextModel(b);
    expect(m.text).toBe('甲\n组件：三高四新\n乙\n');
    expect(m.shadows).toEqual([a, e]);
    // A subtree read from the host itself lists its root too.
    expect(buildTextModel(b.querySelector('#a')!).shadows).toEqual([a]);
  });

  it('places a node inside a shadow root by its host’s ancestors', () => {
    const b = body('<div id="h" hidden></div><div id="v"></div>');
    const hidden = b.querySelector('#h')!.attachShadow({ mode: 'open' });
    hidden.innerHTML = '<p>隐藏</p>';
    const visible = b.querySelector('#v')!.attachShadow({ mode: 'open' });
    visible.innerHTML = '文字';
    expect(walkPlaceOf(hidden.querySelector('p')!.firstChild!, null)).toBe('skipped');
    expect(walkPlaceOf(visible.firstChild!, null)).toBe('read');
  });
});

describe('rangeFor', () => {
  it('returns null, not a throw, when a page script shortened the text node since the model was read', () => {
    const m = buildTextModel(body('<p>落实三高<b>四新</b>战略</p>'));
    const at = m.text.indexOf('三高四新');
    expect(rangeFor(m, at, at + 4)?.toString()).toBe('三高四新');
    (document.querySelector('b')!.firstChild as Text).data = '四';
    expect(rangeFor(m, at, at + 4)).toBeNull();
    expect(rangeFor(m, at, at + 2)?.toString()).toBe('三高');
  });
});

describe('highlightRangeMaker and textStillAt', () => {
  it('gives the same boundaries as rangeFor, as a StaticRange, across inline tags', () => {
    const m = buildTextModel(body('<p>落实“三高<b>四新</b>”战略</p>'));
    const at = m.text.indexOf('三高四新');
    const live = rangeFor(m, at, at + 4)!;
    const win = window as unknown as { StaticRange?: unknown };
    const had = win.StaticRange;
    // happy-dom has no StaticRange: a stand-in takes the init dictionary as the browser's does.
    class FakeStaticRange {
      constructor(init: object) {
        Object.assign(this, init);
      }
    }
    win.StaticRange = FakeStaticRange;
    try {
      const r = highlightRangeMaker(window as unknown as Window & typeof globalThis)(m, at, at + 4)!;
      expect(r).toBeInstanceOf(FakeStaticRange);
      expect([r.startContainer, r.startOffset, r.endContainer, r.endOffset]).toEqual([live.startContainer, live.startOffset, live.endContainer, live.endOffset]);
      expect(highlightRangeMaker(window as unknown as Window & typeof globalThis)(m, m.text.length + 1, m.text.length + 3)).toBeNull();
    } finally {
      win.StaticRange = had;
    }
    // Without StaticRange, a live Range over the same text.
    if (had === undefined) expect(highlightRangeMaker(window as unknown as Window & typeof globalThis)(m, at, at + 4)?.toString()).toBe('三高四新');
    expect(highlightRangeMaker(null)(m, at, at + 4)?.toString()).toBe('三高四新');
  });

  it('says whether the nodes still hold the text the model read, per node, across inline tags', () => {
    const m = buildTextModel(body('<p>落实三高<b>四新</b>战略</p><p>六稳六保</p>'));
    const at = m.text.indexOf('三高四新');
    const six = m.text.indexOf('六稳');
    expect(textStillAt(m, at, at + 4)).toBe(true);
    (document.querySelector('b')!.firstChild as Text).data = '五新';
    expect(textStillAt(m, at, at + 4)).toBe(false);
    expect(textStillAt(m, at, at + 2)).toBe(true);
    expect(textStillAt(m, six, six + 4)).toBe(true);
    expect(textStillAt(m, m.text.length + 1, m.text.length + 2)).toBe(false);
  });
});

describe('buildTextModelSliced', () => {
  it('reads what buildTextModel reads, and counts its own time without the yields', async () => {
    const html = Array.from({ length: 700 }, (_, i) => `<p>第${i}段落实<b>三高四新</b></p>`).join('');
    const whole = buildTextModel(body(html));
    let yields = 0;
    const stats = { busyMs: 0, slices: [] as number[] };
    const t0 = performance.now();
    // A zero budget yields at every check (each 256 nodes); each yield waits 25 ms, as a busy page might.
    const sliced = await buildTextModelSliced(document.body, () => (yields++, new Promise((r) => setTimeout(r, 25))), 0, 0, stats);
    const wall = performance.now() - t0;
    expect(sliced.text).toBe(whole.text);
    expect(sliced.segments.length).toBe(whole.segments.length);
    expect(yields).toBeGreaterThan(3);
    expect(stats.busyMs).toBeGreaterThan(0);
    expect(stats.busyMs).toBeLessThan(wall - yields * 20);
    // One slice per stretch between yields, in order, each yield's wait between two of them.
    const { slices } = stats;
    expect(slices.length).toBe(2 * (yields + 1));
    let sum = 0;
    for (let i = 0; i < slices.length; i += 2) {
      expect(slices[i + 1]!).toBeGreaterThanOrEqual(slices[i]!);
      if (i > 0) expect(slices[i]! - slices[i - 1]!).toBeGreaterThanOrEqual(20);
      sum += slices[i + 1]! - slices[i]!;
    }
    expect(sum).toBeCloseTo(stats.busyMs, 6);
  });
});

describe('tables', () => {
  it('reads a row of one-line cells as one line, its cells (empty ones too) separated by tabs', () => {
    const m = buildTextModel(
      body(
        '<table>\n<tbody>\n<tr>\n  <td>指标</td>\n  <td>2020年</td>\n  <td>2025年</td>\n</tr>\n' +
          '<tr><td>森林覆盖率（%）</td><td></td><td>24.1</td></tr>\n</tbody>\n</table><p>正文</p>',
      ),
    );
    const rows = m.text.split('\n').filter((l) => l.includes('\t'));
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['指标', '2020年', '2025年'],
      ['森林覆盖率（%）', '', '24.1'],
    ]);
    expect(m.text.endsWith('正文\n')).toBe(true);
    // Offsets still lead to the cells' own nodes.
    const at = m.text.indexOf('24.1');
    expect(rangeFor(m, at, at + 4)?.toString()).toBe('24.1');
  });

  it('reads a short cell’s own breaks (<br>, a Word table’s <p>, the source’s wrapping) as spaces, one character for one', () => {
    const html =
      '<table><tr><td><p>年均增長</p><p>/累計</p></td><td>2025<br>年</td><td><span>地區生產\n總值</span></td></tr></table>';
    const m = buildTextModel(body(html));
    const row = m.text.split('\n').find((l) => l.includes('\t'))!;
    expect(row.split('\t').map((c) => c.trim())).toEqual(['年均增長 /累計', '2025 年', '地區生產 總值']);
    const at = m.text.indexOf('地區生產');
    expect(rangeFor(m, at, at + 7)?.toString()).toBe('地區生產\n總值');
    // The node still holds what the model read: its line break reads as the space.
    expect(textStillAt(m, at, at + 7)).toBe(true);
  });

  it('keeps the lines of a layout table whose cells hold an article', () => {
    const article = Array.from({ length: 4 }, (_, i) => `<p>第${i + 1}段，全面落实“三高四新”战略定位和使命任务，推动高质量发展取得新成效。</p>`).join('\n');
    const m = buildTextModel(body(`<table><tr><td>-</td><td>\n<h3>标题</h3>\n${article}\n</td><td>2025-07-02</td></tr></table>`));
    const lines = m.text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['-', '标题']);
    expect(lines.filter((l) => l.startsWith('第'))).toHaveLength(4);
    expect(lines[lines.length - 1]).toBe('2025-07-02');
    expect(m.headings).toEqual([{ text: '标题', level: 3, start: m.text.indexOf('标题') }]);
  });

  it('never joins two cells into one term', () => {
    const m = buildTextModel(body('<table><tr><td>三高</td><td>四新</td></tr></table>'));
    expect(m.text).not.toContain('三高四新');
    expect(m.text).toContain('三高\t四新');
  });
});
