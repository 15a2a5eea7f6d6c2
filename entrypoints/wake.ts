import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendMessage } from '../lib/messaging/protocol';

/**
 * Starts the extension's service worker while the page is still loading. Chrome stops an idle worker
 * after 30 s, so on the first report page in a while the content script's analyzePage (sent at
 * document_idle) used to wait for the worker to start (~50 ms here) and evaluate its modules (~40 ms)
 * before any analysis; the page's own parsing now covers that. Kept to one message: it runs on every
 * matched page before the page has even been parsed. Declared in wxt.config.ts (content_scripts,
 * *.gov.cn, document_start), not with defineContentScript, for the reason given in content-script.ts.
 */
export default defineUnlistedScript({
  main() {
    sendMessage('wake').catch(() => {});
  },
});
