import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectTerms } from '../../../lib/analyze';
import { ReportLensDB, type UserEntryRecord } from '../../../lib/db/schema';
import {
  deleteUserEntry,
  exportUserGlossary,
  importUserGlossary,
  listUserEntries,
  saveUserEntry,
  liveUserMatcher,
  setUserEntryHidden,
  SurfaceTakenError,
  userMatcherFor,
} from '../../../lib/db/user-entries';
import { glossaryEntries } from '../../../lib/glossary/entries';
import { parseAddEntryRequest, parseIds } from '../../../lib/messaging/validate';
import {
  addEntryHash,
  cleanEntry,
  draftFrom,
  effectiveEntry,
  entryFromDraft,
  exportGlossary,
  EXPORT_FORMAT,
  mergeGlossary,
  newUserId,
  parseAddEntryHash,
  parseGlossaryFile,
  sameContent,
  searchEntries,
  surfaceClashes,
  userMatcher,
  validateDraft,
  type EntryDraft,
  type UserEntry,
} from '../../../lib/glossary/user';
import { foldText } from '../../../lib/text/normalize';
import type { GlossaryEntry } from '../../../lib/types';
import { entry, matcherFor } from './fixtures';

const bundled: GlossaryEntry[] = [
  entry('liu-wen', '六稳', { related: ['liu-bao'] }),
  entry('liu-bao', '六保'),
  entry('liu-wen-liu-bao', '六稳六保'),
  entry('hunan-san-gao-si-xin', '三高四新', { scope: { level: 'province', region: '湖南省' }, year: 2020 }),
];
const bundledMatcher = matcherFor(bundled);

const record = (e: GlossaryEntry, hidden = false, updatedAt = 1): UserEntryRecord => ({ ...e, hidden, updatedAt });
const mine = (id: string, term: string, more: Partial<GlossaryEntry> = {}) =>
  entry(id, term, { definition: `用户对${term}的解释`, sources: [{ title: '我的笔记', issuer: '本人', year: 2024 }], ...more });

/** [text, source, entry] of what the pipeline finds with the user's records in front. */
function terms(text: string, records: UserEntry[]) {
  const user = userMatcher(records);
  const matchers = user ? [user, bundledMatcher] : [bundledMatcher];
  return collectTerms(foldText(text), matchers, [], true).map((s) => [s.text, s.source, s.entry]);
}

describe('user entries in the pipeline', () => {
  it('finds a user entry with a new surface form, in any script, as a user term', () => {
    const records = [record(mine('user-a', '三清三建'))];
    expect(terms('扎实推进社区“三清三建”升级版，落实“六稳”', records)).toEqual([
      ['三清三建', 'user', 'user-a'],
      ['六稳', 'glossary', 'liu-wen'],
    ]);
    expect(terms('推進“三清三建”', records)).toEqual([['三清三建', 'user', 'user-a']]);
  });

  it('lets the user entry win where it overlaps a bundled one', () => {
    const records = [record(mine('user-b', '高四新战'))];
    // Leftmost-longest within one matcher, but across matchers the first list wins on overlap.
    expect(terms('落实三高四新战略', records)).toEqual([['高四新战', 'user', 'user-b']]);
  });

  it('an override keeps the bundled id, so the tooltip shows the user text for the same term', () => {
    const override = record({ ...bundled[3]!, definition: '我自己的解释' });
    expect(terms('奋力推进三高四新', [override])).toEqual([['三高四新', 'user', 'hunan-san-gao-si-xin']]);
    expect(effectiveEntry(bundled[3], override)?.definition).toBe('我自己的解释');
    expect(effectiveEntry(bundled[3], undefined)).toBe(bundled[3]);
  });

  it('drops a hidden entry altogether: not highlighted, not 未收录, not replaced by a shorter term', () => {
    const hidden = [record(bundled[2]!, true), record(bundled[3]!, true)];
    expect(terms('做好“六稳六保”，实现“三高四新”，“六稳”先行', [])).toEqual([
      ['六稳六保', 'glossary', 'liu-wen-liu-bao'],
      ['三高四新', 'glossary', 'hunan-san-gao-si-xin'],
      ['六稳', 'glossary', 'liu-wen'],
    ]);
    expect(terms('做好“六稳六保”，实现“三高四新”，“六稳”先行', hidden)).toEqual([['六稳', 'glossary', 'liu-wen']]);
    expect(effectiveEntry(bundled[3], hidden[1])).toBeNull();
  });

  it('has no matcher when the user has no records', () => {
    expect(userMatcher([])).toBeNull();
  });
});

