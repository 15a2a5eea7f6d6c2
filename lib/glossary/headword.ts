/**
 * The headword of a glossary term: the page's words, unless the page damaged them. The matcher found
 * the span by folding (全麵 folds to 全面, 製 to 制), so the entry form it matched has the label's
 * length; the one closest to the label (its script: the entry comes converted into the page's) is
 * what the page meant to write — 全麵深化改革 is shown as 全面深化改革, 河長製 as 河長制. A label that is
 * one of the forms, or has no form of its length, is shown as it is.
 */
export function entryHeadword(label: string, surfaces: readonly string[]): string {
  let best: string | null = null;
  let bestSame = -1;
  for (const surface of surfaces) {
    if (surface === label) return label;
    if (surface.length !== label.length) continue;
    let same = 0;
    for (let i = 0; i < label.length; i++) if (surface[i] === label[i]) same++;
    if (same > bestSame) {
      best = surface;
      bestSame = same;
    }
  }
  return best ?? label;
}
