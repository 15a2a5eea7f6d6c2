import type { PageAnalysis } from '../analyze';
import type { EntryViewData } from '../glossary/view';
import { entryHeadword } from '../glossary/headword';
import { stripPinyinResidue } from '../convert/repair';
import { termLabel } from '../text/quotes';
import type { PageGlossaryEntry, TermSpan } from '../types';
import { DocumentAnnotator, type Analyzer } from './annotator';
import { initHover } from './hover';
import { loadedFrameDocument } from './frames';
import { buildTextModel } from './text-model';
import { initKeyboard } from './keyboard';
import { Tooltip, tooltipLang, type TooltipContent, type TooltipLabels } from './tooltip';

/** What the tooltip needs from a glossary entry; the content script fetches these by message. */
export type EntryInfo = Omit<EntryViewData, 'id'>;

export interface SessionDeps {
  analyzer: Analyzer;
  force: boolean;
  labels: TooltipLabels;
  resolveEntry(id: string): Promise<EntryInfo | null>;
  onUpdate(session: PageSession): void;
  onAddEntry(term: string, sentence: string): void;
  /** Awaited before content added later is annotated (lets the script toggle convert it first). */
  settle?(): Promise<void>;
  /**
   * False once the extension has gone (reloaded or updated while the page is open; lib/dom/extension-gone):
   * a tooltip would need its labels (browser.i18n, gone with it). Checked before one opens.
   */
  connected?(): boolean;
}

export interface TermHit {
  annotator: DocumentAnnotator;
  span: TermSpan;
}

/**
 * One annotation session on a page: the top document and its same-origin iframes, the tooltip, and
 * the hover and keyboard features. Everything it adds is removed when `signal` aborts, leaving the
 * page's DOM as it was.
 */