describe('mergeGlossary', () => {
  it('lists own entries first (newest first), then bundled ones with what the user did to them', () => {
    const rows = mergeGlossary(bundled, [
      record(mine('user-old', '甲一'), false, 1),
      record(mine('user-new', '乙二'), false, 5),
      record({ ...bundled[1]!, definition: '改过' }),
      record(bundled[2]!, true),
    ]);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['user-new', 'mine'],
      ['user-old', 'mine'],
      ['liu-wen', 'bundled'],
      ['liu-bao', 'edited'],
      ['liu-wen-liu-bao', 'hidden'],
      ['hunan-san-gao-si-xin', 'bundled'],
    ]);
    expect(rows[3]!.entry.definition).toBe('改过');
    expect(rows[3]!.entry).not.toHaveProperty('hidden');
  });
});

describe('surfaceClashes', () => {
  it('refuses a surface another visible entry has, after folding', () => {
    expect(surfaceClashes(bundled, [], [mine('user-x', '六穩')])).toEqual([
      { surface: '六穩', id: 'user-x', ownerId: 'liu-wen', ownerTerm: '六稳' },
    ]);
    expect(surfaceClashes(bundled, [record(mine('user-y', '三清三建'))], [mine('user-x', '甲', { aliases: ['三清三建'] })])).toEqual([
      { surface: '三清三建', id: 'user-x', ownerId: 'user-y', ownerTerm: '三清三建' },
    ]);
  });

  it('allows an override its own surfaces, and a surface whose bundled owner is hidden', () => {
    expect(surfaceClashes(bundled, [], [{ ...bundled[0]!, definition: '新' }])).toEqual([]);
    expect(surfaceClashes(bundled, [record(bundled[0]!, true)], [mine('user-x', '六稳')])).toEqual([]);
  });
});

