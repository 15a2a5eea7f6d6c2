import { describe, expect, it, vi } from 'vitest';
import type { PageAnalysis } from '../../../lib/analyze';
import { remoteAnalyzer, targetsUnknown, type AnalysisChannel } from '../../../lib/messaging/remote-analyzer';
import type { TermsFirstAnalysis, WireAnalysis } from '../../../lib/messaging/protocol';
import type { PageInput, Target } from '../../../lib/types';

const input: PageInput = { text: '地区生产总值增长8%以上', title: 't', url: 'https://www.example.gov.cn/a.html', headings: [] };
const target = { indicator: '地区生产总值', value: 8 } as unknown as Target;

function analysis(extra: Partial<WireAnalysis> = {}): WireAnalysis {
  return {
    report: { isReport: true } as PageAnalysis['report'],
    script: 'simplified',
    terms: { spans: [], entries: [] },
    pageGlossary: [],
    targets: [],
    ...extra,
  };
}

function channel(over: Partial<AnalysisChannel> = {}) {
  return {
    analyzePage: vi.fn(async (d: { deferTargets?: boolean }) => (d.deferTargets ? analysis({ targetsToken: 'tok' }) : analysis({ targets: [target] }))),
    pageTargets: vi.fn(async () => [target]),
    matchText: vi.fn(async () => ({ spans: [], entries: [] })),
    pageText: vi.fn(async () => {}),
    ...over,
  } satisfies AnalysisChannel;
}

describe('remoteAnalyzer', () => {
  it('names the token the background holds the targets under until the page fetches them, and none for targets given inline', async () => {
    const ch = channel();
    const r = remoteAnalyzer(ch);
    const a = await r.analyze(input, false);
    expect(r.heldToken(a)).toBe('tok');
    expect(r.heldToken(a)).toBe('tok');
    expect(ch.pageTargets).not.toHaveBeenCalled();
    const fetching = r.targetsOf(a);
    // From the fetch on, the page holds them (or asks for the whole analysis again): no token.
    expect(r.heldToken(a)).toBeNull();
    await fetching;
    expect(r.heldToken(a)).toBeNull();
    const inline = remoteAnalyzer(channel({ analyzePage: vi.fn(async () => analysis({ targets: [target] })) }));
    expect(inline.heldToken(await inline.analyze(input, false))).toBeNull();
  });

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

describe('remoteAnalyzer and long texts', () => {
  // 250,001 characters, a slogan near the end: beyond TEXT_PART, the text goes ahead in parts.
  const long = '坚持稳中求进工作总基调。'.repeat(20_833) + '三高四新。';

  /** A background that keeps the parts as lib/background/text-parts does and answers with one span. */
  function partsChannel(opts: { loseFirst?: boolean } = {}) {
    const parts = new Map<string, string[]>();
    let lose = opts.loseFirst === true;
    const whole = (id: string | undefined, rest: string) => {
      if (id === undefined) return rest;
      const got = parts.get(id);
      parts.delete(id);
      if (!got || lose) {
        lose = false;
        throw new Error("analyzePage.textId: the text's earlier parts are gone (the worker restarted?)");
      }
      return got.join('') + rest;
    };
    const spanOf = (text: string) => {
      const at = text.indexOf('三高四新');
      return { spans: at < 0 ? [] : [at, at + 4, 0, 0, -1], entries: ['san-gao-si-xin'] };
    };
    return {
      pageText: vi.fn(async ({ id, part }: { id: string; part: string; at: number }) => void parts.set(id, [...(parts.get(id) ?? []), part])),
      analyzePage: vi.fn(async ({ input: i, textId }: { input: PageInput; textId?: string }) => analysis({ terms: spanOf(whole(textId, i.text)) })),
      pageTargets: vi.fn(async () => null),
      matchText: vi.fn(async ({ text, textId }: { text: string; textId?: string }) => spanOf(whole(textId, text))),
    } satisfies AnalysisChannel;
  }

  it('sends a text over 100,000 characters in parts, awaited one by one, and reads the spans against the whole text', async () => {
    const ch = partsChannel();
    const a = await remoteAnalyzer(ch).analyze({ ...input, text: long }, false);
    expect(ch.pageText.mock.calls.map(([d]) => d.part.length)).toEqual([100_000, 100_000]);
    expect(ch.pageText.mock.calls.map(([d]) => d.at)).toEqual([0, 100_000]);
    const ids = new Set(ch.pageText.mock.calls.map(([d]) => d.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const [{ input: sent, textId }] = ch.analyzePage.mock.calls[0]!;
    expect(textId).toBe(id);
    expect(sent.text).toBe(long.slice(200_000));
    expect({ ...sent, text: '' }).toEqual({ ...input, text: '' });
    expect(a.terms).toEqual([{ start: long.length - 5, end: long.length - 1, text: '三高四新', source: 'glossary', entry: 'san-gao-si-xin' }]);

    const spans = await remoteAnalyzer(ch).matchText(long, []);
    expect(spans).toEqual(a.terms);
    expect(ch.pageText).toHaveBeenCalledTimes(4);
  });

  it('sends a short text in one message, as before', async () => {
    const ch = partsChannel();
    const text = long.slice(-100_000);
    const a = await remoteAnalyzer(ch).analyze({ ...input, text }, false);
    expect(ch.pageText).not.toHaveBeenCalled();
    expect(ch.analyzePage.mock.calls[0]![0]).toEqual({ input: { ...input, text }, force: false, deferTargets: true });
    expect(a.terms.map((t) => t.start)).toEqual([text.length - 5]);
  });

  it('never cuts between the halves of a surrogate pair', async () => {
    const ch = partsChannel();
    // 𠮷 (U+20BB7) straddles the 100,000th code unit.
    const text = '一'.repeat(99_999) + '𠮷' + '二'.repeat(50_000) + '三高四新';
    await remoteAnalyzer(ch).analyze({ ...input, text }, false);
    const [first] = ch.pageText.mock.calls.map(([d]) => d.part);
    expect(first).toHaveLength(99_999);
    expect(ch.analyzePage.mock.calls[0]![0].input.text.startsWith('𠮷')).toBe(true);
  });

  it('sends the whole text again when the worker lost its parts (restarted in between)', async () => {
    const ch = partsChannel({ loseFirst: true });
    const a = await remoteAnalyzer(ch).analyze({ ...input, text: long }, false);
    expect(ch.pageText).toHaveBeenCalledTimes(4);
    const ids = ch.analyzePage.mock.calls.map(([d]) => d.textId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    expect(a.terms.map((t) => t.text)).toEqual(['三高四新']);
  });
});
