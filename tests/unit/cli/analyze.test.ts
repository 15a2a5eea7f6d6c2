import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo, type FileResult } from '../../../lib/cli/analyze';
import { htmlPageInput, textPageInput } from '../../../lib/cli/input';
import { analyzePage } from '../../../lib/analyze';
import { bundledMatcher } from '../../../lib/glossary/bundled';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEEDS = join(ROOT, 'tests/fixtures/seeds');
const PAGES = join(ROOT, 'tests/fixtures/pages');
const seedTxt = (id: string) => join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(`${id}_`))!);
const seedHtml = (id: string) => join(PAGES, `seed-${id}.html`);

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readFile: (p) => readFileSync(p) };
  const code = runCli(argv, io);
  return { code, out, err };
}

const json = (argv: string[]) => {
  const r = run(argv);
  return { ...r, results: JSON.parse(r.out) as FileResult[] };
};

// Parsing the 218 KB page with happy-dom takes a second or more on a busy two-core machine; these are
// not timing tests, so give them room.
const SLOW = { timeout: 120_000 };

const tmp = mkdtempSync(join(tmpdir(), 'report-lens-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('analyze CLI: JSON on the seed texts', () => {
  const { code, err, results } = json([seedTxt('000'), seedTxt('001'), seedTxt('002'), seedTxt('003'), seedTxt('004')]);

  it('prints one object per file, in order, and exits 0', () => {
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(results.map((r) => r.file)).toEqual(['000', '001', '002', '003', '004'].map(seedTxt));
  });

  it('keeps the field names of issue 5', () => {
    for (const r of results) {
      expect(Object.keys(r)).toEqual(['file', 'report', 'terms', 'targets']);
      expect(Object.keys(r.report)).toEqual(expect.arrayContaining(['isReport', 'score', 'kind', 'region', 'year', 'reasons']));
      for (const t of r.terms) expect(Object.keys(t)).toEqual(['text', 'start', 'end', 'source', 'entry']);
      for (const t of r.targets) {
        expect(Object.keys(t)).toEqual(
          expect.arrayContaining(['kind', 'indicator', 'value', 'valueMax', 'unit', 'qualifier', 'direction', 'hedge', 'year', 'section', 'sentence', 'start', 'end']),
        );
      }
    }
  });

  it('seed 004: a 2022 work report of 衡南縣 with its main targets', () => {
    const r = results[4]!;
    expect(r.report).toMatchObject({ isReport: true, kind: 'work-report', region: '衡南縣', regionKey: '衡南县', year: 2022 });
    expect(r.report.score).toBeGreaterThan(0.5);
    expect(r.targets).toContainEqual(
      // The name as the page writes it, the key to group it by in simplified script.
      expect.objectContaining({ kind: 'main', indicator: '地區生產總值', indicatorKey: '地区生产总值', value: 8.5, valueMax: null, unit: '%', qualifier: '以上', direction: 'increase', year: 2022 }),
    );
    expect(r.terms.map((t) => t.text)).toEqual(expect.arrayContaining(['三高四新', '四區一花園']));
    expect(r.terms.find((t) => t.text === '三高四新')).toMatchObject({ source: 'glossary', entry: 'hunan-san-gao-si-xin' });
  });

  it('seed 004: the 名词解释 appendix of the text file yields no targets (the page already did not)', () => {
    // Its entries are numbered "28.“破零倍增”(P11):…增长率达30%以上": a guessed heading of level 2 each,
    // they used to close the appendix and two definitions became targets.
    const notes = readFileSync(seedTxt('004'), 'utf8').indexOf('相關名詞解釋');
    expect(notes).toBeGreaterThan(0);
    expect(results[4]!.targets.filter((t) => t.start > notes)).toEqual([]);
  });

  it('takes no field or goal line of a text file for a heading (发布时间：…, 来源：…, 目标：…), but 附件：名词解释', () => {
    const text = '某县政府工作报告\n发布时间：2024-01-20\n来源：县政府办\n目标：建设现代化新县城\n二、2024年工作安排\n附件：名词解释';
    expect(textPageInput(text).headings.map((h) => h.text)).toEqual(['某县政府工作报告', '二、2024年工作安排', '附件：名词解释']);
    // So the appendix's definitions stay definitions, not targets.
    const withNotes = '2024年某县政府工作报告\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n附件：名词解释\n1.高标准农田：指田块平整、集中连片，亩均粮食产量达到1000斤以上的农田。';
    expect(analyzePage(textPageInput(withNotes), { matchers: [bundledMatcher()], force: true }).targets.map((t) => `${t.indicator}${t.value}`)).toEqual(['地区生产总值6']);
  });

  it('takes no line that states a figure for a heading (a 数读 box), so its year dates no section before it', () => {
    const text =
      '数说2024年某市政府工作报告\n回望：经济回升向好\n2023年，全市地区生产总值增长5.9%。\n绿色发展：守住蓝天碧水\n今年全市空气质量优良天数比率稳定在90%以上。\n数读\n▶2023年　地区生产总值增长5.9%\n▶2024年　地区生产总值预期增长6%左右';
    expect(textPageInput(text).headings.map((h) => h.text)).toEqual(['数说2024年某市政府工作报告', '回望：经济回升向好', '绿色发展：守住蓝天碧水', '数读']);
    expect(analyzePage(textPageInput(text), { matchers: [bundledMatcher()], force: true }).targets.map((t) => `${t.indicator}${t.value}`)).toEqual([
      '空气质量优良天数比率90',
      '地区生产总值6',
    ]);
  });

  it('takes a text file\'s first line for its headline up to 80 characters, as a page\'s <h1>; later headings stay short', () => {
    const headline = '政策解读｜市发展改革委负责同志就《江屿市2026年国民经济和社会发展计划》答记者问';
    const long = '这是一行四十一个字符以上的普通文字但没有句号所以以前也不会被当成标题看待的内容呢对吧';
    const text = `${headline}\n问：2026年主要预期目标有哪些？\n${long}\n答：计划提出，2026年全市的主要预期目标是：地区生产总值增长5.5%左右。`;
    expect(headline.length).toBe(41);
    expect(long.length).toBeGreaterThan(40);
    expect(textPageInput(text).headings.map((h) => h.text)).toEqual([headline, '问：2026年主要预期目标有哪些？']);
    // So the 解读 headline says what the page is, and whose: it names 江屿市 in its 《》.
    const r = analyzePage(textPageInput(text), { matchers: [bundledMatcher()] });
    expect([r.report.isReport, r.report.kind, r.report.region, r.report.year]).toEqual([true, 'interpretation', '江屿市', 2026]);
  });

  it('guesses heading levels of a text file from the official numbering: 一、 （一） 1. （1）', () => {
    const text = '某县政府工作报告\n一、总体要求\n' + '正文，'.repeat(20) + '\n（一）主要目标\n1.经济发展\n（1）工业\n附录\n';
    expect(textPageInput(text).headings.map((h) => [h.text, h.level])).toEqual([
      ['某县政府工作报告', 1],
      ['一、总体要求', 2],
      ['（一）主要目标', 3],
      ['1.经济发展', 4],
      ['（1）工业', 5],
      ['附录', 2],
    ]);
  });

  it('offsets index the file text: terms and target sentences', () => {
    for (const [i, id] of ['000', '001', '002', '003', '004'].entries()) {
      const text = readFileSync(seedTxt(id), 'utf8');
      const r = results[i]!;
      expect(r.terms.length).toBeGreaterThan(0);
      for (const t of r.terms) expect(text.slice(t.start, t.end)).toBe(t.text);
      for (const t of r.targets) expect(text.slice(t.start, t.end)).toBe(t.sentence);
    }
  });
});

