import { MAX_PAGE_TEXT } from '../messaging/validate';

/**
 * The parts of long page texts, kept until the analyzePage or matchText naming them arrives
 * (lib/messaging/remote-analyzer sends a text over 100,000 characters in parts, so that no one
 * message's synchronous serialisation is a long task on the page's main thread).
 *
 * Each part says where in its text it starts (`at`). A text is kept only while its parts come in
 * without a gap: a text dropped here between its parts (to make room, or because the worker restarted)
 * is not started again by its later parts, so the message naming it finds nothing and the content script
 * sends the whole text again — a piece is never analysed, or saved, as the whole.
 *
 * Bounded: a few texts at a time, the one longest without a new part going first (a page closed between
 * its parts never claims its own), no more characters in all than two of the longest texts an analysis
 * reads, and no more per text than an analysis reads.
 */
const MAX_TEXTS = 16;
const MAX_KEPT = 2 * MAX_PAGE_TEXT;
const texts = new Map<string, { parts: string[]; length: number }>();
let kept = 0;

function drop(id: string): void {
  const t = texts.get(id);
  if (!t) return;
  kept -= t.length;
  texts.delete(id);
}

export function addTextPart(id: string, part: string, at: number): void {
  let t = texts.get(id);
  if (!t) {
    // A later part of a text no longer kept: its beginning is gone for good.
    if (at !== 0) return;
    t = { parts: [], length: 0 };
  }
  texts.delete(id);
  // Past the limit the analysis cuts the text anyway; one character over is enough to say it was cut.
  if (t.length > MAX_PAGE_TEXT) {
    texts.set(id, t);
    return;
  }
  if (at !== t.length) {
    kept -= t.length;
    return;
  }
  t.parts.push(part);
  t.length += part.length;
  kept += part.length;
  texts.set(id, t);
  for (const other of texts.keys()) {
    if (other === id || (texts.size <= MAX_TEXTS && kept <= MAX_KEPT)) break;
    drop(other);
  }
}

/** The text whose parts came under `id`, with `rest` (the last part) after them; null when they are gone. */
export function takeText(id: string, rest: string): string | null {
  const t = texts.get(id);
  if (!t) return null;
  drop(id);
  return t.parts.join('') + rest;
}
