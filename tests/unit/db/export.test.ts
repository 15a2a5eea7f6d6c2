import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, exportAll, toCsv, toJson } from '../../../lib/db/export';
import { pageIndex } from '../../../lib/db/query';
import { ReportLensDB, type TargetRecord } from '../../../lib/db/schema';
import { page, target } from './library-fixtures';

/** A small RFC 4180 reader, to check that what toCsv writes reads back to the same fields. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('地区生产总值')).toBe('地区生产总值');
    expect(csvField('增长8%，以上')).toBe('增长8%，以上'); // a full-width comma needs no quoting
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"三高四新"')).toBe('"他说""三高四新"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField(null)).toBe('');
    expect(csvField(8.5)).toBe('8.5');
    expect(csvField(-2)).toBe('-2');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('toCsv', () => {
  const pages = [page(1, { title: '衡南縣2022年政府工作報告, "全文"' })];
  const rows = [
    target(1, '地区生产总值', 8.5),
    target(1, '进出口总额', 15, { qualifier: '左右', sentence: '进出口总额增长15%左右，\n另起一行' }),
    target(1, '目标', null, { kind: 'goal', unit: '', qualifier: '', year: null }),
  ];
  const csv = toCsv(rows, pageIndex(pages));

  it('starts with the UTF-8 byte-order mark and a header row, and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('reads back to the same fields, one row per target', () => {
    const table = readCsv(csv.slice(1));
    expect(table).toHaveLength(4);
    const records = table.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(records[0]).toMatchObject({ region: '衡南縣', regionKey: '衡南县', year: '2022', indicator: '地区生产总值', value: '8.5', valueMax: '', unit: '%', qualifier: '以上', pageTitle: '衡南縣2022年政府工作報告, "全文"', url: pages[0]!.url });
    expect(records[1]!.sentence).toBe('进出口总额增长15%左右，\n另起一行');
    expect(records[2]).toMatchObject({ kind: 'goal', value: '', year: '' });
    expect(table.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('names each target’s region as its page writes it: on a news list of several cities’ reports, each one’s', () => {
    const list = [page(2, { region: '邵陽市', regionKey: '邵阳市' })];
    const csvOf = (t: TargetRecord) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, readCsv(toCsv([t], pageIndex(list)).slice(1))[1]![i]]));
    expect(csvOf(target(2, '地区生产总值', 8, { regionKey: '衡阳县', section: '衡陽縣2022年政府工作報告 › 二、2022年工作安排' }))).toMatchObject({ region: '衡陽縣', regionKey: '衡阳县' });
    expect(csvOf(target(2, '地区生产总值', 8, { regionKey: '邵阳市', section: '' }))).toMatchObject({ region: '邵陽市', regionKey: '邵阳市' });
    expect(csvOf(target(2, '地区生产总值', 8, { regionKey: null }))).toMatchObject({ region: '', regionKey: '' });
  });

  it('writes just the header for no rows', () => {
    expect(toCsv([], new Map())).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('toJson / exportAll', () => {
  let db: ReportLensDB;
  beforeEach(() => {
    db = new ReportLensDB(`export-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('writes the versioned format with every page and target', async () => {
    await db.pages.bulkAdd([page(1), page(2)]);
    await db.targets.bulkAdd([target(1, '地区生产总值', 8.5), target(2, '财政收入', 6)]);
    const file = JSON.parse(await exportAll(db, new Date('2024-03-01T08:00:00Z')));
    expect(file).toMatchObject({ format: 'report-lens', version: 1, exportedAt: '2024-03-01T08:00:00.000Z' });
    expect(file.pages).toHaveLength(2);
    expect(file.targets.map((t: { indicator: string }) => t.indicator)).toEqual(['地区生产总值', '财政收入']);
    expect(Object.keys(JSON.parse(toJson([], [])))).toEqual(['format', 'version', 'exportedAt', 'pages', 'targets']);
  });
});
