// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildTextModel, rangeFor, segmentAt } from '../../../lib/dom/text-model';
import { ViewportHighlights, type RangeSink } from '../../../lib/dom/viewport-highlights';
import type { TermSource, TermSpan } from '../../../lib/types';

/** An IntersectionObserver the test drives: `cross(el, true)` reports el as near the viewport. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly targets = new Set<Element>();
  options: IntersectionObserverInit | undefined;
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    options?: IntersectionObserverInit,
  ) {
    this.options = options;
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.targets.clear();
  }
  cross(el: Element, near: boolean, size = 10) {
    const boundingClientRect = { width: size, height: size } as DOMRectReadOnly;
    this.callback([{ target: el, isIntersecting: near, boundingClientRect } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

class Sink implements RangeSink {
  readonly ranges = new Map<TermSource, Set<Range>>();
  add(source: TermSource, ranges: Range[]) {
    const set = this.ranges.get(source) ?? new Set();
    for (const r of ranges) set.add(r);
    this.ranges.set(source, set);
  }
  remove(source: TermSource, ranges: Range[]) {
    for (const r of ranges) this.ranges.get(source)?.delete(r);
  }
  texts(): string[] {
    return [...this.ranges.values()].flatMap((s) => [...s].map((r) => r.toString())).sort();
  }
}

function setup(html: string, terms: [string, TermSource][]) {
  document.body.innerHTML = html;
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
  const model = buildTextModel(document.body);
  const spans: TermSpan[] = [];
  for (const [text, source] of terms) {
    let at = model.text.indexOf(text);
    while (at >= 0) {
      spans.push({ start: at, end: at + text.length, text, source, entry: null } as TermSpan);
      at = model.text.indexOf(text, at + 1);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const sink = new Sink();
  let firsts = 0;
  const vh = new ViewportHighlights(
    document,
    sink,
    (s) => rangeFor(model, s.start, s.end),
    (s) => model.segments[segmentAt(model.segments, s.start)]!.node.parentElement,
    () => firsts++,
  );
  return { vh, sink, spans, io: FakeObserver.last!, firsts: () => firsts };
}

describe('ViewportHighlights', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('registers nothing until an element is near, then exactly its terms; drops them when it is far again', () => {
    const { vh, sink, spans, io, firsts } = setup('<p id="a">落实三高四新，做好六稳</p><p id="b">再谈三高<b>四新</b></p><p id="c">无</p>', [
      ['三高四新', 'glossary'],
      ['六稳', 'unknown'],
    ]);
    vh.add(spans);
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id)!);
    // #c holds no term: not observed.
    expect([...io.targets]).toEqual([a, b]);
    expect(io.options?.rootMargin).toBe('100% 0px 100% 0px');
    expect(sink.texts()).toEqual([]);
    expect(firsts()).toBe(0);

    io.cross(a!, true);
    expect(sink.texts()).toEqual(['三高四新', '六稳']);
    expect(sink.ranges.get('unknown')?.size).toBe(1);
    expect(firsts()).toBe(1);
    io.cross(b!, true);
    // The term split across <b> belongs to the element of its first character.
    expect(sink.texts()).toEqual(['三高四新', '三高四新', '六稳']);
    expect(vh.registered).toBe(3);
    io.cross(a!, false);
    expect(sink.texts()).toEqual(['三高四新']);
    io.cross(a!, true);
    io.cross(a!, true);
    expect(vh.registered).toBe(3);
    expect(firsts()).toBe(1);
  });

  it('shows terms added later at once when their element is already near, and stops on destroy', () => {
    const { vh, sink, spans, io } = setup('<p id="a">三高四新与六稳</p>', [
      ['三高四新', 'glossary'],
      ['六稳', 'glossary'],
    ]);
    vh.add([spans[0]!]);
    io.cross(document.getElementById('a')!, true);
    expect(sink.texts()).toEqual(['三高四新']);
    vh.add([spans[1]!]);
    expect(sink.texts()).toEqual(['三高四新', '六稳']);
    vh.destroy();
    expect(io.disconnected).toBe(true);
    expect(vh.registered).toBe(0);
  });

  it('skips a term whose range cannot be made and still shows the rest of the batch', () => {
    document.body.innerHTML = '<p id="a">三高四新与六稳</p><p id="b">六稳</p>';
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
    const model = buildTextModel(document.body);
    const spans = [
      { start: 0, end: 4, text: '三高四新', source: 'glossary', entry: null },
      { start: 5, end: 7, text: '六稳', source: 'glossary', entry: null },
      { start: 8, end: 10, text: '六稳', source: 'glossary', entry: null },
    ] as TermSpan[];
    const sink = new Sink();
    const vh = new ViewportHighlights(
      document,
      sink,
      (s) => {
        if (s.start === 0) throw new DOMException('offset past the end', 'IndexSizeError');
        return rangeFor(model, s.start, s.end);
      },
      (s) => model.segments[segmentAt(model.segments, s.start)]!.node.parentElement,
    );
    vh.add(spans);
    const io = FakeObserver.last!;
    io.cross(document.getElementById('a')!, true);
    io.cross(document.getElementById('b')!, true);
    expect(sink.texts()).toEqual(['六稳', '六稳']);
    expect(vh.registered).toBe(2);
  });

  it('watches the terms of a display: contents element (never reported as intersecting) through its nearest ancestor with a box', () => {
    const { vh, sink, spans, io } = setup(
      '<div id="p"><span id="c" style="display:contents"><em id="cc" style="display:contents">落实三高四新</em></span>，做好六稳</div><p id="h">六稳</p>',
      [
        ['三高四新', 'glossary'],
        ['六稳', 'unknown'],
      ],
    );
    vh.add(spans);
    const p = document.getElementById('p')!;
    const cc = document.getElementById('cc')!;
    const h = document.getElementById('h')!;
    expect([...io.targets]).toEqual([cc, p, h]);
    // The first report of a box-less element: display: contents moves its terms to the ancestor's watch.
    io.cross(cc, false, 0);
    io.cross(h, false, 0);
    expect([...io.targets]).toEqual([p, h]);
    expect(sink.texts()).toEqual([]);
    io.cross(p, true);
    expect(sink.texts()).toEqual(['三高四新', '六稳']);
    // An element reported without a box for another reason (hidden for now, collapsed) keeps its own
    // watch: its term shows when it does.
    io.cross(h, true);
    expect(sink.texts()).toEqual(['三高四新', '六稳', '六稳']);
    io.cross(p, false);
    expect(sink.texts()).toEqual(['六稳']);
  });

  it('moves the terms of a display: contents element onto an ancestor already on screen at once', () => {
    const { vh, sink, spans, io } = setup('<div id="p">六稳<span id="c" style="display:contents">三高四新</span></div>', [
      ['三高四新', 'glossary'],
      ['六稳', 'unknown'],
    ]);
    vh.add(spans);
    io.cross(document.getElementById('p')!, true);
    expect(sink.texts()).toEqual(['六稳']);
    io.cross(document.getElementById('c')!, false, 0);
    expect(sink.texts()).toEqual(['三高四新', '六稳']);
    expect(vh.registered).toBe(2);
  });

  it('highlights every term while the page prints, and only those near the viewport again after', () => {
    const { vh, sink, spans, io } = setup('<p id="a">三高四新</p><p id="b">六稳</p><p id="c">三高四新与六稳</p>', [
      ['三高四新', 'glossary'],
      ['六稳', 'unknown'],
    ]);
    vh.add(spans);
    io.cross(document.getElementById('a')!, true);
    expect(sink.texts()).toEqual(['三高四新']);
    window.dispatchEvent(new Event('beforeprint'));
    expect(sink.texts()).toEqual(['三高四新', '三高四新', '六稳', '六稳']);
    // The print layout moves elements out of the observer's view: nothing is dropped meanwhile.
    io.cross(document.getElementById('a')!, false);
    io.cross(document.getElementById('b')!, true);
    expect(vh.registered).toBe(4);
    window.dispatchEvent(new Event('afterprint'));
    expect(sink.texts()).toEqual(['六稳']);
    // Destroyed: a later print registers nothing.
    vh.destroy();
    window.dispatchEvent(new Event('beforeprint'));
    expect(sink.texts()).toEqual(['六稳']);
    window.dispatchEvent(new Event('afterprint'));
  });
});
