import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { bundledIndex } from '../../lib/glossary/bundled';
import { median, round } from '../lib/stats';
import { surfacesOf } from '../lib/regex';
import { libraryExport } from './library-data';

/**
 * The browser part: the built extension in headless Chromium on fixture pages served under a
 * *.gov.cn host (so the content script runs by itself), and the baselines on a copy of each page
 * served from 127.0.0.1, where the extension does not run. In-page code on those pages is
 * evaluated from strings: tsx compiles this file with keepNames, which puts `__name` helper calls into
 * serialised functions. Extension pages forbid eval, so there it goes as functions without named
 * inner functions.
 */

type Harness = typeof import('../../tests/e2e/harness');

export interface BrowserOptions {
  root: string;
  quick: boolean;
  log(s: string): void;
}

/** One load of a page with the extension: the content script's own marks, read from the page. */
interface PassSample {
  /** report-lens:start → :painted, the whole in-page pass. */
  pass: number;
  /** Content-script start → annotator run (session, tooltip, settings). */
  setup: number;
  /** The DOM walk (lib/dom/text-model), wall clock: the walk yields to the page between slices. */
  walk: number;
  /** The walk's own main-thread time, the page's tasks during its yields left out (the walked mark's detail). */
  walkBusy: number;
  /** Walk done → analysis back from the background (message round trip + core). */
  analyze: number;
  /**
   * Of `analyze`, the synchronous sends: runtime.sendMessage serialising the page text (in parts when
   * long) on the page's main thread, each report-lens:send → :sent. Work of ours, counted in `inPage`.
   */
  send: number;
  /** Of `analyze`, the worker's own time for the analysis (its report-lens:analysis measure); NaN when unread. */
  bgWork: number;
  /**
   * Of `analyze`, the time the page's main thread was busy with work not ours (long animation frames
   * minus our scripts in them): the reply cannot land while the page lays itself out.
   */
  waitPageBusy: number;
  /** Analysis back → last highlight registered. */
  paint: number;
  /** DOMContentLoaded end → first highlight registered. */
  firstHighlightAfterDcl: number;
  /** Longest main-thread task overlapping the pass, 0 when none was over 50 ms. */
  longestTask: number;
  longTasks: number;
  /** Long tasks inside the wait for the background, where no code of ours runs: the page's own. */
  pageLongTasks: { at: number; duration: number }[];
  /** Each long task in the window, relative to the start mark, with the marks, to tell whose it was. */
  longTaskDetail: { at: number; duration: number }[];
  marks: Record<string, number>;
  highlights: number;
  heapMB: number;
  /** The page's own DOM work (MUTATIONS) with our highlights and observer in place, ms. */
  mutationsMs: number;
  /**
   * The loaded page annotated again (as the popup's switch or the shortcut does), with nothing else
   * going on: run → painted and walked → analyzed. The same round trip as the pass, without the page's
   * loading competing for the CPU. NaN when the re-run could not be read.
   */
  idlePass: number;
  idleWait: number;
  /** Of `idleWait`, the worker's own analysis and the synchronous send in the page. */
  idleBgWork: number;
  idleSend: number;
}

export interface PageFigures {
  page: string;
  textBytes: number;
  runs: number;
  /** Medians over the runs. */
  ext: Omit<PassSample, 'longestTask' | 'longTasks' | 'highlights' | 'longTaskDetail' | 'marks' | 'pageLongTasks'> & {
    /** setup + the walk's busy time + the send + paint: the pass's work on the page's main thread (setup and paint run without yielding below 1,500 terms in the reply). */
    inPage: number;
    longestTaskMax: number;
    longTasksTotal: number;
    /** The page's own long tasks while the content script waited (not counted above): how many, the longest. */
    pageLongTasks: { count: number; longest: number };
    longTaskRuns: { marks: Record<string, number>; longTasks: { at: number; duration: number }[] }[];
    highlights: number;
  };
  baseline: {
    walkFirst: number;
    walk: number;
    textUnits: number;
    heapMB: number;
    /** The same DOM work on the copy without the extension. */
    mutationsMs: number;
    core: { foldText: number; matchTerms: number; regexAlternation: number; analyzePage: number; firstInPage: number; spans: number; regexCount: number } | null;
    markjsRegexp: { median: number; marks: number; runs: number } | null;
    markjsList: { median: number; marks: number; runs: number } | null;
  };
  ratios: {
    /** Against the first walk on a fresh page, as the content script's is. */
    passOverWalk: number;
    passOverWarmWalk: number;
    markjsOverPass: number | null;
    markjsOverMatch: number | null;
    matchVsRegex: number | null;
  };
  errors: string[];
}

export interface ToggleFigures {
  page: string;
  note?: string;
  first?: { convertMs: number; roundTripMs: number };
  repeat?: { convertMs: number; roundTripMs: number; runs: number };
  restore?: { restoreMs: number; roundTripMs: number; runs: number };
}

