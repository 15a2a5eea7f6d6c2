// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageState } from '../../../lib/messaging/protocol';

/** tabState answers the test hands out one by one; the notices' handlers the popup registered. */
const asked: { resolve(state: PageState | null): void; reject(e: Error): void }[] = [];
const handlers = new Map<string, (message: { sender: object }) => void>();
/** Answers to the other messages, by type (none: rejected). */
const replies = new Map<string, unknown>();
vi.mock('../../../lib/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../../lib/messaging/protocol')>()),
  sendMessage: (type: string) =>
    type === 'tabState'
      ? new Promise((resolve, reject) => asked.push({ resolve, reject }))
      : replies.has(type)
        ? Promise.resolve(replies.get(type))
        : Promise.reject(new Error(type)),
  onMessage: (type: string, handler: (message: { sender: object }) => void) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));
/** The page's answers to getScriptState, in turn (the last one stays); none: no receiver. */
const scriptStates: unknown[] = [];
const scriptReads = vi.fn();
vi.mock('../../../lib/messaging/tabs', () => ({
  sendToTab: (_tab: number, type: string) => {
    if (type !== 'getScriptState' || !scriptStates.length) return Promise.reject(new Error('no receiver'));
    scriptReads();
    return Promise.resolve(scriptStates.length > 1 ? scriptStates.shift() : scriptStates[0]);
  },
}));
// Short pauses, the same bounded shape: the popup's back-off is tested for what it shows, not how long it waits.
vi.mock('../../../lib/ui/reread', async (original) => {
  const real = await original<typeof import('../../../lib/ui/reread')>();
  return { ...real, rereader: (read: () => void, signal: AbortSignal) => real.rereader(read, signal, [20, 20]) };
});
const { Popup } = await import('../../../lib/ui/popup');

const TAB = 7;
const state = (termCount: number, saved = true): PageState => ({
  url: 'https://www.hengnan.gov.cn/a.html', title: '衡南县2022年政府工作报告', script: 'simplified', termCount, terms: [], targets: [], requested: false, readAt: 1,
  report: { isReport: true, score: 0.9, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2022 },
  annotated: true, pageId: saved ? 1 : null, saved,
});
const fromTab = (tab: number, frameId = 0) => ({ sender: { id: fakeBrowser.runtime.id, url: 'https://www.hengnan.gov.cn/a.html', tab: { id: tab }, frameId } });
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

