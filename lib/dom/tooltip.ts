import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';
import { OWN_UI_ATTR } from './text-model';

/**
 * The tooltip lives in a shadow root on its own host element, so page CSS cannot reach it and its
 * CSS cannot leak into the page. Every string goes in with textContent — glossary text, page text
 * and user entries alike are data, never markup.
 */

/**
 * The official English name and the gloss, the gloss left out when it says the same words (many
 * entries' gloss is their official name: “river chief system — river chief system”).
 */
function englishLine(english: string | null, gloss: string): string {
  if (!english) return gloss;
  return !gloss || gloss.trim().toLowerCase() === english.trim().toLowerCase() ? english : `${english} — ${gloss}`;
}

export interface TooltipLabels {
  defined: string;
  fromPage: string;
  unknown: string;
  components: string;
  /** With its punctuation: 来源：, Source: . */
  source: string;
  addEntry: string;
  close: string;
  /** Badge for text the user wrote (their own entry or their edit of a bundled one). */
  mine?: string;
}

export interface TooltipContent {
  term: string;
  kind: 'glossary' | 'user' | 'page' | 'unknown';
  definition?: string;
  gloss?: string;
  english?: string | null;
  components?: string[];
  scopeLabel?: string;
  scopeLevel?: string;
  sourceLine?: string;
  /** The page's own 名词解释 definition, shown alone or alongside the glossary's. */
  pageDefinition?: string;
  /** For unknown slogans: the sentence it stands in. */
  sentence?: string;
}

const CSS = `
/* Important, and direction set apart (all leaves it out): for important declarations the shadow tree's
   own win over the page's, so a catch-all rule of the page (* { word-break: break-all }, even with
   !important) that matches the host cannot reach the text inside through inheritance. */
:host { all: initial !important; direction: ltr !important; unicode-bidi: isolate !important; }
@media print { .tip { display: none !important; } }
.tip { position: fixed; top: 0; left: 0; z-index: 2147483647; max-width: min(420px, calc(100vw - 16px));
  box-sizing: border-box; padding: 10px 12px; border-radius: 8px; font: 14px/1.55 system-ui, "PingFang SC",
  "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #1d1d1f; background: #fffdf7;
  border: 1px solid #d9c9a3; box-shadow: 0 6px 24px rgba(0,0,0,.18); overflow: auto; }
.tip:lang(zh-Hant), .tip:lang(zh-TW), .tip:lang(zh-MO) { font-family: system-ui, "PingFang TC", "Microsoft JhengHei",
  "Noto Sans CJK TC", "WenQuanYi Micro Hei", sans-serif; }
.tip:lang(zh-HK), .tip:lang(zh-Hant-HK) { font-family: system-ui, "PingFang HK", "Microsoft JhengHei", "Noto Sans CJK HK",
  "Noto Sans CJK TC", "WenQuanYi Micro Hei", sans-serif; }
.tip[hidden] { display: none; }
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.term { font-size: 17px; font-weight: 600; }
.badge { font-size: 12px; padding: 0 6px; border-radius: 10px; border: 1px solid currentColor; color: #8a5a00; }
.badge.page { color: #005a9e; } .badge.unknown { color: #a3124a; } .badge.user { color: #2e7d32; }
.en { color: #555; font-style: italic; margin-top: 2px; }
.def { margin: 6px 0 0; }
.label { margin-top: 8px; font-size: 12px; color: #666; }
ol { margin: 2px 0 0; padding-left: 1.6em; }
.src { margin-top: 8px; font-size: 12px; color: #666; }
.sentence { margin-top: 6px; padding-left: 8px; border-left: 3px solid #e0c0cc; color: #333; }
.tip:focus-visible { outline: 2px solid #d67800; outline-offset: 2px; }
button { margin-top: 8px; font: inherit; font-size: 13px; padding: 2px 10px; border-radius: 6px; border: 1px solid #b98; background: #fff; cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .tip { color: #eee; background: #26231e; border-color: #5a4d33; }
  .en, .label, .src { color: #bbb; } .sentence { color: #ddd; } button { background: #333; color: #eee; }
  .badge { color: #f3c46b; } .badge.page { color: #7cc4ff; } .badge.unknown { color: #ff8fb5; } .badge.user { color: #8fd19e; }
}
.tip.on-dark { color: #eee; background: #26231e; border-color: #5a4d33; }
.tip.on-dark .en, .tip.on-dark .label, .tip.on-dark .src { color: #bbb; } .tip.on-dark .sentence { color: #ddd; }
.tip.on-dark button { background: #333; color: #eee; }
.tip.on-dark .badge { color: #f3c46b; } .tip.on-dark .badge.page { color: #7cc4ff; } .tip.on-dark .badge.unknown { color: #ff8fb5; } .tip.on-dark .badge.user { color: #8fd19e; }
`;

