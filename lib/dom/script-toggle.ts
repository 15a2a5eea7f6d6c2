import { hasHan } from '../convert/han';
import type { ConvertRequest, ConvertResult } from '../convert/page';
import type { ScriptToggleState } from '../messaging/protocol';
import type { Script } from '../text/script';
import { align, mapOffset, needsConversion, recover, splitEdit, type Source, type Written } from '../convert/page-edits';
import { isFrameElement, loadedFrameDocument } from './frames';
import { isSkippedElement, OWN_UI_ATTR } from './text-model';

/**
 * Simplified ⇄ traditional for the whole page, exactly reversible. The page's strings go to the
 * background (which alone holds the 1.2 MB OpenCC dictionary) and come back converted; each text
 * node and attribute keeps its original string, and aborting the signal writes those originals back,
 * so the restored DOM is byte-identical. Content the page adds while converted is converted too; text
 * the page edits meanwhile comes back with the page's edits in it (lib/convert/page-edits.ts). The
 * user's selection and focus survive both directions.
 *
 * Converted: text nodes, the document title, and the title / alt / placeholder / aria-label
 * attributes. Left alone: what lib/dom/text-model skips (form fields, code, scripts, styles,
 * contenteditable, the extension's own UI), except button labels, which are UI text and not values.
 *
 * The toggle converts the page as annotation reads it: the top document and its same-origin iframes
 * (lib/dom/frames), each document with its own conversion, all restored together.
 */

export const CONVERTED_ATTRS = ['title', 'alt', 'placeholder', 'aria-label'] as const;

export interface ScriptConversionOptions {
  /** Target script; 'auto' converts into the other one than the page's dominant script. */
  to: Script | 'auto';
  /** The background's conversion (detection, mirror repair, OpenCC, the `<html lang>` to use). */
  convert(request: ConvertRequest): Promise<ConvertResult>;
}

export interface ScriptConversion {
  readonly from: Script;
  readonly to: Script;
  /** Strings rewritten so far. */
  readonly written: number;
  /** Resolves once what the page changed until now is converted (not waiting for later changes). */
  settled(): Promise<void>;
}

/**
 * Converts `doc` and keeps converting what the page adds, until `signal` aborts, which restores every
 * original string at once (synchronously). Resolves to null when there is nothing to convert or the
 * signal aborted first.
 */
export async function convertDocument(doc: Document, options: ScriptConversionOptions, signal: AbortSignal): Promise<ScriptConversion | null> {
  if (signal.aborted) return null;
  const conversion = new DocumentConversion(doc, options);
  signal.addEventListener('abort', () => conversion.restore(), { once: true });
  try {
    const ok = await conversion.start();
    return ok && !signal.aborted ? conversion : null;
  } catch (e) {
    // Nothing was written; stop watching the page.
    conversion.restore();
    throw e;
  }
}

/** Mutations to look through for the sources of new text; beyond this a page is re-rendering wholesale. */
const MAX_SOURCE_NODES = 256;

/**
 * The document's selection and focus across our text writes. Replacing a node's data moves every
 * range boundary inside it to the node's start, so a toggle would collapse what the user selected;
 * the boundaries are read before the writes and put back after, through the alignment when the
 * length changed.
 */
class SelectionKeeper {
  private readonly before = new Map<Text, string>();

  private constructor(
    private readonly doc: Document,
    private readonly selection: Selection,
    /** Anchor and focus, or (several ranges, Firefox) each range's start and end. */
    private readonly points: { node: Node; offset: number; end: boolean }[],
    private readonly ranges: boolean,
    private readonly watched: ReadonlySet<Node>,
    private readonly active: Element | null,
  ) {}

