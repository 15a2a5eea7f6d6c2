import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { HIGHLIGHTS, termPoint, tooltipText } from './page';
import { waitForState } from './state';

/**
 * The extension makes no network requests. Chromium's net log records every request of every process
 * (pages, the service worker, extension pages), so the whole session — annotation, a tooltip, the script
 * toggle with its dictionaries, the popup, the library and the options page — is read back from it, and
 * every http(s) request must be one of the fixture pages' own, to the local fixture server.
 */
let server: StaticServer;
let ext: ExtensionBrowser;
const dir = mkdtempSync(join(tmpdir(), 'report-lens-netlog-'));
const netLog = join(dir, 'netlog.json');
const CONTROL = 'http://report-lens-control.invalid/';

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension({ extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });
});
afterAll(async () => {
  await server?.close();
  if (!process.env.KEEP_NETLOG) rmSync(dir, { recursive: true, force: true });
  else console.log(netLog);
});

interface StartedRequest {
  url: string;
  initiator: string;
  type: string;
  isolationKey: string;
}

/** Every request the network stack started (URL_REQUEST_START_JOB), with who asked for it. */
function startedRequests(): StartedRequest[] {
  const log = JSON.parse(readFileSync(netLog, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: Record<string, unknown> }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && typeof e.params?.url === 'string')
    .map((e) => ({
      url: String(e.params!.url),
      initiator: String(e.params!.initiator ?? ''),
      type: String(e.params!.request_type ?? ''),
      isolationKey: String(e.params!.network_isolation_key ?? ''),
    }));
}

/**
 * Chromium's own traffic (account and component-update checks the launch flags do not stop) starts
 * from no origin, for no frame, in no page's or extension's network partition. Everything else came
 * from a page or from the extension, and must stay on the fixture server.
 */
function fromPageOrExtension(r: StartedRequest, extensionId: string): boolean {
  const partitions = /\.gov\.cn|127\.0\.0\.1|chrome-extension:/;
  return r.initiator !== 'not an origin' || r.type !== 'other' || partitions.test(r.isolationKey) || r.url.includes(extensionId);
}

describe('privacy', () => {
  it('makes no network request: only the pages themselves reach the network, and only their own server', async () => {
    const page = await ext.open(server.govUrl('pages/seed-004.html'));
    const tabId = await ext.tabIdOf(page);
    expect((await waitForState(ext, tabId))?.saved).toBe(true);

    const term = await termPoint(page, HIGHLIGHTS.defined, '三高四新', 0);
    await page.mouse.move(term.x, term.y);
    await expect.poll(() => tooltipText(page)).toContain('先進製造業高地');

    // The first toggle reads the OpenCC dictionaries, which are a file inside the extension.
    const toggled = await ext.worker.evaluate(
      (id) => (globalThis as unknown as { reportLens: { toggleScriptTab(id: number): Promise<{ ok: boolean }> } }).reportLens.toggleScriptTab(id),
      tabId,
    );
    expect(toggled.ok).toBe(true);

    const popup = await ext.popupFor(page);
    await popup.getByTestId('target-count').waitFor();
    const library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await expect.poll(() => library.getByTestId('page-row').count()).toBe(1);
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('main').waitFor();
    expect(ext.extensionErrors).toEqual([]);
    // A request the extension's origin makes on purpose, for the check below to find (it cannot resolve).
    await options.evaluate((url) => fetch(url).catch(() => null), CONTROL);
    // The net log is complete once Chromium has shut down.
    await ext.close();

    const requests = startedRequests();
    const ours = requests.filter((r) => fromPageOrExtension(r, ext.extensionId));
    const own = new RegExp(`^http://(127\\.0\\.0\\.1|[a-z0-9.-]+\\.gov\\.cn):${server.port}/`);
    // The control, made below from an extension page, proves the log catches the extension's requests.
    expect(ours.filter((r) => r.url.startsWith(CONTROL))).toEqual([expect.objectContaining({ initiator: `chrome-extension://${ext.extensionId}` })]);
    const rest = ours.filter((r) => !r.url.startsWith(CONTROL));
    expect(rest.filter((r) => !own.test(r.url))).toEqual([]);
    // On the fixture server, only what the page itself loads: the extension asks nothing of the site.
    expect(rest.map((r) => new URL(r.url).pathname).filter((p) => p !== '/pages/seed-004.html' && p !== '/favicon.ico')).toEqual([]);
    expect(rest.some((r) => r.url.endsWith('/pages/seed-004.html'))).toBe(true);
  });
});
