import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/*
 * The real background (entrypoints/background.ts) started in Node, with messages delivered as Chrome
 * delivers them: each listener gets (message, sender, sendResponse). @webext-core/messaging listens on
 * chrome.runtime.onMessage, which WXT's fakeBrowser does not provide, so that part is stubbed here.
 */

type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | void;
const listeners: Listener[] = [];

export const EXTENSION_BASE = fakeBrowser.runtime.getURL('/');

/** Senders as Chrome describes them: a content script in a web page's tab, and an extension page. */
export const contentScriptOn = (url: string, tabId = 7) => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId, url }, frameId: 0 });
export const extensionPage = (path = 'popup.html') => ({ id: fakeBrowser.runtime.id, url: `${EXTENSION_BASE}${path}` });

let started = false;
export async function startBackground(): Promise<void> {
  if (started) return;
  started = true;
  (globalThis as Record<string, unknown>).chrome = {
    runtime: {
      id: fakeBrowser.runtime.id,
      onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: () => {} },
      sendMessage: () => {},
    },
    tabs: { sendMessage: () => Promise.reject(new Error('no tab')) },
  };
  const noop = { addListener: () => {}, removeListener: () => {} };
  const fb = fakeBrowser as unknown as Record<string, unknown>;
  fb.contextMenus = { onClicked: noop, create: () => {} };
  fb.commands = { onCommand: noop };
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.onAdded = noop;
  permissions.onRemoved = noop;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
  const mod = await import('../../../entrypoints/background');
  (mod.default as unknown as { main(): void }).main();
}

/** What the background answers: `{ res }`, or `{ err }` with the error's name and message. */
export type Reply = { res?: unknown; err?: { name?: string; message?: string } } | undefined;

export function send(type: string, data: unknown, sender: unknown): Promise<Reply> {
  return new Promise((resolve) => {
    const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
    for (const l of listeners) if (l(message, sender, (r) => resolve(r as Reply)) === true) return;
    resolve(undefined);
  });
}
