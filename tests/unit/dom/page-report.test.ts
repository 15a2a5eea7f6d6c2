import { describe, expect, it } from 'vitest';
import { analyzePage, type PageAnalysis } from '../../../lib/analyze';
import { storeReport } from '../../../lib/background/save';
import { exportAll } from '../../../lib/db/export';
import { parseImport } from '../../../lib/db/import';
import { savePageReport } from '../../../lib/db/pages';
import { ReportLensDB } from '../../../lib/db/schema';
import { buildPageReport, TargetsUnknownError } from '../../../lib/dom/page-report';
import { clip, REPORT_LIMITS } from '../../../lib/messaging/report-limits';
import type { PageSession } from '../../../lib/dom/session';
import { bundledMatcher } from '../../../lib/glossary/bundled';
import type { PageReport, TermsFirstAnalysis } from '../../../lib/messaging/protocol';
import { remoteAnalyzer } from '../../../lib/messaging/remote-analyzer';
import { parsePageReport } from '../../../lib/messaging/validate';
import type { PageInput, ReportInfo, Target, TermSpan } from '../../../lib/types';

const URL_ = 'https://www.example.gov.cn/r.html';

/** What buildPageReport reads of a session: the top document's text, URL and title, and the terms painted. */
const READ_AT = 1_700_000_000_000;

function sessionOf(analysis: PageAnalysis, text: string, doc: { URL: string; title: string } = { URL: URL_, title: 'T' }, terms: TermSpan[] = analysis.terms): PageSession {
  return { analysis, top: { model: { text }, doc, readAt: READ_AT }, annotators: [{ terms }] } as unknown as PageSession;
}

const target = (over: Partial<Target> = {}): Target => ({
  kind: 'main',
  indicator: '地区生产总值',
  indicatorKey: '地区生产总值',
  value: 6,
  valueMax: null,
  unit: '%',
  qualifier: '左右',
  direction: 'increase',
  hedge: '预期',
  year: 2024,
  section: '',
  sentence: '地区生产总值增长6%左右。',
  start: 0,
  end: 13,
  regionKey: null,
  ...over,
});