/** Luminance below which a background counts as dark. */
function isDarkColor(css: string): boolean | null {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(css);
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
  return 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]) < 96;
}

/**
 * Whether the page paints itself dark behind `from` (the term), whatever the system setting says: many
 * sites ship a dark theme of their own, and a light tooltip on them glares. The first opaque background
 * up from the term decides — a dark reading pane on a transparent body counts — and with none, the
 * root's color-scheme (a page dark only through color-scheme: dark has a dark canvas). Read at every
 * open: pages switch to a night mode of their own while the reader is on them.
 */
export function pageIsDark(doc: Document, from?: Element | null): boolean {
  const win = doc.defaultView;
  if (!win) return false;
  const chain: Element[] = [];
  for (let el: Element | null = from ?? null; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    if (el.ownerDocument !== doc) break;
    chain.push(el);
  }
  if (doc.body && !chain.includes(doc.body)) chain.push(doc.body);
  if (!chain.includes(doc.documentElement)) chain.push(doc.documentElement);
  for (const el of chain) {
    const dark = isDarkColor(win.getComputedStyle(el).backgroundColor);
    if (dark !== null) return dark;
  }
  const scheme = win.getComputedStyle(doc.documentElement).colorScheme || '';
  if (!/\bdark\b/.test(scheme)) return false;
  return !/\blight\b/.test(scheme) || win.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * The element in the browser's top layer the term is in (an open modal <dialog>, a popover, a
 * fullscreen element), crossing shadow roots and same-origin frames up to the tooltip's document.
 * No z-index lifts an element above the top layer, and a modal dialog makes everything outside it
 * inert — a popover of our own shown over it would be too (checked in Chromium): the tooltip has to be
 * inside that element to be seen and clicked.
 */
function topLayerHolder(doc: Document, anchor: Range): Element | null {
  let el: Element | null = anchor.startContainer.parentElement;
  while (el && el.ownerDocument !== doc) el = el.ownerDocument.defaultView?.frameElement ?? null;
  for (; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    try {
      if (el.matches('dialog:modal, :popover-open, :fullscreen')) return el;
    } catch {
      // A browser without one of these pseudo-classes has no such top layer element either.
      return null;
    }
  }
  return null;
}

/**
 * The tooltip's language, from the script its text is in (the page's): the first font a CJK stack
 * names draws every character it has, in its own region's shapes, so traditional text needs the TC
 * fonts asked for first. A page that declares a traditional tag (zh-HK, zh-TW) keeps it; a page whose
 * tag says otherwise (mirror sites keep zh-CN on converted text) is not believed.
 */
export function tooltipLang(script: 'simplified' | 'traditional' | null, pageLang: string): string {
  if (script === null) return '';
  if (script === 'traditional') return /^zh-(?:hant|tw|hk|mo)\b/i.test(pageLang) ? pageLang : 'zh-Hant';
  return /^zh-(?:hans|cn|sg)\b/i.test(pageLang) ? pageLang : 'zh-CN';
}

