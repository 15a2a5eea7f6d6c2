import type { PageAnalysis } from '../analyze';
import type { PageGlossaryEntry, PageInput, TermSpan } from '../types';
import { HighlightLayer } from './highlight';
import {
  buildTextModel,
  buildTextModelSliced,
  highlightRangeMaker,
  OWN_UI_ATTR,
  rangeFor,
  segmentAt,
  textStillAt,
  type TextModel,
  parentElementOf,
  walkPlaceOf,
} from './text-model';
import { VIEWPORT_MIN_TERMS, ViewportHighlights } from './viewport-highlights';
import { watchLateContent } from './late-content';

/** Yields to the event loop so no single task grows long on big pages. */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Ranges registered per task where no IntersectionObserver can register them by viewport: registering
// 1,500 ranges costs a few ms, while a yield in between let Chromium paint the first chunk's highlights
// (PrePaint + Paint of every range, 20–40 ms on seed 003) and then repaint them all with the second.
const HIGHLIGHT_CHUNK = 1500;

// A reply with this many terms is unpacked in a task of its own (see run()).
const LARGE_REPLY_TERMS = 1500;

/**
 * User-timing marks of the initial pass (report-lens:run, :walked, :analyzed, :first-highlight,
 * :painted). The performance timeline belongs to the document, so the page — and `npm run bench` —
 * can read how long annotation took; a mark costs microseconds. Never lets timing break annotation.
 */
function markPass(doc: Document, name: string, detail?: Record<string, number | number[]>): void {
  try {
    doc.defaultView?.performance?.mark(`report-lens:${name}`, detail ? { detail } : undefined);
  } catch {
    // No user timing here (test DOMs): nothing to record.
  }
}

/** The core pipeline, which runs outside the page (the background) and is reached by message. */
export interface Analyzer {
  analyze(input: PageInput, force: boolean): Promise<PageAnalysis>;
  matchText(text: string, pageGlossary: PageGlossaryEntry[]): Promise<TermSpan[]>;
}

export interface AnnotatorOptions {
  analyzer: Analyzer;
  force: boolean;
  /** Called after content added later has been annotated. */
  onUpdate?: () => void;
  /**
   * Awaited before content added later is read: the script toggle converts new text in place, and
   * text read before that would leave collapsed Ranges behind.
   */
  beforeFlush?: () => Promise<void>;
}

/**
 * Annotates one document: one text model, one analysis, one highlight layer, and an observer that
 * feeds content added later (SPA updates, lazy article bodies) through the same pipeline — only the
 * new subtrees, batched, never re-walking the whole document per mutation.
 */
export class DocumentAnnotator {
  model: TextModel = { text: '', segments: [], headings: [] };
  analysis: PageAnalysis | null = null;
  readonly layer: HighlightLayer;
  private readonly nodeIndex = new WeakMap<Text, number>();
  private observer: MutationObserver | null = null;
  /** Open shadow roots the observer watches too: it does not see into them from the document. */
  private watchedShadows = new WeakSet<ShadowRoot>();
  /** The same roots, for the reveal observer to watch too (see syncRevealWatch). */
  private shadowRefs: WeakRef<ShadowRoot>[] = [];
  /** Watches every attribute, but only while elements are left out as hidden (see syncRevealWatch). */
  private revealObserver: MutationObserver | null = null;
  /** Ends the watch's event listeners (the observer's counterpart for states no attribute shows). */
  private watchEnd: AbortController | null = null;
  /** This document was followed as a report (observed): a new page in it that is none is waited on. */
  private followed = false;
  /** Ends the wait for a page that is no report to become one (see awaitReport). */
  private reportWait: AbortController | null = null;
  private pending = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Set on pages with very many terms: highlights are then registered only near the viewport. */
  private viewport: ViewportHighlights | null = null;
  /** Highlight ranges for spans of the model (StaticRanges; see lib/dom/text-model). */
  private readonly makeRange: ReturnType<typeof highlightRangeMaker>;
  /** Bumped by rerun(), so a flush that started before it does not append to the new model. */
  private generation = 0;
  /** The body run() read. */
  private root: Node | null = null;
  /**
   * The page's address as first read: what its report is saved under. A page that rewrites its address
   * as the reader scrolls (replaceState ?section=…) or strips a tracking parameter stays one page; only
   * a new page in the same document (see flush) takes the address it has then.
   */
  url = '';
  /** When the page at `url` was read (ms since the epoch). */
  readAt = 0;
  /** Characters of the text read by the last run that have left the document since. */
  private goneSinceRun = 0;
  /** The latest run; a run that a newer one overtook hands its caller that one's result. */
  private running: Promise<PageAnalysis> | null = null;
  /** Length of the model run() read; content added later is appended after it. */
  private baseLength = 0;
  /** Indexed text nodes whose characters a page script changed since the last flush. */
  private changed = new Set<Text>();
  /** Whether nodes left the document since the last flush (their terms may have gone with them). */
  private removals = false;
  /**
   * Elements the walks left out as not rendered (see TextModel.hidden). A class or style change anywhere
   * may show them — a tab panel, a 展开全文 section shown by script — so each such batch checks them.
   */
  private hiddenRoots = new Set<Element>();
  /** A class or style changed since the last flush: the hidden elements may show now. */
  private revealCheck = false;
  /** The range registered for each term (all terms, when not registered by viewport). */
  private readonly registered = new Map<TermSpan, { source: TermSpan['source']; range: AbstractRange }>();

