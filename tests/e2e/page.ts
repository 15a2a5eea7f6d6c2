import type { Page } from 'playwright-core';

export const HIGHLIGHTS = {
  defined: 'report-lens-defined',
  page: 'report-lens-page',
  unknown: 'report-lens-unknown',
  focus: 'report-lens-focus',
} as const;

/**
 * Highlighted texts per highlight name, with counts, read from the page's highlight registry (the
 * registry belongs to the document, so the page's own world sees what the content script set).
 * Highlights hold StaticRanges (no text, no geometry): a live Range over the same boundaries reads them.
 */
export async function highlightCounts(page: Page, frame?: string): Promise<Record<string, Record<string, number>>> {
  const target = frame ? page.frameLocator(frame).locator(':root') : page.locator(':root');
  return target.evaluate((_, names) => {
    const out: Record<string, Record<string, number>> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const name of names) {
      const hl = registry.get(name);
      if (!hl) continue;
      const counts: Record<string, number> = {};
      for (const r of hl) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const text = live.toString();
        counts[text] = (counts[text] ?? 0) + 1;
      }
      out[name] = counts;
    }
    return out;
  }, Object.values(HIGHLIGHTS));
}

export async function highlightTotal(page: Page): Promise<number> {
  const counts = await highlightCounts(page);
  return Object.entries(counts)
    .filter(([name]) => name !== HIGHLIGHTS.focus)
    .reduce((n, [, c]) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

/**
 * Every highlighted term of the page, per highlight name, with counts — registered now or not. Pages with
 * many terms register highlights only near the viewport (lib/dom/viewport-highlights.ts), so this scrolls
 * through the page a screen at a time, collecting each term's range once, and scrolls back. A term that
 * is never highlighted wherever the reader scrolls is missing here too.
 */
export async function highlightCountsWholePage(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.evaluate(async (names) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const ids = new WeakMap<Node, number>();
    let nextId = 0;
    const seen = new Map<string, { name: string; text: string }>();
    const root = document.scrollingElement ?? document.documentElement;
    const back = root.scrollTop;
    for (let y = 0; ; y += window.innerHeight) {
      window.scrollTo(0, y);
      // Intersection observers report after the rendering update that follows the scroll.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
      for (const name of names) {
        for (const r of registry.get(name) ?? []) {
          if (!ids.has(r.startContainer)) ids.set(r.startContainer, ++nextId);
          const key = `${name}|${ids.get(r.startContainer)}:${r.startOffset}`;
          if (seen.has(key)) continue;
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          seen.set(key, { name, text: live.toString() });
        }
      }
      if (y + window.innerHeight >= root.scrollHeight) break;
    }
    window.scrollTo(0, back);
    const out: Record<string, Record<string, number>> = {};
    for (const { name, text } of seen.values()) {
      const counts = (out[name] ??= {});
      counts[text] = (counts[text] ?? 0) + 1;
    }
    return out;
  }, Object.values(HIGHLIGHTS).filter((n) => n !== HIGHLIGHTS.focus));
}

/**
 * Centre of the nth highlighted range with this text, in document order, scrolled into view first.
 * Highlights near the viewport only (long pages): the page is scrolled down from the top until the nth
 * such term has been registered and is on or above the screen — every earlier one, higher up, has then
 * been near the viewport too.
 */
export async function termPoint(page: Page, name: string, text: string, nth = 0): Promise<{ x: number; y: number; multiNode: boolean }> {
  return page.evaluate(
    async ({ name, text, nth }) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const root = document.scrollingElement ?? document.documentElement;
      const found: Range[] = [];
      for (let y = 0; ; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
        for (const r of registry.get(name) ?? []) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          if (live.toString() !== text) continue;
          if (!found.some((f) => f.compareBoundaryPoints(Range.START_TO_START, live) === 0)) found.push(live);
        }
        found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        const target = found[nth];
        if (target && target.getBoundingClientRect().top < window.innerHeight) break;
        if (y + window.innerHeight >= root.scrollHeight) break;
      }
      const range = found[nth];
      if (!range) throw new Error(`no highlighted ${text} #${nth} in ${name}`);
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      // The term is the page's still, but its highlight comes back with the observer's next report.
      for (let i = 0; i < 50; i++) {
        const registered = [...(registry.get(name) ?? [])].some(
          (r) => r.startContainer === range.startContainer && r.startOffset === range.startOffset,
        );
        if (registered) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, multiNode: range.startContainer !== range.endContainer };
    },
    { name, text, nth },
  );
}