export interface LibraryFigures {
  note?: string;
  targets?: number;
  firstRenderMs?: number;
  /** Navigation start → first frame of an extension page with one line of text and no script (the floor). */
  blankPageMs?: number;
  filterMs?: number;
  rowsAfterFilter?: number;
  /** The same measures before the import, with only the pages this run saved. */
  baseline?: { targets: number; firstRenderMs: number; blankPageMs: number; filterMs: number; rowsAfterFilter: number };
}

/** A stopped service worker (Chrome stops it after 30 s idle): a reader's first report page in a while. */
export interface ColdFigures {
  page: string;
  note?: string;
  /** The page served at once (from 127.0.0.1, it loads in a few ms). */
  atOnce?: { passMs: number; waitMs: number; runs: number };
  /** The page's body arriving `streamMs` after its first 16 KB, as over a slow network. */
  streamed?: { passMs: number; waitMs: number; runs: number; streamMs: number };
}

/** Pointer resting on a term → its tooltip showing the definition (hover opens after 250 ms). */
export interface TooltipFigures {
  page: string;
  note?: string;
  warmMs?: number;
  /** The service worker stopped first: the entry is fetched from a worker that must start. */
  stoppedMs?: number;
  runs?: number;
  openDelayMs?: number;
}

export interface BrowserResult {
  chromium: string;
  pages: PageFigures[];
  toggle: ToggleFigures;
  library: LibraryFigures;
  cold: ColdFigures;
  tooltip: TooltipFigures;
}

/**
 * Written into the built extension before Chromium loads it (never part of the shipped package): the
 * floor for an extension page's start — the page's stylesheet and one line of Chinese text, no script.
 */
const BLANK_PAGE = 'bench-blank.html';
const FIRST_FRAME = 'report-lens-bench:first-frame ';

export function writeBlankPage(extensionDir: string): void {
  const css = readdirSync(join(extensionDir, 'assets')).filter((f) => f.endsWith('.css'));
  const links = css.map((f) => `<link rel="stylesheet" href="/assets/${f}">`).join('');
  writeFileSync(
    join(extensionDir, BLANK_PAGE),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Report Lens bench</title>${links}</head><body class="library"><main class="library-main"><p data-bench-blank>目标库 · 空白页</p></main></body></html>`,
  );
}

const LONGTASK_INIT = `
  window.__rlLongTasks = [];
  try {
    // Kept on window so the observer outlives this script and is not garbage-collected.
    window.__rlLongTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__rlLongTasks.push({ start: e.startTime, duration: e.duration });
    });
    window.__rlLongTaskObserver.observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  // Long animation frames say what kept the page's main thread busy: the share spent in scripts from
  // chrome-extension:// URLs is ours; the rest is the page's own parsing, scripts, style and layout.
  window.__rlFrames = [];
  try {
    window.__rlFrameObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        let ours = 0;
        for (const s of e.scripts || []) if (String(s.sourceURL || '').startsWith('chrome-extension:')) ours += s.duration;
        window.__rlFrames.push({ start: e.startTime, duration: e.duration, ours });
      }
    });
    window.__rlFrameObserver.observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {}
`;

/**
 * What the page's own scripts pay for our presence: 5,000 insertions and removals of a small element,
 * timed in the page's world. Chromium updates every live Range of the document on each mutation, and
 * our MutationObserver gets a record per change; the copy without the extension gives the floor.
 */
const MUTATIONS = `(() => {
  const host = document.body.firstElementChild || document.body;
  const t = performance.now();
  for (let i = 0; i < 5000; i++) { const d = document.createElement('span'); d.textContent = 'x'; host.appendChild(d); host.removeChild(d); }
  return performance.now() - t;
})()`;

const READ_MARKS = `(() => {
  const at = (n) => { const e = performance.getEntriesByName('report-lens:' + n, 'mark')[0]; return e ? e.startTime : null; };
  const nav = performance.getEntriesByType('navigation')[0];
  let highlights = 0;
  for (const h of CSS.highlights.values()) highlights += h.size;
  const walked = performance.getEntriesByName('report-lens:walked', 'mark')[0];
  const walkBusy = walked && walked.detail && typeof walked.detail.busyMs === 'number' ? walked.detail.busyMs : null;
  const slices = walked && walked.detail && Array.isArray(walked.detail.slices) ? walked.detail.slices : null;
  // Each message carrying the page text (one, or its parts and then the last): [send, sent] pairs.
  const sent = performance.getEntriesByName('report-lens:sent', 'mark');
  const sends = performance.getEntriesByName('report-lens:send', 'mark').map((e, i) => [e.startTime, sent[i] ? sent[i].startTime : e.startTime]);
  return { walkBusy, slices, start: at('start'), run: at('run'), walked: at('walked'), sends, analyzed: at('analyzed'), first: at('first-highlight'),
    painted: at('painted'), dcl: nav ? nav.domContentLoadedEventEnd : null, longTasks: window.__rlLongTasks || [], frames: window.__rlFrames || [], highlights };
})()`;

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function heapMB(page: Page, session?: Cdp): Promise<number> {
  const cdp = session ?? (await page.context().newCDPSession(page));
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 1e6;
  } finally {
    if (!session) await cdp.detach();
  }
}

/**
 * Evaluates in the page through plain CDP. Playwright's own evaluate first installs its injected
 * script, a 50 ms task of its own (seen in a Chromium trace) that would land inside the pass being
 * measured and pass for one of ours.
 */
async function cdpEval<T>(cdp: Cdp, expression: string): Promise<T> {
  const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
    result: { value?: T };
    exceptionDetails?: { text: string };
  };
  if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.text}`);
  return r.result.value as T;
}

