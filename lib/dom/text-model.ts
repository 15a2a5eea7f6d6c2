import type { Heading } from '../types';

/**
 * One walk over the visible text of a document (or a subtree), producing the page text the whole
 * pipeline reads and the segments that map its offsets back to text nodes. Block boundaries become
 * '\n' in the text (they belong to no node), inline boundaries nothing — so 三高<b>四新</b> reads
 * 三高四新 and the matcher finds it without knowing about tags.
 *
 * A table row whose cells each hold one line reads as one line, its cells separated by '\t' (an
 * empty cell too), so a plan's 主要指标 table reaches the extractor as rows and columns
 * (lib/extract/indicator-table). A short cell is one value: its own line breaks (<br>, a Word
 * table's <p>, the source's wrapping) read as spaces. A row holding longer, multi-line cells (a
 * layout table around a whole article) keeps its lines. A break turned into '\t' or ' ' is one
 * character for one, so every segment still spans its node's data; only an empty cell adds a character
 * (its '\t'), which the empty cells of a news list's header did not have before.
 */

export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface TextModel {
  text: string;
  segments: TextSegment[];
  headings: Heading[];
  /**
   * The outermost elements the walk left out because they were not rendered (display:none by a class or
   * a style): a tab panel or a 展开全文 section a page script may show later.
   */
  hidden?: Element[];
  /** The open shadow roots the walk went into, empty ones included: a component may fill them later. */
  shadows?: ShadowRoot[];
}

/** Elements whose text is not prose to annotate, or belongs to the user (forms, editors). */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED',
  'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG',
  'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

const CELL = new Set(['TD', 'TH']);

/**
 * Longest cell (in characters, breaks included) still read as one value. A 主要指标 cell is a number or a
 * short goal (与GDP增长基本同步, >7、力争投入强度高于“十三五”时期实际); a layout cell is an article.
 */
const SHORT_CELL = 100;

const WHITESPACE_ONLY = /^\s*$/;
const LINE_BREAK = /[\r\n]/;

const HEADING = /^H([1-6])$/;

/**
 * How the walk from the body would treat `node`: never read (inside a script, a form field, an editor,
 * [hidden] or our own UI), left out for now (not rendered: display:none by a class or style), or read.
 */
export function walkPlaceOf(node: Node, stopAt: Node | null): 'skipped' | 'unrendered' | 'read' {
  const el = node.nodeType === 1 ? (node as Element) : parentElementOf(node);
  for (let a = el; a && a !== stopAt; a = parentElementOf(a)) {
    if (isSkippedElement(a)) return 'skipped';
  }
  return el && isHidden(el) ? 'unrendered' : 'read';
}

/** The parent element, or for the top of a shadow tree its host: the element the walk reads it in. */
export function parentElementOf(n: Node): Element | null {
  const parent = n.parentNode;
  if (parent && parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent && parent.nodeType === 1 ? (parent as Element) : null;
}

/** Attribute that marks the extension's own UI so the walk (and observers) skip it. */
export const OWN_UI_ATTR = 'data-report-lens-ui';

export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTR)) return true;
  // An element can be editable by attribute or inherit it; isContentEditable covers both, but only
  // in real browsers — fall back to the attribute elsewhere.
  const html = el as HTMLElement;
  if (html.isContentEditable === true) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return false;
}

function isHidden(el: Element): boolean {
  // checkVisibility() is cheap once styles are computed (document_idle) and catches display:none
  // and content-visibility:hidden subtrees; environments without it (tests) treat all as visible.
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function' || check.call(el)) return false;
  // display:contents has no box of its own, so checkVisibility() calls it invisible; its children
  // are laid out in its place and decide for themselves.
  return el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
}

/**
 * Walks `root` depth-first without recursion (report pages nest deeply) and returns the text model.
 * `base` offsets the segment positions when a subtree is appended to an existing model.
 */
export function buildTextModel(root: Node, base = 0, skipText?: (node: Text) => boolean): TextModel {
  const walk = walkTextModel(root, base, skipText);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return step.value;
}