  static capture(doc: Document): SelectionKeeper | null {
    try {
      const sel = doc.getSelection();
      if (!sel || !sel.rangeCount) return null;
      const points: { node: Node; offset: number; end: boolean }[] = [];
      const ranges = sel.rangeCount > 1;
      if (ranges) {
        for (let i = 0; i < sel.rangeCount; i++) {
          const r = sel.getRangeAt(i);
          points.push({ node: r.startContainer, offset: r.startOffset, end: false }, { node: r.endContainer, offset: r.endOffset, end: true });
        }
      } else {
        const { anchorNode, anchorOffset, focusNode, focusOffset } = sel;
        if (!anchorNode || !focusNode) return null;
        const backward =
          anchorNode === focusNode
            ? anchorOffset > focusOffset
            : !!(anchorNode.compareDocumentPosition(focusNode) & 2 /* DOCUMENT_POSITION_PRECEDING */);
        // A caret maps as one point.
        const collapsed = sel.isCollapsed;
        points.push({ node: anchorNode, offset: anchorOffset, end: !collapsed && backward }, { node: focusNode, offset: focusOffset, end: !collapsed && !backward });
      }
      const watched = new Set(points.filter((p) => p.node.nodeType === 3).map((p) => p.node));
      return watched.size ? new SelectionKeeper(doc, sel, points, ranges, watched, doc.activeElement) : null;
    } catch {
      return null;
    }
  }

  /** Before `node`'s data is replaced. */
  writing(node: Text): void {
    if (this.watched.has(node) && !this.before.has(node)) this.before.set(node, node.data);
  }

  restore(): void {
    if (!this.before.size) return;
    try {
      const at = this.points.map(({ node, offset, end }) => {
        const old = this.before.get(node as Text);
        if (old === undefined) return offset;
        const now = (node as Text).data;
        return Math.min(now.length, Math.max(0, mapOffset(align(old, now), offset, end)));
      });
      const sel = this.selection;
      if (this.ranges) {
        sel.removeAllRanges();
        for (let i = 0; i + 1 < this.points.length; i += 2) {
          const r = this.doc.createRange();
          r.setStart(this.points[i]!.node, at[i]!);
          r.setEnd(this.points[i + 1]!.node, at[i + 1]!);
          sel.addRange(r);
        }
      } else {
        sel.setBaseAndExtent(this.points[0]!.node, at[0]!, this.points[1]!.node, at[1]!);
      }
    } catch {
      // A selection that cannot be put back is left as the writes left it.
    }
    // Setting a selection may move focus (into an editable host); the user's focus stays where it was.
    const active = this.doc.activeElement as HTMLElement | null;
    if (active === this.active) return;
    const before = this.active as HTMLElement | null;
    if (before && before !== this.doc.body && before.isConnected) before.focus?.({ preventScroll: true });
    else active?.blur?.();
  }
}

// A page that keeps putting its own text back (a framework re-rendering from its state, another
// converter extension going the other way) wins after two rounds; longer cycles stop at the burst cap.
// A page that updates a node with new text now and then (a live ticker) is converted each time.
const MAX_REVERTS = 2;
const MAX_REWRITES = 50;
/** Rewrites further apart than this start a new burst. */
const BURST_MS = 1000;
const FLUSH_DELAY = 30;
const PRUNE_AT = 4096;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // hidden / contenteditable: a subtree shown or no longer edited becomes convertible.
  attributeFilter: [...CONVERTED_ATTRS, 'hidden', 'contenteditable'],
};

