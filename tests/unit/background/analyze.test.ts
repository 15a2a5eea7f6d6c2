import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { analyzeInBackground, heldReportTargets, heldTabTargets, laterTargets } from '../../../lib/background/analyze';
import { reportedTargets } from '../../../lib/messaging/report-limits';
import { MAX_PAGE_TEXT } from '../../../lib/messaging/validate';
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

  it('keeps only the newest 32 deferred analyses that nobody fetched', async () => {
    const input = seed004();
    const tokens: string[] = [];
    for (let i = 0; i < 34; i++) tokens.push((await analyzeInBackground(input, false, false, true)).targetsToken!);
    expect(await laterTargets(tokens[0]!)).toBeNull();
    expect(heldReportTargets(tokens[1]!)).toBeNull();
    expect((await laterTargets(tokens[2]!))?.length).toBeGreaterThan(5);
    expect((await laterTargets(tokens[33]!))?.length).toBeGreaterThan(5);
  });

  it('holds no more page text in all than one longest page an analysis reads', async () => {
    const input = seed004();
    const big = { ...input, text: input.text + '\n' + '。'.repeat(MAX_PAGE_TEXT - input.text.length - 1) };
    const small = (await analyzeInBackground(input, false, false, true)).targetsToken!;
    const large = (await analyzeInBackground(big, false, false, true)).targetsToken!;
    expect(heldReportTargets(small)).toBeNull();
    expect(heldReportTargets(large)?.length).toBeGreaterThan(5);
    // The newest is kept even when it alone fills the bound; the next one replaces it.
    const after = (await analyzeInBackground(input, false, false, true)).targetsToken!;
    expect(heldReportTargets(large)).toBeNull();
    expect(heldReportTargets(after)?.length).toBeGreaterThan(5);
    // A page at the bound is analysed whole: 1–3 s alone, past vitest's 5 s on a machine busy with other runs.
  }, 30_000);
});

describe('a report that names its targets by token', () => {
  it('gets the targets the page would have reported, each with the text around it, as often as it asks', async () => {
    const input = seed004();
    const whole = analyzePage(input, { matchers: [bundledMatcher()] });
    const { targetsToken } = await analyzeInBackground(input, false, false, true, 'doc-1');
    const expected = reportedTargets(whole.targets, input.text);
    const held = heldReportTargets(targetsToken!, 'doc-1');
    expect(held).toEqual(expected);
    // Exact quotes from seed 004: the first target and the 24 characters on each side of it.
    expect(held![0]!.prefix).toBe(input.text.slice(whole.targets[0]!.start - 24, whole.targets[0]!.start));
    expect(held![0]!.suffix).toBe(input.text.slice(whole.targets[0]!.end, whole.targets[0]!.end + 24));
    expect(heldReportTargets(targetsToken!, 'doc-1')).toEqual(expected);
    // The popup asks for them afterwards: the page gets them once, and its later reports carry them.
    expect(await laterTargets(targetsToken!, 'doc-1')).toEqual(whole.targets);
    expect(heldReportTargets(targetsToken!, 'doc-1')).toBeNull();
  });

  it('gives a tab’s state its top frame’s targets, and no other tab’s, as often as it asks', async () => {
    const input = seed004();
    const expected = reportedTargets(analyzePage(input, { matchers: [bundledMatcher()] }).targets, input.text);
    const { targetsToken } = await analyzeInBackground(input, false, false, true, 'doc-1', 7);
    expect(heldTabTargets(targetsToken!, 8)).toBeNull();
    expect(heldTabTargets(targetsToken!, 7)).toEqual(expected);
    expect(heldTabTargets(targetsToken!, 7)).toEqual(expected);
    // A frame's analysis (no tab recorded) answers no tab.
    const frame = (await analyzeInBackground(input, false, false, true, 'doc-2', null)).targetsToken!;
    expect(heldTabTargets(frame, 7)).toBeNull();
  });

  it('gives nothing to another document than the one analysed', async () => {
    const { targetsToken } = await analyzeInBackground(seed004(), false, false, true, 'doc-1');
    expect(heldReportTargets(targetsToken!, 'doc-2')).toBeNull();
    expect(heldReportTargets(targetsToken!, null)).toBeNull();
    expect(await laterTargets(targetsToken!, 'doc-2')).toBeNull();
    expect((await laterTargets(targetsToken!, 'doc-1'))?.length).toBeGreaterThan(5);
  });
});
