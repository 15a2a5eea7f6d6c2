import type { Heading, PageInput } from '../../../lib/types';

/**
 * Test-only PageInput builders. The extension builds PageInput from the live DOM; these approximate it
 * in Node with regexes, good enough for fixtures we wrote ourselves (no DOM library on purpose, so the
 * detector is exercised exactly as it runs in the CLI).
 */

const BLOCK_TAGS =
  'p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|section|article|header|footer|nav|main|aside|blockquote|pre|dd|dt|dl|figure|figcaption|hr|h[1-6]|title';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", middot: '·', mdash: '—', ldquo: '“', rdquo: '”', hellip: '…', ensp: ' ', emsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

function squash(s: string): string {
  return s.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
}

const H_OPEN = '\u0001';
const H_CLOSE = '\u0002';

export function pageInputFromHtml(html: string, url = ''): PageInput {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = squash(decodeEntities((titleMatch?.[1] ?? '').replace(/<[^>]+>/g, '')));
  let body = html
    .replace(/<head\b[\s\S]*?<\/head>/i, '')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  // Headings become marked lines so their offsets can be taken after tags are stripped.
  body = body.replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_all, level: string, inner: string) => {
    const t = squash(inner.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
    return `\n${H_OPEN}${level}${t}${H_CLOSE}\n`;
  });
  body = body.replace(new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n').replace(/<[^>]+>/g, '');
  body = decodeEntities(body);

  let text = '';
  const headings: Heading[] = [];
  for (const raw of body.split('\n')) {
    let line = raw;
    let level = 0;
    if (line.startsWith(H_OPEN)) {
      level = Number(line[1]);
      line = line.slice(2).replace(H_CLOSE, '');
    }
    line = squash(line);
    if (!line) continue;
    if (text) text += '\n';
    if (level) headings.push({ text: line, level, start: text.length });
    text += line;
  }
  return { text, title, url, headings };
}

/** Short lines without sentence punctuation, like the headings of a pasted page. */
function looksLikeHeading(line: string): boolean {
  if (line.length < 2 || line.length > 40) return false;
  if (line.includes('<') || line.includes('。')) return false;
  if (/[,，、;；:：]$/.test(line)) return false;
  return /[\u4e00-\u9fff]/.test(line);
}

export function pageInputFromText(text: string, title = '', url = ''): PageInput {
  const headings: Heading[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (looksLikeHeading(line)) {
      const level = headings.length === 0 ? 1 : /^[一二三四五六七八九十]+、/.test(line) ? 2 : /^[（(][一二三四五六七八九十]+[）)]/.test(line) ? 3 : 2;
      headings.push({ text: line, level, start: pos + lead });
    }
    pos += raw.length + 1;
  }
  return { text, title, url, headings };
}
