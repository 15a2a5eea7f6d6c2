import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type FileResult } from '../../lib/cli/analyze';
import { termLabel } from '../../lib/text/quotes';
import { FIXTURES, launchExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { waitForState } from './state';

let server: StaticServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

function cli(file: string): FileResult {
  let out = '';
  let err = '';
  const code = runCli([file], { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readFile: (p) => readFileSync(p) });
  expect(err).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(out) as FileResult[])[0]!;
}

describe('the CLI finds what the extension finds', () => {
  it('seed-003.html: same term count and the same distinct terms as the content script in Chromium', async () => {
    const file = join(FIXTURES, 'pages/seed-003.html');
    const fromCli = cli(file);
    const page = await ext.open(server.govUrl('pages/seed-003.html'));
    const state = await waitForState(ext, await ext.tabIdOf(page));
    expect(state?.report.isReport).toBe(true);
    expect(fromCli.report.isReport).toBe(true);
    expect(fromCli.report.kind).toBe(state!.report.kind);
    expect(fromCli.terms.length).toBeGreaterThan(0);
    expect(fromCli.terms.length).toBe(state!.termCount);
    // The page state lists one row per entry (its first text on the page, and a count), so the CLI's
    // spans are grouped the same way (lib/dom/page-report.ts) before comparing. The CLI gives each span's
    // text as the page has it (十四五”规划, with the quote mark the matcher read through); the page state
    // names it as the reader is shown it (termLabel: 十四五规划).
    const groups = new Map<string, { text: string; source: string; entry: string | null; count: number }>();
    for (const t of fromCli.terms) {
      const key = `${t.source}|${t.entry ?? t.text}`;
      const seen = groups.get(key);
      if (seen) seen.count++;
      else groups.set(key, { text: termLabel(t.text), source: t.source, entry: t.entry, count: 1 });
    }
    const byText = (a: { text: string; source: string }, b: { text: string; source: string }) =>
      a.text < b.text ? -1 : a.text > b.text ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
    const fromExtension = state!.terms.map(({ text, source, entry, count }) => ({ text, source, entry, count })).sort(byText);
    expect([...groups.values()].sort(byText)).toEqual(fromExtension);
    const distinct = (texts: string[]) => [...new Set(texts)].sort();
    expect(distinct([...groups.values()].map((t) => t.text))).toEqual(distinct(state!.terms.map((t) => t.text)));
    expect(fromCli.targets.length).toBe(state!.targets.length);
    await page.close();
  });
});