describe('buildPageReport stays within what the background accepts', () => {
  it('a report with no full stops: every target is reported, each sentence a window around it', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `推进第${i}项重点工作落地见效`).join('，');
    const text = `2024年政府工作报告\n今年发展主要预期目标是：地区生产总值增长6%左右，${filler}，城镇调查失业率控制在5.5%以内。\n另外一句。`;
    const input: PageInput = { text, title: '2024年某市政府工作报告', url: URL_, headings: [{ text: '2024年政府工作报告', level: 1, start: 0 }] };
    const analysis = analyzePage(input, { matchers: [bundledMatcher()] });
    const report = buildPageReport(sessionOf(analysis, text), false);
    // Before the fix: "page.targets[0].sentence: longer than 5000 characters", and no target saved.
    const parsed = parsePageReport(report);
    expect(parsed.targets.map((t) => t.indicator)).toEqual(['地区生产总值', '城镇调查失业率']);
    for (const t of parsed.targets) {
      // The quote reads on: prefix, the window without its … marks, suffix.
      expect(t.prefix + t.sentence.replace(/^…|…$/g, '') + t.suffix).toBe(text.slice(t.start - t.prefix.length, t.end + t.suffix.length));
      expect(t.suffix).toBe(text.slice(t.end, t.end + 24));
    }
    expect(parsed.targets[1]!.prefix).toBe(text.slice(parsed.targets[1]!.start - 24, parsed.targets[1]!.start));
  });

  it('shortens every string and list that could exceed its limit, and the validator accepts the result', () => {
    const L = REPORT_LIMITS;
    const long = (n: number) => '很'.repeat(n);
    const analysis: PageAnalysis = {
      report: { isReport: true, score: 1, kind: 'work-report', reasons: Array.from({ length: 150 }, (_, i) => `r${i}:${long(300)}`), region: long(150), regionKey: long(150), year: 2024 },
      script: 'simplified',
      terms: [],
      pageGlossary: [],
      targets: Array.from({ length: L.targets + 10 }, () =>
        target({ indicator: long(600), indicatorKey: long(600), unit: long(60), hedge: long(30), section: long(1200), sentence: long(6000), regionKey: long(150) }),
      ),
    };
    const terms: TermSpan[] = [
      { start: 0, end: 150, text: long(150), source: 'page', entry: null },
      { start: 0, end: 2, text: '六稳', source: 'glossary', entry: 'x'.repeat(300) },
      ...Array.from({ length: L.terms + 10 }, (_, i): TermSpan => ({ start: 0, end: 2, text: `词${i}`, source: 'unknown', entry: null })),
    ];
    const url = `${URL_}?q=${'a'.repeat(4000)}#${'b'.repeat(2000)}`;
    const report = buildPageReport(sessionOf(analysis, '', { URL: url, title: long(3000) }, terms), true);
    expect(() => parsePageReport(report)).not.toThrow();

    expect(report.url).toBe(url.slice(0, url.indexOf('#')));
    expect(report.title).toBe(long(L.title - 1) + '…');
    expect(report.report.reasons).toHaveLength(L.reasons);
    expect(report.report.reasons[0]).toBe(`r0:${long(300)}`.slice(0, L.reason));
    expect([report.report.region, report.report.regionKey]).toEqual([long(L.region), long(L.region)]);
    expect(report.terms).toHaveLength(L.terms);
    expect(report.terms[0]!.text).toBe(long(L.termText - 1) + '…');
    expect(report.terms[1]!.entry).toBe('x'.repeat(L.termEntry));
    expect(report.termCount).toBe(terms.length);
    expect(report.targets).toHaveLength(L.targets);
    const t = report.targets[0]!;
    expect([t.indicator.length, t.indicatorKey.length, t.unit.length, t.hedge.length, t.section.length, t.sentence.length, t.regionKey?.length]).toEqual([
      L.indicator, L.indicator, L.unit, L.hedge, L.section, L.sentence, L.region,
    ]);
    expect(t.sentence.endsWith('…')).toBe(true);

    // A URL still too long without its fragment is cut; it keeps its scheme and host.
    const huge = `${URL_}?q=${'a'.repeat(5000)}`;
    const cut = buildPageReport(sessionOf(analysis, '', { URL: huge, title: 't' }, []), false);
    expect(cut.url).toBe(huge.slice(0, L.url));
    expect(() => parsePageReport(cut)).not.toThrow();
  });

  it('leaves values within their limits as they are', () => {
    const analysis: PageAnalysis = {
      report: { isReport: true, score: 1, kind: 'work-report', reasons: ['title:报告'], region: '长沙市', regionKey: '长沙市', year: 2024 },
      script: 'simplified',
      terms: [],
      pageGlossary: [],
      targets: [target()],
    };
    const report = buildPageReport(sessionOf(analysis, '地区生产总值增长6%左右。后文'), false);
    expect(report).toEqual<PageReport>({
      url: URL_,
      title: 'T',
      report: analysis.report,
      script: 'simplified',
      termCount: 0,
      terms: [],
      targets: [{ ...target(), prefix: '', suffix: '后文' }],
      requested: false,
      readAt: READ_AT,
    });
  });

  it('clip never leaves half a surrogate pair', () => {
    expect(clip('ab𠮷c', 3, '')).toBe('ab');
    expect(clip('ab𠮷c', 4, '…')).toBe('ab…');
    expect(clip('abc', 3, '…')).toBe('abc');
  });
});

