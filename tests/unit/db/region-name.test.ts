import { describe, expect, it } from 'vitest';
import { regionName, regionNames } from '../../../lib/db/region-name';
import type { PageRecord, TargetRecord } from '../../../lib/db/schema';

const page = (region: string | null, regionKey: string | null) => ({ region, regionKey }) as PageRecord;
const target = (regionKey: string | null, section: string) => ({ regionKey, section }) as TargetRecord;

describe('regionName: a target’s region as its page writes it', () => {
  it('is the page’s own region when it is the target’s (衡南縣 for the key 衡南县)', () => {
    expect(regionName(target('衡南县', '衡南縣2022年政府工作報告 › 一、2021年工作回顧'), page('衡南縣', '衡南县'))).toBe('衡南縣');
    expect(regionName(target('衡南县', ''), page('衡南县', '衡南县'))).toBe('衡南县');
  });

  it('is the name in the report title heading its section, on a page holding several regions’ reports', () => {
    const list = page('邵陽市', '邵阳市');
    expect(regionName(target('衡阳县', '衡陽縣2023年政府工作報告 › 二、2023年工作安排'), list)).toBe('衡陽縣');
    expect(regionName(target('衡阳县', '2023年衡陽縣政府工作報告'), undefined)).toBe('衡陽縣');
    // A title without the name, or with another one: the key.
    expect(regionName(target('衡阳县', '2023年政府工作報告 › 二、2023年工作安排'), list)).toBe('衡阳县');
    expect(regionName(target('衡阳县', '衡山縣2023年政府工作報告'), list)).toBe('衡阳县');
    // Only the report title counts, not a later part of the path.
    expect(regionName(target('衡阳县', '2023年政府工作報告 › 衡陽縣的工作'), list)).toBe('衡阳县');
  });

  it('is null for a target without a region, whatever its page', () => {
    expect(regionName(target(null, '衡陽縣2023年政府工作報告'), page('衡南縣', '衡南县'))).toBeNull();
  });
});

describe('regionNames: one name for each key', () => {
  it('is the one way the pages write it, and none where they differ', () => {
    const names = regionNames([page('衡南縣', '衡南县'), page('衡南縣', '衡南县'), page('邵阳市', '邵阳市'), page('邵陽市', '邵阳市'), page(null, null)]);
    expect([...names]).toEqual([['衡南县', '衡南縣']]);
  });
});
