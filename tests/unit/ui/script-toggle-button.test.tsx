// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { resetUiLang } from '../../../lib/i18n';

// The real message files. (helpers/messages resolves them from import.meta.url, which happy-dom turns into
// an http URL.)
function useLocale(locale: 'en' | 'zh_CN' | 'zh_TW'): void {
  const messages = JSON.parse(readFileSync(join(process.cwd(), 'assets/public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  resetUiLang();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => messages[key]?.message ?? '') as typeof fakeBrowser.i18n.getMessage);
}

const toggleScriptTab = vi.fn();
vi.mock('../../../lib/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../../lib/messaging/protocol')>()),
  sendMessage: (type: string, data: unknown) => (type === 'toggleScriptTab' ? toggleScriptTab(data) : Promise.reject(new Error(type))),
}));
const getScriptState = vi.fn(() => Promise.reject(new Error('no receiver')));
vi.mock('../../../lib/messaging/tabs', () => ({ sendToTab: (_tab: number, type: string) => (type === 'getScriptState' ? getScriptState() : Promise.reject(new Error(type))) }));
const { ScriptToggleButton, toggleError } = await import('../../../lib/ui/script-toggle-button');

const CHROME = 'Cannot access a chrome:// URL';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  toggleScriptTab.mockReset();
  getScriptState.mockReset();
  getScriptState.mockImplementation(() => Promise.reject(new Error('no receiver')));
  vi.restoreAllMocks();
  resetUiLang();
});

describe('toggleError', () => {
  it('says in the reader’s language that the page cannot be converted, the browser’s reason kept as detail', () => {
    const texts = (['zh_CN', 'zh_TW', 'en'] as const).map((locale) => {
      useLocale(locale);
      return toggleError({ ok: false, error: CHROME });
    });
    expect(texts).toEqual([
      { text: '此页面无法简繁切换（浏览器内部页面或无权限）。', detail: CHROME },
      { text: '此頁面無法簡繁切換（瀏覽器內部頁面或無權限）。', detail: CHROME },
      { text: 'This page cannot be converted between simplified and traditional (a browser page, or no access).', detail: CHROME },
    ]);
  });

  it('a conversion that failed in the page, and a toggle that worked', () => {
    useLocale('zh_CN');
    const state = { original: 'simplified', current: 'simplified', converted: false, ms: null } as const;
    expect(toggleError({ ok: true, state: { ...state, error: 'TypeError: x' } })).toEqual({ text: '简繁切换时出错。', detail: 'TypeError: x' });
    expect(toggleError({ ok: true, state })).toBeNull();
    expect(toggleError({ ok: false })).toEqual({ text: '此页面无法简繁切换（浏览器内部页面或无权限）。' });
  });
});

describe('the popup’s script toggle button', () => {
  const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

  it('on a page it may not touch: an alert in the reader’s language, Chrome’s reason only behind 技术细节', async () => {
    useLocale('zh_CN');
    toggleScriptTab.mockResolvedValue({ ok: false, error: CHROME });
    await act(() => render(<ScriptToggleButton tabId={7} />, root));
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid=toggle-script]')!.click());
    await settle();
    const alert = root.querySelector('[data-testid=toggle-script-error]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.querySelector('p')!.textContent).toBe('此页面无法简繁切换（浏览器内部页面或无权限）。');
    expect(alert.querySelector('summary')!.textContent).toBe('技术细节');
    expect(alert.querySelector('details')!.open).toBe(false);
    expect(alert.querySelector('[data-testid=toggle-script-error-detail]')!.textContent).toBe(CHROME);
    // Before: 出错了：Cannot access a chrome:// URL, as plain text.
    expect(alert.querySelector('p')!.textContent).not.toContain('chrome://');
  });

  it('a background that does not answer is a failure said in words too, and the alert goes once a toggle works', async () => {
    useLocale('en');
    toggleScriptTab.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const toggled = vi.fn();
    await act(() => render(<ScriptToggleButton tabId={7} onToggled={toggled} />, root));
    const button = root.querySelector<HTMLButtonElement>('[data-testid=toggle-script]')!;
    await act(() => button.click());
    await settle();
    const alert = () => root.querySelector('[data-testid=toggle-script-error]');
    expect(alert()!.querySelector('p')!.textContent).toBe('Converting the page between simplified and traditional did not work.');
    expect(alert()!.querySelector('code')!.textContent).toBe('Error: Could not establish connection. Receiving end does not exist.');
    expect(button.disabled).toBe(false);
    toggleScriptTab.mockResolvedValueOnce({ ok: true, state: { original: 'simplified', current: 'traditional', converted: true, ms: 12 } });
    await act(() => button.click());
    await settle();
    expect(alert()).toBeNull();
    expect(toggled).toHaveBeenCalledTimes(1);
    expect(button.textContent).toBe('Restore original script');
  });

  it('a worker that stopped after the page was converted: the button follows the page, and no failure is claimed', async () => {
    useLocale('en');
    const plain = { original: 'simplified', current: 'simplified', converted: false, ms: null } as const;
    getScriptState.mockResolvedValueOnce(plain as never);
    // The page converted itself; the worker that asked it stopped before answering the popup.
    toggleScriptTab.mockRejectedValueOnce(new Error('The message port closed before a response was received.'));
    getScriptState.mockResolvedValueOnce({ original: 'simplified', current: 'traditional', converted: true, ms: 20 } as never);
    const toggled = vi.fn();
    await act(() => render(<ScriptToggleButton tabId={7} onToggled={toggled} />, root));
    await settle();
    const button = root.querySelector<HTMLButtonElement>('[data-testid=toggle-script]')!;
    expect(button.textContent).toBe('Convert to traditional');
    await act(() => button.click());
    await settle();
    // Before: “did not work”, and the button still offered to convert — pressed, it restored the page.
    expect(button.textContent).toBe('Restore original script');
    expect(root.querySelector('[data-testid=toggle-script-error]')).toBeNull();
    expect(toggled).toHaveBeenCalledTimes(1);
  });

  it('a worker that stopped before the page was touched: the failure is said, the button unchanged', async () => {
    useLocale('en');
    const plain = { original: 'simplified', current: 'simplified', converted: false, ms: null } as const;
    getScriptState.mockResolvedValue(plain as never);
    toggleScriptTab.mockRejectedValueOnce(new Error('The message port closed before a response was received.'));
    await act(() => render(<ScriptToggleButton tabId={7} />, root));
    await settle();
    const button = root.querySelector<HTMLButtonElement>('[data-testid=toggle-script]')!;
    await act(() => button.click());
    await settle();
    expect(root.querySelector('[data-testid=toggle-script-error] p')!.textContent).toBe('Converting the page between simplified and traditional did not work.');
    expect(button.textContent).toBe('Convert to traditional');
  });
});
