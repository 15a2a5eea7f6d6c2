import { analyzePage } from '../../lib/analyze';
import { textPageInput } from '../../lib/cli/input';
import { bundledMatcher } from '../../lib/glossary/bundled';
import { seedTexts } from '../node/core';

const REGIONS = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '衡南县'];
const QUOTE = 24;

/**
 * A library export (the format lib/db/export.ts writes and the library imports) with `count` targets:
 * the seeds' real targets, repeated over pages of other regions and years, so filters and the compare
 * view see realistic variety.
 */
export function libraryExport(root: string, count: number) {
  const seeds = seedTexts(root).map(({ text }) => {
    const a = analyzePage(textPageInput(text), { matchers: [bundledMatcher()] });
    return { text, report: a.report, targets: a.targets, terms: a.terms.length };
  });
  const pages: Record<string, unknown>[] = [];
  const targets: Record<string, unknown>[] = [];
  const now = Date.UTC(2025, 0, 1);
  for (let i = 0; targets.length < count; i++) {
    const seed = seeds[i % seeds.length]!;
    if (!seed.targets.length) continue;
    const region = REGIONS[i % REGIONS.length]!;
    const year = 2018 + (i % 7);
    const id = pages.length + 1;
    pages.push({
      id,
      url: `https://www.bench${id}.gov.cn/zwgk/${year}/report-${id}.html`,
      title: `${region}${year}年政府工作报告`,
      kind: seed.report.kind,
      score: seed.report.score,
      region,
      regionKey: region,
      year,
      termCount: seed.terms,
      targetCount: 0,
      firstSeen: now + i,
      lastSeen: now + i,
    });
    for (const t of seed.targets) {
      if (targets.length >= count) break;
      targets.push({
        ...t,
        year,
        pageId: id,
        regionKey: region,
        quote: { exact: t.sentence, prefix: seed.text.slice(Math.max(0, t.start - QUOTE), t.start), suffix: seed.text.slice(t.end, t.end + QUOTE) },
      });
    }
  }
  return { format: 'report-lens', version: 1, exportedAt: new Date(now).toISOString(), pages, targets };
}
