// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentAnnotator } from '../../../lib/dom/annotator';
import { firstNotBefore, initKeyboard, offScreen } from '../../../lib/dom/keyboard';
import { PageSession, type SessionDeps, type TermHit } from '../../../lib/dom/session';
import type { TermSpan } from '../../../lib/types';

describe('firstNotBefore', () => {
  const over = (items: (boolean | null)[]) => {
    const asked: number[] = [];
    const i = firstNotBefore(0, items.length, (j) => (asked.push(j), items[j]!));
    return { i, asked };
  };

  it('finds the first item not before the position, asking a logarithmic number of items', () => {
    const items = Array.from({ length: 1000 }, (_, j) => j < 637);
    const { i, asked } = over(items);
    expect(i).toBe(637);
    expect(asked.length).toBeLessThanOrEqual(11);
    expect(over([false, false]).i).toBe(0);
    expect(over([true, true]).i).toBe(2);
    expect(over([]).i).toBe(0);
    expect(firstNotBefore(5, 9, (j) => j < 7)).toBe(7);
  });

  it('asks the neighbours of an item that cannot tell (a term not laid out)', () => {
    expect(over([true, true, null, null, true, false, false]).i).toBe(5);
    expect(over([true, null, null, false, false]).i).toBe(1);
    expect(over([null, null, true, false]).i).toBe(3);
    expect(over([true, true, null, null]).i).toBe(2);
    expect(over([null, null, null]).i).toBe(0);
  });
});

describe('offScreen', () => {
  const rect = (top: number, bottom: number) => ({ top, bottom, width: 30, height: bottom - top });
  it('is above or below the viewport; a rect not laid out cannot be told to be', () => {
    expect(offScreen(rect(-40, -10), 900)).toBe(true);
    expect(offScreen(rect(-10, 10), 900)).toBe(false);
    expect(offScreen(rect(890, 910), 900)).toBe(false);
    expect(offScreen(rect(900, 920), 900)).toBe(true);
    expect(offScreen({ top: 0, bottom: 0, width: 0, height: 0 }, 900)).toBe(false);
  });
});

/**
 * A session over three paragraphs with one term each, plus one in the first paragraph added later (at
 * the end of the model, as content appended by a page is). happy-dom lays nothing out: where the
 * reader is comes from their selection.
 */
function setup() {
  document.body.innerHTML = '<p id="a">做好六稳工作，落实六保任务。</p><p id="b">推进三高四新。</p><p id="c">实现双减目标。</p>';
  const ctl = new AbortController();
  const session = new PageSession(window, { labels: {} } as unknown as SessionDeps, ctl.signal);
  const textOf = (id: string) => document.getElementById(id)!.firstChild as Text;
  const spans = new Map<TermSpan, [Text, number, number]>();
  const term = (id: string, from: number, to: number, start: number): TermSpan => {
    const span: TermSpan = { start, end: start + to - from, text: textOf(id).data.slice(from, to), source: 'glossary', entry: 'x' };
    spans.set(span, [textOf(id), from, to]);
    return span;
  };
  const terms = [term('a', 2, 4, 2), term('b', 2, 6, 20), term('c', 2, 4, 30), term('a', 9, 11, 50)];
  const annotator = {
    doc: document,
    terms,
    rangeOf: (span: TermSpan) => {
      const [node, from, to] = spans.get(span)!;
      if (!node.isConnected) return null;
      const r = document.createRange();
      r.setStart(node, from);
      r.setEnd(node, to);
      return r;
    },
    layer: { setFocus: () => {} },
    destroy: () => {},
  } as unknown as DocumentAnnotator;
  session.annotators.push(annotator);
  const opened: string[] = [];
  vi.spyOn(session, 'open').mockImplementation(async (hit: TermHit) => void opened.push(hit.span.text));
  initKeyboard(session, ctl.signal);
  const press = (code: 'KeyN' | 'KeyP') => document.body.dispatchEvent(new KeyboardEvent('keydown', { code, key: code.slice(3), altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
  const caret = (id: string, offset: number) => getSelection()!.collapse(textOf(id), offset);
  return { ctl, opened, press, caret, textOf, annotator, term };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  getSelection()?.removeAllRanges();
});

describe('Alt+Shift+N / P from the reader’s caret', () => {
  it('goes to the next term after the caret, or the last one before it, in page order', () => {
    const { ctl, opened, press, caret } = setup();
    cleanup = () => ctl.abort();
    caret('b', 1);
    press('KeyN');
    // The selection is where it was, but the reader clicked there again: a new start, not the term after.
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    press('KeyN');
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    press('KeyP');
    // 六保 was added to the model last, but stands in the first paragraph: before 三高四新.
    expect(opened).toEqual(['三高四新', '三高四新', '六保']);
  });

  it('goes on from the current term while the selection stays, and from a new selection once it moves', () => {
    const { ctl, opened, press, caret } = setup();
    cleanup = () => ctl.abort();
    caret('a', 5);
    press('KeyN');
    press('KeyN');
    press('KeyN');
    // Past the last term: round to the first.
    press('KeyN');
    caret('c', 0);
    press('KeyP');
    expect(opened).toEqual(['六保', '三高四新', '双减', '六稳', '三高四新']);
  });

  it('counts a term the caret is in as behind it both ways, and passes over terms whose text left the page', () => {
    const { ctl, opened, press, caret, textOf } = setup();
    cleanup = () => ctl.abort();
    caret('b', 3);
    press('KeyN');
    caret('b', 3);
    textOf('c').remove();
    caret('b', 4);
    press('KeyN');
    caret('b', 3);
    press('KeyP');
    expect(opened).toEqual(['双减', '六稳', '六保']);
  });

  it('goes on from where the current term was when the page was annotated afresh (script toggle), not from the top', () => {
    const { ctl, opened, press, caret, annotator, term } = setup();
    cleanup = () => ctl.abort();
    caret('a', 0);
    press('KeyN');
    press('KeyN');
    // The toggle converts the text in place and annotates it again: new spans, the same text nodes.
    (annotator as unknown as { terms: TermSpan[] }).terms = [term('a', 2, 4, 2), term('a', 9, 11, 9), term('b', 2, 6, 20), term('c', 2, 4, 30)];
    press('KeyN');
    (annotator as unknown as { terms: TermSpan[] }).terms = [term('a', 2, 4, 2), term('a', 9, 11, 9), term('b', 2, 6, 20), term('c', 2, 4, 30)];
    press('KeyP');
    expect(opened).toEqual(['六稳', '六保', '三高四新', '六保']);
  });
});
