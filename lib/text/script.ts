import { foldCode } from './normalize';

export type Script = 'simplified' | 'traditional';

/**
 * The dominant script of a text: the share of Han characters that fold to a different (simplified)
 * character. Traditional prose runs at 15–30 %, simplified prose near 0 — a few traditional
 * characters in a simplified page (names, quotes, a mirror's leftovers) do not flip it.
 */
export function detectScript(text: string, sample = 20_000): Script {
  let han = 0;
  let traditional = 0;
  const n = Math.min(text.length, sample);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (foldCode(c) !== c) traditional++;
  }
  return han > 0 && traditional / han > 0.05 ? 'traditional' : 'simplified';
}
