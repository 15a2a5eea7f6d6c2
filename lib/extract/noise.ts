/**
 * Noise that must never be read as numbers or break a sentence, blanked to spaces of the same length
 * so every offset stays valid:
 *  - SEO spam tokens such as 关键词2 that injectors paste into mirrored reports (often in place of 我们),
 *    except a genuine short heading line "关键词 1 城乡面貌" of a 解读 article;
 *  - footnote markers [12] and page references (P3) that 名词解释 annotations add after slogans.
 */

export const ZWSP = '\u200b';
const SPAM = /关键词\s?\d{1,3}/g;
const FOOTNOTE = /\[\d{1,3}\]|\([Pp]\d{1,3}\)/g;

/** "关键词 1 城乡面貌" alone on a short line is a real section heading of an interpretation article. */
export function isKeywordHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 30 && /^关键词\s*\d{1,2}(\s+\S|$)/.test(t) && !/[，,。；;！!？?]/.test(t);
}

/** Returns folded text with noise replaced by spaces (same length, same UTF-16 offsets). */
export function maskNoise(folded: string): string {
  const ranges: Array<[number, number, number]> = [];
  // Line bounds move forward with the matches, so a megabyte of spam on one line stays linear.
  let ls = 0;
  let le = folded.indexOf('\n');
  if (le < 0) le = folded.length;
  for (const m of folded.matchAll(SPAM)) {
    const at = m.index;
    while (le < at) {
      ls = le + 1;
      le = folded.indexOf('\n', ls);
      if (le < 0) le = folded.length;
    }
    if (at - ls <= 30 && folded.slice(ls, at).trim() === '' && isKeywordHeadingLine(folded.slice(ls, Math.min(le, ls + 60)))) continue;
    ranges.push([at, at + m[0].length, 0]);
  }
  for (const m of folded.matchAll(FOOTNOTE)) ranges.push([m.index, m.index + m[0].length, 1]);
  if (!ranges.length) return folded;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e, kind] of ranges) {
    if (s < pos) continue;
    // Spam becomes spaces (a word break: the injector pasted it between phrases); a footnote marker
    // becomes zero-width spaces, since "破零倍增"[28]企业 is still one name.
    out += folded.slice(pos, s) + (kind ? ZWSP : ' ').repeat(e - s);
    pos = e;
  }
  return out + folded.slice(pos);
}
