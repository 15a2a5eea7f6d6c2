import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Result<K extends keyof ProtocolMap> = Awaited<ReturnType<ProtocolMap[K]>>;

/**
 * Sends a protocol message to a tab's content script. @webext-core/messaging sends tab messages
 * with a callback that never reads runtime.lastError, so every tab without a content script (the
 * normal case before the user asks for annotation) logs "Unchecked runtime.lastError". The
 * promise form rejects quietly instead. Same wire format as the library's onMessage expects.
 */
export async function sendToTab<K extends keyof ProtocolMap>(tabId: number, type: K, data?: Data<K>): Promise<Result<K>> {
  const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
  const response = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as { res?: Result<K>; err?: { message?: string } } | undefined;
  if (!response) throw new Error('No response from the tab');
  if (response.err) throw new Error(response.err.message ?? 'content script error');
  return response.res as Result<K>;
}
