import { pinyinResidueLength, toneSyllableLength } from '../text/pinyin';

/**
 * Mirror-site repair that must happen before OpenCC sees the text: bad converters annotate readings
 * as 產(chǎn) or 發（fā）, and OpenCC would carry the residue into the simplified page. Over-converted
 * characters (全麵, 責任製) need no list here: OpenCC's t → cn conversion folds them.
 */

/**
 * Drops every pinyin residue group ("(chǎn)", "（fā）") that follows a Han character, and any
 * parenthesised single toned syllable wherever it stands: mirrors that also mangled the encoding
 * leave 實現 as 崿F(xiàn), its residue after a stray ASCII byte. `afterHan` says
 * the text before this string (the previous text node) ended with one, for residue that a tag split
 * from its character: 創</b>(chuàng).
 */
export function stripPinyinResidue(text: string, afterHan = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0xff08) continue;
    const skip = (i === 0 ? (afterHan ? leadingResidueLength(text) : 0) : pinyinResidueLength(text, i)) || toneSyllableLength(text, i);
    if (!skip) continue;
    out += text.slice(from, i);
    i += skip - 1;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Length of a residue group at the very start of `text`, as if a Han character came before it. */
export function leadingResidueLength(text: string): number {
  // pinyinResidueLength wants the Han character in the same string; lend it one.
  return text.length > 2 ? pinyinResidueLength(`中${text.slice(0, 12)}`, 1) : 0;
}
