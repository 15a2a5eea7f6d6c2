/**
 * Pinyin residue: bad converters annotate readings as 產(chǎn) or 發（fā）. Dependency-free (no fold
 * table), so the content script can show page text without it too (lib/text/quotes.ts).
 */

const PINYIN_LETTER = /[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]/;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/**
 * Length of a pinyin residue group starting at `i` — "(chǎn)" or "（chǎn）" right after a Han character —
 * or 0. Converters that annotate readings leave one syllable with a tone mark; requiring the tone mark
 * (or a Han character before and a 1–6 letter syllable) keeps real parentheticals like "(P1)" or
 * "(GDP)" intact.
 */
export function pinyinResidueLength(text: string, i: number): number {
  const open = text.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return 0;
  if (i === 0 || !isHan(text.charCodeAt(i - 1))) return 0;
  let j = i + 1;
  let toned = false;
  while (j < text.length && j - i <= 8 && PINYIN_LETTER.test(text[j]!)) {
    if (TONE_MARK.test(text[j]!)) toned = true;
    j++;
  }
  const close = text.charCodeAt(j);
  if (j === i + 1 || (close !== 0x29 && close !== 0xff09)) return 0;
  return toned ? j + 1 - i : 0;
}

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
const SYLLABLE_LETTER = /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]/;

/**
 * Length of "(xiàn)" at `i` wherever it stands, or 0: one lower-case syllable of at most six letters
 * with exactly one tone mark. Mirrors that also mangled the encoding leave 實現 as 崿F(xiàn), the residue
 * after a stray ASCII byte, where {@link pinyinResidueLength} (after a Han character only) misses it.
 * No reading of a report puts that in brackets on purpose; "(GDP)", "(a)" and "(P1)" have no tone mark
 * and stay.
 */
export function toneSyllableLength(text: string, i: number): number {
  const open = text.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return 0;
  let j = i + 1;
  let tones = 0;
  while (j < text.length && j - i <= 6 && SYLLABLE_LETTER.test(text[j]!)) {
    if (TONED.test(text[j]!)) tones++;
    j++;
  }
  const close = text.charCodeAt(j);
  return tones === 1 && (close === 0x29 || close === 0xff09) ? j + 1 - i : 0;
}