export class Tooltip {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private anchor: Range | null = null;
  /** Where the keyboard focus was before it entered the tooltip (Tab to its button): it goes back there on close. */
  private focusReturn: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;
  onAddEntry: ((term: string, sentence: string) => void) | null = null;
  /** Called when the tooltip closed itself because its term left the page. */
  onGone: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly labels: TooltipLabels,
  ) {}

  get element(): HTMLElement | null {
    return this.box;
  }

  get isOpen(): boolean {
    return !!this.box && !this.box.hidden;
  }

  /**
   * The term it is anchored to has left the page: its paragraph was removed, or its text replaced
   * (p.textContent = p.textContent), which collapses the live Range where the text was.
   */
  get anchorGone(): boolean {
    const a = this.anchor;
    return !!a && (a.collapsed || !a.startContainer.isConnected);
  }

  /**
   * Open and where the reader can see it: not hidden with its term scrolled out of sight (position), not
   * anchored to a term that is gone. Only such a tooltip may keep a key (Esc) from the page.
   */
  get isVisible(): boolean {
    return this.isOpen && !this.anchorGone && this.box!.style.visibility !== 'hidden';
  }

  private ensure(): HTMLElement {
    if (this.box && this.host?.isConnected) return this.box;
    const host = this.doc.createElement('report-lens-tooltip');
    host.setAttribute(OWN_UI_ATTR, '');
    // Closed: page scripts cannot read what the tooltip shows (the reader's own glossary text included).
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const box = this.doc.createElement('div');
    box.className = 'tip';
    box.setAttribute('role', 'tooltip');
    box.id = 'report-lens-tip';
    box.setAttribute('aria-live', 'polite');
    box.hidden = true;
    root.append(style, box);
    // focusin is retargeted to the host; its relatedTarget is the page element the focus came from.
    // Only a keyboard arrival (Tab) is remembered: a click on the button also focuses it, and handing
    // the focus back then would wake a search box the reader left long ago.
    host.addEventListener('focusin', (e) => {
      const from = e.relatedTarget as HTMLElement | null;
      const keyboard = !!root.activeElement?.matches(':focus-visible');
      this.focusReturn = from && from !== host && keyboard ? from : null;
    });
    this.doc.documentElement.appendChild(host);
    this.host = host;
    this.box = box;
    return box;
  }

  /** `lang`: the language of the text shown (tooltipLang); '' leaves it to the page's. */
  show(anchor: Range, content: TooltipContent, lang = ''): void {
    const box = this.ensure();
    this.stopFollowing?.();
    this.anchor = anchor;
    const holder = topLayerHolder(this.doc, anchor) ?? this.doc.documentElement;
    if (this.host!.parentNode !== holder) holder.appendChild(this.host!);
    box.classList.toggle('on-dark', pageIsDark(anchor.startContainer.ownerDocument ?? this.doc, anchor.startContainer.parentElement));
    box.lang = lang;
    box.replaceChildren(...this.render(content));
    box.hidden = false;
    // Follows its term while the page scrolls or reflows (a keyboard-opened tooltip stays open while the
    // reader scrolls).
    this.stopFollowing = autoUpdate(referenceFor(anchor), box, () => void this.position());
  }

  private el(tag: string, cls?: string, text?: string): HTMLElement {
    const e = this.doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  private render(c: TooltipContent): Node[] {
    const out: Node[] = [];
    const head = this.el('div', 'head');
    head.append(this.el('span', 'term', c.term));
    if (c.kind === 'unknown') head.append(this.el('span', 'badge unknown', this.labels.unknown));
    else if (c.scopeLabel) head.append(this.el('span', 'badge', c.scopeLabel));
    if (c.kind === 'user' && this.labels.mine) head.append(this.el('span', 'badge user', this.labels.mine));
    if (c.kind === 'page' || (c.pageDefinition && c.kind !== 'unknown')) {
      head.append(this.el('span', 'badge page', this.labels.fromPage));
    }
    out.push(head);
    if (c.english || c.gloss) out.push(this.el('div', 'en', englishLine(c.english ?? null, c.gloss ?? '')));
    if (c.definition) out.push(this.el('p', 'def', c.definition));
    if (c.components?.length) {
      out.push(this.el('div', 'label', this.labels.components));
      const ol = this.el('ol');
      for (const item of c.components) ol.append(this.el('li', undefined, item));
      out.push(ol);
    }
    if (c.pageDefinition) {
      if (c.definition) out.push(this.el('div', 'label', this.labels.fromPage));
      out.push(this.el('p', 'def page-def', c.pageDefinition));
    }
    // The label carries its language's punctuation (来源：, Source: ).
    if (c.sourceLine) out.push(this.el('div', 'src', `${this.labels.source}${c.sourceLine}`));
    if (c.kind === 'unknown') {
      if (c.sentence) out.push(this.el('div', 'sentence', c.sentence));
      const add = this.el('button', 'add', this.labels.addEntry) as HTMLButtonElement;
      add.type = 'button';
      // Only the reader's own click opens the editor: a page script could otherwise dispatch clicks
      // here and open tab after tab.
      add.addEventListener('click', (e) => {
        if (e.isTrusted) this.onAddEntry?.(c.term, c.sentence ?? '');
      });
      out.push(add);
    }
    return out;
  }

  private async position(): Promise<void> {
    const box = this.box;
    const anchor = this.anchor;
    if (!box || !anchor) return;
    // Checked on every update (scroll, resize, the term's element resized or removed): a term that left the
    // page would otherwise keep an invisible tooltip open at the top left, or one over other text.
    if (this.anchorGone) {
      this.hide(true);
      this.onGone?.();
      return;
    }
    const { x, y, middlewareData } = await computePosition(referenceFor(anchor), box, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip(),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            const zoom = (box as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom || 1;
            box.style.maxHeight = `${Math.max(120, availableHeight / zoom)}px`;
          },
        }),
        hide(),
      ],
    });
    if (this.anchor !== anchor) return;
    // A page zoomed with CSS zoom (html { zoom: 1.25 }, as 适老化 toolbars do) zooms the tooltip too, its
    // offsets included, while floating-ui measures in the viewport's pixels.
    const zoom = (box as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom || 1;
    if (zoom !== 1) box.style.maxWidth = `min(420px, ${Math.max(120, (this.doc.documentElement.clientWidth - 16) / zoom)}px)`;
    else box.style.removeProperty('max-width');
    box.style.transform = `translate(${Math.round(x / zoom)}px, ${Math.round(y / zoom)}px)`;
    // Scrolled out of sight, the term takes its tooltip with it rather than leaving it over other text.
    box.style.visibility = (outOfSightInFrame(anchor) ?? middlewareData.hide?.referenceHidden) ? 'hidden' : '';
  }

  /**
   * Moves the keyboard focus to the open tooltip's button (添加到我的词表), if it has one, else to the
   * tooltip itself when its text runs past its height (a long entry in a small window), so that the
   * arrow keys and Page Down scroll it as the wheel does. The host sits after the page in the tab
   * order, so on a page with links a plain Tab would walk through all of them first. Whether it
   * succeeded.
   */
  focusAction(): boolean {
    if (!this.isOpen || !this.host || this.doc.activeElement === this.host) return false;
    const box = this.box!;
    const target = box.querySelector<HTMLButtonElement>('button') ?? (box.scrollHeight > box.clientHeight + 1 ? box : null);
    if (!target) return false;
    if (target === box) box.tabIndex = -1;
    target.focus({ preventScroll: true });
    return this.doc.activeElement === this.host;
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  /**
   * `returnFocus` (the reader's Esc): hiding the focused button would drop the focus to <body>, and the
   * next Tab would start over at the top of the page, so it goes back to where it came from.
   */
  hide(returnFocus = false): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    const back = this.focusReturn;
    this.focusReturn = null;
    const hadFocus = !!this.host && this.doc.activeElement === this.host;
    if (this.box) this.box.hidden = true;
    if (returnFocus && hadFocus && back?.isConnected) back.focus({ preventScroll: true });
    this.anchor = null;
    // Out of the page's dialog again, which is left holding only what the page put in it.
    const parent = this.host?.parentNode;
    if (parent && parent !== this.doc.documentElement) this.doc.documentElement.appendChild(this.host!);
  }

  /** Removes the host element, leaving the page's DOM as it was before the tooltip first opened. */
  destroy(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.host?.remove();
    this.host = null;
    this.box = null;
    this.anchor = null;
  }
}