describe('analyze CLI: HTML pages read as the content script reads them', SLOW, () => {
  it('offsets index the page text of buildTextModel', () => {
    const files = ['001', '003', '004'].map(seedHtml);
    const { code, results } = json(files);
    expect(code).toBe(0);
    for (const [i, file] of files.entries()) {
      const text = htmlPageInput(readFileSync(file, 'utf8')).text;
      const r = results[i]!;
      expect(r.report.isReport).toBe(true);
      expect(r.terms.length).toBeGreaterThan(0);
      for (const t of r.terms) expect(text.slice(t.start, t.end)).toBe(t.text);
      for (const t of r.targets) expect(text.slice(t.start, t.end)).toBe(t.sentence);
    }
    // Terms split by inline tags read whole, as in the page (三高<b>四新</b>).
    expect(results[2]!.terms.map((t) => t.text)).toEqual(expect.arrayContaining(['三高四新', '一主一特雙總部']));
    expect(results[2]!.report).toMatchObject({ kind: 'work-report', region: '衡南縣', year: 2022 });
  });

  it('skips what the page does not show: scripts, styles, display:none, form fields', () => {
    const page = join(tmp, 'hidden.html');
    writeFileSync(
      page,
      '<!doctype html><html><head><title>标题</title><style>.off{display:none}</style></head><body>' +
        '<h1>一、总体要求</h1><p>坚持六稳</p><p class="off">六保</p><script>document.write("三高四新")</script>' +
        '<textarea>双减</textarea></body></html>',
    );
    const input = htmlPageInput(readFileSync(page, 'utf8'));
    expect(input.text).toBe('一、总体要求\n坚持六稳\n');
    expect(input.title).toBe('标题');
    expect(input.headings).toEqual([{ text: '一、总体要求', level: 1, start: 0 }]);
    const { results } = json(['--force', page]);
    expect(results[0]!.terms.map((t) => t.text)).toEqual(['六稳']);
  });

  it('a page that is not a report gets no terms unless --force', () => {
    const novel = join(ROOT, 'tests/fixtures/negative/novel-chapter.html');
    expect(json([novel]).results[0]!).toMatchObject({ report: { isReport: false }, terms: [], targets: [] });
  });
});

