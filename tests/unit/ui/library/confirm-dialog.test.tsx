// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ConfirmDialog, errorText, type ConfirmRequest } from '../../../../lib/ui/library/confirm-dialog';

// The real zh_CN messages (Node's URL: happy-dom replaces the global one), with Chrome's $1 substitution, so the test reads what the user reads.
const messages = JSON.parse(readFileSync(new NodeURL('../../../../assets/public/_locales/zh_CN/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
function getMessage(key: string, subs?: string | string[]): string {
  const m = messages[key];
  if (!m) return '';
  const list = Array.isArray(subs) ? subs : subs === undefined ? [] : [subs];
  return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, i: string) => list[Number(i) - 1] ?? '');
  });
}

let root: HTMLElement;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const q = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

function show(onConfirm: ConfirmRequest['onConfirm']) {
  const onClose = vi.fn();
  const request: ConfirmRequest = { message: '删除这一页？', confirmLabel: '删除', onConfirm };
  act(() => render(<ConfirmDialog request={request} onClose={onClose} />, root));
  return { onClose };
}

describe('ConfirmDialog', () => {
  it('shows a failed action as text and stays open with its buttons back; retrying can succeed', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    let fail = true;
    const onConfirm = vi.fn(async () => {
      if (fail) throw new DOMException('The transaction was aborted.', 'AbortError');
    });
    const { onClose } = show(onConfirm);
    q('confirm-ok')!.click();
    await settle();
    // Before the fix the dialog closed at once and the rejection went unhandled: the user saw nothing.
    expect(onClose).not.toHaveBeenCalled();
    expect(q('confirm-error')?.textContent).toBe('操作失败，没有任何改动。AbortError: The transaction was aborted.');
    expect(q('confirm-error')?.getAttribute('role')).toBe('alert');
    expect((q('confirm-ok') as HTMLButtonElement).disabled).toBe(false);
    expect((q('confirm-cancel') as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe(q('confirm-cancel'));

    fail = false;
    q('confirm-ok')!.click();
    await settle();
    expect(onConfirm).toHaveBeenCalledTimes(2);
    expect(onClose).toHaveBeenCalledTimes(1);
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('runs the action once however often it is clicked, and neither button nor Esc closes it meanwhile', async () => {
    let finish!: () => void;
    const onConfirm = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const { onClose } = show(onConfirm);
    q('confirm-ok')!.click();
    await settle();
    expect((q('confirm-ok') as HTMLButtonElement).disabled).toBe(true);
    expect((q('confirm-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect(q('confirm-dialog')!.getAttribute('aria-busy')).toBe('true');
    q('confirm-ok')!.click();
    act(() => void q('confirm-dialog')!.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    expect(q('confirm-error')).toBeNull();
    finish();
    await settle();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('names what failed, whatever was thrown', () => {
    expect(errorText(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(errorText(Object.assign(new Error(''), { name: 'QuotaExceededError' }))).toBe('QuotaExceededError');
    expect(errorText('gone')).toBe('gone');
  });
});

describe('ConfirmDialog focus', () => {
  /** A host that opens the dialog from a button and closes it as the library does (unmounting it). */
  function Host({ request }: { request: ConfirmRequest }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" data-testid="opener" onClick={() => setOpen(true)}>
          删除
        </button>
        <button type="button" data-testid="other">
          另一个
        </button>
        {open && <ConfirmDialog request={request} onClose={() => setOpen(false)} />}
      </>
    );
  }
  function openFrom(request: ConfirmRequest) {
    act(() => render(<Host request={request} />, root));
    q('opener')!.focus();
    act(() => q('opener')!.click());
    expect(document.activeElement).toBe(q('confirm-cancel'));
  }

  it('goes back to the button that opened the dialog after Cancel, Esc and a confirmed action', async () => {
    const request: ConfirmRequest = { message: '删除？', confirmLabel: '删除', onConfirm: async () => {} };
    openFrom(request);
    act(() => q('confirm-cancel')!.click());
    // Before: the dialog was removed with the focus inside it, which left it on <body>.
    expect(q('confirm-dialog')).toBeNull();
    expect(document.activeElement).toBe(q('opener'));

    openFrom(request);
    act(() => void q('confirm-dialog')!.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(document.activeElement).toBe(q('opener'));

    openFrom(request);
    q('confirm-ok')!.click();
    await settle();
    expect(q('confirm-dialog')).toBeNull();
    expect(document.activeElement).toBe(q('opener'));
  });

  it('goes where focusAfter says once the action succeeded (the opener goes with it), and back to the opener after Cancel', async () => {
    const focusAfter = vi.fn(() => q('other'));
    const request: ConfirmRequest = { message: '删除？', confirmLabel: '删除', onConfirm: async () => {}, focusAfter };
    openFrom(request);
    act(() => q('confirm-cancel')!.click());
    expect(focusAfter).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(q('opener'));

    openFrom(request);
    q('confirm-ok')!.click();
    await settle();
    expect(document.activeElement).toBe(q('other'));
  });
});
