import { describe, expect, it } from 'vitest';
import { overlapTest } from '../../../lib/text/ranges';

describe('overlapTest', () => {
  it('answers half-open overlap against unsorted, nested ranges', () => {
    const covered = overlapTest([{ start: 20, end: 30 }, { start: 0, end: 100 }, { start: 200, end: 210 }]);
    expect(covered(50, 60)).toBe(true); // inside the long range only
    expect(covered(100, 200)).toBe(false); // touches both ends, overlaps neither
    expect(covered(199, 201)).toBe(true);
    expect(covered(210, 300)).toBe(false);
    expect(overlapTest([])(0, 10)).toBe(false);
  });
  it('agrees with a linear scan on random ranges', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const ranges = Array.from({ length: 300 }, () => {
      const start = rnd(5000);
      return { start, end: start + 1 + rnd(40) };
    });
    const covered = overlapTest(ranges);
    for (let i = 0; i < 2000; i++) {
      const start = rnd(5100);
      const end = start + 1 + rnd(30);
      expect(covered(start, end)).toBe(ranges.some((r) => r.start < end && r.end > start));
    }
  });
});
