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

/** Centre of the nth highlighted range with this text, scrolled into view first. */
export async function termPoint(page: Page, name: string, text: string, nth = 0): Promise<{ x: number; y: number; multiNode: boolean }> {
  return page.evaluate(
    ({ name, text, nth }) => {
      const hl = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(name);
      const ranges = [...(hl ?? [])]
        .map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live;
        })
        .filter((r) => r.toString() === text);
      const range = ranges[nth];
      if (!range) throw new Error(`no highlighted ${text} #${nth} in ${name}`);
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, multiNode: range.startContainer !== range.endContainer };
    },
    { name, text, nth },
  );
}

/** The open tooltip's text, or null when it is closed or absent. */
export async function tooltipText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const box = document.querySelector('report-lens-tooltip')?.shadowRoot?.querySelector('.tip') as HTMLElement | null;
    return box && !box.hidden ? box.innerText : null;
  });
}

/** The tooltip's term (first line). */
export async function tooltipTerm(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.querySelector('report-lens-tooltip')?.shadowRoot?.querySelector('.tip:not([hidden]) .term');
    return el?.textContent ?? null;
  });
}

/** Top of the open tooltip and of the focused term (viewport coordinates), or null when closed. */
export async function tooltipAndFocusTop(page: Page): Promise<{ tip: number; term: number } | null> {
  return page.evaluate(() => {
    const box = document.querySelector('report-lens-tooltip')?.shadowRoot?.querySelector('.tip') as HTMLElement | null;
    const focus = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('report-lens-focus') ?? [])][0];
    if (!box || box.hidden || !focus) return null;
    const live = document.createRange();
    live.setStart(focus.startContainer, focus.startOffset);
    live.setEnd(focus.endContainer, focus.endOffset);
    return { tip: box.getBoundingClientRect().top, term: live.getBoundingClientRect().top };
  });
}