/** Residue whose Han character a tag split off sits in a node of its own: 創</b>(chuàng). */
const LEADING_PAREN = /^[(（]/;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

function isTitle(el: Element): boolean {
  return el.localName === 'title' && el.namespaceURI === HTML_NS;
}

function isEditable(el: Element): boolean {
  if ((el as HTMLElement).isContentEditable === true) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** Whether the text inside `el` is left alone. */
function skipsText(el: Element): boolean {
  // A button's label is UI text, not a form value (its value is an attribute), so it flips too.
  // Options stay: an <option> without a value attribute submits its text.
  if (el.localName === 'button') return el.hasAttribute('hidden') || isEditable(el);
  return isSkippedElement(el);
}

// Open shadow roots are walked as part of their host, as lib/dom/text-model does.
function parentOf(n: Node): Node | null {
  const p = n.parentNode;
  return p && p.nodeType === 11 && (p as ShadowRoot).host ? (p as ShadowRoot).host : p;
}

class Batch {
  readonly texts: Text[] = [];
  /** What is sent: the text as the page means it (Written.original). */
  readonly textValues: string[] = [];
  /** What the node holds now; the answer is written only over that. */
  readonly textData: string[] = [];
  readonly attrs: { el: Element; name: string }[] = [];
  readonly attrValues: string[] = [];
  readonly attrData: string[] = [];
  private readonly seen = new Set<Text>();

  get size(): number {
    return this.texts.length + this.attrs.length;
  }

  addText(node: Text, value: string, data: string): void {
    if (this.seen.has(node)) return;
    this.seen.add(node);
    this.texts.push(node);
    this.textValues.push(value);
    this.textData.push(data);
  }

  addAttr(el: Element, name: string, value: string, data: string): void {
    this.attrs.push({ el, name });
    this.attrValues.push(value);
    this.attrData.push(data);
  }
}

class DocumentConversion implements ScriptConversion {
  from: Script = 'simplified';
  to: Script = 'simplified';
  written = 0;
  private readonly texts = new WeakMap<Text, Written>();
  // Weak references: nodes the page drops may be collected; restore reaches the ones still alive.
  private textRefs: WeakRef<Text>[] = [];
  private readonly attrs = new WeakMap<Element, Map<string, Written>>();
  private attrRefs: WeakRef<Element>[] = [];
  private lang: { original: string | null; tag: string } | null = null;
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private pendingRoots = new Set<Node>();
  private pendingTexts = new Set<Text>();
  private pendingAttrs = new Map<Element, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private flushesStarted = 0;
  private waiters: { until: number; resolve: () => void }[] = [];
  private restored = false;
  /** Set once the first answer named the target script; later batches must not run before it. */
  private ready = false;
  private pruneAt = PRUNE_AT;

  constructor(
    private readonly doc: Document,
    private readonly options: ScriptConversionOptions,
  ) {
    const win = doc.defaultView ?? (globalThis as unknown as Window & typeof globalThis);
    this.observer = new win.MutationObserver((records) => this.take(records));
  }

  async start(): Promise<boolean> {
    const root = this.doc.documentElement;
    // Observe before reading, so whatever the page changes while the strings are away is seen.
    this.observe(root);
    const batch = new Batch();
    this.collect(root, batch);
    if (!batch.size) {
      this.restore();
      return false;
    }
    const result = await this.apply(batch, this.options.to);
    if (!result) return false;
    this.from = result.from;
    this.to = result.to;
    this.ready = true;
    // The browser picks CJK glyph shapes by language; only a Chinese (or missing) tag is ours to change.
    const original = root.getAttribute('lang');
    if ((original === null || /^zh\b/i.test(original)) && result.lang !== original) {
      this.lang = { original, tag: result.lang };
      root.setAttribute('lang', result.lang);
    }
    this.schedule();
    return true;
  }

  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    // Changes queued now are taken by the next flush; a flush in flight has its own to finish. A page
    // that never stops changing (a ticker) must not keep the caller waiting forever.
    const until = this.inFlight && !this.hasPending() ? this.flushesStarted : this.flushesStarted + 1;
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  /** Writes every original back. Synchronous: the page is restored when abort() returns. */
  restore(): void {
    if (this.restored) return;
    // What the page changed in this very task is not delivered yet, and decides what is ours.
    this.take(this.observer.takeRecords());
    this.restored = true;
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pendingRoots.clear();
    this.pendingTexts.clear();
    this.pendingAttrs.clear();
    const selection = SelectionKeeper.capture(this.doc);
    for (const ref of this.textRefs) {
      const node = ref.deref();
      const w = node && this.texts.get(node);
      // A node holding anything but what we know of it is the page's. Text in a region that became
      // editable after we converted it is restored all the same: the conversion is ours to undo, and
      // left there the user would go on editing (and the page may save) text in the other script.
      // What the user typed meanwhile is kept, as any page edit is (lib/convert/page-edits.ts).
      if (!node || !w || node.data !== w.converted || w.converted === w.original) continue;
      selection?.writing(node);
      node.data = w.original;
    }
    selection?.restore();
    for (const ref of this.attrRefs) {
      const el = ref.deref();
      const map = el && this.attrs.get(el);
      if (!el || !map) continue;
      for (const [name, w] of map) if (el.getAttribute(name) === w.converted) el.setAttribute(name, w.original);
    }
    if (this.lang) {
      const root = this.doc.documentElement;
      if (root.getAttribute('lang') === this.lang.tag) {
        if (this.lang.original === null) root.removeAttribute('lang');
        else root.setAttribute('lang', this.lang.original);
      }
    }
    this.resolveWaiters();
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /** Queues what the page changed; our own writes come back as records too and are dropped here. */
  private take(records: MutationRecord[]): void {
    if (this.restored) return;
    let edited: Set<Text> | null = null;
    let lists: MutationRecord[] | null = null;
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (n.nodeType === 1 || n.nodeType === 3) this.pendingRoots.add(n);
        (lists ??= []).push(r);
      } else if (r.type === 'characterData') {
        const node = r.target as Text;
        if (node.nodeType !== 3) continue;
        const w = this.texts.get(node);
        if (!w) this.pendingTexts.add(node);
        else if (w.converted !== node.data) (edited ??= new Set()).add(node);
      } else if (r.type === 'attributes' && r.attributeName) {
        const el = r.target as Element;
        const name = r.attributeName;
        if (name === 'hidden' || name === 'contenteditable') this.pendingRoots.add(el);
        else if (!this.isOwnAttr(el, name)) {
          let names = this.pendingAttrs.get(el);
          if (!names) this.pendingAttrs.set(el, (names = new Set()));
          names.add(name);
        }
      }
    }
    if (edited || lists) this.follow(edited, lists);
    this.schedule();
  }

  /** Keeps what we know of text the page edited, split or rewrote from ours (lib/convert/page-edits.ts). */
  private follow(edited: Set<Text> | null, lists: MutationRecord[] | null): void {
    const sources = new Map<Node, Source[]>();
    const give = (parent: Node | null, source: Source) => {
      if (!parent || source.from >= source.to) return;
      const list = sources.get(parent);
      if (list) list.push(source);
      else sources.set(parent, [source]);
    };
    const edits: { node: Text; w: Written; data: string; edit: ReturnType<typeof splitEdit> }[] = [];
    for (const node of edited ?? []) {
      const w = this.texts.get(node)!;
      const data = node.data;
      if (data === w.converted) continue;
      const edit = splitEdit(w, data);
      give(node.parentNode, { original: w.original, converted: w.converted, from: edit.from, to: edit.to, raw: w.raw });
      edits.push({ node, w, data, edit });
    }
    const added: { node: Text; parent: Node }[] = [];
    for (const r of lists ?? []) {
      for (const n of r.addedNodes) if (n.nodeType === 3 && !this.texts.has(n as Text) && (n as Text).data) added.push({ node: n as Text, parent: r.target });
    }
    if (added.length || edits.some((e) => e.edit.middle)) {
      let budget = MAX_SOURCE_NODES;
      for (const r of lists ?? []) {
        for (const removed of r.removedNodes) {
          const stack: Node[] = [removed];
          while (stack.length && budget > 0) {
            const n = stack.pop()!;
            if (n.nodeType === 3) {
              budget--;
              const text = n as Text;
              const data = text.data;
              const w = this.texts.get(text);
              const known = w && w.converted === data ? w : { original: data, converted: data, raw: needsConversion(data) };
              give(r.target, { original: known.original, converted: known.converted, from: 0, to: data.length, raw: known.raw });
            } else for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
          }
        }
      }
    }
    const now = performance.now();
    for (const { node, w, data, edit } of edits) {
      const middle = recover(edit.middle, sources.get(node.parentNode!));
      const original = edit.head + middle.original + edit.tail;
      // Counted against text we wrote; a page changing its own text again before we converted it
      // (a ticker faster than a batch) is not fighting us.
      if (!w.raw) {
        if (now - w.at > BURST_MS) w.rewrites = 0;
        w.at = now;
        w.rewrites++;
        if (original === w.original) w.reverts++;
      }
      w.original = original;
      w.converted = data;
      // Characters of the page's still waiting keep waiting, whatever it changed around them.
      w.raw ||= middle.raw;
      if (w.raw) this.pendingTexts.add(node);
    }
    for (const { node, parent } of added) {
      const found = recover(node.data, sources.get(parent));
      if (!found.known) continue;
      this.texts.set(node, { original: found.original, converted: node.data, raw: found.raw, reverts: 0, rewrites: 0, at: 0 });
      this.textRefs.push(new WeakRef(node));
    }
  }

  private isOwnAttr(el: Element, name: string): boolean {
    const w = this.attrs.get(el)?.get(name);
    return !!w && el.getAttribute(name) === w.converted;
  }

  private hasPending(): boolean {
    return this.pendingRoots.size > 0 || this.pendingTexts.size > 0 || this.pendingAttrs.size > 0;
  }

  private isIdle(): boolean {
    return this.restored || (this.ready && !this.inFlight && !this.timer && !this.hasPending());
  }

  private resolveWaiters(done = Infinity): void {
    const ready = this.waiters.filter((w) => w.until <= done);
    this.waiters = this.waiters.filter((w) => w.until > done);
    for (const w of ready) w.resolve();
  }

  private schedule(): void {
    if (this.restored || !this.ready || this.timer || this.inFlight) return;
    if (!this.hasPending()) {
      this.resolveWaiters();
      return;
    }
    // One batch per burst of mutations: a framework rendering in several tasks costs one message.
    this.timer = setTimeout(() => void this.flush(), FLUSH_DELAY);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    if (this.restored) return;
    this.flushesStarted++;
    const batch = new Batch();
    const roots = [...this.pendingRoots];
    const texts = [...this.pendingTexts];
    const attrs = [...this.pendingAttrs];
    this.pendingRoots.clear();
    this.pendingTexts.clear();
    this.pendingAttrs.clear();
    for (const root of roots) if (root.isConnected && !this.excluded(root)) this.collect(root, batch);
    for (const node of texts) if (node.isConnected && !this.excluded(node)) this.addText(node, batch);
    for (const [el, names] of attrs) {
      if (!el.isConnected || el.hasAttribute(OWN_UI_ATTR) || isEditable(el) || this.excluded(el)) continue;
      for (const name of names) this.addAttr(el, name, batch);
    }
    if (batch.size) {
      this.inFlight = true;
      try {
        await this.apply(batch, this.to);
      } catch {
        // The background could not convert (it restarted mid-call, the extension was reloaded):
        // the added text stays as the page wrote it.
      }
      this.inFlight = false;
    }
    this.resolveWaiters(this.flushesStarted);
    this.schedule();
  }

  /** Whether an ancestor of `node` keeps its text out (form field, code, own UI, editable region). */
  private excluded(node: Node): boolean {
    const parent = parentOf(node);
    // The title sits in <head>, which is skipped as a whole; its text is converted all the same.
    if (node.nodeType === 3 && parent?.nodeType === 1 && isTitle(parent as Element)) return false;
    if (node.nodeType === 1 && isTitle(node as Element)) return false;
    for (let n = parent; n && n.nodeType === 1; n = parentOf(n)) {
      const el = n as Element;
      if (el.hasAttribute(OWN_UI_ATTR) || skipsText(el)) return true;
    }
    return false;
  }

  /** Depth-first in document order (residue context follows it), open shadow roots included. */
  private collect(root: Node, batch: Batch): void {
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeType === 3) {
        this.addText(node as Text, batch);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.hasAttribute(OWN_UI_ATTR)) continue;
      if (isTitle(el)) {
        for (const c of el.childNodes) if (c.nodeType === 3) this.addText(c as Text, batch);
        continue;
      }
      if (el.localName === 'head') {
        for (let c = el.lastElementChild; c; c = c.previousElementSibling) if (isTitle(c)) stack.push(c);
        continue;
      }
      // Attributes of a skipped element still flip (an input's placeholder); its text does not.
      if (!isEditable(el)) for (const name of CONVERTED_ATTRS) this.addAttr(el, name, batch);
      if (skipsText(el)) continue;
      for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      const shadow = el.shadowRoot;
      if (shadow) {
        this.observe(shadow);
        for (let c = shadow.lastChild; c; c = c.previousSibling) stack.push(c);
      }
    }
  }

  private addText(node: Text, batch: Batch): void {
    const data = node.data;
    const w = this.texts.get(node);
    if (w && (w.reverts >= MAX_REVERTS || w.rewrites >= MAX_REWRITES)) return;
    if (w && w.converted === data) {
      // The page's characters in text we know: converted within the text as the page means it.
      if (w.raw) batch.addText(node, w.original, data);
      return;
    }
    if (!data || (!hasHan(data) && !LEADING_PAREN.test(data))) return;
    batch.addText(node, data, data);
  }

  private addAttr(el: Element, name: string, batch: Batch): void {
    const value = el.getAttribute(name);
    if (!value || !hasHan(value)) return;
    const w = this.attrs.get(el)?.get(name);
    if (w && (w.converted === value || w.reverts >= MAX_REVERTS || w.rewrites >= MAX_REWRITES)) return;
    // An attribute has no nodes to split: what the page kept of ours maps back, the rest is its own.
    const edit = w && splitEdit(w, value);
    batch.addAttr(el, name, edit ? edit.head + edit.middle + edit.tail : value, value);
  }

  /** Converts a batch and writes the results; null when restored meanwhile (nothing written). */
  private async apply(batch: Batch, to: Script | 'auto'): Promise<ConvertResult | null> {
    const result = await this.options.convert({ texts: batch.textValues, attrs: batch.attrValues, to });
    if (this.restored) return null;
    const selection = SelectionKeeper.capture(this.doc);
    batch.texts.forEach((node, i) => {
      const original = batch.textValues[i]!;
      const data = batch.textData[i]!;
      const converted = result.texts[i];
      if (converted === undefined) return;
      // Changed while the strings were away: convert the new text in the next batch.
      if (node.data !== data) return void this.pendingTexts.add(node);
      // The page's edits are counted when they come (follow), not here.
      const w = this.texts.get(node);
      if (w) Object.assign(w, { original, converted, raw: false });
      else {
        this.texts.set(node, { original, converted, raw: false, reverts: 0, rewrites: 0, at: 0 });
        this.textRefs.push(new WeakRef(node));
      }
      if (converted !== data) {
        selection?.writing(node);
        node.data = converted;
        this.written++;
      }
    });
    selection?.restore();
    batch.attrs.forEach(({ el, name }, i) => {
      const original = batch.attrValues[i]!;
      const converted = result.attrs[i];
      if (converted === undefined || el.getAttribute(name) !== batch.attrData[i]) return;
      let map = this.attrs.get(el);
      if (!map) {
        this.attrs.set(el, (map = new Map()));
        this.attrRefs.push(new WeakRef(el));
      }
      const w = map.get(name);
      if (w) this.rewrite(w, original, converted);
      else map.set(name, { original, converted, raw: false, reverts: 0, rewrites: 0, at: 0 });
      if (converted !== batch.attrData[i]) {
        el.setAttribute(name, converted);
        this.written++;
      }
    });
    // Our writes are queued as records already; taking them now keeps them out of the next batch.
    this.take(this.observer.takeRecords());
    this.prune();
    return result;
  }

  private rewrite(w: Written, original: string, converted: string): void {
    const now = performance.now();
    if (now - w.at > BURST_MS) w.rewrites = 0;
    w.at = now;
    w.rewrites++;
    if (original === w.original) w.reverts++;
    w.original = original;
    w.converted = converted;
  }

  /** Drops references to nodes the garbage collector took (long-lived SPA pages). */
  private prune(): void {
    if (this.textRefs.length + this.attrRefs.length < this.pruneAt) return;
    this.textRefs = this.textRefs.filter((r) => r.deref());
    this.attrRefs = this.attrRefs.filter((r) => r.deref());
    this.pruneAt = Math.max(PRUNE_AT, 2 * (this.textRefs.length + this.attrRefs.length));
  }
}