/**
 * The term as floating-ui's reference. Its element tells floating-ui which scroll containers to listen
 * to and which document the term is in: for a term in a same-origin iframe it adds the frame's offset
 * (border and padding included, nested frames too), as the tooltip lives in the top document.
 */
/**
 * Whether a term in an iframe is out of sight: outside its frame's viewport, or its frame outside the top
 * one. Null for a term in the top document. floating-ui's hide() compares the term's rect, which its
 * platform offsets into the top page's coordinates, with clipping rects it reads in the frame's own
 * (floating-ui issue 2174), so every term below the frame's first screenful read as hidden.
 */
function outOfSightInFrame(anchor: Range): boolean | null {
  const win = anchor.startContainer.ownerDocument?.defaultView;
  const frame = win?.frameElement;
  if (!win || !frame || win === win.top) return null;
  const r = anchor.getBoundingClientRect();
  if (r.bottom < 0 || r.top > win.innerHeight || r.right < 0 || r.left > win.innerWidth) return true;
  const f = frame.getBoundingClientRect();
  const top = frame.ownerDocument.defaultView;
  if (!top) return null;
  const y = f.top + frame.clientTop;
  const x = f.left + frame.clientLeft;
  return y + r.bottom < 0 || y + r.top > top.innerHeight || x + r.right < 0 || x + r.left > top.innerWidth;
}

function referenceFor(anchor: Range) {
  return {
    getBoundingClientRect: () => anchor.getBoundingClientRect(),
    getClientRects: () => anchor.getClientRects(),
    contextElement: anchor.startContainer.parentElement ?? undefined,
  };
}
