// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Tooltip } from '../../../lib/dom/tooltip';

const LABELS = { defined: 'd', fromPage: 'p', unknown: 'u', components: 'c', source: 's', addEntry: 'a', close: 'x' };

let tooltip: Tooltip | null = null;
afterEach(() => {
  tooltip?.destroy();
  tooltip = null;
  document.body.innerHTML = '';
});

function shownOver(): { p: HTMLElement; tip: Tooltip } {
  document.body.innerHTML = '<p>做好六稳工作。</p><p>落实六保任务。</p>';
  const p = document.body.firstElementChild as HTMLElement;
  const range = document.createRange();
  range.setStart(p.firstChild!, 2);
  range.setEnd(p.firstChild!, 4);
  tooltip = new Tooltip(document, LABELS);
  tooltip.show(range, { term: '六稳', kind: 'page', pageDefinition: '稳就业' });
  return { p, tip: tooltip };
}

describe('a tooltip whose term left the page', () => {
  it('is visible while its term is there', () => {
    const { tip } = shownOver();
    expect([tip.isOpen, tip.anchorGone, tip.isVisible]).toEqual([true, false, true]);
  });

  it('knows its term is gone when the paragraph is removed or its text replaced, and no longer counts as visible', () => {
    const { p, tip } = shownOver();
    p.textContent = p.textContent;
    expect([tip.isOpen, tip.anchorGone, tip.isVisible]).toEqual([true, true, false]);
    tip.hide();
    const again = shownOver();
    again.p.remove();
    expect([again.tip.anchorGone, again.tip.isVisible]).toEqual([true, false]);
  });

  it('is not visible while hidden with its term scrolled out of sight', () => {
    const { tip } = shownOver();
    tip.element!.style.visibility = 'hidden';
    expect([tip.isOpen, tip.isVisible]).toEqual([true, false]);
  });

  it('closes itself at its next position update and says so', async () => {
    const { p, tip } = shownOver();
    let gone = 0;
    tip.onGone = () => gone++;
    p.remove();
    // A resize is one of the updates floating-ui's autoUpdate listens to (scroll is another).
    window.dispatchEvent(new Event('resize'));
    await new Promise((r) => setTimeout(r, 0));
    expect([tip.isOpen, gone]).toEqual([false, 1]);
  });
});
