import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { bundledMatcher } from '../../../lib/glossary/bundled';
import { packTerms, unpackTerms } from '../../../lib/messaging/term-wire';
import type { TermSpan } from '../../../lib/types';
import { pageInputFromHtml, pageInputFromText } from '../helpers/page-input';

const dir = (d: string) => new URL(`../../fixtures/${d}/`, import.meta.url);

describe('term spans on the wire (lib/messaging/term-wire)', () => {
  it('come back exactly as the core found them, on every seed and fixture page, with their text cut from the page text', () => {
    const inputs = [
      ...readdirSync(dir('seeds')).map((f) => pageInputFromText(readFileSync(new URL(f, dir('seeds')), 'utf8'), f, `http://www.gov.cn/${f}`)),
      ...readdirSync(dir('pages'))
        .filter((f) => f.endsWith('.html'))
        .map((f) => pageInputFromHtml(readFileSync(new URL(f, dir('pages')), 'utf8'), `http://www.gov.cn/${f}`)),
    ];
    let total = 0;
    const sources = new Set<string>();
    for (const input of inputs) {
      const { terms } = analyzePage(input, { matchers: [bundledMatcher()], force: true });
      const packed = packTerms(terms);
      // What the message carries: numbers and the distinct entry ids only.
      expect(JSON.parse(JSON.stringify(packed))).toEqual(packed);
      expect(new Set(packed.entries).size).toBe(packed.entries.length);
      expect(unpackTerms(packed, input.text)).toEqual(terms);
      total += terms.length;
      for (const t of terms) sources.add(t.source);
    }
    expect(total).toBeGreaterThan(2000);
    expect(sources).toEqual(new Set(['glossary', 'page', 'unknown']));
  });

  it('keep the user source, a page entry and no entry', () => {
    const text = '坚持三高四新，落实六稳六保和“两新一重”。';
    const terms: TermSpan[] = [
      { start: 2, end: 6, text: '三高四新', source: 'user', entry: 'user:1' },
      { start: 9, end: 13, text: '六稳六保', source: 'glossary', entry: 'liu-wen-liu-bao', pageEntry: 3 },
      { start: 15, end: 19, text: '两新一重', source: 'unknown', entry: null },
    ];
    const packed = packTerms(terms);
    expect(packed).toEqual({ spans: [2, 6, 3, 0, -1, 9, 13, 0, 1, 3, 15, 19, 2, -1, -1], entries: ['user:1', 'liu-wen-liu-bao'] });
    expect(unpackTerms(packed, text)).toEqual(terms);
    expect(unpackTerms(packTerms([]), '')).toEqual([]);
  });

  it('refuse what no background of ours sends: spans outside the text, unknown sources or entries, broken shapes', () => {
    const text = '坚持三高四新';
    const ok = [2, 6, 0, 0, -1];
    const entries = ['san-gao-si-xin'];
    expect(unpackTerms({ spans: ok, entries }, text)).toHaveLength(1);
    for (const [spans, list, message] of [
      [[2, 7, 0, 0, -1], entries, 'terms.spans: end out of range'],
      [[4, 4, 0, 0, -1], entries, 'terms.spans: end out of range'],
      [[-1, 3, 0, 0, -1], entries, 'terms.spans: start out of range'],
      [[2.5, 6, 0, 0, -1], entries, 'terms.spans: start out of range'],
      [[2, 6, 4, 0, -1], entries, 'terms.spans: source out of range'],
      [[2, 6, 0, 1, -1], entries, 'terms.spans: entry out of range'],
      [[2, 6, 0, 0, -2], entries, 'terms.spans: pageEntry out of range'],
      [[2, 6, 0, '0', -1], entries, 'terms.spans: entry out of range'],
      [[2, 6, 0, 0], entries, 'terms.spans: not a whole number of spans'],
      [ok, [1], 'terms.entries: expected strings'],
    ] as const) {
      expect(() => unpackTerms({ spans, entries: list }, text), message).toThrow(message);
    }
    for (const v of [null, [], 'x', { spans: [] }, { entries: [] }]) expect(() => unpackTerms(v, text)).toThrow('terms: expected packed spans');
  });
});