export interface ScriptToggleDeps {
  convert(request: ConvertRequest): Promise<ConvertResult>;
  /** The page's dominant script when known (the annotation found it), for the popup's label. */
  pageScript(): Script | null;
  /** The text of `documents` changed in place (converted or restored): Ranges over it collapsed. */
  onToggled(state: ScriptToggleState, documents: readonly Document[]): Promise<void> | void;
  /** A same-origin iframe that loaded while the page was converted has been converted too. */
  onFrameConverted?(doc: Document): Promise<void> | void;
  /**
   * A toggle or an ensure that ran is over, whatever it came to (converted, restored, failed): the
   * state the page shows is final until the next one. Whoever asked for it has its answer; this is for
   * those who did not (the popup open while the shortcut or the context menu toggled the page).
   */
  onSettled?(state: ScriptToggleState): void;
}

/**
 * The toggle's conversion of a page: the top document, then each loaded same-origin iframe, in one
 * direction (what the first document with Han text converted into: the top one, unless it is a shell
 * around its frames), all restored when the signal aborts. A frame that loads while converted (added,
 * or navigated to a new page) is converted as it loads.
 */
class PageConversion implements ScriptConversion {
  from: Script = 'simplified';
  to: Script = 'simplified';
  private decided = false;
  private ready = false;
  private readonly parts: { doc: Document; conversion: ScriptConversion; controller: AbortController }[] = [];
  private readonly queued = new WeakSet<Document>();
  // One document at a time: the first answer decides the direction for the rest.
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly top: Document,
    private readonly options: ScriptConversionOptions,
    private readonly signal: AbortSignal,
    private readonly onFrameConverted: (doc: Document) => void,
  ) {}

  get written(): number {
    return this.parts.reduce((n, p) => n + p.conversion.written, 0);
  }

  /** The converted documents still shown (a frame that navigated or was removed has left its window). */
  get documents(): Document[] {
    return this.parts.filter((p) => p.doc.defaultView).map((p) => p.doc);
  }

  /** Resolves to whether any document had anything to convert; throws when the first documents could not be converted. */
  async start(): Promise<boolean> {
    // Listening first, so a frame that finishes loading while the top document is away is not missed.
    // A frame's load event does not bubble, but the top document sees it while capturing.
    this.top.addEventListener(
      'load',
      (e) => {
        if (!isFrameElement(e.target)) return;
        this.prune();
        const doc = loadedFrameDocument(e.target);
        if (doc) this.enqueue(doc).catch(() => {});
      },
      { capture: true, signal: this.signal },
    );
    const docs = [this.top];
    for (const frame of this.top.querySelectorAll('iframe')) {
      const doc = loadedFrameDocument(frame);
      if (doc) docs.push(doc);
    }
    await Promise.all(docs.map((doc) => this.enqueue(doc)));
    this.ready = true;
    return this.parts.length > 0;
  }

  settled(): Promise<void> {
    return this.chain.then(() => Promise.all(this.parts.map((p) => p.conversion.settled()))).then(() => {});
  }

  private enqueue(doc: Document): Promise<void> {
    if (this.queued.has(doc)) return Promise.resolve();
    this.queued.add(doc);
    const run = this.chain.then(() => this.convert(doc));
    this.chain = run.catch(() => {});
    return run;
  }

  private async convert(doc: Document): Promise<void> {
    if (this.signal.aborted || !doc.defaultView) return;
    // Each document restores on its own controller, so a frame that has gone can let go of its document.
    const controller = new AbortController();
    this.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    let conversion: ScriptConversion | null;
    try {
      conversion = await convertDocument(doc, { to: this.decided ? this.to : this.options.to, convert: this.options.convert }, controller.signal);
    } catch (e) {
      controller.abort();
      throw e;
    }
    if (!conversion) return void controller.abort();
    if (!this.decided) {
      this.decided = true;
      this.from = conversion.from;
      this.to = conversion.to;
    }
    this.parts.push({ doc, conversion, controller });
    // Converted after the toggle was done: its annotation must read it again. Frames converted while
    // starting are among `documents` when the toggle reports.
    if (this.ready) this.onFrameConverted(doc);
  }

  /** Drops the conversions of frame documents that left the page (nothing of them is shown). */
  private prune(): void {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      if (part.doc.defaultView) continue;
      part.controller.abort();
      this.parts.splice(i, 1);
    }
  }
}

