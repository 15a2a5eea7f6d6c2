// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../../lib/analyze';
import { DocumentAnnotator } from '../../../lib/dom/annotator';

/**
 * What the annotator's observer is given: the attribute names of the records it received. The page's own
 * attribute changes cost the page a record each, for every observer that asks for them.
 */
function countAttributeRecords(): string[] {
  const seen: string[] = [];
  const Base = window.MutationObserver;
  class Counting extends Base {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        for (const r of records) if (r.type === 'attributes') seen.push(r.attributeName!);
        callback(records, observer);
      });
    }
  }
  window.MutationObserver = Counting;
  restore.push(() => (window.MutationObserver = Base));
  return seen;
}

/** Hidden is what sits in [data-state="closed"], as a page's CSS would show it. */
function hideClosedPanels() {
  const proto = Element.prototype as Element & { checkVisibility?: () => boolean };
  const had = Object.getOwnPropertyDescriptor(proto, 'checkVisibility');
  proto.checkVisibility = function (this: Element) {
    return !this.closest('[data-state="closed"]');
  };
  restore.push(() => (had ? Object.defineProperty(proto, 'checkVisibility', had) : delete (proto as { checkVisibility?: unknown }).checkVisibility));
}

const restore: (() => void)[] = [];
afterEach(() => {
  for (const f of restore.splice(0)) f();
  document.body.innerHTML = '';
});

function annotator() {
  const matched: string[] = [];
  const analysis: PageAnalysis = {
    report: { isReport: true, score: 1, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2023 },
    script: 'simplified',
    terms: [],
    pageGlossary: [],
    targets: [],
  };
  const a = new DocumentAnnotator(document, {
    force: true,
    analyzer: {
      analyze: async () => analysis,
      matchText: async (text) => {
        matched.push(text);
        return [];
      },
    },
  });
  restore.push(() => a.destroy());
  return { a, matched };
}

const microtasks = () => new Promise((r) => setTimeout(r, 0));
const flushed = () => new Promise((r) => setTimeout(r, 250));

describe('the observer and the page’s attribute changes', () => {
  it('asks for every attribute only while an element is left out as hidden', async () => {
    hideClosedPanels();
    const seen = countAttributeRecords();
    document.body.innerHTML = '<p>扎实做好六稳六保工作。</p><svg><rect id="bar" x="0"></rect></svg>';
    const { a, matched } = annotator();
    await a.run();
    // Nothing hidden: a chart animating its bars is none of the observer's business.
    // Before: every change reached the observer (all attributes were watched from the start).
    const bar = document.querySelector('#bar')!;
    for (let i = 1; i <= 5; i++) bar.setAttribute('x', String(i));
    await microtasks();
    expect(seen).toEqual([]);

    // A closed panel arrives: now any attribute may open it, and one does.
    document.body.insertAdjacentHTML('beforeend', '<div id="acc" data-state="closed"><p>落实一带一路倡议。</p></div>');
    await flushed();
    expect(matched).toEqual([]);
    document.querySelector('#acc')!.setAttribute('data-state', 'open');
    await flushed();
    expect(seen).toEqual(['data-state']);
    expect(matched).toEqual(['落实一带一路倡议。\n']);

    // Read, nothing is hidden any more: the chart's changes are not watched again.
    for (let i = 6; i <= 10; i++) bar.setAttribute('x', String(i));
    await microtasks();
    expect(seen).toEqual(['data-state']);
  });
});