describe('analyze CLI: errors', SLOW, () => {
  it('a non-UTF-8 file and a missing file: errors on stderr, exit 1, the other files still printed', () => {
    const gbk = join(tmp, 'gbk.txt');
    // 政府工作报告 in GBK: not valid UTF-8.
    writeFileSync(gbk, Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6]));
    const missing = join(tmp, 'missing.txt');
    const { code, err, results } = json([gbk, seedTxt('004'), missing, seedTxt('001')]);
    expect(code).toBe(1);
    expect(err).toContain(`${gbk}: not valid UTF-8`);
    expect(err).toContain(`${missing}: cannot read (ENOENT)`);
    expect(results.map((r) => r.file)).toEqual([seedTxt('004'), seedTxt('001')]);
    expect(results[0]!.report.region).toBe('衡南縣');
  });

  it('bad usage exits 2 with the usage on stderr and nothing on stdout', () => {
    for (const argv of [[], ['--format', 'xml', seedTxt('001')], ['--bogus', seedTxt('001')]]) {
      const r = run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('usage:');
    }
  });
});

describe('analyze CLI: CSV', SLOW, () => {
  it('starts with the BOM and a header, one row per target, quoted where needed', () => {
    const { code, out } = run(['--format', 'csv', seedTxt('004'), seedTxt('001')]);
    expect(code).toBe(0);
    expect(out.startsWith('\uFEFFfile,region,regionKey,reportKind,year,kind,indicator,')).toBe(true);
    const lines = out.slice(1).trimEnd().split('\r\n');
    const { results } = json([seedTxt('004'), seedTxt('001')]);
    // Sentences hold no line breaks, so each row is one line.
    expect(lines.length).toBe(1 + results[0]!.targets.length + results[1]!.targets.length);
    const gdp = lines.find((l) => l.includes(',main,地區生產總值,'))!;
    expect(gdp.startsWith(`${seedTxt('004')},衡南縣,衡南县,work-report,2022,main,地區生產總值,地区生产总值,8.5,,%,以上,increase,`)).toBe(true);
    // The sentence holds commas, so it is quoted.
    expect(gdp).toMatch(/,"[^"]*地區生產總值增長8\.5%以上[^"]*",\d+,\d+$/);
  });
});

describe('analyze CLI as a process', SLOW, () => {
  it('prints only the result on stdout', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/analyze.ts'), seedTxt('001'), join(tmp, 'nope.txt')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as FileResult[];
    expect(results).toHaveLength(1);
    expect(results[0]!.report.kind).toBe('goals');
    expect(r.stderr).toContain('nope.txt: cannot read');
  });
});
