import { foldChars, foldCode } from './normalize';
import { detectScript } from './script';

/**
 * A target's unit, qualifier and hedge are kept folded (万吨, 以内, 力争): they group and sort the
 * library across scripts, as indicatorKey does. A reader of a traditional page should read them as the
 * page writes them (萬噸, 以內, 力爭), as the indicator already is; this finds each in the target's own
 * sentence — the fold maps one UTF-16 unit to one, so the sentence's characters at the place the folded
 * sentence holds the key are the page's — and takes the page's Han characters there.
 */
export interface WrittenParts {
  unit: string;
  qualifier: string;
  hedge: string;
}

type Parts = WrittenParts & { sentence: string };

const cache = new WeakMap<object, WrittenParts>();

/**
 * The hedge can come from the list's intro in an earlier sentence (主要預期目標是：…), so it is not always
 * in the target's own: the few the extractor gives, written in traditional script.
 */
const HEDGES_TRADITIONAL: Readonly<Record<string, string>> = { 确保: '確保', 力争: '力爭', 争取: '爭取', 预期: '預期', 目标: '目標' };

function findWritten(key: string, sentence: string, folded: string): string | null {
  const i = folded.indexOf(key);
  if (i < 0) return null;
  let out = '';
  for (let k = 0; k < key.length; k++) {
    const o = sentence.charCodeAt(i + k);
    // Only Han characters: full-width letters and digits stay as the key writes them (width, not script).
    out += o !== key.charCodeAt(k) && o >= 0x3400 && o <= 0x9fff && foldCode(o) === key.charCodeAt(k) ? sentence[i + k] : key[k];
  }
  return out;
}

/** `target`'s unit, qualifier and hedge as its sentence writes them; each stays folded where it is not there. */
export function writtenParts(target: Parts): WrittenParts {
  let parts = cache.get(target);
  if (parts) return parts;
  const { sentence } = target;
  const folded = foldChars(sentence);
  // A simplified sentence writes every key as it is.
  if (folded === sentence) parts = { unit: target.unit, qualifier: target.qualifier, hedge: target.hedge };
  else {
    const as = (key: string) => (key && /[^\x00-\x7f]/.test(key) ? findWritten(key, sentence, folded) : null) ?? key;
    const hedge = findWritten(target.hedge, sentence, folded) ?? (detectScript(sentence) === 'traditional' ? HEDGES_TRADITIONAL[target.hedge] : undefined) ?? target.hedge;
    parts = { unit: as(target.unit), qualifier: as(target.qualifier), hedge: target.hedge ? hedge : '' };
  }
  cache.set(target, parts);
  return parts;
}
