import { describe, expect, it } from 'vitest';
import { requireExtensionPage, requireSameSite, senderDocument } from '../../../lib/messaging/senders';

describe('requireSameSite', () => {
  it('accepts the sender’s own origin, whatever the path or hash', () => {
    expect(() => requireSameSite('https://www.gov.cn/a.html', { url: 'https://www.gov.cn/b.html#x' }, 'm')).not.toThrow();
  });
  it('refuses another origin, a look-alike host, another scheme or port', () => {
    for (const from of ['https://evil.example/', 'https://www.gov.cn.evil.example/', 'http://www.gov.cn/a.html', 'https://www.gov.cn:8443/a.html']) {
      expect(() => requireSameSite('https://www.gov.cn/a.html', { url: from }, 'reportPage'), from).toThrow('reportPage: the reported page is not the sender');
    }
  });
  it('compares file pages by their path, and refuses senders without an origin', () => {
    expect(() => requireSameSite('file:///tmp/r.html', { url: 'file:///tmp/r.html#top' }, 'm')).not.toThrow();
    expect(() => requireSameSite('file:///tmp/r.html', { url: 'file:///tmp/other.html' }, 'm')).toThrow();
    for (const url of [undefined, 'about:blank', 'data:text/html,x', 'not a url']) {
      expect(() => requireSameSite('https://www.gov.cn/a.html', { url }, 'm'), String(url)).toThrow();
    }
  });
});

describe('requireExtensionPage', () => {
  const base = 'chrome-extension://abcdefghijklmnop/';
  it('accepts the extension’s own pages only', () => {
    expect(() => requireExtensionPage({ url: `${base}popup.html?tab=3` }, base, 'm')).not.toThrow();
    for (const url of [undefined, 'https://www.gov.cn/', 'chrome-extension://otherextension/popup.html']) {
      expect(() => requireExtensionPage({ url }, base, 'savePage'), String(url)).toThrow("savePage: only the extension's own pages may send this");
    }
  });
});

describe('senderDocument', () => {
  it("names the sender's document: Chrome's documentId, else its tab and frame, else nothing", () => {
    expect(senderDocument({ documentId: 'D1', tab: { id: 3 }, frameId: 2 })).toBe('D1');
    expect(senderDocument({ tab: { id: 3 }, frameId: 2 })).toBe('3/2');
    expect(senderDocument({ tab: { id: 3 } })).toBe('3/0');
    expect(senderDocument({})).toBeNull();
  });
});
