import type { Heading } from '../../../lib/types';

/** DOM headings as the content script gives them: short lines without 。 (marker kept). */
export function domHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const level = !out.length ? 1 : /^[（(]/.test(line) ? 3 : 2;
    if (line.length >= 2 && line.length <= 40 && !line.includes('。')) out.push({ text: line, level, start: pos });
    pos += line.length + 1;
  }
  return out;
}