describe('the editor form', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const filled = (more: Partial<EntryDraft> = {}): EntryDraft => ({
    ...draftFrom(null, { term: '三清三建' }, now),
    definition: '清理…建设…',
    gloss: 'three clean-ups, three builds',
    sourceTitle: '衡阳市政府工作报告',
    sourceIssuer: '衡阳市人民政府',
    ...more,
  });

  it('turns a bundled entry into a form and back without changing it', () => {
    for (const e of glossaryEntries()) expect(sameContent(entryFromDraft(draftFrom(e), e.id, e), e), e.id).toBe(true);
  });

  it('prefills a new entry from the tooltip button, keeping only an http(s) page as source', () => {
    const d = draftFrom(null, { term: ' 三清三建 ', url: 'https://www.hengyang.gov.cn/a.html', title: '报告' }, now);
    expect([d.id, d.term, d.sourceUrl, d.sourceTitle, d.sourceYear, d.level]).toEqual([
      null, '三清三建', 'https://www.hengyang.gov.cn/a.html', '报告', '2025', 'national',
    ]);
    expect(draftFrom(null, { term: '甲', url: 'file:///x.html', title: '报告' }, now).sourceUrl).toBe('');
  });

  it('dates the page as a source by the page’s own year, not by today’s', () => {
    const page = { term: '一拆二改三清四化', url: 'http://www.hengyang.gov.cn/a.html', title: '政府工作报告解读④' };
    // Before: a 2022 report was cited as published this year (2025 here).
    expect(draftFrom(null, { ...page, year: 2022 }, now).sourceYear).toBe('2022');
    // No year read on the page, or one no source can have: this year, for the reader to correct.
    expect(draftFrom(null, { ...page, year: null }, now).sourceYear).toBe('2025');
    expect(draftFrom(null, { ...page, year: 2035 }, now).sourceYear).toBe('2025');
    // The year belongs to the page: without the page as source there is none to date.
    expect(draftFrom(null, { term: '甲', url: 'file:///x.html', title: '报告', year: 2022 }, now).sourceYear).toBe('2025');
  });

  it('builds a valid entry from a filled form', () => {
    const e = entryFromDraft(filled({ aliases: '三清三建升级版\n 三清三建工作 \n三清三建升级版\n', components: '清垃圾\n\n 清杂物 \n', year: '2020' }), 'user-a', null);
    expect(e).toEqual({
      id: 'user-a', term: '三清三建', aliases: ['三清三建升级版', '三清三建工作'], components: ['清垃圾', '清杂物'],
      definition: '清理…建设…', gloss: 'three clean-ups, three builds', scope: { level: 'national' }, year: 2020,
      related: [], sources: [{ title: '衡阳市政府工作报告', issuer: '衡阳市人民政府', year: 2025 }],
    });
    expect(validateDraft(filled(), 'user-a', null, bundled, [], now)).toEqual([]);
  });

  it('names every problem by field', () => {
    const d = filled({
      term: '“三清”', aliases: '六稳\n甲\n甲', definition: ' ', gloss: '', level: 'city', region: '', year: '20', sourceTitle: '',
      sourceIssuer: '', sourceYear: '3000', sourceUrl: 'ftp://x',
    });
    expect(validateDraft(d, 'user-a', null, bundled, [], now)).toEqual([
      { field: 'term', code: 'quotes' },
      { field: 'aliases', code: 'duplicate', arg: '甲' },
      { field: 'definition', code: 'required' },
      { field: 'gloss', code: 'required' },
      { field: 'region', code: 'required' },
      { field: 'year', code: 'year' },
      { field: 'sourceTitle', code: 'required' },
      { field: 'sourceIssuer', code: 'required' },
      { field: 'sourceYear', code: 'year' },
      { field: 'sourceUrl', code: 'url' },
    ]);
    expect(validateDraft(filled({ term: '六穩' }), 'user-a', null, bundled, [], now)).toEqual([
      { field: 'term', code: 'taken', arg: '六穩|六稳' },
    ]);
    expect(validateDraft(filled({ aliases: '六保' }), 'user-a', null, bundled, [], now)).toEqual([
      { field: 'aliases', code: 'taken', arg: '六保|六保' },
    ]);
  });

  it('gives new entries schema-valid ids that never collide', () => {
    const taken = new Set(['user-1', 'user-1-2']);
    expect(newUserId((id) => taken.has(id), 1)).toBe('user-1-3');
    expect(newUserId(() => false, 1_700_000_000_000)).toMatch(/^user-[a-z0-9]+$/);
  });
});

