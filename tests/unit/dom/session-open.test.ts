// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentAnnotator } from '../../../lib/dom/annotator';
import { initHover } from '../../../lib/dom/hover';
import { initKeyboard } from '../../../lib/dom/keyboard';
import { PageSession, type EntryInfo, type SessionDeps, type TermHit } from '../../../lib/dom/session';
import type { TermSpan } from '../../../lib/types';

const LABELS = { defined: 'd', fromPage: 'p', unknown: 'u', components: 'c', source: 's', addEntry: 'a', close: 'x' };
const ENTRY: EntryInfo = { term: '六稳', surfaces: ['六稳'], definition: '稳就业、稳金融……', gloss: '', english: null, components: [], scopeLabel: '全国', scopeLevel: 'national', sourceLine: '来源' } as unknown as EntryInfo;

/** A session whose entries arrive when the test says so (a stopped worker answers ~100 ms late). */
function setup() {
  document.body.innerHTML = '<p>做好六稳工作，落实六保任务。</p>';
  const pending: ((e: EntryInfo) => void)[] = [];
  const deps = {
    labels: LABELS,
    resolveEntry: () => new Promise<EntryInfo>((resolve) => pending.push(resolve)),
  } as unknown as SessionDeps;
  const ctl = new AbortController();
  const session = new PageSession(window, deps, ctl.signal);
  const text = document.body.firstChild!.firstChild!;
  const hitAt = (start: number, end: number): TermHit => {
    const span: TermSpan = { start, end, text: text.textContent!.slice(start, end), source: 'glossary', entry: 'x' };
    const annotator = {
      doc: document,
      rangeOf: () => {
        const r = document.createRange();
        r.setStart(text, start);
        r.setEnd(text, end);
        return r;
      },
      layer: { setFocus: () => {} },
      model: { text: text.textContent },
    } as unknown as DocumentAnnotator;
    return { annotator, span };
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { session, ctl, pending, hitAt, flush };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.useRealTimers();
});

describe('PageSession.open against later closes and opens', () => {
  it('an entry that arrives after the tooltip was closed does not open it', async () => {
    const { session, ctl, pending, hitAt, flush } = setup();
    cleanup = () => ctl.abort();
    const opened = session.open(hitAt(2, 4), false);
    await flush();
    session.close();
    pending[0]!(ENTRY);
    await opened;
    // Before: the late entry opened the tooltip after the pointer had left, and nothing closed it again.
    expect(session.tooltip.isOpen).toBe(false);
  });

  it('of two opens, the later one wins even if the earlier entry arrives last', async () => {
    const { session, ctl, pending, hitAt, flush } = setup();
    cleanup = () => ctl.abort();
    const first = session.open(hitAt(2, 4), false);
    await flush();
    const second = session.open(hitAt(9, 11), false);
    await flush();
    pending[1]!({ ...ENTRY, term: '六保', definition: '保居民就业……' } as EntryInfo);
    await second;
    expect(session.tooltip.isOpen).toBe(true);
    const shown = () => session.tooltip.element!.textContent;
    expect(shown()).toContain('保居民就业');
    pending[0]!(ENTRY);
    await first;
    expect(shown()).toContain('保居民就业');
    expect(shown()).not.toContain('稳就业');
  });

  it('an open that is not overtaken shows its entry', async () => {
    const { session, ctl, pending, hitAt, flush } = setup();
    cleanup = () => ctl.abort();
    const opened = session.open(hitAt(2, 4), false);
    await flush();
    pending[0]!(ENTRY);
    await opened;
    expect(session.tooltip.isOpen).toBe(true);
    expect(session.tooltip.element!.textContent).toContain('稳就业');
  });
});

describe('Esc', () => {
  const esc = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

  it('with nothing open or pending, does nothing the page could notice', () => {
    const { session, ctl } = setup();
    cleanup = () => ctl.abort();
    const closed = vi.spyOn(session, 'close');
    initKeyboard(session, ctl.signal);
    initHover(session, ctl.signal);
    session.bindDocument(document);
    const seen: boolean[] = [];
    window.addEventListener('keydown', (e) => seen.push(e.defaultPrevented), { signal: ctl.signal });
    esc();
    expect(closed).not.toHaveBeenCalled();
    expect(seen).toEqual([false]);
    expect(session.dismiss()).toBe(false);
  });

  it('stops an open still waiting for its entry; with nothing shown yet, the Esc still reaches the page', async () => {
    const { session, ctl, pending, hitAt, flush } = setup();
    cleanup = () => ctl.abort();
    initKeyboard(session, ctl.signal);
    session.bindDocument(document);
    const reached: string[] = [];
    window.addEventListener('keydown', (e) => reached.push(e.key), { signal: ctl.signal });
    const opened = session.open(hitAt(2, 4), false);
    await flush();
    const ev = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    // Nothing of ours was visible: the page's own dialog gets its Esc.
    expect([ev.defaultPrevented, reached]).toEqual([false, ['Escape']]);
    pending[0]!(ENTRY);
    await opened;
    // Before: the entry arrived after the Esc and opened the tooltip anyway.
    expect(session.tooltip.isOpen).toBe(false);
  });

  it('keeps an Esc that closed a visible tooltip from the page, unless it was typed in a field', async () => {
    const { session, ctl, pending, hitAt, flush } = setup();
    cleanup = () => ctl.abort();
    initKeyboard(session, ctl.signal);
    session.bindDocument(document);
    const reached: string[] = [];
    window.addEventListener('keydown', (e) => reached.push((e.target as Element).tagName), { signal: ctl.signal });
    const show = async (i: number) => {
      const opened = session.open(hitAt(2, 4), false);
      await flush();
      pending[i]!(ENTRY);
      await opened;
      expect(session.tooltip.isOpen).toBe(true);
    };
    await show(0);
    const ev = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    expect([session.tooltip.isOpen, ev.defaultPrevented, reached]).toEqual([false, true, []]);
    const input = document.body.appendChild(document.createElement('input'));
    await show(1);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect([session.tooltip.isOpen, reached]).toEqual([false, ['INPUT']]);
  });

  it('closes an open tooltip and cancels an open the hover has scheduled', async () => {
    const { session, ctl, pending, hitAt, flush } = setup();
    cleanup = () => ctl.abort();
    initKeyboard(session, ctl.signal);
    session.bindDocument(document);
    const opened = session.open(hitAt(2, 4), false);
    await flush();
    pending[0]!(ENTRY);
    await opened;
    expect(session.tooltip.isOpen).toBe(true);
    esc();
    expect(session.tooltip.isOpen).toBe(false);
    expect(session.dismiss()).toBe(false);

    // A feature with an open still to come (hover's 250 ms timer) is asked to drop it.
    let scheduled = true;
    session.dismissers.push(() => {
      const had = scheduled;
      scheduled = false;
      return had;
    });
    expect(session.dismiss()).toBe(true);
    expect(scheduled).toBe(false);
    expect(session.dismiss()).toBe(false);
  });
});
