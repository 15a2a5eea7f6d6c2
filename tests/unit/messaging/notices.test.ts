import { describe, expect, it } from 'vitest';
import { isExtensionPageNotice, isTabNotice } from '../../../lib/messaging/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('isTabNotice', () => {
  it('takes a notice from this extension’s content script in the top document of the popup’s tab', () => {
    expect(isTabNotice({ id: ID, url: 'https://www.gov.cn/a.html', tab: { id: 7 }, frameId: 0 }, ID, 7)).toBe(true);
  });

  it('ignores another tab’s, a frame’s, and another extension’s', () => {
    expect(isTabNotice({ id: ID, tab: { id: 8 }, frameId: 0 }, ID, 7)).toBe(false);
    expect(isTabNotice({ id: ID, tab: { id: 7 }, frameId: 3 }, ID, 7)).toBe(false);
    expect(isTabNotice({ id: 'other', tab: { id: 7 }, frameId: 0 }, ID, 7)).toBe(false);
    // An extension page (no tab) is not the tab's page.
    expect(isTabNotice({ id: ID, url: `${BASE}library.html` }, ID, 7)).toBe(false);
  });
});

describe('isExtensionPageNotice', () => {
  it('takes a notice from the extension’s own pages only', () => {
    expect(isExtensionPageNotice({ id: ID, url: `${BASE}library.html`, tab: { id: 3 } }, ID, BASE)).toBe(true);
    // A content script of this extension, in a web page, is not the library.
    expect(isExtensionPageNotice({ id: ID, url: 'https://www.gov.cn/a.html', tab: { id: 3 } }, ID, BASE)).toBe(false);
    expect(isExtensionPageNotice({ id: 'other', url: `${BASE}library.html` }, ID, BASE)).toBe(false);
    expect(isExtensionPageNotice({ id: ID }, ID, BASE)).toBe(false);
  });
});
