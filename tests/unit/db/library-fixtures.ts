import type { PageRecord, TargetRecord } from '../../../lib/db/schema';
import type { TargetKind } from '../../../lib/types';

export function page(id: number, over: Partial<PageRecord> = {}): PageRecord {
  return {
    id, url: `https://www.example.gov.cn/report-${id}.html`, title: `报告 ${id}`, kind: 'work-report', score: 0.9,
    region: '衡南縣', regionKey: '衡南县', year: 2022, termCount: 3, targetCount: 0, firstSeen: 1000, lastSeen: 2000, ...over,
  };
}

let nextId = 1;
export function target(pageId: number, indicator: string, value: number | null, over: Partial<TargetRecord> = {}): TargetRecord {
  const kind: TargetKind = over.kind ?? 'main';
  const sentence = over.sentence ?? `${indicator}增长${value}%以上`;
  return {
    id: nextId++, pageId, kind, indicator, indicatorKey: indicator, value, valueMax: null, unit: '%', qualifier: '以上',
    direction: 'increase', hedge: '预期', year: 2022, section: '2022年工作安排', sentence, start: 0, end: sentence.length,
    regionKey: '衡南县', quote: { exact: sentence, prefix: '', suffix: '' }, ...over,
  };
}
