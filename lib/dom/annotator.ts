import type { PageAnalysis } from '../analyze';
import type { PageGlossaryEntry, PageInput, TermSpan } from '../types';
import { HighlightLayer } from './highlight';
import { buildTextModel, buildTextModelSliced, OWN_UI_ATTR, highlightRangeMaker, rangeFor, segmentAt, textStillAt, type TextModel } from './text-model';
import { VIEWPORT_MIN_TERMS, ViewportHighlights } from './viewport-highlights';

/** Yields to the event loop so no single task grows long on big pages. */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Ranges registered per task. Below VIEWPORT_MIN_TERMS a page's terms go in one task: registering
// 1,500 ranges costs a few ms, while a yield in between let Chromium paint the first chunk's highlights
// (PrePaint + Paint of every range, 20–40 ms on seed 003) and then repaint them all with the second.
const HIGHLIGHT_CHUNK = VIEWPORT_MIN_TERMS;

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
  private pending = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Set on pages with very many terms: highlights are then registered only near the viewport. */
  private viewport: ViewportHighlights | null = null;
  /** Highlight ranges for spans of the model (StaticRanges; see lib/dom/text-model). */
  private readonly makeRange: ReturnType<typeof highlightRangeMaker>;
  /** Bumped by rerun(), so a flush that started before it does not append to the new model. */
  private generation = 0;

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

  async run(): Promise<PageAnalysis> {
    const body = this.doc.body ?? this.doc.documentElement;
    markPass(this.doc, 'run');
    // The walk starts in a task of its own: the one that injected the content script has already spent
    // ~16 ms compiling and evaluating it (a trace of seed 003), and on a loaded machine the two together
    // made a task over 50 ms.
    await nextTask();
    const walkStats = { busyMs: 0, slices: [] as number[] };
    this.model = await buildTextModelSliced(body, nextTask, 8, 0, walkStats);
    this.indexSegments(0);
    // The walk's own time and its slices, without the page's tasks that ran while it yielded (read by
    // `npm run bench`, which tells the page's long tasks from ours by them).
    markPass(this.doc, 'walked', { busyMs: walkStats.busyMs, slices: walkStats.slices });
    await nextTask();
    const analysis = await this.options.analyzer.analyze(
      { text: this.model.text, title: this.doc.title, url: this.doc.URL, headings: this.model.headings },
      this.options.force,
    );
    markPass(this.doc, 'analyzed');
    this.analysis = analysis;
    if (this.destroyed) return analysis;
    if (analysis.report.isReport || this.options.force) {
      await this.paint(analysis.terms, () => markPass(this.doc, 'first-highlight'));
      markPass(this.doc, 'painted');
      this.observe(body);
    }
    return analysis;
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

  private observe(root: Node): void {
    const win = this.doc.defaultView;
    if (!win) return;
    this.observer = new win.MutationObserver((records) => {
      for (const rec of records) {
        for (const n of rec.addedNodes) {
          if (n.nodeType === 1 && (n as Element).hasAttribute(OWN_UI_ATTR)) continue;
          if (n.nodeType === 1 || n.nodeType === 3) this.pending.add(n);
        }
      }
      if (this.pending.size && !this.flushTimer) this.flushTimer = setTimeout(() => void this.flush(), 150);
    });
    this.observer.observe(root, { childList: true, subtree: true });
  }

  /** Annotates the batch of added subtrees: each is walked once and appended to the text model. */
  private async flush(): Promise<void> {
    this.flushTimer = null;
    const generation = this.generation;
    if (this.options.beforeFlush) await this.options.beforeFlush();
    if (this.destroyed || !this.analysis || generation !== this.generation) return;
    // Keep only roots: a node inside another pending node is covered by its ancestor's walk.
    const nodes = [...this.pending].filter((n) => n.isConnected);
    this.pending.clear();
    const roots = nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n)));
    const added: TermSpan[] = [];
    for (const root of roots) {
      if (this.nodeIndex.has(root as Text)) continue;
      const base = this.model.text.length + 1;
      const sub = buildTextModel(root, base);
      if (!sub.text.trim()) continue;
      const from = this.model.segments.length;
      this.model.text += '\n' + sub.text;
      this.model.segments.push(...sub.segments);
      this.model.headings.push(...sub.headings);
      this.indexSegments(from);
      const spans = await this.options.analyzer.matchText(sub.text, this.analysis.pageGlossary);
      if (this.destroyed || generation !== this.generation) return;
      for (const s of spans) added.push({ ...s, start: s.start + base, end: s.end + base });
    }
    if (!added.length) return;
    this.analysis.terms = [...this.analysis.terms, ...added];
    await this.paint(added);
    this.options.onUpdate?.();
  }

  /**
   * Reads the document again from scratch, after its text was rewritten in place (the script
   * toggle): Ranges over replaced text collapse, and the model's offsets no longer fit.
   */
  async rerun(): Promise<PageAnalysis> {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending.clear();
    this.viewport?.destroy();
    this.viewport = null;
    this.layer.clear();
    return this.run();
  }

  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.viewport?.destroy();
    this.viewport = null;
    this.layer.clear();
  }
}
