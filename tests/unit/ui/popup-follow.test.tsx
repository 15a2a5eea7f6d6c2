// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageState } from '../../../lib/messaging/protocol';

/** tabState answers the test hands out one by one; the notices' handlers the popup registered. */
const asked: { resolve(state: PageState | null): void }[] = [];
const handlers = new Map<string, (message: { sender: object }) => void>();
vi.mock('../../../lib/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../../lib/messaging/protocol')>()),
  sendMessage: (type: string) =>
    type === 'tabState' ? new Promise((resolve) => asked.push({ resolve })) : Promise.reject(new Error(type)),
  onMessage: (type: string, handler: (message: { sender: object }) => void) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));
vi.mock('../../../lib/messaging/tabs', () => ({ sendToTab: () => Promise.reject(new Error('no receiver')) }));
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
