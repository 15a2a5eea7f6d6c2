import { beforeAll, describe, expect, it } from 'vitest';
import { useLocale } from '../../helpers/messages';
import { groupRegionLabel, regionLabel } from '../../../../lib/ui/library/format';
import type { PageRecord, TargetRecord } from '../../../../lib/db/schema';

const page = (id: number, region: string | null, regionKey: string | null) => ({ id, region, regionKey }) as PageRecord;
const target = (regionKey: string | null, section: string, pageId = 1) => ({ regionKey, section, pageId }) as TargetRecord;

beforeAll(() => useLocale('zh_CN'));

describe('region labels in the library', () => {
  it('a target’s: as its page writes it, or 未识别地区', () => {
    expect(regionLabel(target('衡南县', ''), page(1, '衡南縣', '衡南县'))).toBe('衡南縣');
    expect(regionLabel(target(null, '衡陽縣2023年政府工作報告'), page(1, '衡南縣', '衡南县'))).toBe('未识别地区');
  });

  it('a compare group’s: as the page of its first target writes it', () => {
    const pages = new Map([[2, page(2, '衡南縣', '衡南县')]]);
    expect(groupRegionLabel({ regionKey: '衡南县', points: [{ target: target('衡南县', '', 2) }] }, pages)).toBe('衡南縣');
    expect(groupRegionLabel({ regionKey: '衡南县', points: [] }, pages)).toBe('衡南县');
    expect(groupRegionLabel({ regionKey: null, points: [] }, pages)).toBe('未识别地区');
  });
});