describe('targets the background failed to give are not reported as none', () => {
  const info: ReportInfo = { isReport: true, score: 1, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2024 };
  const input: PageInput = { text: '地区生产总值增长6%左右。', title: 'T', url: URL_, headings: [] };

  it('a page revisited while the worker is unreachable keeps its saved targets', async () => {
    const db = new ReportLensDB(`page-report-${Math.random()}`);
    const saved = buildPageReport(sessionOf({ report: info, script: 'simplified', terms: [], pageGlossary: [], targets: [target(), target(), target()] }, input.text), false);
    await savePageReport(db, parsePageReport(saved));

    let down = true;
    const analyzer = remoteAnalyzer({
      analyzePage: async (d) => {
        const terms = { spans: [], entries: [] };
        if (d.deferTargets) return { report: info, script: 'simplified', terms, pageGlossary: [], targets: [], targetsToken: '00000000-0000-0000-0000-000000000000' };
        if (down) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { report: info, script: 'simplified', terms, pageGlossary: [], targets: [target()] };
      },
      pageTargets: async () => {
        throw new Error('The message port closed before a response was received.');
      },
      matchText: async () => ({ spans: [], entries: [] }),
      pageText: async () => {},
    });
    const analysis = await analyzer.analyze(input, false);
    await expect(analyzer.targetsOf(analysis)).resolves.toBe(false);
    expect(analysis.targets).toEqual([]);
    // What the content script's report() does: targets, then the report, then the background's save.
    // Before the fix the report carried targets: [] and the save below wiped the page's three targets.
    const send = async () => storeReport(db, parsePageReport(buildPageReport(sessionOf(analysis, input.text), false)), { autoSave: true });
    await expect(send()).rejects.toBeInstanceOf(TargetsUnknownError);
    expect(await db.targets.count()).toBe(3);

    // The next report asks again; once the worker answers, the page is reported with its targets.
    down = false;
    await expect(analyzer.targetsOf(analysis)).resolves.toBe(true);
    expect((await send()).saved).toBe(true);
    expect(await db.targets.count()).toBe(1);
    await db.delete();
  });
});

describe('what a page report saves, the library export imports again', () => {
  it('a page stating numbers past the library ranges is saved without them, and its export imports', async () => {
    const text = [
      '2099年某某市政府工作报告',
      '各位代表：',
      '二、今后五年主要目标',
      '今后五年，地区生产总值年均增长6%以上。',
      '2099年经济社会发展的主要预期目标是：地区生产总值增长99999999999999%以上，城镇新增就业10000000000000000000000人以上，一般公共预算收入增长6%。',
    ].join('\n');
    const input: PageInput = { text, title: '2099年某某市政府工作报告', url: URL_, headings: [] };
    const analysis = analyzePage(input, { matchers: [bundledMatcher()], force: true });
    const db = new ReportLensDB(`page-report-${Math.random()}`);
    const saved = await storeReport(db, parsePageReport(buildPageReport(sessionOf(analysis, text), false)), { autoSave: true });
    expect(saved.saved).toBe(true);
    // Before: 99999999999999 (%), 1e22 (人) and the year 2103 (2099 + 4) were saved, and the library's
    // own export was then refused whole by its import ("targets[0].year: expected a year from 1949 to 2100").
    const stored = (await db.targets.toArray()).map((t) => [t.indicator, t.value, t.unit, t.year]);
    expect(stored).toEqual([
      ['地区生产总值', 6, '%', null],
      ['一般公共预算收入', 6, '%', 2099],
    ]);
    const data = parseImport(await exportAll(db));
    expect(data.targets.map((t) => [t.indicator, t.value, t.year])).toEqual([
      ['地区生产总值', 6, null],
      ['一般公共预算收入', 6, 2099],
    ]);
    await db.delete();
  });

  it.each<[string, (t: Target) => Target, string]>([
    ['a value past 1e12', (t) => ({ ...t, value: 1e22 }), 'page.targets[0].value: out of range'],
    ['a range end past 1e12', (t) => ({ ...t, valueMax: 2e12 }), 'page.targets[0].valueMax: out of range'],
    ['a target year past 2100', (t) => ({ ...t, year: 2104 }), 'page.targets[0].year: expected a year from 1949 to 2100'],
  ])('the background refuses a report with %s, as the import would refuse its export', (_, change, message) => {
    const report = buildPageReport(sessionOf({ report: { isReport: true, score: 1, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2024 }, script: 'simplified', terms: [], pageGlossary: [], targets: [change(target())] }, ''), false);
    expect(() => parsePageReport(report)).toThrow(message);
  });

  it('the background refuses a report whose page year is past 2100', () => {
    const report = buildPageReport(sessionOf({ report: { isReport: true, score: 1, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2101 }, script: 'simplified', terms: [], pageGlossary: [], targets: [] }, ''), false);
    expect(() => parsePageReport(report)).toThrow('report.year: expected a year from 1949 to 2100');
  });
});