export class PageSession {
  readonly annotators: DocumentAnnotator[] = [];
  readonly tooltip: Tooltip;
  private readonly win: Window;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by every open and close: an open whose entry arrives after a later close or open (a stopped
  // worker takes ~100 ms to answer) must not show over it.
  private openSeq = 0;
  // The sequence number of an open still waiting for its entry, or 0.
  private pendingSeq = 0;
  /** The open tooltip was opened from the keyboard (Alt+Shift+N / P), not by the pointer. */
  openedByKeyboard = false;

  constructor(
    win: Window,
    readonly deps: SessionDeps,
    readonly signal: AbortSignal,
  ) {
    this.win = win;
    this.tooltip = new Tooltip(win.document, deps.labels);
    this.tooltip.onAddEntry = (term, sentence) => deps.onAddEntry(term, sentence);
    signal.addEventListener('abort', () => this.teardown(), { once: true });
  }

  get top(): DocumentAnnotator | undefined {
    return this.annotators[0];
  }

  get analysis(): PageAnalysis | null {
    return this.top?.analysis ?? null;
  }

  async start(): Promise<PageAnalysis> {
    const doc = this.win.document;
    let top = await this.attach(doc, this.deps.force);
    if (!top.analysis!.report.isReport && !this.deps.force) {
      // A report page may be a shell around same-origin frames (专题页 with the text in an iframe):
      // recognise the page as the reader sees it, frames included.
      const frames = sameOriginFrameText(doc);
      if (frames) {
        const input = { text: `${top.model.text}\n${frames}`, title: doc.title, url: doc.URL, headings: top.model.headings };
        const combined = await this.deps.analyzer.analyze(input, false);
        if (combined.report.isReport && !this.signal.aborted) {
          top.destroy();
          this.annotators.length = 0;
          top = await this.attach(doc, true);
          top.analysis!.report = combined.report;
        }
      }
    }
    const analysis = top.analysis!;
    // Switched off while the first pass was under way: teardown has run already, and nothing may be
    // set up after it (an observer bound to an aborted signal would never be disconnected).
    if (this.signal.aborted) {
      this.teardown();
      return analysis;
    }
    if (analysis.report.isReport || this.deps.force) {
      initHover(this, this.signal);
      initKeyboard(this, this.signal);
      this.watchFrames();
    }
    return analysis;
  }

  private async attach(doc: Document, force: boolean): Promise<DocumentAnnotator> {
    const annotator = new DocumentAnnotator(doc, {
      analyzer: this.deps.analyzer,
      force,
      onUpdate: () => this.deps.onUpdate(this),
      beforeFlush: this.deps.settle ? () => this.deps.settle!() : undefined,
    });
    this.annotators.push(annotator);
    await annotator.run();
    // Aborted meanwhile: teardown has run, but this annotator may have begun watching the page after it.
    if (this.signal.aborted) annotator.destroy();
    return annotator;
  }

  /** Same-origin iframes, now and as they load; cross-origin ones are the browser's to keep apart. */
  private watchFrames(): void {
    const seen = new WeakSet<Document>();
    const listening = new WeakSet<HTMLIFrameElement>();
    // A frame that navigated or was removed leaves a document without a window: its annotator's terms
    // are no longer on the page (counts, reports, keyboard order).
    const dropGone = () => {
      let dropped = false;
      for (let i = this.annotators.length - 1; i > 0; i--) {
        const a = this.annotators[i]!;
        if (a.doc.defaultView) continue;
        a.destroy();
        this.annotators.splice(i, 1);
        dropped = true;
      }
      if (dropped && !this.signal.aborted) this.deps.onUpdate(this);
    };
    const tryFrame = (frame: HTMLIFrameElement) => {
      dropGone();
      const doc = loadedFrameDocument(frame);
      if (!doc || seen.has(doc)) return;
      seen.add(doc);
      // Iframes of a report page are annotated with the page, whatever their own text looks like.
      void this.attach(doc, true).then(() => {
        this.bindDocument(doc);
        this.deps.onUpdate(this);
      });
    };
    const scan = () => {
      for (const frame of this.win.document.querySelectorAll('iframe')) {
        tryFrame(frame);
        if (listening.has(frame)) continue;
        listening.add(frame);
        frame.addEventListener('load', () => tryFrame(frame), { signal: this.signal });
      }
    };
    scan();
    const hasFrame = (nodes: NodeList) => [...nodes].some((n) => n.nodeName === 'IFRAME' || !!(n as Element).querySelector?.('iframe'));
    const observer = new MutationObserver((records) => {
      if (records.some((r) => hasFrame(r.addedNodes))) scan();
      else if (records.some((r) => hasFrame(r.removedNodes))) dropGone();
    });
    observer.observe(this.win.document.documentElement, { childList: true, subtree: true });
    this.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  /**
   * Annotates `doc` again after its text changed in place (script toggle): terms are found and
   * highlighted in the new text, and tooltips read it. Hover and keyboard stay bound.
   */
  async reannotate(doc: Document): Promise<void> {
    // A hover open still to come would show the old text's term over the converted page.
    this.dismiss();
    this.close();
    for (const a of this.annotators) if (a.doc === doc && !this.signal.aborted) await a.rerun();
  }

  /** Hooks the features' listeners onto a newly attached iframe document. */
  bindDocument(doc: Document): void {
    for (const cb of this.docBinders) cb(doc);
  }
  readonly docBinders: ((doc: Document) => void)[] = [];
  /** Features with something of their own to drop when the reader dismisses (hover's pending open); each says whether it had any. */
  readonly dismissers: (() => boolean)[] = [];


  termCount(): number {
    return this.annotators.reduce((n, a) => n + a.terms.length, 0);
  }

  /**
   * Starts fetching a term's entry before its tooltip opens: hover waits 250 ms before opening, and
   * the background may first have to start (Chrome stops its service worker after 30 s idle, ~100 ms
   * to start again), so the tooltip has its entry by the time it opens. Entries are cached per id.
   */
  prefetch(hit: TermHit): void {
    const { span } = hit;
    if (span.entry && span.source !== 'unknown' && span.source !== 'page') void this.deps.resolveEntry(span.entry);
  }

  pageEntryOf(span: TermSpan): PageGlossaryEntry | undefined {
    return span.pageEntry === undefined ? undefined : this.analysis?.pageGlossary[span.pageEntry];
  }

  async contentFor(hit: TermHit): Promise<TooltipContent> {
    const { span, annotator } = hit;
    const pageEntry = this.pageEntryOf(span);
    // Page text the tooltip quotes (its definition, the sentence) leaves out the pinyin a mirror's
    // converter put in it, as the headword does: 發(fā)展 is read as 發展.
    const pageDefinition = pageEntry ? stripPinyinResidue(pageEntry.definition) : undefined;
    // The headword without the quote marks the matcher read through (十四五”规划 → 十四五规划).
    const term = termLabel(span.text);
    if (span.source === 'unknown') {
      return { term, kind: 'unknown', sentence: stripPinyinResidue(sentenceAround(annotator.model.text, span.start, span.end)) };
    }
    if (span.source === 'page') {
      return { term, kind: 'page', pageDefinition: pageDefinition ?? '' };
    }
    const entry = span.entry ? await this.deps.resolveEntry(span.entry) : null;
    if (!entry) return { term, kind: 'page', pageDefinition: pageDefinition ?? '' };
    return {
      term: entryHeadword(term, entry.surfaces),
      kind: entry.user ? 'user' : 'glossary',
      definition: entry.definition,
      gloss: entry.gloss,
      english: entry.english,
      components: entry.components,
      scopeLabel: entry.scopeLabel,
      scopeLevel: entry.scopeLevel,
      sourceLine: entry.sourceLine,
      pageDefinition,
    };
  }

  async open(hit: TermHit, focus: boolean): Promise<void> {
    if (this.deps.connected && !this.deps.connected()) return;
    const range = hit.annotator.rangeOf(hit.span);
    if (!range) return;
    const seq = ++this.openSeq;
    this.pendingSeq = seq;
    for (const a of this.annotators) a.layer.setFocus(null);
    if (focus) hit.annotator.layer.setFocus(range);
    let content: TooltipContent;
    try {
      content = await this.contentFor(hit);
    } finally {
      if (this.pendingSeq === seq) this.pendingSeq = 0;
    }
    if (this.signal.aborted || seq !== this.openSeq || (this.deps.connected && !this.deps.connected())) return;
    this.tooltip.show(range, content, tooltipLang(this.analysis?.script ?? null, this.win.document.documentElement.lang));
    this.openedByKeyboard = focus;
  }

  /** `returnFocus`: the reader's Esc, which hands the keyboard focus back if it was in the tooltip. */
  close(returnFocus = false): void {
    this.openSeq++;
    this.pendingSeq = 0;
    this.openedByKeyboard = false;
    this.tooltip.hide(returnFocus);
    for (const a of this.annotators) a.layer.setFocus(null);
  }

  /**
   * The reader's Esc: closes the tooltip and cancels one about to open. Returns whether there was
   * anything to dismiss, so an Esc meant for the page is left alone otherwise.
   */
  dismiss(): boolean {
    // An open waiting for its entry (a stopped worker answers ~100 ms late) counts: it would show after the Esc.
    let any = this.tooltip.isOpen || this.pendingSeq !== 0;
    for (const drop of this.dismissers) any = drop() || any;
    if (any) this.close(true);
    return any;
  }

  /** Scrolls to [start, end) of the top document's text and flashes it. */
  reveal(start: number, end: number): boolean {
    const top = this.top;
    if (!top) return false;
    const range = top.rangeOf({ start, end, text: '', source: 'glossary', entry: null });
    if (!range) return false;
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    top.layer.setFocus(range);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => top.layer.setFocus(null), 2000);
    return true;
  }

  private teardown(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    for (const a of this.annotators) a.destroy();
    this.annotators.length = 0;
    this.tooltip.destroy();
  }
}

/** Visible text of the loaded same-origin iframes, for recognising the page as a whole. */
function sameOriginFrameText(doc: Document): string {
  const parts: string[] = [];
  for (const frame of doc.querySelectorAll('iframe')) {
    try {
      const d = frame.contentDocument;
      if (d?.body && d.readyState !== 'loading') parts.push(buildTextModel(d.body).text);
    } catch {
      // Cross-origin: not ours to read.
    }
  }
  return parts.join('\n');
}

/** The sentence around a span: from the previous sentence end to the next one, on one line. */
export function sentenceAround(text: string, start: number, end: number): string {
  const ENDS = '。！？!?；;\n';
  let s = start;
  while (s > 0 && !ENDS.includes(text[s - 1]!) && start - s < 200) s--;
  let e = end;
  while (e < text.length && !ENDS.includes(text[e]!) && e - end < 200) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return text.slice(s, e).trim();
}
