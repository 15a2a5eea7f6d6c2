import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { seed } from './helpers';

describe('performance on the 218 KB seed', () => {
  it('extracts seed 003 in well under 50 ms (median of warm runs)', () => {
    const text = seed('003');
    for (let i = 0; i < 3; i++) extractTargets({ text });
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      extractTargets({ text });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[4]!).toBeLessThan(50);
  });
});