  constructor(
    readonly doc: Document,
    private readonly options: AnnotatorOptions,
  ) {
    this.layer = new HighlightLayer(doc);
    this.makeRange = highlightRangeMaker(doc.defaultView as (Window & typeof globalThis) | null);
  }

  get terms(): TermSpan[] {
    return this.analysis?.terms ?? [];
  }

  run(): Promise<PageAnalysis> {
    const run = this.runOnce(this.generation);
    this.running = run;
    return run;
  }

  private async runOnce(generation: number): Promise<PageAnalysis> {
    // Two runs at once (a new page seen by flush, then the script toggle's rerun) would each paint and
    // observe; the older one stops at its next step and answers with the newer one's result.
    const overtaken = () => generation !== this.generation;
    const body = this.doc.body ?? this.doc.documentElement;
    this.root = body;
    if (!this.url) {
      this.url = this.doc.URL;
      this.readAt = Date.now();
    }
    this.goneSinceRun = 0;
    markPass(this.doc, 'run');
    // The walk starts in a task of its own: the one that injected the content script has already spent
    // ~16 ms compiling and evaluating it (a trace of seed 003), and on a loaded machine the two together
    // made a task over 50 ms.
    await nextTask();
    if (overtaken()) return this.running!;
    const walkStats = { busyMs: 0, slices: [] as number[] };
    const model = await buildTextModelSliced(body, nextTask, 8, 0, walkStats);
    if (overtaken()) return this.running!;
    this.model = model;
    this.indexSegments(0);
    this.keepHidden(model.hidden);
    // The walk's own time and its slices, without the page's tasks that ran while it yielded (read by
    // `npm run bench`, which tells the page's long tasks from ours by them).
    markPass(this.doc, 'walked', { busyMs: walkStats.busyMs, slices: walkStats.slices });
    await nextTask();
    const analysis = await this.options.analyzer.analyze(
      { text: this.model.text, title: this.doc.title, url: this.doc.URL, headings: this.model.headings },
      this.options.force,
    );
    if (overtaken()) return this.running!;
    markPass(this.doc, 'analyzed');
    this.analysis = analysis;
    this.baseLength = this.model.text.length;
    if (this.destroyed) return analysis;
    if (analysis.report.isReport || this.options.force) {
      // A long page's reply lands in a task that first collects the garbage its arrival made (3–17 ms
      // on the 1 MB page in a trace) and unpacks 3,400 spans; setting up its highlights, with code not
      // yet optimised in this page, took as long again in the same task (50–70 ms together). A shorter
      // reply's paint is short and stays in the reply's task.
      if (analysis.terms.length >= LARGE_REPLY_TERMS) {
        await nextTask();
        if (overtaken()) return this.running!;
        if (this.destroyed) return analysis;
      }
      await this.paint(analysis.terms, () => markPass(this.doc, 'first-highlight'));
      markPass(this.doc, 'painted');
      this.observe();
    } else if (this.followed) this.awaitReport();
    return analysis;
  }

