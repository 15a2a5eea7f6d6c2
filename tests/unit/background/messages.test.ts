import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getDb } from '../../../lib/db/schema';
import { savePageReport } from '../../../lib/db/pages';
import type { PageReport, WireAnalysis } from '../../../lib/messaging/protocol';
import { unpackTerms } from '../../../lib/messaging/term-wire';
import { contentScriptOn, extensionPage, send, startBackground } from '../helpers/background';

const report = (url: string, value = 5, readAt = 1_700_000_000_000): PageReport => ({
  url,
  title: '2024年政府工作报告',
  script: 'simplified',
  termCount: 0,
  terms: [],
  requested: true,
  readAt,
  report: { isReport: true, score: 9, kind: 'work-report', reasons: [], region: null, regionKey: null, year: 2024 },
  targets: [
    {
      kind: 'main', indicator: '地区生产总值', indicatorKey: 'gdp', value, valueMax: null, unit: '%', qualifier: '左右', direction: 'increase',
      hedge: '', year: 2024, section: '', sentence: `地区生产总值增长${value}%左右`, start: 0, end: 12, regionKey: null, prefix: '', suffix: '',
    },
  ],
});

const GOV = 'https://www.gov.cn/zhengce/report.html';

describe('the background at its message boundary (entrypoints/background.ts)', () => {
  beforeAll(startBackground);
  beforeEach(async () => {
    const db = getDb();
    await db.pages.clear();
    await db.targets.clear();
    await db.removals.clear();
    await fakeBrowser.storage.session.clear();
  });

  it('removes a page only when an extension page asks; a content script is refused and nothing is lost', async () => {
    const db = getDb();
    await savePageReport(db, report(GOV));
    const refused = await send('removePage', { url: GOV }, contentScriptOn('https://evil.example/'));
    expect(refused?.err?.name).toBe('MessageError');
    expect(refused?.err?.message).toContain('only the extension');
    expect(await db.pages.count()).toBe(1);
    expect(await db.targets.count()).toBe(1);
    // The same page's own content script may not either: removing is the library's and the popup's.
    expect((await send('removePage', { url: GOV }, contentScriptOn(GOV)))?.err?.name).toBe('MessageError');
    expect(await send('removePage', { url: GOV }, extensionPage('library.html'))).toEqual({ res: { removed: true } });
    expect(await db.pages.count()).toBe(0);
    expect(await db.targets.count()).toBe(0);
  });

  it('does not let a tab put back a page removed after the tab read it; a later read saves it', async () => {
    const db = getDb();
    const tab = contentScriptOn(GOV);
    const readAt = Date.now() - 60_000;
    expect((await send('reportPage', { json: JSON.stringify(report(GOV, 5, readAt)) }, tab))?.res).toMatchObject({ saved: true });
    await send('removePage', { url: GOV }, extensionPage('library.html'));
    expect(await send('reportPage', { json: JSON.stringify(report(GOV, 6, readAt)) }, tab)).toEqual({ res: { pageId: null, saved: false, removed: true } });
    expect(await db.pages.count()).toBe(0);
    expect((await send('reportPage', { json: JSON.stringify(report(GOV, 7, Date.now() + 1)) }, tab))?.res).toMatchObject({ saved: true });
    expect((await db.targets.toArray()).map((t) => t.value)).toEqual([7]);
  });

  it('stores a page report only for the sender’s own site', async () => {
    const db = getDb();
    const forged = await send('reportPage', { json: JSON.stringify(report(GOV, 99)) }, contentScriptOn('https://evil.example/page.html'));
    expect(forged?.err?.name).toBe('MessageError');
    expect(await db.pages.count()).toBe(0);
    const own = await send('reportPage', { json: JSON.stringify(report(GOV)) }, contentScriptOn('https://www.gov.cn/zhengce/report.html#part2'));
    expect(own?.err).toBeUndefined();
    expect((await db.targets.toArray()).map((t) => t.value)).toEqual([5]);
    // Another site cannot overwrite it either.
    await send('reportPage', { json: JSON.stringify(report(GOV, 99)) }, contentScriptOn('https://www.gov.cn.evil.example/'));
    expect((await db.targets.toArray()).map((t) => t.value)).toEqual([5]);
  });

  it('refuses tab actions from content scripts', async () => {
    for (const type of ['savePage', 'annotateTab', 'toggleScriptTab', 'tabState']) {
      const r = await send(type, { tabId: 3 }, contentScriptOn(GOV));
      expect(r?.err?.name, type).toBe('MessageError');
      expect(r?.err?.message, type).toContain('only the extension');
    }
    const bad = await send('savePage', { tabId: 'three' }, extensionPage());
    expect(bad?.err).toMatchObject({ name: 'MessageError', message: 'tabId: expected a finite number' });
  });

  it('does not save or show a state whose targets neither the worker nor the page could give as one with none', async () => {
    const db = getDb();
    await savePageReport(db, report(GOV));
    // A token this worker does not hold (it restarted), and the page still names them by it.
    const byToken = { ...report(GOV), targets: [], targetsToken: '0f8fad5b-d9cb-469f-a165-70867728950e', annotated: false, pageId: null, saved: false };
    const asked: unknown[] = [];
    const spy = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string; data?: unknown }) => {
      asked.push(message.data);
      return message.type === 'getPageState' ? { res: byToken } : { res: undefined };
    }) as never);
    try {
      expect((await send('tabState', { tabId: 7 }, extensionPage()))?.res).toBeNull();
      expect((await send('savePage', { tabId: 7 }, extensionPage()))?.res).toMatchObject({ saved: false });
      expect(asked).toContainEqual({ withTargets: true });
      expect((await db.targets.toArray()).map((t) => t.value)).toEqual([5]);
    } finally {
      spy.mockRestore();
    }
  });

  it('reads a page report sent as JSON text, in parts when long; refuses text that is not JSON or not a report', async () => {
    const tab = contentScriptOn(GOV);
    const long = report(GOV);
    long.targets = Array.from({ length: 400 }, (_, i) => ({ ...long.targets[0]!, value: i, sentence: `第${i}项：${'地区生产总值增长。'.repeat(30)}` }));
    const json = JSON.stringify(long);
    expect(json.length).toBeGreaterThan(100_000);
    const id = 'b'.repeat(32);
    await send('pageText', { id, part: json.slice(0, 100_000), at: 0 }, tab);
    expect((await send('reportPage', { json: json.slice(100_000), textId: id }, tab))?.res).toMatchObject({ saved: true });
    expect((await getDb().targets.toArray()).map((t) => t.value).sort((a, b) => a! - b!)).toEqual(long.targets.map((t) => t.value));
    expect((await send('reportPage', { json: json.slice(100_000), textId: id }, tab))?.err).toMatchObject({
      name: 'MessageError',
      message: "reportPage.textId: the text's earlier parts are gone (the worker restarted?)",
    });
    expect((await send('reportPage', { json: '{"url":' }, tab))?.err).toMatchObject({ name: 'MessageError', message: 'reportPage.json: not JSON' });
    expect((await send('reportPage', { json: JSON.stringify({ ...report(GOV), targets: 'x' }) }, tab))?.err).toMatchObject({ name: 'MessageError', message: 'page.targets: expected an array' });
    expect((await send('reportPage', { report: report(GOV) }, tab))?.err).toMatchObject({ name: 'MessageError', message: 'reportPage.json: expected a string' });
  });

  it('saves the targets it holds for a report that names them by token, to that tab only; a token it lost is said so', async () => {
    const db = getDb();
    const text = '2024年政府工作报告\n今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。\n二、2024年重点工作';
    const input = { text, title: '2024年政府工作报告', url: GOV, headings: [] };
    const tab = contentScriptOn(GOV);
    const analysis = (await send('analyzePage', { input, force: false, deferTargets: true }, tab))?.res as WireAnalysis;
    expect(analysis.targets).toEqual([]);
    const token = analysis.targetsToken!;
    const withoutTargets = JSON.stringify({ ...report(GOV), targets: [] });
    // Another tab, even on the same site, does not get this page's targets: nothing is saved.
    expect(await send('reportPage', { json: withoutTargets, targetsToken: token }, contentScriptOn(GOV, 8))).toEqual({ res: { pageId: null, saved: false, targetsGone: true } });
    expect(await db.pages.count()).toBe(0);
    expect((await send('reportPage', { json: withoutTargets, targetsToken: token }, tab))?.res).toMatchObject({ saved: true });
    const saved = await db.targets.toArray();
    // Each quotes its sentence and the page text around it, as the page's own report would.
    expect(saved.map((t) => [t.indicator, t.value, t.unit, t.quote.exact, t.quote.prefix, t.quote.suffix])).toEqual([
      ['地区生产总值', 6, '%', '今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。', '2024年政府工作报告\n', '\n二、2024年重点工作'],
      ['城镇调查失业率', 5.5, '%', '今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。', '2024年政府工作报告\n', '\n二、2024年重点工作'],
    ]);
    // Reported again (content the page added later): the same targets, still held.
    expect((await send('reportPage', { json: withoutTargets, targetsToken: token }, tab))?.res).toMatchObject({ saved: true });
    expect(await db.targets.count()).toBe(2);
    // Once the page fetched them, it reports them itself; a token this worker does not hold is said so.
    expect(((await send('pageTargets', { token }, tab))?.res as unknown[]).length).toBe(2);
    expect(await send('reportPage', { json: withoutTargets, targetsToken: token }, tab)).toEqual({ res: { pageId: null, saved: false, targetsGone: true } });
    expect((await send('reportPage', { json: withoutTargets, targetsToken: '<b>' }, tab))?.err).toMatchObject({ name: 'MessageError', message: 'token: expected a UUID' });
    expect(await db.targets.count()).toBe(2);
  });

  it('answers a message without data with a MessageError naming it, never a TypeError', async () => {
    const page = contentScriptOn(GOV);
    for (const [type, sender] of [
      ['pageText', page],
      ['analyzePage', page],
      ['matchText', page],
      ['getEntries', page],
      ['pageTargets', page],
      ['reportPage', page],
      ['removePage', extensionPage()],
      ['savePage', extensionPage()],
      ['annotateTab', extensionPage()],
      ['toggleScriptTab', extensionPage()],
    ] as const) {
      const r = await send(type, null, sender);
      expect(r?.err?.name, type).toBe('MessageError');
    }
  });

  it('refuses a text whose first parts were dropped while its later ones came in (never analyses a piece as the whole)', async () => {
    const page = contentScriptOn(GOV);
    const id = 'c'.repeat(32);
    const first = '坚持稳中求进工作总基调。'.repeat(1000);
    const second = '全面落实六稳六保任务。'.repeat(1000);
    expect((await send('pageText', { id, part: first, at: 0 }, page))?.err).toBeUndefined();
    // Other tabs' long texts come in meanwhile, more than the background keeps: the first part goes.
    for (let n = 0; n < 20; n++) await send('pageText', { id: n.toString(16).padStart(32, 'd'), part: '字'.repeat(1_000_000), at: 0 }, contentScriptOn(GOV, 8 + n));
    await send('pageText', { id, part: second, at: first.length }, page);
    const input = { text: '深入实施三高四新战略。', title: '2024年政府工作报告', url: GOV, headings: [] };
    const r = await send('analyzePage', { input, force: true, deferTargets: true, textId: id }, page);
    expect(r?.err).toMatchObject({ name: 'MessageError', message: "analyzePage.textId: the text's earlier parts are gone (the worker restarted?)" });
    expect((await send('pageText', { id, part: first, at: -1 }, page))?.err).toMatchObject({ name: 'MessageError', message: 'at: expected an offset' });
  });

  it('checks every field of the page glossary a content script sends back', async () => {
    const entry = { term: '三高四新', key: '三高四新', definition: '……', marker: null, start: 0, end: 10 };
    const ok = await send('matchText', { text: '坚持三高四新战略', pageGlossary: [entry] }, contentScriptOn(GOV));
    expect(unpackTerms(ok?.res, '坚持三高四新战略').map((s) => s.text)).toContain('三高四新');
    const broken = await send('matchText', { text: '三高四新', pageGlossary: [{ ...entry, keys: [{ length: 5 }] }] }, contentScriptOn(GOV));
    expect(broken?.err).toMatchObject({ name: 'MessageError', message: 'pageGlossary[0].keys[0]: expected a string' });
    const huge = await send('matchText', { text: '三高四新', pageGlossary: [{ ...entry, keys: Array(300).fill('三高') }] }, contentScriptOn(GOV));
    expect(huge?.err).toMatchObject({ name: 'MessageError', message: 'pageGlossary[0].keys: more than 20 items' });
  });

  it('puts a long text back together from the parts sent ahead of it; parts gone are an error the content script can act on', async () => {
    const page = contentScriptOn(GOV);
    const id = 'a'.repeat(32);
    const first = '坚持稳中求进工作总基调。'.repeat(1000);
    const second = '全面落实六稳六保任务。'.repeat(1000);
    const rest = '深入实施三高四新战略。';
    const whole = first + second + rest;
    expect((await send('pageText', { id, part: first, at: 0 }, page))?.err).toBeUndefined();
    expect((await send('pageText', { id, part: second, at: first.length }, page))?.err).toBeUndefined();
    const input = { text: rest, title: '2024年政府工作报告', url: GOV, headings: [] };
    const r = await send('analyzePage', { input, force: true, deferTargets: true, textId: id }, page);
    const terms = unpackTerms((r?.res as WireAnalysis).terms, whole);
    expect(terms.filter((t) => t.text === '六稳六保')).toHaveLength(1000);
    expect(terms.find((t) => t.text === '三高四新')).toMatchObject({ start: whole.length - 7, end: whole.length - 3, source: 'glossary' });
    // A text's parts serve one message: asked again (or after a worker restart) they are gone.
    const again = await send('analyzePage', { input, force: true, deferTargets: true, textId: id }, page);
    expect(again?.err).toMatchObject({ name: 'MessageError', message: "analyzePage.textId: the text's earlier parts are gone (the worker restarted?)" });
    const matched = await send('matchText', { text: rest, pageGlossary: [], textId: id }, page);
    expect(matched?.err).toMatchObject({ name: 'MessageError', message: "matchText.textId: the text's earlier parts are gone (the worker restarted?)" });
    // Ids are what the content script makes (32 hex digits); parts are bounded.
    expect((await send('pageText', { id: 'x', part: first, at: 0 }, page))?.err).toMatchObject({ name: 'MessageError', message: 'id: expected 32 hex digits' });
    expect((await send('pageText', { id, part: 'x'.repeat(1_000_001), at: 0 }, page))?.err).toMatchObject({ name: 'MessageError', message: 'part: longer than 1000000 characters' });
  });
});
