/**
 * Noise that must never be read as numbers or break a sentence, blanked to spaces of the same length
 * so every offset stays valid:
 *  - SEO spam tokens such as 关键词2 that injectors paste into mirrored reports (often in place of 我们),
 *    except a genuine short heading line "关键词 1 城乡面貌" of a 解读 article;
 *  - footnote markers [12] and page references (P3) that 名词解释 annotations add after slogans, and the circled
 *    numbers ①–⑳ a Word file or a PDF puts after a figure for its note (分别增长6%、7%①): no figure is written so.
 */

export const ZWSP = '\u200b';
const SPAM = /关键词\s?\d{1,3}/g;
const FOOTNOTE = /\[\d{1,3}\]|\([Pp]\d{1,3}\)|[\u2460-\u2473]/g;

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

const HAN = /[\u3400-\u9fff]/;
const HAN_OR_DIGIT = /[\u3400-\u9fff0-9]/;
/** A line that opens with a list or heading marker starts something new, even where no heading was found. */
const MARKER_START = /^(?:[0-9]{1,2}(?:\.(?![0-9])|、)|[一二三四五六七八九十]{1,3}、|[(（]|第[一二三四五六七八九十0-9]{1,3}[章节条])/;
const YEAR_START = /^[0-9]{4}年/;
/** A line that opens with a short label and a colon, a value after it: an item of a 目标篇's or a 图解's list. */
const LABEL_LINE = /^[^\s，,。；;:：、]{2,20}[:：][ \t\u3000]*[^\s]/;
/** Shorter lines are titles, bylines and table cells, not wrapped prose. */
const WRAPPED_LINE_MIN = 8;

/**
 * Hard-wrapped text: a <br> or a fixed-width layout breaks a sentence anywhere ("城镇调查失⏎业率控制在
 * 5.5%以内", "地区生产总值增长⏎8%以上"). A line break between a Han character and the Han character or
 * digit that continues it is masked with zero-width spaces (same length, same offsets), so the sentence,
 * its clauses and its indicator read as one, as footnote markers are. A break stays where punctuation
 * or a space ends the line or indents the next, where either line is a heading (`headingLines`: line
 * starts), where the next line opens with a marker (1. / 一、 / （一）) or a year, after a short line,
 * between Han characters after a line that is not prose (no comma: a label, a title), and between two lines
 * that each open with a label and a colon (a list of labelled items).
 */
export function joinWrappedLines(s: string, headingLines: ReadonlySet<number>): string {
  let out = '';
  let pos = 0;
  let ls = 0;
  for (let i = s.indexOf('\n'); i >= 0; ls = i + 1, i = s.indexOf('\n', i + 1)) {
    const cr = s[i - 1] === '\r' ? 1 : 0;
    const prev = s[i - 1 - cr];
    const next = s[i + 1];
    if (prev === undefined || next === undefined || !HAN.test(prev) || !HAN_OR_DIGIT.test(next)) continue;
    if (headingLines.has(ls) || headingLines.has(i + 1)) continue;
    const line = s.slice(ls, i - cr).trim();
    if (line.length < WRAPPED_LINE_MIN) continue;
    const after = s.slice(i + 1, i + 6);
    if (MARKER_START.test(after)) continue;
    // Han to Han, the line must read as running prose (it has clauses: "…稳中有进，…，城⏎镇"), not a
    // label or a title ("目标：稳步推进…跃升⏎今后五年…"); Han to digit is a value carried over
    // ("增长⏎8%以上"), unless the next line opens with a year, as paragraphs do.
    if (HAN.test(next) ? !/[,，、]/.test(line) : YEAR_START.test(after)) continue;
    // Two label lines of a list (地区生产总值：增长6%左右，力争更高⏎规模以上工业增加值：增长6%—6.5%): each is an item.
    if (LABEL_LINE.test(line) && LABEL_LINE.test(s.slice(i + 1, i + 40))) continue;
    out += s.slice(pos, i - cr) + ZWSP.repeat(1 + cr);
    pos = i + 1;
  }
  return pos ? out + s.slice(pos) : s;
}