describe('export and import parsing', () => {
  const records = [record(mine('user-a', '三清三建')), record({ ...bundled[3]!, definition: '改过' }), record(bundled[0]!, true)];

  it('exports {format, version, entries} with hidden marked and bookkeeping left out', () => {
    const file = exportGlossary(records);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.version).toBe(1);
    expect(file.entries.map((e) => [e.id, e.hidden])).toEqual([
      ['hunan-san-gao-si-xin', undefined],
      ['liu-wen', true],
      ['user-a', undefined],
    ]);
    expect(JSON.stringify(file)).not.toContain('updatedAt');
    const back = parseGlossaryFile(JSON.stringify(file));
    expect(back.ok && back.entries.map((e) => [e.id, e.hidden, e.definition])).toEqual([
      ['hunan-san-gao-si-xin', false, '改过'],
      ['liu-wen', true, bundled[0]!.definition],
      ['user-a', false, '用户对三清三建的解释'],
    ]);
  });

  it('refuses files that are not JSON, not ours, or of another version', () => {
    const code = (text: string) => {
      const r = parseGlossaryFile(text);
      return r.ok ? 'ok' : r.problems.map((p) => p.code).join(',');
    };
    expect(code('{"format": "report-lens-glossary", "version": 1, "entries": [')).toBe('notJson');
    expect(code('{"name": "report-lens", "version": "0.1.0"}')).toBe('foreign');
    expect(code('[{"id": "liu-wen"}]')).toBe('foreign');
    expect(code('{"entries": []}')).toBe('foreign');
    // The library's export: named, so the reader is sent to the library rather than told "not ours".
    expect(code('{"format": "report-lens", "version": 1, "pages": [], "targets": []}')).toBe('library');
    expect(code('{"format": "report-lens-glossary", "version": 2, "entries": []}')).toBe('version');
    expect(code('{"format": "report-lens-glossary", "version": 1}')).toBe('noEntries');
    expect(code('\uFEFF{"format": "report-lens-glossary", "version": 1, "entries": []}')).toBe('ok');
  });

  it('refuses a file with an invalid entry, naming the entry and the problem', () => {
    const bad = { ...mine('user-a', '三清三建'), gloss: '' };
    const r = parseGlossaryFile(JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: [mine('user-b', '甲乙'), bad, { ...mine('user-c', '丙丁'), hidden: 'yes' }] }));
    expect(r).toEqual({
      ok: false,
      problems: [
        { code: 'invalid', entry: 2, term: '三清三建', detail: 'gloss must be a non-empty string' },
        { code: 'invalid', entry: 3, term: '丙丁', detail: 'hidden must be true or false' },
      ],
    });
  });

  it('refuses an id longer than the tooltip can ask for, and takes one at the limit', () => {
    const long = `user-${'a'.repeat(196)}`;
    const r = parseGlossaryFile(JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: [mine(long, '甲乙')] }));
    // Before: imported, highlighted on pages, but getEntries refused the id (longer than 200 characters)
    // and the tooltip never got its definition.
    expect(r).toEqual({ ok: false, problems: [{ code: 'invalid', entry: 1, term: '甲乙', detail: 'id is longer than 200 characters' }] });
    const atLimit = long.slice(0, 200);
    expect(parseGlossaryFile(JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: [mine(atLimit, '甲乙')] })).ok).toBe(true);
    expect(parseIds([atLimit])).toEqual([atLimit]);
    expect(() => parseIds([long])).toThrow('longer than 200 characters');
  });

  it('refuses duplicate ids and duplicate surfaces inside the file', () => {
    const r = parseGlossaryFile(
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: [mine('user-a', '三清三建'), mine('user-a', '甲乙'), mine('user-b', '三清三建')] }),
    );
    expect(!r.ok && r.problems.map((p) => [p.code, p.entry])).toEqual([
      ['duplicateId', 2],
      ['duplicateSurface', 3],
    ]);
  });
});

describe('opening the editor from a tooltip', () => {
  it('carries term, sentence and page through the options page hash, whatever they contain', () => {
    const request = { term: '三清三建', context: '推进“三清三建”升级版&加快#改造 100%', url: 'https://www.hengyang.gov.cn/a?b=1&c=2', title: '衡阳 目标篇', year: 2020 };
    expect(parseAddEntryHash(addEntryHash(request))).toEqual(request);
    expect(parseAddEntryHash(addEntryHash({ ...request, year: null }))).toEqual({ ...request, year: null });
    expect(parseAddEntryHash('#add=甲&year=abc')?.year).toBeNull();
    expect(parseAddEntryHash('#context=x')).toBeNull();
    expect(parseAddEntryHash('')).toBeNull();
  });

  it('checks the content script\'s request and keeps only a web page as the source', () => {
    expect(parseAddEntryRequest({ term: '甲', context: '', url: 'file:///x.html', title: 't' }).url).toBe('');
    expect(parseAddEntryRequest({ term: '甲', context: '', url: 'http://a.gov.cn/', title: 't' }).url).toBe('http://a.gov.cn/');
    expect(() => parseAddEntryRequest({ term: '甲'.repeat(101), context: '', url: '', title: '' })).toThrow(/addEntry.term/);
    expect(() => parseAddEntryRequest({ term: 1 })).toThrow(/addEntry/);
    expect(parseAddEntryRequest({ term: '甲', context: '', url: '', title: '', year: 2022 }).year).toBe(2022);
    expect(parseAddEntryRequest({ term: '甲', context: '', url: '', title: '' }).year).toBeNull();
    expect(() => parseAddEntryRequest({ term: '甲', context: '', url: '', title: '', year: '2022' })).toThrow(/addEntry.year/);
  });
});