/**
 * The toggle the popup, the shortcut and the context menu drive: convert, or restore when converted.
 * Toggles run one after another, so a double press converts and restores rather than racing.
 */
export class ScriptToggle {
  private controller: AbortController | null = null;
  private conversion: PageConversion | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private last: { ms: number | null; error?: string } = { ms: null };

  constructor(
    private readonly doc: Document,
    private readonly deps: ScriptToggleDeps,
  ) {}

  get state(): ScriptToggleState {
    const c = this.conversion;
    const base = c
      ? { original: c.from, current: c.to, converted: true }
      : { original: this.deps.pageScript(), current: this.deps.pageScript(), converted: false };
    return { ...base, ms: this.last.ms, ...(this.last.error ? { error: this.last.error } : {}) };
  }

  /** Converts the page (into `to`, else the other script), or restores it when converted. */
  toggle(to?: Script): Promise<ScriptToggleState> {
    const run = this.queue.then(() => this.settle(this.run(to)));
    this.queue = run.catch(() => {});
    return run;
  }

  /** Brings the page into `to` unless it already is (a remembered site). */
  ensure(to: Script): Promise<ScriptToggleState> {
    const run = this.queue.then(() => {
      const s = this.state;
      if (s.current === to) return s;
      return this.settle(this.run(s.converted ? undefined : to));
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** Resolves when content the page added has been converted (immediately when not converted). */
  settled(): Promise<void> {
    return this.conversion?.settled() ?? Promise.resolve();
  }

  /**
   * Gives the page its own text back and stops following it: for a script the extension left behind
   * (lib/dom/extension-gone), which can convert nothing the page adds from now on — kept converted, the
   * page would drift into a mix of the two scripts that nothing could restore.
   */
  dispose(): void {
    this.controller?.abort();
    this.controller = null;
    this.conversion = null;
  }

  private async settle(run: Promise<ScriptToggleState>): Promise<ScriptToggleState> {
    const state = await run;
    try {
      this.deps.onSettled?.(state);
    } catch {
      // Telling others is not part of the toggle: it happened all the same.
    }
    return state;
  }

  private async run(to?: Script): Promise<ScriptToggleState> {
    const t0 = performance.now();
    let documents: Document[];
    if (this.controller) {
      documents = this.conversion?.documents ?? [];
      this.controller.abort();
      this.controller = null;
      this.conversion = null;
      this.last = { ms: performance.now() - t0 };
    } else {
      const controller = new AbortController();
      try {
        const conversion = new PageConversion(
          this.doc,
          { to: to ?? 'auto', convert: this.deps.convert },
          controller.signal,
          (doc) => void Promise.resolve(this.deps.onFrameConverted?.(doc)).catch(() => {}),
        );
        if (!(await conversion.start()) || controller.signal.aborted) {
          controller.abort();
          return this.state;
        }
        this.controller = controller;
        this.conversion = conversion;
        this.last = { ms: performance.now() - t0 };
        // What the page added while the strings were away is converted before the page is re-read.
        await conversion.settled();
        documents = conversion.documents;
      } catch (e) {
        controller.abort();
        this.last = { ms: null, error: e instanceof Error ? e.message : String(e) };
        return this.state;
      }
    }
    try {
      await this.deps.onToggled(this.state, documents);
    } catch (e) {
      // The page is toggled all the same; say what failed after it (re-annotation, storage).
      this.last = { ...this.last, error: e instanceof Error ? e.message : String(e) };
    }
    return this.state;
  }
}

// Try it: any *.gov.cn report, Alt+Shift+J and again; tests/fixtures/pages/seed-002.html (a traditional
// mirror with pinyin residue), seed-004.html (over-converted 全麵 / 責任製), spa.html (content added later).