/**
 * The same walk, handing the main thread back whenever `budgetMs` is spent, so a 1 MB page never
 * holds it for one long task. The DOM may change between slices; that is what the annotator's
 * observer is for (new nodes are walked on their own afterwards).
 */
export async function buildTextModelSliced(
  root: Node,
  yieldTask: () => Promise<void>,
  budgetMs = 8,
  base = 0,
  /**
   * Filled with the main-thread time the walk itself took, yields to the page left out, and when
   * `slices` is given, each slice's start and end (performance.now()), flat.
   */
  stats: { busyMs: number; slices?: number[] } = { busyMs: 0 },
): Promise<TextModel> {
  const walk = walkTextModel(root, base);
  let sliceStart = performance.now();
  const endSlice = (now: number) => {
    stats.busyMs += now - sliceStart;
    stats.slices?.push(sliceStart, now);
  };
  let step = walk.next();
  while (!step.done) {
    const now = performance.now();
    if (now - sliceStart > budgetMs) {
      endSlice(now);
      await yieldTask();
      sliceStart = performance.now();
    }
    step = walk.next();
  }
  endSlice(performance.now());
  return step.value;
}

/** Nodes visited between checks of the clock. */
const SLICE_NODES = 256;

function* walkTextModel(root: Node, base: number, skipText?: (node: Text) => boolean): Generator<void, TextModel, void> {
  let visited = 0;
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  const headings: Heading[] = [];
  let length = base;
  let lastNewline = true;
  const newline = () => {
    if (!lastNewline) {
      parts.push('\n');
      length++;
      lastNewline = true;
    }
  };
  const openHeadings: { el: Element; level: number; start: number; text: string }[] = [];
  const hidden: Element[] = [];
  const shadows: ShadowRoot[] = [];
  // Parts that hold a line break, for the rows and cells that may turn them into '\t' or ' ': the
  // block breaks the walk made, and the text nodes with a break of the source in them.
  const blockBreaks: number[] = [];
  const textBreaks: number[] = [];
  const newlineTracked = () => {
    if (!lastNewline && cells.length) blockBreaks.push(parts.length);
    newline();
  };
  /**
   * Open rows: how many cells they have had, how far their text was checked for a line break, and the
   * break that ended the last cell's last block (a Word table's <p>), which becomes the next '\t'.
   */
  const rows: { el: Element; cells: number; checked: number; broken: boolean; cellEnd: number; gap: number; gapData: string }[] = [];
  const cells: { el: Element; start: number; blockBreaks: number; textBreaks: number }[] = [];

  const startRow = (el: Element) => rows.push({ el, cells: 0, checked: parts.length, broken: false, cellEnd: -1, gap: -1, gapData: '' });

  /**
   * A row that keeps its lines (a layout table) gets back the source's break it read as a space before
   * a cell, so its text is what it was before rows were read as lines (a cell's end was a break then).
   */
  const restoreGap = (row: (typeof rows)[number]) => {
    if (row.gap < 0 || row.gap !== parts.length - 1) return;
    parts[row.gap] = row.gapData;
    lastNewline = row.gapData.charCodeAt(row.gapData.length - 1) === 10;
    row.gap = -1;
  };

  const startCell = (el: Element) => {
    const row = rows[rows.length - 1];
    if (!row || parentElementOf(el) !== row.el) {
      // A cell outside a row (built by a script): a block, as before.
      newlineTracked();
    } else if (row.cells++ > 0) {
      const cellEnd = row.cellEnd;
      row.cellEnd = -1;
      for (; row.checked < parts.length && !row.broken; row.checked++) {
        row.broken = row.checked !== cellEnd && parts[row.checked]!.includes('\n');
      }
      if (row.broken) {
        restoreGap(row);
        newlineTracked();
      } else {
        if (cellEnd >= 0) {
          parts[cellEnd] = '\t';
        } else {
          parts.push('\t');
          length++;
          row.checked = parts.length;
        }
        lastNewline = false;
      }
    }
    cells.push({ el, start: length, blockBreaks: blockBreaks.length, textBreaks: textBreaks.length });
  };

  const endCell = (el: Element) => {
    const cell = cells[cells.length - 1];
    if (!cell || cell.el !== el) return;
    cells.pop();
    const short = length - cell.start <= SHORT_CELL;
    const last = parts.length - 1;
    let cellEnd = -1;
    for (let k = cell.blockBreaks; k < blockBreaks.length; k++) {
      const i = blockBreaks[k]!;
      // Only breaks still there: one that became a row's '\t' (a table inside the cell) stays one.
      if (parts[i] !== '\n') continue;
      if (i === last) cellEnd = i;
      else if (short) parts[i] = ' ';
    }
    blockBreaks.length = cell.blockBreaks;
    if (short) for (let k = cell.textBreaks; k < textBreaks.length; k++) parts[textBreaks[k]!] = parts[textBreaks[k]!]!.replace(/[\r\n]/g, ' ');
    textBreaks.length = cell.textBreaks;
    if (short) lastNewline = parts[last]?.charCodeAt(parts[last]!.length - 1) === 10;
    const row = rows[rows.length - 1];
    if (row && parentElementOf(el) === row.el) row.cellEnd = cellEnd;
  };

  const visitElementEnd = (el: Element) => {
    const tag = el.tagName.toUpperCase();
    if (CELL.has(tag)) endCell(el);
    if (BLOCK.has(tag)) newlineTracked();
    if (tag === 'TR' && rows[rows.length - 1]?.el === el) rows.pop();
    const h = openHeadings[openHeadings.length - 1];
    if (h && h.el === el) {
      openHeadings.pop();
      const text = h.text.trim();
      if (text) headings.push({ text, level: h.level, start: h.start });
    }
  };

  let node: Node | null = root.nodeType === 1 || root.nodeType === 11 || root.nodeType === 9 ? firstChildOf(root) : null;
  if (root.nodeType === 3) node = root;
  if (root.nodeType === 1) {
    const el = root as Element;
    if (isSkippedElement(el)) return { text: '', segments, headings, hidden, shadows };
    if (BLOCK.has(el.tagName.toUpperCase())) lastNewline = true;
    // A row or a cell read on its own (added by a script later) is one still.
    if (el.tagName.toUpperCase() === 'TR') startRow(el);
    else if (CELL.has(el.tagName.toUpperCase())) cells.push({ el, start: length, blockBreaks: 0, textBreaks: 0 });
    if (el.shadowRoot) shadows.push(el.shadowRoot);
  }

  while (node) {
    if (++visited % SLICE_NODES === 0) yield;
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length && !skipText?.(node as Text)) {
        segments.push({ node: node as Text, start: length, end: length + data.length });
        // The innermost open row is the only row a text node can sit in directly; the checks go from
        // cheapest, as they run for every text node of a page laid out in a table.
        const row = rows.length ? rows[rows.length - 1]! : null;
        if (row !== null && node.parentNode === row.el && LINE_BREAK.test(data) && WHITESPACE_ONLY.test(data)) {
          // The source's line breaks between a row's cells are not rendered; read, they would break the row.
          row.gap = parts.length;
          row.gapData = data;
          parts.push(data.replace(/[\r\n]/g, ' '));
        } else {
          // Only a cell that can still be short (see endCell) needs its text's breaks.
          if (cells.length && length + data.length - cells[cells.length - 1]!.start <= SHORT_CELL && LINE_BREAK.test(data)) textBreaks.push(parts.length);
          parts.push(data);
        }
        length += data.length;
        lastNewline = parts[parts.length - 1]!.charCodeAt(data.length - 1) === 10;
        for (const h of openHeadings) h.text += data;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkippedElement(el)) {
        // Scripts, forms, editors, our own UI, [hidden] (watched by the annotator as an attribute).
      } else if (isHidden(el)) {
        hidden.push(el);
      } else {
        const tag = el.tagName.toUpperCase();
        if (BLOCK.has(tag)) newlineTracked();
        if (tag === 'TR') startRow(el);
        else if (CELL.has(tag)) startCell(el);
        if (el.shadowRoot) shadows.push(el.shadowRoot);
        const m = HEADING.exec(tag);
        if (m) openHeadings.push({ el, level: Number(m[1]), start: length, text: '' });
        descend = firstChildOf(el) !== null;
        if (!descend) visitElementEnd(el);
      }
    }
    if (descend) {
      node = firstChildOf(node);
      continue;
    }
    // Climb until a next sibling exists, closing elements on the way.
    while (node && node !== root) {
      const next = nextSiblingOf(node);
      if (next) {
        node = next;
        break;
      }
      node = parentOf(node);
      if (node && node !== root && node.nodeType === 1) visitElementEnd(node as Element);
      if (node === root) node = null;
    }
    if (node === root) node = null;
  }
  return { text: parts.join(''), segments, headings, hidden, shadows };
}

