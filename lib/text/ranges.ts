/**
 * Whether [start, end) overlaps any of `ranges` (half-open offset ranges, in any order, overlapping or
 * not). The ranges are sorted once, with the furthest end of each prefix, so each question is one binary
 * search: a page with 10^5 term spans or glossary lines stays linearithmic.
 */
export function overlapTest(ranges: ReadonlyArray<{ readonly start: number; readonly end: number }>): (start: number, end: number) => boolean {
  const sorted = ranges.map((r) => [r.start, r.end] as const).sort((a, b) => a[0] - b[0]);
  const maxEnd: number[] = [];
  for (const [, e] of sorted) maxEnd.push(Math.max(e, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };
}