/**
 * How long after the last highlight is registered a long task still counts as annotation: the
 * browser paints the highlights in the next rendering update (PrePaint + Paint of every range, 40–70 ms
 * on seed 003 in a trace), which is a cost of annotating even though no script of ours runs in it.
 */
const AFTER_PAINTED_MS = 250;

export async function benchBrowser(opts: BrowserOptions, h: Harness, coreBundle: string | null): Promise<BrowserResult> {
  const { root, quick, log } = opts;
  const server = await h.startServer(join(root, 'tests/fixtures'));
  writeBlankPage(h.EXTENSION);
  const ext = await h.launchExtension();
  try {
    await ext.context.addInitScript({ content: LONGTASK_INIT });
    const chromium = ext.context.browser()?.version() ?? 'unknown';
    const surfaces = surfacesOf(bundledIndex());
    const inpage = join(root, 'bench/browser/inpage.js');
    const markjs = join(root, 'node_modules/mark.js/dist/mark.min.js');

    const pass = async (path: string): Promise<PassSample> => {
      const page = await ext.open(server.govUrl(path));
      const cdp = await ext.context.newCDPSession(page);
      try {
        const deadline = Date.now() + 120_000;
        while (!(await cdpEval<boolean>(cdp, `performance.getEntriesByName('report-lens:painted', 'mark').length > 0`))) {
          if (Date.now() > deadline) throw new Error(`${path}: no report-lens:painted mark after 120 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
        // Let the rendering update that paints the highlights happen (and be observed) first.
        await new Promise((r) => setTimeout(r, AFTER_PAINTED_MS + 100));
        // Read before anything else asks the worker for an analysis (the idle re-run below).
        const bgWork = await ext.worker
          .evaluate(`(() => { const e = performance.getEntriesByName('report-lens:analysis', 'measure').at(-1); return e ? e.duration : NaN; })()`)
          .then((v) => (typeof v === 'number' ? v : NaN), () => NaN);
        const m = await cdpEval<{
          walkBusy: number | null; slices: number[] | null; start: number; run: number; walked: number; sends: [number, number][]; analyzed: number; first: number | null; painted: number; dcl: number | null;
          longTasks: { start: number; duration: number }[]; frames: { start: number; duration: number; ours: number }[]; highlights: number;
        }>(cdp, READ_MARKS);
        let waitPageBusy = 0;
        for (const f of m.frames) {
          const overlap = Math.min(f.start + f.duration, m.analyzed) - Math.max(f.start, m.walked);
          if (overlap > 0) waitPageBusy += Math.max(0, overlap - f.ours);
        }
        // A task that ends after our start mark: the content script's own injection task (module
        // evaluation begins a little before main() marks the start) and everything up to the
        // highlights' first rendering.
        const overlapping = m.longTasks.filter((t) => t.start < m.painted + AFTER_PAINTED_MS && t.start + t.duration > m.start);
        // A task that begins after the walk and ends before the reply lands holds no code of ours: the
        // content script sent the text and is suspended until the background answers. On a long page
        // whose first layout has not happened yet when the content script starts, that layout (the
        // page's own: 160–370 ms on seed 003 and 110–200 ms on seed 004 with no extension installed) falls there.
        // The same for a task that runs while the walk yields between its slices: the page's first
        // layout comes there on some loads (one task of 200–530 ms from 2 ms after our setup to the walk's
        // start, whose own slices took 4 ms). What is ours: the injection task and setup, each walk slice
        // (the walked mark lists them; the last one up to that mark), and from the reply to the
        // highlights' rendering. The send, in the task after the walked mark, is not told apart: as before,
        // a long task between the walk and the reply counts as the page's (serialising the text takes ~5 ms).
        const ourSpans: [number, number][] = [[-Infinity, m.run]];
        if (m.slices && m.slices.length >= 2) {
          for (let i = 0; i + 1 < m.slices.length; i += 2) ourSpans.push([m.slices[i]!, i + 2 >= m.slices.length ? m.walked : m.slices[i + 1]!]);
        } else ourSpans.push([m.run, m.walked]);
        const sends = m.sends.filter(([a]) => a >= m.walked && a <= m.analyzed);
        ourSpans.push(...sends);
        ourSpans.push([m.analyzed, m.painted + AFTER_PAINTED_MS]);
        // Long-task times are coarsened to the millisecond: an overlap of 1 ms or less is a shared edge.
        const ours = (t: { start: number; duration: number }) => ourSpans.some(([a, b]) => Math.min(t.start + t.duration, b) - Math.max(t.start, a) > 1);
        const pageOwn = overlapping.filter((t) => !ours(t));
        const during = overlapping.filter((t) => !pageOwn.includes(t));
        return {
          pass: m.painted - m.start,
          setup: m.run - m.start,
          walk: m.walked - m.run,
          walkBusy: m.walkBusy ?? m.walked - m.run,
          analyze: m.analyzed - m.walked,
          send: sends.length ? sends.reduce((n, [a, b]) => n + b - a, 0) : NaN,
          bgWork,
          waitPageBusy,
          paint: m.painted - m.analyzed,
          firstHighlightAfterDcl: m.first !== null && m.dcl !== null ? m.first - m.dcl : NaN,
          longestTask: during.reduce((x, t) => Math.max(x, t.duration), 0),
          longTasks: during.length,
          longTaskDetail: during.map((t) => ({ at: round(t.start - m.start, 1), duration: round(t.duration, 1) })),
          pageLongTasks: pageOwn.map((t) => ({ at: round(t.start - m.start, 1), duration: round(t.duration, 1) })),
          marks: Object.fromEntries(
            (['run', 'walked', 'analyzed', 'first', 'painted'] as const).map((k) => [k, round((m[k] ?? NaN) - m.start, 1)]),
          ),
          highlights: m.highlights,
          heapMB: await heapMB(page, cdp),
          mutationsMs: await cdpEval<number>(cdp, MUTATIONS),
          ...(await idleRerun(page, cdp)),
        };
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    };

    const idleRerun = async (page: Page, cdp: Cdp): Promise<{ idlePass: number; idleWait: number; idleBgWork: number; idleSend: number }> => {
      const none = { idlePass: NaN, idleWait: NaN, idleBgWork: NaN, idleSend: NaN };
      try {
        const tabId = await ext.tabIdOf(page);
        await ext.worker.evaluate((id) => (globalThis as unknown as { reportLens: { annotateTab(id: number): Promise<unknown> } }).reportLens.annotateTab(id), tabId);
        const m = await cdpEval<{ runs: number; run: number; walked: number; send: number; analyzed: number; painted: number }>(
          cdp,
          `(() => { const last = (n) => { const l = performance.getEntriesByName('report-lens:' + n, 'mark'); return l.length ? l[l.length - 1].startTime : NaN; };
            const walked = last('walked'), analyzed = last('analyzed'), sent = performance.getEntriesByName('report-lens:sent', 'mark');
            const send = performance.getEntriesByName('report-lens:send', 'mark').reduce((n, e, i) => e.startTime >= walked && e.startTime <= analyzed && sent[i] ? n + sent[i].startTime - e.startTime : n, 0);
            return { runs: performance.getEntriesByName('report-lens:painted', 'mark').length, run: last('run'), walked, send, analyzed, painted: last('painted') }; })()`,
        );
        if (m.runs < 2) return none;
        const bg = await ext.worker.evaluate(`(() => { const e = performance.getEntriesByName('report-lens:analysis', 'measure').at(-1); return e ? e.duration : NaN; })()`);
        return { idlePass: m.painted - m.run, idleWait: m.analyzed - m.walked, idleBgWork: typeof bg === 'number' ? bg : NaN, idleSend: m.send };
      } catch {
        return none;
      }
    };

    const baseline = async (path: string, reps: number, markRuns: { regexp: number; list: number }) => {
      const page = await ext.context.newPage();
      try {
        await page.goto(server.url(path), { waitUntil: 'load' });
        const heap = await heapMB(page);
        const mutations = (await page.evaluate(MUTATIONS)) as number;
        await page.addScriptTag({ path: inpage });
        const walk = (await page.evaluate(`__rlBench.walk(${reps + 1})`)) as { first: number; median: number; length: number };
        let core = null;
        if (coreBundle) {
          await page.addScriptTag({ content: coreBundle });
          core = (await page.evaluate(`__rlBench.core(${reps})`)) as NonNullable<PageFigures['baseline']['core']>;
        }
        await page.addScriptTag({ path: markjs });
        const mark = async (mode: 'regexp' | 'list', runs: number) =>
          runs > 0
            ? { ...((await page.evaluate(`__rlBench.markjs(${JSON.stringify(mode)}, ${JSON.stringify(surfaces)}, ${runs})`)) as { median: number; marks: number }), runs }
            : null;
        const markjsRegexp = await mark('regexp', markRuns.regexp);
        const markjsList = await mark('list', markRuns.list);
        return { heap, mutations, walk, core, markjsRegexp, markjsList };
      } finally {
        await page.close();
      }
    };

    const big = join(root, 'tests/fixtures/pages/big-page.html');
    const plan = quick
      ? [
          { path: 'pages/seed-003.html', runs: 5, baselines: 1, reps: 9, mark: { regexp: 3, list: 1 } },
          { path: 'pages/big-page.html', runs: 2, baselines: 1, reps: 3, mark: { regexp: 1, list: 0 } },
        ]
      : [
          ...['000', '001', '002', '004'].map((id) => ({ path: `pages/seed-${id}.html`, runs: 7, baselines: 1, reps: 9, mark: { regexp: 3, list: 1 } })),
          { path: 'pages/seed-003.html', runs: 21, baselines: 3, reps: 15, mark: { regexp: 5, list: 1 } },
          { path: 'pages/big-page.html', runs: 7, baselines: 2, reps: 5, mark: { regexp: 3, list: 1 } },
        ];

    const pages: PageFigures[] = [];
    for (const p of plan) {
      if (p.path.endsWith('big-page.html') && !existsSync(big)) throw new Error('big-page.html missing: run tests/fixtures/pages/build-big-page.mjs');
      const errors: string[] = [];
      const samples: PassSample[] = [];
      const bases: Awaited<ReturnType<typeof baseline>>[] = [];
      // Extension runs and baselines interleave, so a busy spell on the machine hits both.
      const every = Math.max(1, Math.floor(p.runs / p.baselines));
      for (let i = 0; i < p.runs; i++) {
        log(`browser: ${p.path} run ${i + 1}/${p.runs}`);
        try {
          samples.push(await pass(p.path));
        } catch (e) {
          errors.push(`run ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
        }
        if (i % every === 0 && bases.length < p.baselines) {
          log(`browser: ${p.path} baselines ${bases.length + 1}/${p.baselines}`);
          try {
            bases.push(await baseline(p.path, p.reps, p.mark));
          } catch (e) {
            errors.push(`baseline: ${(e as Error).message.split('\n')[0]}`);
          }
        }
      }
      const med = (f: (s: PassSample) => number) => round(median(samples.map(f)), 2);
      const medOk = (f: (s: PassSample) => number) => {
        const xs = samples.map(f).filter((x) => Number.isFinite(x));
        return xs.length ? round(median(xs), 2) : NaN;
      };
      const medB = (f: (b: (typeof bases)[number]) => number | undefined) => {
        const xs = bases.map(f).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
        return xs.length ? round(median(xs), 2) : NaN;
      };
      const core = bases.some((b) => b.core)
        ? {
            foldText: medB((b) => b.core?.foldText),
            matchTerms: medB((b) => b.core?.matchTerms),
            regexAlternation: medB((b) => b.core?.regexAlternation),
            analyzePage: medB((b) => b.core?.analyzePage),
            firstInPage: medB((b) => b.core?.firstInPage),
            spans: bases.find((b) => b.core)!.core!.spans,
            regexCount: bases.find((b) => b.core)!.core!.regexCount,
          }
        : null;
      const markStat = (key: 'markjsRegexp' | 'markjsList') => {
        const xs = bases.map((b) => b[key]).filter((x): x is NonNullable<typeof x> => !!x);
        return xs.length ? { median: round(median(xs.map((x) => x.median)), 1), marks: xs[0]!.marks, runs: xs.reduce((n, x) => n + x.runs, 0) } : null;
      };
      const ext_ = {
        pass: med((s) => s.pass),
        setup: med((s) => s.setup),
        walk: med((s) => s.walk),
        walkBusy: med((s) => s.walkBusy),
        analyze: med((s) => s.analyze),
        send: medOk((s) => s.send),
        bgWork: medOk((s) => s.bgWork),
        waitPageBusy: med((s) => s.waitPageBusy),
        paint: med((s) => s.paint),
        firstHighlightAfterDcl: med((s) => s.firstHighlightAfterDcl),
        heapMB: med((s) => s.heapMB),
        mutationsMs: med((s) => s.mutationsMs),
        idlePass: medOk((s) => s.idlePass),
        idleWait: medOk((s) => s.idleWait),
        idleBgWork: medOk((s) => s.idleBgWork),
        idleSend: medOk((s) => s.idleSend),
        inPage: med((s) => s.setup + s.walkBusy + (Number.isNaN(s.send) ? 0 : s.send) + s.paint),
        longestTaskMax: round(Math.max(0, ...samples.map((s) => s.longestTask)), 1),
        longTasksTotal: samples.reduce((n, s) => n + s.longTasks, 0),
        pageLongTasks: {
          count: samples.reduce((n, s) => n + s.pageLongTasks.length, 0),
          longest: round(Math.max(0, ...samples.flatMap((s) => s.pageLongTasks.map((t) => t.duration))), 1),
        },
        longTaskRuns: samples.filter((s) => s.longTasks).map((s) => ({ marks: s.marks, longTasks: s.longTaskDetail })),
        highlights: samples[0]?.highlights ?? 0,
      };
      const walk = medB((b) => b.walk.median);
      const markjsRegexp = markStat('markjsRegexp');
      const markjsList = markStat('markjsList');
      const fastestMark = Math.min(markjsRegexp?.median ?? Infinity, markjsList?.median ?? Infinity);
      const text = bases[0] ? bases[0].walk.length : 0;
      pages.push({
        page: p.path,
        textBytes: text,
        runs: samples.length,
        ext: ext_,
        baseline: {
          walkFirst: medB((b) => b.walk.first),
          walk,
          textUnits: text,
          heapMB: medB((b) => b.heap),
          mutationsMs: medB((b) => b.mutations),
          core,
          markjsRegexp,
          markjsList,
        },
        ratios: {
          passOverWalk: round(ext_.pass / medB((b) => b.walk.first), 1),
          passOverWarmWalk: round(ext_.pass / walk, 1),
          markjsOverPass: Number.isFinite(fastestMark) ? round(fastestMark / ext_.pass, 1) : null,
          markjsOverMatch: Number.isFinite(fastestMark) && core ? round(fastestMark / (core.foldText + core.matchTerms), 1) : null,
          matchVsRegex: core ? round(core.regexAlternation / core.matchTerms, 2) : null,
        },
        errors,
      });
    }

    const toggle = await benchToggle(ext, server, root, quick, log);
    const library = await benchLibrary(ext, root, log);
    // Last: Playwright may not notice the restarted worker, and the steps above evaluate in it.
    const cold = await benchColdWorker(ext, server, quick, log);
    const tooltip = await benchTooltip(ext, server, quick, log);
    return { chromium, pages, toggle, library, cold, tooltip };
  } finally {
    await ext.close();
    await server.close();
  }
}

type Ext = Awaited<ReturnType<Harness['launchExtension']>>;
type Server = Awaited<ReturnType<Harness['startServer']>>;

/**
 * The S/T toggle as the shortcut and the context menu run it (background → content script): the
 * page's own timer (ScriptToggleState.ms: converting or restoring the text) and the round trip from
 * the service worker (which also waits for the page to be annotated again).
 */
async function benchToggle(ext: Ext, server: Server, root: string, quick: boolean, log: (s: string) => void): Promise<ToggleFigures> {
  const page = 'pages/seed-003.html';
  if (!existsSync(join(root, 'lib/dom/script-toggle.ts'))) return { page, note: 'lib/dom/script-toggle.ts absent: not measured' };
  const has = await ext.worker.evaluate(`typeof globalThis.reportLens?.toggleScriptTab === 'function'`);
  if (!has) return { page, note: 'the background exposes no toggleScriptTab: not measured' };
  const tab = await ext.open(server.govUrl(page));
  try {
    await tab.waitForFunction(`performance.getEntriesByName('report-lens:painted', 'mark').length > 0`, null, { timeout: 120_000 });
    const tabId = await ext.tabIdOf(tab);
    const once = async () => {
      const r = (await ext.worker.evaluate(
        `(async () => { const t0 = performance.now(); const r = await globalThis.reportLens.toggleScriptTab(${tabId}); return { rt: performance.now() - t0, r }; })()`,
      )) as { rt: number; r: { ok: boolean; error?: string; state?: { converted: boolean; ms: number | null; error?: string } } };
      if (!r.r.ok || !r.r.state || r.r.state.ms === null) throw new Error(`toggle failed: ${r.r.error ?? r.r.state?.error ?? 'no state'}`);
      return { converted: r.r.state.converted, ms: r.r.state.ms, rt: r.rt };
    };
    const cycles = quick ? 3 : 8;
    const converts: { ms: number; rt: number }[] = [];
    const restores: { ms: number; rt: number }[] = [];
    for (let i = 0; i < cycles; i++) {
      log(`browser: S/T toggle cycle ${i + 1}/${cycles}`);
      const c = await once();
      if (!c.converted) throw new Error('toggle did not convert');
      converts.push(c);
      // The last toggle restores, which also forgets the site (no later visit is converted).
      const r = await once();
      if (r.converted) throw new Error('toggle did not restore');
      restores.push(r);
    }
    const rest = converts.slice(1);
    return {
      page,
      first: { convertMs: round(converts[0]!.ms, 1), roundTripMs: round(converts[0]!.rt, 1) },
      repeat: { convertMs: round(median(rest.map((x) => x.ms)), 1), roundTripMs: round(median(rest.map((x) => x.rt)), 1), runs: rest.length },
      restore: { restoreMs: round(median(restores.map((x) => x.ms)), 2), roundTripMs: round(median(restores.map((x) => x.rt)), 1), runs: restores.length },
    };
  } catch (e) {
    return { page, note: `not measured: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await tab.close();
  }
}

/**
 * The pass on a page that finds the service worker stopped. The content script's message then waits
 * for the worker to start and evaluate its modules, unless the wake script (document_start) started it
 * while the page was loading — which a page served at once from 127.0.0.1 hardly gives it time for,
 * and a page whose body takes a few hundred ms to arrive does.
 */
async function benchColdWorker(ext: Ext, server: Server, quick: boolean, log: (s: string) => void): Promise<ColdFigures> {
  const path = 'pages/seed-003.html';
  const streamMs = 300;
  const runs = quick ? 3 : 7;
  try {
    const once = async (stream: boolean) => {
      await ext.stopWorker();
      if (stream) server.hold(path, { bytes: 16_384, releaseAfterMs: streamMs });
      const page = await ext.context.newPage();
      const cdp = await ext.context.newCDPSession(page);
      try {
        await page.goto(server.govUrl(path), { waitUntil: 'commit' });
        const deadline = Date.now() + 120_000;
        while (!(await cdpEval<boolean>(cdp, `performance.getEntriesByName('report-lens:painted', 'mark').length > 0`))) {
          if (Date.now() > deadline) throw new Error(`${path}: no report-lens:painted mark after 120 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
        const m = await cdpEval<{ start: number; walked: number; analyzed: number; painted: number }>(cdp, READ_MARKS);
        return { pass: m.painted - m.start, wait: m.analyzed - m.walked };
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    };
    const atOnce: { pass: number; wait: number }[] = [];
    const streamed: { pass: number; wait: number }[] = [];
    // Alternated, so a busy spell on the machine hits both.
    for (let i = 0; i < runs; i++) {
      log(`browser: stopped worker ${i + 1}/${runs}`);
      atOnce.push(await once(false));
      streamed.push(await once(true));
    }
    const sum = (xs: { pass: number; wait: number }[]) => ({ passMs: round(median(xs.map((x) => x.pass)), 1), waitMs: round(median(xs.map((x) => x.wait)), 1), runs: xs.length });
    return { page: path, atOnce: sum(atOnce), streamed: { ...sum(streamed), streamMs } };
  } catch (e) {
    return { page: path, note: `not measured: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * Where a highlighted term sits on screen (scrolled into view), the nth of the distinct terms in document
 * order. Highlights are registered near the viewport only on pages with 100 terms or more, so the page is
 * scrolled down a screen at a time until n + 1 distinct terms have been seen.
 */
const TERM_POINT = (nth: number) => `(async () => {
  const seen = new Map();
  const root = document.scrollingElement || document.documentElement;
  for (let y = 0; ; y += innerHeight) {
    scrollTo(0, y);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
    for (const r of CSS.highlights.get('report-lens-defined') || []) {
      const l = document.createRange(); l.setStart(r.startContainer, r.startOffset); l.setEnd(r.endContainer, r.endOffset);
      const t = l.toString(); const had = seen.get(t);
      if (!had || had.compareBoundaryPoints(Range.START_TO_START, l) > 0) seen.set(t, l);
    }
    if (seen.size > ${nth} || y + innerHeight >= root.scrollHeight) break;
  }
  const range = [...seen.values()].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[${nth}];
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
  const rect = range.getClientRects()[0]; return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
})()`;

/**
 * Resolves with the time from the page's next mousemove to the first frame showing the page's first
 * tooltip. The tooltip's box is in a closed shadow root, out of the page's reach; its host element is
 * added in the same task that fills and shows the box (lib/dom/tooltip.ts), so on a page that has shown
 * no tooltip yet the host's arrival is the tooltip's.
 */
const TOOLTIP_SHOWN = `new Promise((resolve) => {
  let t0 = null;
  addEventListener('mousemove', () => { t0 = performance.now(); }, { once: true, capture: true });
  if (document.querySelector('report-lens-tooltip')) { resolve(NaN); return; }
  new MutationObserver((_, o) => {
    if (t0 === null || !document.querySelector('report-lens-tooltip')) return;
    o.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  }).observe(document.documentElement, { childList: true });
  setTimeout(() => resolve(NaN), 20000);
})`;

/**
 * Pointer on a term → its tooltip with the definition. Hover waits 250 ms on purpose (a pointer passing
 * over text must not flash tooltips), so that is the floor; the entry is fetched from the background
 * meanwhile. Measured with the worker running, and after stopping it (as Chrome does after 30 s idle),
 * each on a fresh page (see TOOLTIP_SHOWN).
 */
async function benchTooltip(ext: Ext, server: Server, quick: boolean, log: (s: string) => void): Promise<TooltipFigures> {
  const path = 'pages/seed-003.html';
  const runs = quick ? 2 : 5;
  try {
    const warm: number[] = [];
    const stopped: number[] = [];
    const hoverOnFreshPage = async (nth: number, stopFirst: boolean): Promise<number> => {
      // Not ext.open(): it asks the worker for tab ids, and Playwright may not have noticed a restarted one.
      const page = await ext.context.newPage();
      try {
        await page.goto(server.govUrl(path));
        await page.waitForFunction(`performance.getEntriesByName('report-lens:painted', 'mark').length > 0`, null, { timeout: 60_000 });
        const at = (await page.evaluate(TERM_POINT(nth))) as { x: number; y: number };
        await page.mouse.move(5, 5);
        if (stopFirst) await ext.stopWorker();
        await page.waitForTimeout(600);
        const shown = page.evaluate(TOOLTIP_SHOWN) as Promise<number>;
        await page.waitForTimeout(100);
        await page.mouse.move(at.x, at.y);
        return await shown;
      } finally {
        await page.close();
      }
    };
    for (let i = 0; i < runs; i++) {
      log(`browser: tooltip ${i + 1}/${runs}`);
      warm.push(await hoverOnFreshPage(2 * i, false));
      stopped.push(await hoverOnFreshPage(2 * i + 1, true));
    }
    const ok = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
    return { page: path, warmMs: round(median(ok(warm)), 1), stoppedMs: round(median(ok(stopped)), 1), runs, openDelayMs: 250 };
  } catch (e) {
    return { page: path, note: `not measured: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * The library page with 10,000 stored targets, imported through its own Import JSON (every field
 * checked, as a user's file would be). First render: navigation start → the first frame that shows a target row;
 * filter: a kind filter change → the row count updated and a frame painted.
 */
async function benchLibrary(ext: Ext, root: string, log: (s: string) => void): Promise<LibraryFigures> {
  if (!existsSync(join(root, 'entrypoints/library/index.html'))) return { note: 'no library page: not measured' };
  const dir = mkdtempSync(join(tmpdir(), 'report-lens-bench-'));
  const page = await ext.context.newPage();
  try {
    const url = `chrome-extension://${ext.extensionId}/library.html`;
    const blankUrl = `chrome-extension://${ext.extensionId}/${BLANK_PAGE}`;
    await page.addInitScript({
      // The first frame that shows a row (on the blank page: its one line): the rows' style, layout and
      // paint count, wherever they happen. rAF runs at the start of that frame's rendering; the message is
      // handled after it. Said on the console, which costs the page nothing: waiting for it with
      // Playwright's waitForFunction would inject Playwright's script (a 25–37 ms task in a trace) in
      // the middle of the start being measured.
      content: `new MutationObserver((_, o) => { if (document.querySelector(location.pathname.endsWith('${BLANK_PAGE}') ? '[data-bench-blank]' : '[data-testid="target-row"]')) { o.disconnect(); requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => console.debug('${FIRST_FRAME}' + performance.now()); c.port2.postMessage(0); }); } }).observe(document, { childList: true, subtree: true });`,
    });
    const firstFrame = async (target: string): Promise<number> => {
      let listener: ((m: ConsoleMessage) => void) | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const seen = new Promise<number>((resolve, reject) => {
        listener = (m) => {
          if (m.text().startsWith(FIRST_FRAME)) resolve(Number(m.text().slice(FIRST_FRAME.length)));
        };
        page.on('console', listener);
        timer = setTimeout(() => reject(new Error(`no first frame on ${target} after 60 s`)), 60_000);
      });
      try {
        await page.goto(target);
        return await seen;
      } finally {
        page.off('console', listener!);
        // A pending timer keeps Node alive: left running, it held every bench run a minute after its report.
        clearTimeout(timer);
      }
    };
    // Extension pages forbid eval (CSP), so in-page code is passed as functions here, each kept free
    // of named inner functions (see the note at the top about keepNames).
    const storedTargets = () => page.evaluate(() => Number((document.querySelector('[data-testid="summary"]') as HTMLElement | null)?.dataset.targets ?? 0));
    const measure = async (reps: number) => {
      const renders: number[] = [];
      const blanks: number[] = [];
      const filters: number[] = [];
      let rows = 0;
      for (let i = 0; i < reps; i++) {
        // The floor, measured the same way in the same minute: an extension page with no script at all.
        blanks.push(await firstFrame(blankUrl));
        renders.push(await firstFrame(url));
        await page.waitForFunction(() => (document.querySelector('[data-testid="filter-kind"]') as HTMLSelectElement | null)?.disabled === false, null, {
          timeout: 60_000,
        });
        const r = await page.evaluate(
          () =>
            new Promise<{ ms: number; rows: number }>((resolve) => {
              const count = document.querySelector('[data-testid="target-count"]') as HTMLElement;
              const before = count.dataset.count;
              const select = document.querySelector('[data-testid="filter-kind"]') as HTMLSelectElement;
              const t0 = performance.now();
              new MutationObserver((_, o) => {
                if (count.dataset.count === before) return;
                o.disconnect();
                requestAnimationFrame(() => resolve({ ms: performance.now() - t0, rows: Number(count.dataset.count) }));
              }).observe(count, { attributes: true });
              // A filter that changes nothing would never be seen: give up rather than hang the run.
              setTimeout(() => resolve({ ms: NaN, rows: Number(count.dataset.count) }), 20_000);
              select.value = select.value === 'main' ? 'other' : 'main';
              select.dispatchEvent(new Event('change', { bubbles: true }));
            }),
        );
        filters.push(r.ms);
        rows = r.rows;
      }
      return {
        firstRenderMs: round(median(renders), 1),
        blankPageMs: round(median(blanks), 1),
        filterMs: round(median(filters.filter((x) => Number.isFinite(x))), 1),
        rowsAfterFilter: rows,
        targets: await storedTargets(),
      };
    };

    await page.goto(url);
    await page.waitForSelector('[data-testid="summary"], [data-testid="empty"]', { timeout: 60_000 });
    // The same page with only what this run saved (a few hundred targets): the page's own boot cost.
    const small = (await storedTargets()) > 0 ? await measure(3) : null;

    log('browser: library, importing 10,000 targets');
    const data = libraryExport(root, 10_000);
    const file = join(dir, 'library-10000.json');
    writeFileSync(file, JSON.stringify(data));
    await page.goto(url);
    const input = page.getByTestId('import-file');
    if (!(await input.count())) return { note: 'library page has no import-file input: not measured' };
    await input.setInputFiles(file);
    await page.waitForSelector('[data-testid="notice"], [data-testid="import-error"]', { timeout: 120_000 });
    if (await page.getByTestId('import-error').count()) return { note: `import failed: ${await page.getByTestId('import-error').innerText()}` };
    await page.waitForFunction(
      (n) => Number((document.querySelector('[data-testid="summary"]') as HTMLElement | null)?.dataset.targets) >= n,
      data.targets.length,
      { timeout: 120_000 },
    );
    const big = await measure(3);
    return { ...big, ...(small ? { baseline: small } : {}) };
  } catch (e) {
    return { note: `not measured: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
