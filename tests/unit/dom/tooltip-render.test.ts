// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Tooltip, type TooltipContent } from '../../../lib/dom/tooltip';

const ZH_TW = { defined: '詞表', fromPage: '本頁名詞解釋', unknown: '未收錄', components: '包括', source: '來源：', addEntry: '新增到我的詞表', close: '關閉' };
const EN = { ...ZH_TW, components: 'Components', source: 'Source: ' };
const HE_ZHANG_ZHI: TooltipContent = {
  term: '河長制',
  kind: 'glossary',
  definition: '由各級黨政主要負責人擔任河長……',
  gloss: 'river chief system',
  english: 'river chief system',
  scopeLabel: '全國',
  scopeLevel: 'national',
  sourceLine: '《關於全面推行河長制的意見》，中共中央辦公廳、國務院辦公廳，2016',
};

let tooltip: Tooltip | null = null;
afterEach(() => {
  tooltip?.destroy();
  tooltip = null;
  document.body.innerHTML = '';
});

function shown(labels: typeof ZH_TW, content: TooltipContent): HTMLElement {
  document.body.innerHTML = '<p>全面推行河長制。</p>';
  const range = document.createRange();
  range.setStart(document.body.firstChild!.firstChild!, 4);
  range.setEnd(document.body.firstChild!.firstChild!, 7);
  tooltip = new Tooltip(document, labels);
  tooltip.show(range, content);
  return tooltip.element!;
}

describe('the tooltip’s English line and source line', () => {
  it('says an English name once when the gloss is the same words (58 bundled entries)', () => {
    const box = shown(ZH_TW, HE_ZHANG_ZHI);
    // Before: “river chief system — river chief system”.
    expect(box.querySelector('.en')!.textContent).toBe('river chief system');
    expect(shown(ZH_TW, { ...HE_ZHANG_ZHI, english: 'River Chief System' }).querySelector('.en')!.textContent).toBe('River Chief System');
  });

  it('keeps both when the gloss says more', () => {
    const box = shown(ZH_TW, { ...HE_ZHANG_ZHI, english: '14th Five-Year Plan', gloss: '14th Five-Year Plan period (2021–2025)' });
    expect(box.querySelector('.en')!.textContent).toBe('14th Five-Year Plan — 14th Five-Year Plan period (2021–2025)');
  });

  it('writes the source label with its language’s punctuation: 來源：, Source: ', () => {
    // Before: “來源: 《…》”, a half-width colon in a Chinese line.
    expect(shown(ZH_TW, HE_ZHANG_ZHI).querySelector('.src')!.textContent).toBe('來源：《關於全面推行河長制的意見》，中共中央辦公廳、國務院辦公廳，2016');
    expect(shown(EN, HE_ZHANG_ZHI).querySelector('.src')!.textContent).toBe('Source: 《關於全面推行河長制的意見》，中共中央辦公廳、國務院辦公廳，2016');
  });
});