  /**
   * A report page followed so far became a page that is none — an SPA's new address before its section
   * has arrived, or a list it shows between two reports. Nothing is highlighted there, but the document
   * is still the reader's: once enough text arrives (or the title changes with new content: Back to a
   * report section), it is read again, under the address it has by then. The content script does the
   * same for a page that was never a report (lib/dom/late-content), by starting afresh.
   */
  private awaitReport(): void {
    this.reportWait?.abort();
    const wait = (this.reportWait = new AbortController());
    watchLateContent(this.doc, this.model.text.length, wait.signal, async () => {
      // As a flush does: the script toggle converts the new text first, or its Ranges would collapse.
      if (this.options.beforeFlush) await this.options.beforeFlush();
      if (wait.signal.aborted || this.destroyed) return;
      if (pageKey(this.doc.URL) !== pageKey(this.url)) {
        this.url = this.doc.URL;
        this.readAt = Date.now();
      }
      await this.rerun();
      if (!this.destroyed) this.options.onUpdate?.();
    });
  }

  private indexSegments(from: number): void {
    const segs = this.model.segments;
    for (let i = from; i < segs.length; i++) this.nodeIndex.set(segs[i]!.node, i);
  }

  private async paint(spans: TermSpan[], onFirstChunk?: () => void): Promise<void> {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!this.viewport && spans.length >= VIEWPORT_MIN_TERMS && typeof win?.IntersectionObserver === 'function') {
      this.viewport = new ViewportHighlights(
        this.doc,
        this.layer,
        // Ranges are made when an element nears the viewport, maybe long after the model was read: one
        // whose text is no longer the term's (the page rewrote that node) is not highlighted at all,
        // rather than on the wrong characters.
        (span) => (textStillAt(this.model, span.start, span.end) ? this.makeRange(this.model, span.start, span.end) : null),
        (span) => {
          const i = segmentAt(this.model.segments, span.start);
          return i < 0 ? null : this.model.segments[i]!.node.parentElement;
        },
        onFirstChunk,
      );
    }
    if (this.viewport) {
      this.viewport.add(spans);
      return;
    }
    for (let i = 0; i < spans.length; i += HIGHLIGHT_CHUNK) {
      if (this.destroyed) return;
      const bySource = new Map<TermSpan['source'], AbstractRange[]>();
      for (const span of spans.slice(i, i + HIGHLIGHT_CHUNK)) {
        const r = this.makeRange(this.model, span.start, span.end);
        if (!r) continue;
        this.registered.set(span, { source: span.source, range: r });
        let list = bySource.get(span.source);
        if (!list) bySource.set(span.source, (list = []));
        list.push(r);
      }
      for (const [source, ranges] of bySource) this.layer.add(source, ranges);
      if (i === 0) onFirstChunk?.();
      if (i + HIGHLIGHT_CHUNK < spans.length) await nextTask();
    }
  }

  rangeOf(span: TermSpan): Range | null {
    return rangeFor(this.model, span.start, span.end);
  }

  /** The term under a caret position (text node + offset), or null. */
  termAtNode(node: Node, offset: number): TermSpan | null {
    if (node.nodeType !== 3) return null;
    const i = this.nodeIndex.get(node as Text);
    if (i === undefined) return null;
    const seg = this.model.segments[i]!;
    const pos = seg.start + offset;
    const terms = this.terms;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[mid]!;
      if (pos < t.start) hi = mid - 1;
      else if (pos >= t.end) lo = mid + 1;
      else return t;
    }
    return null;
  }

  /**
   * Watches the whole document, not the body: a page may swap its body (Turbo-style navigation), and
   * text can change in place (characterData) as well as arrive in new nodes.
   */
  private observe(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    this.followed = true;
    this.observer = new win.MutationObserver((records) => {
      for (const rec of records) {
        if (rec.type === 'characterData') {
          const t = rec.target as Text;
          if (this.nodeIndex.has(t)) this.changed.add(t);
          else if (t.isConnected) this.pending.add(t);
          continue;
        }
        // A <details> opened or a hidden attribute removed: text skipped as hidden may show now (what the
        // model holds already is skipped when the element is read). Other attributes: syncRevealWatch.
        if (rec.type === 'attributes') {
          this.pending.add(rec.target);
          continue;
        }
        // The tooltip's host moving out of a page's dialog again (lib/dom/tooltip) removes no page text.
        for (const n of rec.removedNodes) {
          if (n.nodeType !== 1 || !(n as Element).hasAttribute(OWN_UI_ATTR)) this.removals = true;
        }
        for (const n of rec.addedNodes) {
          if (n.nodeType === 1 && (n as Element).hasAttribute(OWN_UI_ATTR)) continue;
          if (n.nodeType === 1 || n.nodeType === 3) this.pending.add(n);
        }
      }
      if ((this.pending.size || this.changed.size || this.removals || this.revealCheck) && !this.flushTimer) {
        this.flushTimer = setTimeout(() => void this.flush(), 150);
      }
    });
    this.observer.observe(this.doc.documentElement, OBSERVED);
    this.watchShadows(this.model.shadows);
    this.syncRevealWatch();
    // States no attribute shows, which the page's CSS can reveal by: :checked (the radio-button tabs of
    // CSS-only pages), :popover-open and :target.
    this.watchEnd = new AbortController();
    const ask = () => {
      if (!this.hiddenRoots.size || this.destroyed) return;
      this.revealCheck = true;
      this.flushTimer ??= setTimeout(() => void this.flush(), 150);
    };
    const listen = { capture: true, passive: true, signal: this.watchEnd.signal };
    this.doc.addEventListener('change', ask, listen);
    this.doc.addEventListener('toggle', ask, listen);
    win.addEventListener('hashchange', ask, listen);
    // Between the walk and now (the analysis, the first paint: 0.1–1 s) nothing was watched, and a
    // page's load handler often shows its first tab or 展开全文 section just then: check once.
    if (this.hiddenRoots.size && !this.flushTimer) {
      this.revealCheck = true;
      this.flushTimer = setTimeout(() => void this.flush(), 150);
    }
  }

  /**
   * Brings the annotation up to date with the batch of changes: terms whose text changed or left the
   * page are dropped (highlights, counts, keyboard order), and new or changed text is read and matched
   * in one message. A new page in the same document — pushState to another path or query, a new body —
   * is read whole again, so its report, terms and targets are its own.
   */
  private async flush(): Promise<void> {
    this.flushTimer = null;
    const generation = this.generation;
    if (this.options.beforeFlush) await this.options.beforeFlush();
    if (this.destroyed || !this.analysis || generation !== this.generation) return;
    if (this.revealCheck) this.collectRevealed();
    const dropped = this.prune();
    // A new page in the same document: a new body, or another address (pushState to another path or
    // query) once most of what was read has left. An address alone is not: pages rewrite it as the reader
    // scrolls. Content appended piecemeal grows the model; past twice the page's own text, reading it
    // afresh is cheaper (the page stays the same page).
    const newPage =
      (this.doc.body ?? this.doc.documentElement) !== this.root ||
      (pageKey(this.doc.URL) !== pageKey(this.url) && this.goneSinceRun >= NEW_PAGE_SHARE * this.baseLength);
    if (newPage || this.model.text.length > 2 * this.baseLength + 200_000) {
      if (newPage) {
        this.url = this.doc.URL;
        this.readAt = Date.now();
      }
      await this.rerun();
      if (!this.destroyed) this.options.onUpdate?.();
      return;
    }
    const added = await this.readAdded(generation);
    if (added === null) return;
    if (added.length) {
      this.analysis.terms = [...this.analysis.terms, ...added];
      await this.paint(added);
    }
    if (added.length || dropped) this.options.onUpdate?.();
  }

  /**
   * Watches the open shadow roots a read went into: a web component renders its content, reveals a
   * panel or rewrites its text inside its shadow root, where the document's observer does not see.
   */
  private watchShadows(shadows: ShadowRoot[] | undefined): void {
    if (!shadows || !this.observer) return;
    for (const sr of shadows) {
      if (this.watchedShadows.has(sr)) continue;
      this.watchedShadows.add(sr);
      this.shadowRefs.push(new WeakRef(sr));
      this.observer.observe(sr, OBSERVED);
      this.revealObserver?.observe(sr, REVEAL_OBSERVED);
    }
  }

  /**
   * Any attribute can show a hidden element through the page's CSS (a class, a style,
   * [aria-expanded="true"] + .panel, [data-state=open]), but only while there is one does a change
   * matter: every attribute is watched then, and not otherwise. Watched always, every attribute a page
   * sets (an SVG chart's x and fill each frame) cost the page a record for this observer. Attributes
   * change many times a second on some pages (animations, carousels), so they only ask for one check of
   * the hidden elements, at the next flush.
   */
  private syncRevealWatch(): void {
    const want = this.hiddenRoots.size > 0 && this.observer !== null && !this.destroyed;
    if (want === (this.revealObserver !== null)) return;
    if (!want) {
      this.revealObserver!.disconnect();
      this.revealObserver = null;
      return;
    }
    const win = this.doc.defaultView;
    if (!win) return;
    const observer = new win.MutationObserver((records) => {
      if (!this.hiddenRoots.size || this.destroyed) return;
      if (!records.some((rec) => !(rec.target as Element).hasAttribute(OWN_UI_ATTR))) return;
      this.revealCheck = true;
      this.flushTimer ??= setTimeout(() => void this.flush(), 150);
    });
    observer.observe(this.doc.documentElement, REVEAL_OBSERVED);
    this.shadowRefs = this.shadowRefs.filter((ref) => {
      const sr = ref.deref();
      if (sr) observer.observe(sr, REVEAL_OBSERVED);
      return !!sr;
    });
    this.revealObserver = observer;
  }

  /** Remembers elements a walk left out as not rendered, up to MAX_HIDDEN_ROOTS. */
  private keepHidden(elements: Element[] | undefined): void {
    if (!elements) return;
    this.keepHiddenOf(elements);
    this.syncRevealWatch();
  }

  private keepHiddenOf(elements: Element[]): void {
    let purged = false;
    for (const el of elements) {
      // Content added piece by piece into a hidden container arrives as many hidden roots: the
      // container, when kept, stands for them all.
      if (this.hiddenRoots.size && this.hasHiddenAncestor(el)) continue;
      if (this.hiddenRoots.size >= MAX_HIDDEN_ROOTS) {
        // Full: make room from what left the page before giving up (once per batch: the scan is the cost).
        if (purged) return;
        purged = true;
        for (const h of this.hiddenRoots) if (!h.isConnected) this.hiddenRoots.delete(h);
        if (this.hiddenRoots.size >= MAX_HIDDEN_ROOTS) return;
      }
      this.hiddenRoots.add(el);
    }
  }

  private hasHiddenAncestor(el: Element): boolean {
    for (let p = el.parentElement; p; p = p.parentElement) if (this.hiddenRoots.has(p)) return true;
    return false;
  }

  /** Queues for reading the hidden elements that are rendered now; forgets those that left the page. */
  private collectRevealed(): void {
    this.revealCheck = false;
    for (const el of this.hiddenRoots) {
      if (!el.isConnected) this.hiddenRoots.delete(el);
      else if (walkPlaceOf(el, null) !== 'unrendered') {
        this.hiddenRoots.delete(el);
        this.pending.add(el);
      }
    }
    this.syncRevealWatch();
  }

  /** Drops the terms whose text changed or is no longer in the document; true when any were dropped. */
  private prune(): boolean {
    const changed = this.changed;
    const removals = this.removals;
    this.changed = new Set();
    this.removals = false;
    if (!changed.size && !removals) return false;
    const segs = this.model.segments;
    const stale = new Set<number>();
    const forget = (t: Text) => {
      const i = this.nodeIndex.get(t);
      if (i === undefined) return;
      stale.add(i);
      this.nodeIndex.delete(t);
    };
    // A changed node is read again on its own. Its block would also find a term running across nodes
    // (三高<b>四新</b>), but a page that updates text often (a clock, a counter) would have whole blocks
    // — or a whole <br>-lined article — read again each time.
    for (const t of changed) {
      forget(t);
      if (t.isConnected) this.pending.add(t);
    }
    if (removals) {
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i]!;
        if (seg.node.isConnected || this.nodeIndex.get(seg.node) !== i) continue;
        forget(seg.node);
        if (seg.start < this.baseLength) this.goneSinceRun += seg.end - seg.start;
      }
    }
    if (!stale.size || !this.analysis) return false;
    const gone = new Set<TermSpan>();
    for (const span of this.analysis.terms) {
      const a = segmentAt(segs, span.start);
      const b = segmentAt(segs, span.end - 1);
      for (let i = a; i <= b && i >= 0; i++) {
        if (stale.has(i)) {
          gone.add(span);
          break;
        }
      }
    }
    if (!gone.size) return false;
    this.analysis.terms = this.analysis.terms.filter((s) => !gone.has(s));
    if (this.viewport) this.viewport.remove(gone);
    const bySource = new Map<TermSpan['source'], AbstractRange[]>();
    for (const span of gone) {
      const r = this.registered.get(span);
      if (!r) continue;
      this.registered.delete(span);
      let list = bySource.get(r.source);
      if (!list) bySource.set(r.source, (list = []));
      list.push(r.range);
    }
    for (const [source, ranges] of bySource) this.layer.remove(source, ranges);
    return true;
  }

  /**
   * Reads the pending subtrees — only their roots, and only text the model does not hold already (a node
   * the page moved keeps its highlight, which follows the node) — and matches all of it in one message.
   * Null when a rerun or teardown overtook it.
   */
  private async readAdded(generation: number): Promise<TermSpan[] | null> {
    const pending = [...this.pending];
    this.pending.clear();
    const set = new Set(pending);
    const stopAt = this.doc.documentElement;
    const roots = pending.filter((n) => {
      if (!n.isConnected) return false;
      // Up through shadow hosts too: a component and its shadow content, both new, are read once.
      for (let p = parentElementOf(n); p; p = parentElementOf(p)) if (set.has(p)) return false;
      const place = walkPlaceOf(n, stopAt);
      // Added (or changed) while not rendered: read when a class or style change shows it.
      if (place === 'unrendered') this.keepHidden([n.nodeType === 1 ? (n as Element) : parentElementOf(n)!]);
      return place === 'read';
    });
    if (!roots.length || !this.analysis) return [];
    const known = (t: Text) => this.nodeIndex.has(t);
    const start = this.model.text.length + 1;
    const from = this.model.segments.length;
    let text = '';
    for (const root of roots) {
      const base = start + text.length + (text ? 1 : 0);
      const sub = buildTextModel(root, base, known);
      this.keepHidden(sub.hidden);
      this.watchShadows(sub.shadows);
      if (!sub.text.trim()) continue;
      text += (text ? '\n' : '') + sub.text;
      // Item by item: push(...list) takes the list as arguments, and a page adding more than ~120,000
      // text nodes at once (a long article inserted in one go) made that a RangeError.
      for (const seg of sub.segments) this.model.segments.push(seg);
      for (const h of sub.headings) this.model.headings.push(h);
    }
    if (!text) return [];
    this.model.text += '\n' + text;
    this.indexSegments(from);
    const spans = await this.options.analyzer.matchText(text, this.analysis.pageGlossary);
    if (this.destroyed || generation !== this.generation) return null;
    return spans.map((s) => ({ ...s, start: s.start + start, end: s.end + start }));
  }

  /**
   * Reads the document again from scratch, after its text was rewritten in place (the script
   * toggle): Ranges over replaced text collapse, and the model's offsets no longer fit.
   */
  async rerun(): Promise<PageAnalysis> {
    this.generation++;
    this.reportWait?.abort();
    this.reportWait = null;
    this.observer?.disconnect();
    this.observer = null;
    this.revealObserver?.disconnect();
    this.revealObserver = null;
    this.watchEnd?.abort();
    this.watchedShadows = new WeakSet();
    this.shadowRefs = [];
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending.clear();
    this.changed.clear();
    this.removals = false;
    this.hiddenRoots.clear();
    this.revealCheck = false;
    this.registered.clear();
    this.viewport?.destroy();
    this.viewport = null;
    this.layer.clear();
    return this.run();
  }

  destroy(): void {
    this.destroyed = true;
    this.reportWait?.abort();
    this.observer?.disconnect();
    this.revealObserver?.disconnect();
    this.watchEnd?.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.registered.clear();
    this.viewport?.destroy();
    this.viewport = null;
    this.layer.clear();
  }
}

/** What the observer watches, in the document and in each open shadow root it was given. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['open', 'hidden'] };
/** What the reveal observer watches while elements are left out as hidden (see syncRevealWatch). */
const REVEAL_OBSERVED: MutationObserverInit = { subtree: true, attributes: true };

/**
 * Hidden elements remembered per document. Each class or style batch checks them all (checkVisibility on
 * styles already computed, microseconds each); past this a page is hiding far more than a report does.
 */
const MAX_HIDDEN_ROOTS = 2000;

/** Share of the text read by the last run that must have left for a new address to be a new page. */
const NEW_PAGE_SHARE = 0.4;

/** The address without its fragment: a jump to an anchor stays on the page; another path or query may be a new page. */
function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}
