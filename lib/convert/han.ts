/**
 * Han characters: what a script conversion can change. Dependency-free, so the content script can
 * tell which strings are worth sending without carrying the fold table or the dictionaries.
 * (CJK Extension A, the unified block, and the compatibility ideographs OpenCC normalises.)
 */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function endsWithHan(text: string): boolean {
  return text.length > 0 && HAN.test(text[text.length - 1]!);
}