// Open shadow roots are walked as if their content were the host's first children.
function firstChildOf(n: Node): Node | null {
  const sr = (n as Element).shadowRoot;
  if (sr && sr.firstChild) return sr.firstChild;
  return n.firstChild;
}
function nextSiblingOf(n: Node): Node | null {
  if (n.nextSibling) return n.nextSibling;
  const parent = n.parentNode;
  // Leaving a shadow root: continue with the host's light children.
  if (parent && parent.nodeType === 11 && (parent as ShadowRoot).host) return (parent as ShadowRoot).host.firstChild;
  return null;
}
function parentOf(n: Node): Node | null {
  const parent = n.parentNode;
  if (parent && parent.nodeType === 11 && (parent as ShadowRoot).host) return (parent as ShadowRoot).host;
  return parent;
}

/** Index of the segment containing `offset` (binary search), or -1. */
export function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

type Boundaries = [startNode: Text, startOffset: number, endNode: Text, endOffset: number];

function boundaries(model: TextModel, start: number, end: number): Boundaries | null {
  const a = segmentAt(model.segments, start);
  const b = segmentAt(model.segments, end - 1);
  if (a < 0 || b < 0) return null;
  const sa = model.segments[a]!;
  const sb = model.segments[b]!;
  if (start - sa.start > sa.node.length || end - sb.start > sb.node.length) return null;
  return [sa.node, start - sa.start, sb.node, end - sb.start];
}

