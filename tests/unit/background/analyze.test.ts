import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { analyzeInBackground, laterTargets } from '../../../lib/background/analyze';
import { bundledMatcher } from '../../../lib/glossary/bundled';
import { pageInputFromHtml, pageInputFromText } from '../helpers/page-input';

const seed004 = () =>
  pageInputFromText(readFileSync(new URL('../../fixtures/seeds/004_020949d135bebf3b.txt', import.meta.url), 'utf8'), '衡南縣2022年政府工作報告', 'http://www.hengnan.gov.cn/a.html');

describe('analyzeInBackground, terms first', () => {
  it('answers with the terms and a token, then gives the same targets as the whole analysis, once', async () => {
    const input = seed004();
    const whole = analyzePage(input, { matchers: [bundledMatcher()] });
    expect(whole.targets.length).toBeGreaterThan(5);

    const first = await analyzeInBackground(input, false, false, true);
    expect(first.targets).toEqual([]);
    expect(first.terms).toEqual(whole.terms);
    expect(first.report).toEqual(whole.report);
    expect(first.targetsToken).toMatch(/^[0-9a-f-]{36}$/);

    expect(await laterTargets(first.targetsToken!)).toEqual(whole.targets);
    // Handed over once: a second fetch (or a restarted worker) gets null and asks for the whole analysis.
    expect(await laterTargets(first.targetsToken!)).toBeNull();
    expect(await laterTargets('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('gives targets inline without deferTargets, and no token on a page that gets none', async () => {
    const input = seed004();
    const inline = await analyzeInBackground(input, false, false);
    expect(inline.targetsToken).toBeUndefined();
    expect(inline.targets).toEqual(analyzePage(input, { matchers: [bundledMatcher()] }).targets);

    const novel = pageInputFromHtml(readFileSync(new URL('../../fixtures/negative/finance-article.html', import.meta.url), 'utf8'), 'https://finance.example.com/a.html');
    const plain = await analyzeInBackground(novel, false, false, true);
    expect(plain.report.isReport).toBe(false);
    expect(plain.targetsToken).toBeUndefined();
    expect(plain.targets).toEqual([]);
  });

  it('keeps only the newest deferred targets that nobody fetched', async () => {
    const input = seed004();
    const tokens: string[] = [];
    for (let i = 0; i < 18; i++) tokens.push((await analyzeInBackground(input, false, false, true)).targetsToken!);
    expect(await laterTargets(tokens[0]!)).toBeNull();
    expect(await laterTargets(tokens[1]!)).toBeNull();
    expect((await laterTargets(tokens[2]!))?.length).toBeGreaterThan(5);
    expect((await laterTargets(tokens[17]!))?.length).toBeGreaterThan(5);
  });
});
