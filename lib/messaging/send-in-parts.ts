/**
 * A text longer than this goes in parts of this size, each message awaited before the next.
 * runtime.sendMessage serialises its message synchronously on the page's main thread, in time about
 * linear in its UTF-8 bytes: 77,000 characters of Chinese took 6 ms and 300,000 took 38 ms in one task
 * on a loaded 2-core machine. Seed 003, the longest real report, is 77,000 and still goes in one message.
 */
export const TEXT_PART = 100_000;

/** What carries one part ahead (the pageText message; lib/background/text-parts keeps the parts). */
export type SendPart = (data: { id: string; part: string; at: number }) => Promise<void>;

function textId(): string {
  // Not crypto.randomUUID: it exists only in secure contexts, and many government sites are http.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends `text` ahead in parts when it is long, and calls `send` with the last part and the id naming
 * the others. A worker that restarted between the parts has lost them and refuses the call: the
 * whole text goes once more.
 */
export async function sendInParts<T>(sendPart: SendPart, text: string, send: (rest: string, id?: string) => Promise<T>): Promise<T> {
  if (text.length <= TEXT_PART) return send(text);
  const attempt = async () => {
    const id = textId();
    let at = 0;
    while (text.length - at > TEXT_PART) {
      let end = at + TEXT_PART;
      // Never between the halves of a surrogate pair (a CJK Extension B character in a name): the
      // message is UTF-8 on the way, and a lone half would arrive as U+FFFD.
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
      await sendPart({ id, part: text.slice(at, end), at });
      at = end;
    }
    return send(text.slice(at), id);
  };
  return attempt().catch(attempt);
}