/**
 * Runs `fn` on the tooltip's box, which lives in a closed shadow root: page scripts cannot reach it,
 * DevTools can — the DOM domain describes closed shadow roots and resolves their nodes to objects in
 * the page. Null when no tooltip was ever shown. `fn` is sent as source: no named inner functions.
 */
export async function onTooltip<T>(page: Page, fn: (box: HTMLElement) => T): Promise<T | null> {
  try {
    return await tooltipCall(await cdpFor(page), fn);
  } catch (e) {
    // A session from before a navigation or a crash: once more on a fresh one.
    sessions.delete(page);
    if (page.isClosed()) throw e;
    return tooltipCall(await cdpFor(page), fn);
  }
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;
// One session per page: polls call this many times a second, and a session costs several round trips.
const sessions = new WeakMap<Page, Promise<Cdp>>();
function cdpFor(page: Page): Promise<Cdp> {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = page.context().newCDPSession(page)));
  return s;
}

async function tooltipCall<T>(cdp: Cdp, fn: (box: HTMLElement) => T): Promise<T | null> {
  const host = (await cdp.send('Runtime.evaluate', { expression: "document.querySelector('report-lens-tooltip')" })) as { result: { objectId?: string } };
  if (!host.result.objectId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { objectId: host.result.objectId, depth: 2, pierce: true })) as {
    node: { shadowRoots?: { children?: { localName: string; backendNodeId: number }[] }[] };
  };
  const box = node.shadowRoots?.[0]?.children?.find((c) => c.localName === 'div');
  if (!box) return null;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: box.backendNodeId })) as { object: { objectId?: string } };
  const r = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: `function () { return (${String(fn)})(this); }`,
    returnByValue: true,
  })) as { result: { value?: T }; exceptionDetails?: { text: string } };
  if (r.exceptionDetails) throw new Error(`in the tooltip: ${r.exceptionDetails.text}`);
  return (r.result.value ?? null) as T | null;
}

/** The open tooltip's text, or null when it is closed or absent. */
export async function tooltipText(page: Page): Promise<string | null> {
  return onTooltip(page, (box) => (box.hidden ? null : box.innerText));
}

/** The tooltip's term (first line). */
export async function tooltipTerm(page: Page): Promise<string | null> {
  return onTooltip(page, (box) => (box.hidden ? null : (box.querySelector('.term')?.textContent ?? null)));
}

/** Centre of an element in the open tooltip (viewport coordinates), to click it as the reader would. */
export async function tooltipPoint(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  const rect = await onTooltip(page, new Function('box', `const el = box.querySelector(${JSON.stringify(selector)}); if (!el || box.hidden) return null; const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`) as (box: HTMLElement) => { x: number; y: number } | null);
  return rect;
}

/** Top of the open tooltip and of the focused term (viewport coordinates), or null when closed. */
export async function tooltipAndFocusTop(page: Page): Promise<{ tip: number; term: number } | null> {
  const tip = await onTooltip(page, (box) => (box.hidden ? null : box.getBoundingClientRect().top));
  const term = await page.evaluate(() => {
    const focus = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-focus') ?? [])][0];
    if (!focus) return null;
    const live = document.createRange();
    live.setStart(focus.startContainer, focus.startOffset);
    live.setEnd(focus.endContainer, focus.endOffset);
    return live.getBoundingClientRect().top;
  });
  return tip === null || term === null ? null : { tip, term };
}

/** Moves the pointer onto the first `text` highlighted in the page's iframe (the tooltip opens in the top document). */
export async function hoverInFrame(page: Page, text: string): Promise<{ x: number; y: number }> {
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  const term = await frame.evaluate((text) => {
    const hl = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-defined');
    for (const r of hl ?? []) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== text) continue;
      (live.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const b = live.getClientRects()[0]!;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error(`no highlighted ${text} in the frame`);
  }, text);
  const origin = await page.evaluate(() => {
    const f = document.querySelector('iframe')!;
    const r = f.getBoundingClientRect();
    const cs = getComputedStyle(f);
    return { x: r.left + f.clientLeft + parseFloat(cs.paddingLeft), y: r.top + f.clientTop + parseFloat(cs.paddingTop) };
  });
  const at = { x: origin.x + term.x, y: origin.y + term.y };
  await page.mouse.move(at.x, at.y);
  return at;
}
