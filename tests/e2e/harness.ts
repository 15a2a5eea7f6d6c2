import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** The built extension; REPORT_LENS_OUT points the tests at another build folder (see wxt.config.ts). */
export const EXTENSION = join(ROOT, process.env.REPORT_LENS_OUT ?? '.output', 'chrome-mv3');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  port: number;
  /** URL of a file under the served root, on 127.0.0.1. */
  url(path: string): string;
  /** URL of a file under the served root, on a *.gov.cn host name mapped to 127.0.0.1. */
  govUrl(path: string, host?: string): string;
  /** Serves extra content at a path (the demo's ad-hoc pages). */
  route(path: string, body: string | Buffer, type?: string): void;
  /**
   * A page still loading: the next request for the file at `path` gets its first `bytes` bytes at once
   * and the rest on `release()` (or after `releaseAfterMs`), as a slow network delivers a long report.
   */
  hold(path: string, options: { bytes: number; releaseAfterMs?: number }): { requested: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** A small static server for the fixtures, started and stopped by the tests themselves. */
export async function startServer(root = FIXTURES): Promise<StaticServer> {
  const routes = new Map<string, { body: string | Buffer; type: string }>();
  const holds = new Map<string, { bytes: number; releaseAfterMs?: number; requested(): void; released: Promise<void> }>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const held = holds.get(path);
    const file = normalize(join(root, path));
    if (held && file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      holds.delete(path);
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.write(body.subarray(0, held.bytes));
      held.requested();
      const rest = () => res.end(body.subarray(held.bytes));
      if (held.releaseAfterMs !== undefined) setTimeout(rest, held.releaseAfterMs);
      else void held.released.then(rest);
      return;
    }
    const routed = routes.get(path);
    if (routed) {
      res.writeHead(200, { 'content-type': routed.type, 'cache-control': 'no-store' });
      res.end(routed.body);
      return;
    }
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    govUrl: (p, host = 'www.hengnan.gov.cn') => `http://${host}:${port}/${p.replace(/^\//, '')}`,
    route: (p, body, type = 'text/html; charset=utf-8') => void routes.set(`/${p.replace(/^\//, '')}`, { body, type }),
    hold(p, { bytes, releaseAfterMs }) {
      const key = `/${p.replace(/^\//, '')}`;
      const file = normalize(join(root, key));
      // Said now rather than by a request that never resolves `requested`.
      if (holds.has(key)) throw new Error(`hold(${p}): already held`);
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) throw new Error(`hold(${p}): no such file under ${root}`);
      let requested!: () => void;
      let release!: () => void;
      const requestedP = new Promise<void>((ok) => (requested = ok));
      const released = new Promise<void>((ok) => (release = ok));
      holds.set(key, { bytes, releaseAfterMs, requested, released });
      return { requested: requestedP, release };
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it with `sudo apt-get install -y chromium fonts-wqy-microhei` ' +
        '(Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's current service worker (a new one after a restart). */
  readonly worker: Worker;
  /** Stops the service worker as Chrome does when it idles; the next event starts a fresh one. */
  stopWorker(): Promise<void>;
  /**
   * The service worker's running status as chrome://serviceworker-internals lists it (RUNNING, STOPPED…).
   * Playwright's 'serviceworker' event is not a substitute: for a restarted worker it may come late or not at all.
   */
  workerStatus(): Promise<string>;
  /** Console errors and uncaught exceptions that came from the extension's own code. */
  extensionErrors: string[];
  open(url: string): Promise<Page>;
  popupFor(page: Page): Promise<Page>;
  /** Clicks the extension's toolbar button for the page's tab, as a user would (grants activeTab). */
  clickAction(page: Page): Promise<void>;
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built extension (see ../shared/notes/toolchain.md). */
export async function launchExtension(options: { extraArgs?: string[]; locale?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'report-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    // On Linux Chromium picks its UI language (and so browser.i18n's) from the environment, not --lang.
    env: { ...process.env, LANGUAGE: (options.locale ?? 'zh-CN').replace('-', '_'), LANG: `${(options.locale ?? 'zh-CN').replace('-', '_')}.UTF-8` },
    locale: options.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Lets the tests press the toolbar button (CDP Extensions.triggerAction), which grants activeTab.
      '--enable-unsafe-extension-debugging',
      `--lang=${options.locale ?? 'zh-CN'}`,
      // *.gov.cn resolves to the local fixture server, so the automatic content script runs offline.
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, EXCLUDE localhost',
      ...(options.extraArgs ?? []),
    ],
  });
  let worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(`chrome-extension://${extensionId}/`)) worker = w;
  });
  const extensionErrors: string[] = [];
  const fromExtension = (url: string | undefined) => !!url && url.startsWith(`chrome-extension://${extensionId}/`);
  const watch = (page: Page) => {
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error' && (fromExtension(msg.location().url) || fromExtension(page.url()))) extensionErrors.push(msg.text());
    });
    page.on('pageerror', (err) => {
      if (fromExtension(page.url()) || (err.stack ?? '').includes(`chrome-extension://${extensionId}`)) extensionErrors.push(String(err));
    });
  };
  context.on('page', watch);
  context.pages().forEach(watch);

  // Without the `tabs` permission the extension cannot read tab URLs, so a page's tab id is learnt
  // when the page is opened: the one tab id that appeared.
  const tabIds = new WeakMap<Page, number>();
  const allTabIds = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
  const tabIdOf = async (page: Page): Promise<number> => {
    const id = tabIds.get(page);
    if (id === undefined) throw new Error(`no tab id known for ${page.url()}: open pages with ext.open()`);
    return id;
  };

  return {
    context,
    extensionId,
    get worker() {
      return worker;
    },
    extensionErrors,
    async stopWorker() {
      const internals = await context.newPage();
      try {
        await internals.goto('chrome://serviceworker-internals/');
        // The list fills in after load; its status is in the text, split over elements.
        await internals.waitForFunction(() => /Running Status: [A-Z]/.test(document.body.innerText));
        const status = /Running Status: (\w+)/.exec(await internals.locator('body').innerText())?.[1];
        // Already stopped (Chrome stops an idle worker on its own) is as good as stopped here; waiting
        // for RUNNING then timed out, now and then, in the bench's tooltip run.
        if (status !== 'STOPPED') {
          // A message from an open tab (a hover's prefetch, a wake script) can start the worker again
          // within milliseconds, and a poll for the STOPPED text then misses it and waits in vain — the
          // bench's tooltip run did, now and then. An observer set before the click sees every update.
          await internals.evaluate(() => {
            const w = window as unknown as { sawStopped?: boolean };
            w.sawStopped = false;
            new MutationObserver(() => {
              if (document.body.innerText.includes('Running Status: STOPPED')) w.sawStopped = true;
            }).observe(document.body, { childList: true, subtree: true, characterData: true });
          });
          // The page lists the status as text; Playwright's worker 'close' event can lag far behind. It
          // also redraws its list as the worker runs, and a click can land on a Stop button just replaced:
          // pressed again, a few times, before giving up.
          const saw = () => internals.waitForFunction(() => (window as unknown as { sawStopped?: boolean }).sawStopped === true, null, { timeout: 10_000 });
          let lastError: Error | null = null;
          for (let attempt = 0; attempt < 3; attempt++) {
            await internals.getByText('Stop', { exact: true }).first().click({ timeout: 5_000 }).catch(() => {});
            lastError = await saw().then(() => null, (e: Error) => e);
            if (!lastError) break;
          }
          if (lastError) throw new Error(`the service worker did not stop (status ${status} before Stop, pressed 3 times): ${lastError.message.split('\n')[0]}`);
        }
      } finally {
        await internals.close();
      }
    },
    async workerStatus() {
      const internals = await context.newPage();
      try {
        await internals.goto('chrome://serviceworker-internals/');
        // The list fills in after load; its status is in the text, split over elements.
        await internals.waitForFunction(() => document.body.innerText.includes('Running Status: '));
        return /Running Status: (\w+)/.exec(await internals.locator('body').innerText())?.[1] ?? 'unknown';
      } finally {
        await internals.close();
      }
    },
    async open(url) {
      const before = new Set(await allTabIds());
      const page = await context.newPage();
      const added = (await allTabIds()).filter((id) => !before.has(id));
      if (added.length !== 1) throw new Error(`expected one new tab, saw ${added.length}`);
      tabIds.set(page, added[0]!);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async popupFor(page) {
      const tabId = await tabIdOf(page);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    tabIdOf,
    async clickAction(page) {
      // The toolbar button acts on the window's active tab.
      await page.bringToFront();
      const browser = context.browser();
      if (!browser) throw new Error('no browser handle for CDP');
      const cdp = await browser.newBrowserCDPSession();
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
          targetInfos: { targetId: string; type: string; url: string }[];
        };
        const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
        if (!tab) throw new Error(`no tab target for ${page.url()}`);
        await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};