let root: HTMLElement;
beforeEach(() => {
  // The message keys stand for the messages: what is tested here is which state is shown, not its words.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as typeof fakeBrowser.i18n.getMessage);
  asked.length = 0;
  handlers.clear();
  replies.clear();
  scriptStates.length = 0;
  scriptReads.mockReset();
  // The tab has loaded, unless a test says it is navigating.
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB, status: 'complete' } as never);
  history.replaceState(null, '', `/popup.html?tab=${TAB}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const termCount = () => root.querySelector('[data-testid=term-count]')?.textContent;

describe('an open popup', () => {
  it('reads its tab again when that tab’s page says it changed, not for another tab or a frame', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(state(3));
    await settle();
    expect(termCount()).toBe('3');

    handlers.get('pageChanged')!(fromTab(8));
    handlers.get('pageChanged')!(fromTab(TAB, 2));
    await settle();
    expect(asked).toHaveLength(0);

    handlers.get('pageChanged')!(fromTab(TAB));
    await settle();
    expect(asked).toHaveLength(1);
    // The page shown stays while the new state is read: no blank in between.
    expect(termCount()).toBe('3');
    asked.shift()!.resolve(state(5));
    await settle();
    expect(termCount()).toBe('5');
  });

  it('ends on the newest state when notices come while a read is on its way', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(state(1));
    await settle();
    handlers.get('pageChanged')!(fromTab(TAB));
    handlers.get('pageChanged')!(fromTab(TAB));
    handlers.get('pageChanged')!(fromTab(TAB));
    await settle();
    // One read at a time: the later notices share one more read after it.
    expect(asked).toHaveLength(1);
    asked.shift()!.resolve(state(2));
    await settle();
    expect(asked).toHaveLength(1);
    asked.shift()!.resolve(state(4));
    await settle();
    expect(termCount()).toBe('4');
  });

  it('follows the library’s notice from an extension page, not one from a web page', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(state(1));
    await settle();
    handlers.get('libraryChanged')!({ sender: { id: fakeBrowser.runtime.id, url: 'https://www.hengnan.gov.cn/a.html', tab: { id: TAB } } });
    await settle();
    expect(asked).toHaveLength(0);
    handlers.get('libraryChanged')!({ sender: { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/library.html') } });
    await settle();
    asked.shift()!.resolve(state(1, false));
    await settle();
    expect(root.querySelector('[data-testid=save]')).not.toBeNull();
    expect(root.querySelector('[data-testid=saved]')).toBeNull();
  });

  it('stops listening once closed', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    expect([...handlers.keys()].sort()).toEqual(['libraryChanged', 'pageChanged']);
    await act(async () => render(null, root));
    expect(handlers.size).toBe(0);
  });
});

const toggleButton = () => root.querySelector<HTMLButtonElement>('[data-testid=toggle-script]')!;
const plain = { original: 'simplified', current: 'simplified', converted: false, ms: null };
const converted = { original: 'simplified', current: 'traditional', converted: true, ms: 30 };

describe('the open popup’s 简/繁 button', () => {
  it('follows a toggle made by the shortcut: its tab’s notice reads the page’s script again; another tab’s or a frame’s does not', async () => {
    scriptStates.push(plain);
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(state(3));
    await settle();
    expect(toggleButton().textContent).toBe('popupScriptToTraditional');
    expect(toggleButton().dataset.converted).toBe('false');
    expect(scriptReads).toHaveBeenCalledTimes(1);

    // Alt+Shift+J in the page: it is converted now, whoever asks.
    scriptStates.length = 0;
    scriptStates.push(converted);
    handlers.get('pageChanged')!(fromTab(8));
    handlers.get('pageChanged')!(fromTab(TAB, 2));
    handlers.get('pageChanged')!({ sender: { id: 'another-extension', url: 'https://www.hengnan.gov.cn/a.html', tab: { id: TAB }, frameId: 0 } });
    // Longer than the read after a notice of its own tab takes (below).
    await act(async () => new Promise((r) => setTimeout(r, 100)));
    expect(scriptReads).toHaveBeenCalledTimes(1);
    expect(toggleButton().textContent).toBe('popupScriptToTraditional');

    handlers.get('pageChanged')!(fromTab(TAB));
    // The read runs in an effect, after the popup's next frame.
    await vi.waitFor(() => expect(toggleButton().textContent).toBe('popupScriptRestore'));
    expect(scriptReads).toHaveBeenCalledTimes(2);
    expect(toggleButton().dataset.converted).toBe('true');

    // The page reloaded: its own script again.
    scriptStates.length = 0;
    scriptStates.push(plain);
    handlers.get('pageChanged')!(fromTab(TAB));
    await vi.waitFor(() => expect(toggleButton().textContent).toBe('popupScriptToTraditional'));
    expect(toggleButton().dataset.converted).toBe('false');
  });

  it('a page’s answer that is not a state leaves the generic label, not a made-up one', async () => {
    scriptStates.push({ original: 'klingon', current: 'simplified', converted: true, ms: null });
    await act(async () => render(<Popup />, root));
    await settle();
    expect(toggleButton().textContent).toBe('popupScriptToggle');
    expect(toggleButton().dataset.converted).toBe('false');
  });
});

describe('a read that fails while the tab navigates', () => {
  const statusText = () => root.querySelector('[data-testid=status]')?.textContent;
  const wait = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)));

  it('shows “reading the page”, never 未标注, and reads again after a pause', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(state(3));
    await settle();
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ id: TAB, status: 'loading' } as never);
    handlers.get('pageChanged')!(fromTab(TAB));
    await settle();
    asked.shift()!.reject(new Error('The message port closed before a response was received.'));
    await settle();
    expect(root.querySelector('[data-testid=reading]')?.textContent).toBe('popupReading');
    expect(statusText()).toBeUndefined();
    expect(root.querySelector('[data-testid=verdict]')).toBeNull();
    // No notice came: the popup asks again by itself.
    expect(asked).toHaveLength(0);
    await wait(30);
    expect(asked).toHaveLength(1);
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ id: TAB, status: 'complete' } as never);
    asked.shift()!.resolve(state(4));
    await settle();
    expect(termCount()).toBe('4');
    expect(root.querySelector('[data-testid=reading]')).toBeNull();
  });

  it('a content script not done with its first read (null) is “reading” too', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(null);
    await settle();
    expect(root.querySelector('[data-testid=reading]')).not.toBeNull();
    expect(statusText()).toBeUndefined();
    // Its notice, once the read is done, reads it at once.
    handlers.get('pageChanged')!(fromTab(TAB));
    await settle();
    asked.shift()!.resolve(state(2));
    await settle();
    expect(termCount()).toBe('2');
  });

  it('gives up after the bounded pauses: “could not read yet” with a retry, which reads again', async () => {
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ id: TAB, status: 'loading' } as never);
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    for (let i = 0; i < 2; i++) {
      await wait(30);
      expect(root.querySelector('[data-testid=reading]')).not.toBeNull();
      asked.shift()!.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }
    await settle();
    expect(root.querySelector('[data-testid=unread]')?.textContent).toBe('popupUnread');
    expect(statusText()).toBeUndefined();
    // Spent: no more reads by themselves.
    await wait(100);
    expect(asked).toHaveLength(0);

    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid=reread]')!.click());
    await settle();
    expect(root.querySelector('[data-testid=reading]')).not.toBeNull();
    expect(asked).toHaveLength(1);
    asked.shift()!.resolve(state(5));
    await settle();
    expect(termCount()).toBe('5');
  });

  it('a tab that has loaded with nothing to answer is 未标注, as before: that page is not annotated', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await settle();
    expect(statusText()).toBe('popupNotAnnotated');
    expect(root.querySelector('[data-testid=reading]')).toBeNull();
    await wait(100);
    expect(asked).toHaveLength(0);
  });
});

describe('the keyboard focus when what the popup says of its tab changes', () => {
  const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
  const wait = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)));
  const focused = () => (document.activeElement as HTMLElement | null)?.dataset?.testid ?? document.activeElement?.tagName;
  const q = (testid: string) => root.querySelector<HTMLElement>(`[data-testid=${testid}]`)!;
  /** The read on its way fails, and so do the bounded re-reads after it: 重试 is shown. */
  async function runOut(): Promise<void> {
    asked.shift()!.reject(new Error(NO_RECEIVER));
    for (let i = 0; i < 2; i++) {
      await wait(30);
      asked.shift()!.reject(new Error(NO_RECEIVER));
    }
    await settle();
    expect(q('reread')).not.toBeNull();
  }
  /** 重试 pressed (by click: where the focus is is the test's to set): the page is being read again. */
  async function retried(): Promise<void> {
    await act(async () => q('reread').click());
    await settle();
    expect(q('reading')).not.toBeNull();
  }
  /** The page is there: the read on its way answers with its state. */
  async function loaded(terms: number): Promise<void> {
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ id: TAB, status: 'complete' } as never);
    asked.shift()!.resolve(state(terms));
    await settle();
    expect(termCount()).toBe(String(terms));
  }
  /** Opens the popup on a tab still loading, until 重试. */
  async function spent(): Promise<void> {
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ id: TAB, status: 'loading' } as never);
    await act(async () => render(<Popup />, root));
    await settle();
    await runOut();
  }

  it('重试 pressed hands the focus to the line saying the page is being read, then to 重试 again, then to the verdict', async () => {
    await spent();
    // The reason is the button's description: heard with it.
    expect(q('reread').getAttribute('aria-describedby')).toBe(q('unread').id);
    q('reread').focus();
    await retried();
    expect(focused()).toBe('reading');
    expect(q('reading').tabIndex).toBe(-1);
    await runOut();
    expect(focused()).toBe('reread');

    await retried();
    expect(focused()).toBe('reading');
    await loaded(4);
    expect(focused()).toBe('verdict');
  });

  it('the summary that had the focus gives it to the reading line when the tab navigates', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.resolve(state(3));
    await settle();
    q('highlights-off').focus();
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ id: TAB, status: 'loading' } as never);
    handlers.get('pageChanged')!(fromTab(TAB));
    await settle();
    asked.shift()!.reject(new Error('The message port closed before a response was received.'));
    await settle();
    expect(focused()).toBe('reading');
  });

  it('leaves the focus where the reader put it outside the tab’s state (negative)', async () => {
    await spent();
    q('open-library').focus();
    await retried();
    expect(focused()).toBe('open-library');
    await loaded(2);
    expect(focused()).toBe('open-library');
  });

  it('标注此页 from the keyboard still ends on the button that switches the highlights, not the verdict', async () => {
    await act(async () => render(<Popup />, root));
    await settle();
    asked.shift()!.reject(new Error(NO_RECEIVER));
    await settle();
    expect(q('status').textContent).toBe('popupNotAnnotated');
    expect(q('annotate').getAttribute('aria-describedby')).toBe(q('status').id);
    replies.set('annotateTab', { ok: true });
    q('annotate').focus();
    await act(async () => q('annotate').click());
    await settle();
    asked.shift()!.resolve(state(6));
    // Outside act(), which would render the state and the refocus together: in the popup the state is
    // rendered as soon as it is read, before run() asks for the focus back.
    await new Promise((r) => setTimeout(r, 0));
    await settle();
    expect(termCount()).toBe('6');
    expect(focused()).toBe('highlights-off');
  });
});
