import { describe, expect, it, vi } from 'vitest';
import type { PageAnalysis } from '../../../lib/analyze';
import { remoteAnalyzer, targetsUnknown, type AnalysisChannel } from '../../../lib/messaging/remote-analyzer';
import type { TermsFirstAnalysis } from '../../../lib/messaging/protocol';
import type { PageInput, Target } from '../../../lib/types';

const input: PageInput = { text: '地区生产总值增长8%以上', title: 't', url: 'https://www.example.gov.cn/a.html', headings: [] };
const target = { indicator: '地区生产总值', value: 8 } as unknown as Target;

function analysis(extra: Partial<TermsFirstAnalysis> = {}): TermsFirstAnalysis {
  return {
    report: { isReport: true } as PageAnalysis['report'],
    script: 'simplified',
    terms: [],
    pageGlossary: [],
    targets: [],
    ...extra,
  };
}

function channel(over: Partial<AnalysisChannel> = {}) {
  return {
    analyzePage: vi.fn(async (d: { deferTargets?: boolean }) => (d.deferTargets ? analysis({ targetsToken: 'tok' }) : analysis({ targets: [target] }))),
    pageTargets: vi.fn(async () => [target]),
    matchText: vi.fn(async () => []),
    ...over,
  } satisfies AnalysisChannel;
}

describe('remoteAnalyzer', () => {
  it('asks for terms first, then fetches the targets once by token', async () => {
    const ch = channel();
    const r = remoteAnalyzer(ch);
    const a = await r.analyze(input, false);
    expect(ch.analyzePage).toHaveBeenCalledWith({ input, force: false, deferTargets: true });
    expect(a.targets).toEqual([]);
    expect(await Promise.all([r.targetsOf(a), r.targetsOf(a)])).toEqual([true, true]);
    expect(await r.targetsOf(a)).toBe(true);
    expect(a.targets).toEqual([target]);
    expect(targetsUnknown(a)).toBe(false);
    expect(ch.pageTargets).toHaveBeenCalledTimes(1);
    expect(ch.pageTargets).toHaveBeenCalledWith({ token: 'tok' });
    expect((a as TermsFirstAnalysis).targetsToken).toBeUndefined();
  });

  it('asks for the whole analysis again when the background lost the targets (a restarted worker)', async () => {
    const ch = channel({ pageTargets: vi.fn(async () => null) });
    const r = remoteAnalyzer(ch);
    const a = await r.analyze(input, true);
    await r.targetsOf(a);
    expect(ch.analyzePage).toHaveBeenLastCalledWith({ input, force: true, deferTargets: false });
    expect(a.targets).toEqual([target]);
  });

  it('also when the fetch itself fails; if that fails too it resolves false, marks the targets unknown, and asks again next time', async () => {
    const failing = channel({ pageTargets: vi.fn(async () => Promise.reject(new Error('Could not establish connection'))) });
    const r = remoteAnalyzer(failing);
    const a = await r.analyze(input, false);
    await r.targetsOf(a);
    expect(a.targets).toEqual([target]);

    let calls = 0;
    let up = false;
    const analyzePage = vi.fn(async () =>
      calls++ === 0 ? analysis({ targetsToken: 'tok' }) : up ? analysis({ targets: [target] }) : Promise.reject(new Error('gone')),
    );
    const down = channel({ pageTargets: vi.fn(async () => null), analyzePage });
    const r2 = remoteAnalyzer(down);
    const b = await r2.analyze(input, false);
    await expect(r2.targetsOf(b)).resolves.toBe(false);
    expect(b.targets).toEqual([]);
    // Empty here means "not known", which buildPageReport refuses to report (it would wipe the saved ones).
    expect(targetsUnknown(b)).toBe(true);
    expect(down.pageTargets).toHaveBeenCalledTimes(1);
    expect(analyzePage).toHaveBeenCalledTimes(2);

    // The next call asks again — the whole analysis, the token was good for one fetch — and once the
    // background answers, the targets are known.
    up = true;
    expect(await Promise.all([r2.targetsOf(b), r2.targetsOf(b)])).toEqual([true, true]);
    expect(down.pageTargets).toHaveBeenCalledTimes(1);
    expect(analyzePage).toHaveBeenCalledTimes(3);
    expect(analyzePage).toHaveBeenLastCalledWith({ input, force: false, deferTargets: false });
    expect(b.targets).toEqual([target]);
    expect(targetsUnknown(b)).toBe(false);
    expect(await r2.targetsOf(b)).toBe(true);
    expect(analyzePage).toHaveBeenCalledTimes(3);
  });

  it('does nothing for an analysis that came with its targets', async () => {
    const ch = channel({ analyzePage: vi.fn(async () => analysis({ targets: [target] })) });
    const r = remoteAnalyzer(ch);
    const a = await r.analyze(input, false);
    expect(await r.targetsOf(a)).toBe(true);
    expect(ch.pageTargets).not.toHaveBeenCalled();
    expect(a.targets).toEqual([target]);
  });
});
