import { describe, expect, it } from 'vitest';
import { NO_YEAR, PALETTE } from '../../../../lib/ui/library/compare-chart';

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('compare chart colours', () => {
  it('keep 3:1 against the light and the dark page background, and are all different', () => {
    const colours = [...PALETTE, NO_YEAR];
    expect(new Set(colours).size).toBe(colours.length);
    for (const c of colours) {
      expect(contrast(c, '#ffffff'), `${c} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#1e1e1e'), `${c} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('the contrast helper reads known pairs right', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#999999', '#ffffff')).toBeCloseTo(2.85, 2);
  });
});
