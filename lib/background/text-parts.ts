import { MAX_PAGE_TEXT } from '../messaging/validate';

/**
 * The parts of long page texts, kept until the analyzePage or matchText naming them arrives
 * (lib/messaging/remote-analyzer sends a text over 100,000 characters in parts, so that no one
 * message's synchronous serialisation is a long task on the page's main thread).
 *
 * Bounded: a few texts at a time (a page closed between its parts never claims its own), and no more
 * characters per text than an analysis reads. A worker restart loses them; the content script is told
 * and sends the text again.
 */
const MAX_TEXTS = 4;
const texts = new Map<string, { parts: string[]; length: number }>();

export function addTextPart(id: string, part: string): void {
  let t = texts.get(id);
  if (!t) {
    t = { parts: [], length: 0 };
    texts.set(id, t);
    while (texts.size > MAX_TEXTS) texts.delete(texts.keys().next().value!);
  }
  // Past the limit the analysis cuts the text anyway; one character over is enough to say it was cut.
  if (t.length > MAX_PAGE_TEXT) return;
  t.parts.push(part);
  t.length += part.length;
}

/** The text whose parts came under `id`, with `rest` (the last part) after them; null when they are gone. */
export function takeText(id: string, rest: string): string | null {
  const t = texts.get(id);
  if (!t) return null;
  texts.delete(id);
  return t.parts.join('') + rest;
}