describe('searchEntries', () => {
  const rows = mergeGlossary(bundled, [record(mine('user-a', '三清三建', { gloss: 'Three Cleanups' }))]);
  it('finds by term in either script, alias, gloss, definition or id', () => {
    expect(searchEntries(rows, '六穩').map((r) => r.id)).toEqual(['liu-wen', 'liu-wen-liu-bao']);
    expect(searchEntries(rows, 'cleanups').map((r) => r.id)).toEqual(['user-a']);
    expect(searchEntries(rows, '湖南 三高').map((r) => r.id)).toEqual([]);
    expect(searchEntries(rows, 'gao-si').map((r) => r.id)).toEqual(['hunan-san-gao-si-xin']);
    expect(searchEntries(rows, '  ').length).toBe(rows.length);
  });
});

describe('the store (Dexie)', () => {
  let db: ReportLensDB;
  beforeEach(() => {
    db = new ReportLensDB(`test-user-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });
  const snapshot = async () => (await listUserEntries(db)).map(({ updatedAt: _, ...r }) => r);

  it('saves own entries and overrides, and drops an override that equals the bundled entry', async () => {
    await saveUserEntry(db, mine('user-a', '三清三建'), undefined, 1);
    await saveUserEntry(db, { ...bundled[3]!, definition: '改过' }, bundled[3], 2);
    expect((await snapshot()).map((r) => [r.id, r.definition, r.hidden])).toEqual([
      ['hunan-san-gao-si-xin', '改过', false],
      ['user-a', '用户对三清三建的解释', false],
    ]);
    await saveUserEntry(db, cleanEntry(bundled[3]!), bundled[3], 3);
    expect((await snapshot()).map((r) => r.id)).toEqual(['user-a']);
    await expect(saveUserEntry(db, { ...mine('user-b', '甲'), sources: [] }, undefined)).rejects.toThrow(/source/);
  });

  it('hides and shows bundled entries; showing an unedited one leaves no record', async () => {
    await setUserEntryHidden(db, 'liu-wen', true, bundled);
    expect((await snapshot()).map((r) => [r.id, r.hidden])).toEqual([['liu-wen', true]]);
    await setUserEntryHidden(db, 'liu-wen', false, bundled);
    expect(await snapshot()).toEqual([]);
    await saveUserEntry(db, { ...bundled[1]!, definition: '改过' }, bundled[1]);
    await setUserEntryHidden(db, 'liu-bao', true, bundled);
    await setUserEntryHidden(db, 'liu-bao', false, bundled);
    expect((await snapshot()).map((r) => [r.id, r.hidden, r.definition])).toEqual([['liu-bao', false, '改过']]);
  });

  it('refuses to show a hidden entry whose term another visible entry took meanwhile, and changes nothing', async () => {
    await setUserEntryHidden(db, 'liu-wen', true, bundled, 1);
    // While it is hidden its term is free, so the form lets the user give it to an entry of their own.
    await saveUserEntry(db, mine('user-x', '六稳'), undefined, 2);
    const before = await snapshot();
    const shown = setUserEntryHidden(db, 'liu-wen', false, bundled, 3);
    await expect(shown).rejects.toBeInstanceOf(SurfaceTakenError);
    await expect(shown).rejects.toMatchObject({
      name: 'SurfaceTakenError',
      id: 'liu-wen',
      term: '六稳',
      clashes: [{ surface: '六稳', id: 'liu-wen', ownerId: 'user-x', ownerTerm: '六稳' }],
    });
    await expect(shown).rejects.toThrow('cannot show 六稳 (liu-wen): “六稳” already belongs to “六稳” (user-x)');
    expect(await snapshot()).toEqual(before);
    // So the user's own export still imports, here and into a fresh profile.
    const file = JSON.stringify(await exportUserGlossary(db));
    expect(await importUserGlossary(db, file, bundled)).toEqual({ ok: true, added: 0, replaced: 2 });
    const fresh = new ReportLensDB(`test-user-${Math.random()}`);
    expect(await importUserGlossary(fresh, file, bundled)).toEqual({ ok: true, added: 2, replaced: 0 });
    await fresh.delete();
    // Once the own entry is gone the bundled one can be shown again.
    await deleteUserEntry(db, 'user-x');
    await setUserEntryHidden(db, 'liu-wen', false, bundled, 4);
    expect(await snapshot()).toEqual([]);
  });

  it('checks an override\'s own surfaces and the bundled ones when it is shown; own entries too', async () => {
    // A hidden override with a new alias; the alias goes to an own entry while it is hidden.
    await saveUserEntry(db, { ...bundled[1]!, aliases: ['保六'] }, bundled[1], 1);
    await setUserEntryHidden(db, 'liu-bao', true, bundled, 2);
    await saveUserEntry(db, mine('user-a', '保六'), undefined, 3);
    await expect(setUserEntryHidden(db, 'liu-bao', false, bundled, 4)).rejects.toMatchObject({
      clashes: [{ surface: '保六', id: 'liu-bao', ownerId: 'user-a', ownerTerm: '保六' }],
    });
    // The bundled term of the override, taken in another script.
    await deleteUserEntry(db, 'user-a');
    await saveUserEntry(db, mine('user-b', '六保', { aliases: [] }), undefined, 5);
    await expect(setUserEntryHidden(db, 'liu-bao', false, bundled, 6)).rejects.toMatchObject({
      clashes: [{ surface: '六保', ownerId: 'user-b' }],
    });
    expect((await snapshot()).map((r) => [r.id, r.hidden])).toEqual([
      ['liu-bao', true],
      ['user-b', false],
    ]);
    // A hidden own entry (an import may carry one) whose term a bundled entry has.
    await db.userEntries.put({ ...mine('user-c', '六稳六保'), hidden: true, updatedAt: 7 });
    await expect(setUserEntryHidden(db, 'user-c', false, bundled, 8)).rejects.toMatchObject({
      clashes: [{ surface: '六稳六保', ownerId: 'liu-wen-liu-bao' }],
    });
    // Hiding never clashes.
    await setUserEntryHidden(db, 'user-b', true, bundled, 9);
    await setUserEntryHidden(db, 'liu-bao', false, bundled, 10);
    expect((await snapshot()).map((r) => [r.id, r.hidden])).toEqual([
      ['liu-bao', false],
      ['user-b', true],
      ['user-c', true],
    ]);
  });

  it('round-trips export → delete → import', async () => {
    await saveUserEntry(db, mine('user-a', '三清三建'), undefined);
    await saveUserEntry(db, { ...bundled[3]!, definition: '改过' }, bundled[3]);
    await setUserEntryHidden(db, 'liu-wen', true, bundled);
    const before = await snapshot();
    const file = JSON.stringify(await exportUserGlossary(db));
    for (const r of before) await deleteUserEntry(db, r.id);
    expect(await snapshot()).toEqual([]);
    expect(await importUserGlossary(db, file, bundled)).toEqual({ ok: true, added: 3, replaced: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await importUserGlossary(db, file, bundled)).toEqual({ ok: true, added: 0, replaced: 3 });
    expect(await snapshot()).toEqual(before);
  });

  it('changes nothing when a file is refused, whether by its own content or by what is stored', async () => {
    await saveUserEntry(db, mine('user-a', '三清三建'), undefined);
    const before = await snapshot();
    const broken = await importUserGlossary(db, '{"format":"report-lens-glossary","version":1,"entries":[{"id":"x"}]}', bundled);
    expect(broken.ok).toBe(false);
    const clash = JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: [mine('user-b', '甲乙'), mine('user-c', '三清三建')] });
    expect(await importUserGlossary(db, clash, bundled)).toEqual({
      ok: false,
      problems: [{ code: 'taken', entry: 2, term: '三清三建', detail: '三清三建|三清三建' }],
    });
    const bundledClash = JSON.stringify({ format: EXPORT_FORMAT, version: 1, entries: [mine('user-d', '六稳')] });
    expect((await importUserGlossary(db, bundledClash, bundled)).ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('builds the pipeline matcher again only when a record changed', async () => {
    expect(await userMatcherFor(db)).toBeNull();
    await saveUserEntry(db, mine('user-a', '三清三建'), undefined, 1);
    const m = await userMatcherFor(db);
    expect(m?.ids).toEqual(['user-a']);
    expect(await userMatcherFor(db)).toBe(m);
    await setUserEntryHidden(db, 'liu-wen', true, bundled, 2);
    const m2 = await userMatcherFor(db);
    expect(m2).not.toBe(m);
    expect([...(m2?.hidden ?? [])]).toEqual(['liu-wen']);
  });

  describe('liveUserMatcher (the background keeps the matcher between pages)', () => {
    const reads = () => vi.spyOn(db.userEntries, 'toArray');
    const settle = () => new Promise((r) => setTimeout(r, 20));

    it('reads the table once, and again only after a write to it', async () => {
      await saveUserEntry(db, mine('user-a', '三清三建'), undefined, 1);
      const live = liveUserMatcher(db);
      const spy = reads();
      const m = await live.get();
      expect(m?.ids).toEqual(['user-a']);
      expect(await live.get()).toBe(m);
      expect(spy).toHaveBeenCalledTimes(1);
      // A write elsewhere in the database keeps it.
      await db.pages.clear();
      expect(await live.get()).toBe(m);
      expect(spy).toHaveBeenCalledTimes(1);
      await saveUserEntry(db, mine('user-b', '一主一辅'), undefined, 2);
      const m2 = await live.get();
      expect(m2?.ids).toEqual(['user-a', 'user-b']);
      expect(spy).toHaveBeenCalledTimes(2);
      live.stop();
    });

    it("drops it when another context of the origin writes the table (Dexie's BroadcastChannel)", async () => {
      // Creating the database counts as a change to every table; let that pass first.
      await db.open();
      await settle();
      const live = liveUserMatcher(db);
      expect(await live.get()).toBeNull();
      // The options page's write: straight into IndexedDB, unseen by this context's Dexie…
      const record: UserEntryRecord = { ...cleanEntry(mine('user-a', '三清三建')), hidden: false, updatedAt: 1 };
      await new Promise<void>((resolve, reject) => {
        const tx = db.backendDB().transaction('userEntries', 'readwrite');
        tx.objectStore('userEntries').put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      expect(await live.get()).toBeNull();
      // …then what that page's Dexie posts after the commit.
      const other = new BroadcastChannel('x-storagemutated-1');
      try {
        other.postMessage({ [`idb://${db.name}/userEntries/`]: { d: 0 } });
        await settle();
        expect((await live.get())?.ids).toEqual(['user-a']);
      } finally {
        other.close();
        live.stop();
      }
    });

    it('does not keep a failed read', async () => {
      const live = liveUserMatcher(db);
      const spy = reads().mockRejectedValueOnce(new Error('disk'));
      await expect(live.get()).rejects.toThrow('disk');
      expect(await live.get()).toBeNull();
      expect(spy).toHaveBeenCalledTimes(2);
      live.stop();
    });
  });
});
