/**
 * Sentence spans over folded text. A sentence ends at 。！？； (folded: 。 ! ? ;) plus any closing quotes
 * or brackets right after it, at a line break, and before an inline heading (mirror sites glue
 * "。 三、2022年重点工作2022年，是…" into one line). Commas and the enumeration comma 、 never end a
 * sentence: target lists live inside one sentence.
 */

export interface Span {
  start: number;
  end: number;
}

/** Per code unit: 1 = sentence end (。!?; and full-width forms, for unfolded callers), 2 = closing quote/bracket. */
const CLASS = new Uint8Array(0x10000);
for (const c of [0x3002, 0x21, 0x3f, 0x3b, 0xff01, 0xff1f, 0xff1b]) CLASS[c] = 1;
for (const c of [0x201d, 0x2019, 0x22, 0x27, 0x29, 0xff09, 0x300d, 0x300f, 0x3011, 0x5d]) CLASS[c] = 2;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u3000';
}

/** Trim whitespace off a span; returns null when nothing is left. */
export function trimSpan(s: string, start: number, end: number): Span | null {
  while (start < end && (isSpace(s[start]) || s[start] === '\n')) start++;
  while (end > start && (isSpace(s[end - 1]) || s[end - 1] === '\n')) end--;
  return end > start ? { start, end } : null;
}

/** Splits s into sentences; `breaks` (sorted ascending) are extra positions where a sentence must start. */
export function splitSentences(s: string, breaks: readonly number[] = []): Span[] {
  const out: Span[] = [];
  let start = 0;
  let b = 0;
  const push = (end: number): void => {
    const t = trimSpan(s, start, end);
    if (t) out.push(t);
    start = end;
  };
  // Jump between candidate break characters natively; only they need a closer look.
  const BREAK = /[\n。!?;！？；]/g;
  for (let m = BREAK.exec(s); m; m = BREAK.exec(s)) {
    const i = m.index;
    if (i < start) continue;
    while (b < breaks.length && breaks[b]! <= i) {
      if (breaks[b]! > start) push(breaks[b]!);
      b++;
    }
    if (s.charCodeAt(i) === 10) {
      push(i);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < s.length && CLASS[s.charCodeAt(j)]! > 0) j++;
    push(j);
    BREAK.lastIndex = j;
  }
  while (b < breaks.length) {
    if (breaks[b]! > start) push(breaks[b]!);
    b++;
  }
  push(s.length);
  return out;
}

const CLAUSE = new Uint8Array(0x10000);
for (const ch of [',', '，', ';', '；', ':', '：', '。', '!', '?', '！', '？', '\n']) CLAUSE[ch.charCodeAt(0)] = 1;

/** Clause boundaries inside a sentence: commas, semicolons and colons (not 、, which joins list members). */
export function isClauseBreakCode(code: number): boolean {
  return CLAUSE[code] === 1;
}

export function isClauseBreak(ch: string | undefined): boolean {
  return ch !== undefined && CLAUSE[ch.charCodeAt(0)] === 1;
}
