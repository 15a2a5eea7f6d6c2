import { stripPinyinResidue } from '../convert/repair';

/**
 * Quote marks a report may put inside a term (能耗"双控", “五好”园区, "三公"经费): the matcher reads
 * through them (lib/glossary/match.ts), so a term's span in the page can hold one.
 */
export const INNER_QUOTE_CODES: readonly number[] = [0x22, 0x201c, 0x201d, 0x300c, 0x300d, 0x300e, 0x300f, 0x301d, 0x301e];

const INNER_QUOTE_RE = new RegExp(`[${INNER_QUOTE_CODES.map((c) => String.fromCharCode(c)).join('')}]`, 'g');

/**
 * A term as the reader is shown it (the tooltip's headword, the popup's list): the page's text of the
 * span without the quote marks the matcher read through — 十四五”规划 is shown as 十四五规划, not as
 * a word with half a quotation in it — nor the pinyin a mirror's converter left in it (高質量發(fā)展
 * matched through its residue, as the fold drops it; the reader is shown 高質量發展). No entry's surface
 * holds a quote mark (lib/glossary/user.ts and the glossary schema refuse them), so nothing of the term
 * itself is lost.
 */
export function termLabel(spanText: string): string {
  const label = stripPinyinResidue(spanText.replace(INNER_QUOTE_RE, ''));
  return label || spanText;
}