/**
 * A DOM Range for [start, end) of the model text, or null when it does not fall on text nodes — or no
 * longer does: a page script may have shortened a text node since the model was read.
 */
export function rangeFor(model: TextModel, start: number, end: number): Range | null {
  const b = boundaries(model, start, end);
  if (!b) return null;
  const range = b[0].ownerDocument.createRange();
  range.setStart(b[0], b[1]);
  range.setEnd(b[2], b[3]);
  return range;
}

/**
 * Makes highlight ranges for spans of a model: StaticRanges where the browser has them. The document
 * keeps every live Range up to date on each mutation (an insert or a removal walks them all), so a
 * page holding a live Range per term would make the page's own scripts pay for our highlights; a
 * highlight needs only the boundaries, and the annotator rebuilds them when the page's text changes.
 * The constructor is looked up once: per span, the lookup through the isolated world cost as much
 * as making the range.
 */
export function highlightRangeMaker(win: (Window & typeof globalThis) | null): (model: TextModel, start: number, end: number) => AbstractRange | null {
  const Static = win && typeof win.StaticRange === 'function' ? win.StaticRange : null;
  if (!Static) return rangeFor;
  return (model, start, end) => {
    const b = boundaries(model, start, end);
    return b ? new Static({ startContainer: b[0], startOffset: b[1], endContainer: b[2], endOffset: b[3] }) : null;
  };
}

/**
 * Whether the text nodes under [start, end) still hold the text the model read there (a short table
 * cell's line breaks read as spaces, see above).
 */
export function textStillAt(model: TextModel, start: number, end: number): boolean {
  const a = segmentAt(model.segments, start);
  const b = segmentAt(model.segments, end - 1);
  if (a < 0 || b < 0) return false;
  for (let i = a; i <= b; i++) {
    const seg = model.segments[i]!;
    const from = Math.max(start, seg.start);
    const to = Math.min(end, seg.end);
    const data = seg.node.data.slice(from - seg.start, to - seg.start);
    const read = model.text.slice(from, to);
    if (data !== read && data.replace(/[\r\n]/g, ' ') !== read) return false;
  }
  return true;
}
