import { MessageError } from './validate';

/** What the checks below read of a runtime.MessageSender. */
export interface SenderLike {
  url?: string;
}

/**
 * Messages that act on any tab or on the database as a whole (save, remove, annotate, toggle) come
 * from the popup, library and options pages only. A content script runs inside a web page's renderer;
 * if that renderer were compromised, whatever the content script may send is what the page can send.
 */
export function requireExtensionPage(sender: SenderLike, extensionBase: string, message: string): void {
  if (typeof sender.url !== 'string' || !sender.url.startsWith(extensionBase)) {
    throw new MessageError(`${message}: only the extension's own pages may send this`);
  }
}

/**
 * A page reports only itself: the reported URL must belong to the site of the frame that sent it, so one
 * site cannot write (or overwrite) another's record in the library. Site = origin; a file: URL has
 * no origin to speak of, so there it is the file's path.
 */
export function requireSameSite(reportedUrl: string, sender: SenderLike, message: string): void {
  const site = (u: string): string | null => {
    try {
      const url = new URL(u);
      return url.protocol === 'file:' ? `file:${url.pathname}` : url.origin;
    } catch {
      return null;
    }
  };
  const from = typeof sender.url === 'string' ? site(sender.url) : null;
  if (from === null || from === 'null' || site(reportedUrl) !== from) {
    throw new MessageError(`${message}: the reported page is not the sender's`);
  }
}

/**
 * The document a message came from (Chrome gives each a documentId; the tab and frame otherwise): what
 * the background holds for one document's analysis — its targets, by token — is given to that
 * document only, not to another page that learnt or guessed the token.
 */
export function senderDocument(sender: { documentId?: string; tab?: { id?: number }; frameId?: number }): string | null {
  if (typeof sender.documentId === 'string') return sender.documentId;
  return sender.tab?.id !== undefined ? `${sender.tab.id}/${sender.frameId ?? 0}` : null;
}

/** What the notice checks below read of a runtime.MessageSender. */
export interface NoticeSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Whether a pageChanged notice is about the popup's tab: sent by this extension's content script in
 * that tab's top document (a frame's copy, or another tab's, is someone else's news).
 */
export function isTabNotice(sender: NoticeSender, extensionId: string, tabId: number): boolean {
  return sender.id === extensionId && sender.tab?.id === tabId && (sender.frameId ?? 0) === 0;
}

/** Whether a notice comes from one of the extension's own pages (the library), not from a content script. */
export function isExtensionPageNotice(sender: NoticeSender, extensionId: string, extensionBase: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
}
