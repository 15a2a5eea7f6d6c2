/**
 * "到2027年，A…；B…；C…。": a time clause that opens a ；-separated list dates every member, though each
 * member after a ； is a sentence of its own. Only to the list's end, only on its line, and never over a
 * year a member states itself.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.year}`);
const read = (text: string, year = 2024) => show(extractTargets({ text, year }));

describe('the time clause of a ；-list dates its members', () => {
  it('in a 解读 article quoting a plan (no heading says plan)', () => {
    expect(
      read('《实施方案》提出，到2027年，全省设备投资规模较2023年增长25%以上；关键工序数控化率超过90%以上；二手车交易量较2023年增长45%以上。'),
    ).toEqual(['设备投资规模|25%以上|2027', '关键工序数控化率|90%以上|2027', '二手车交易量|45%以上|2027']);
  });

  it('in a plan section, with 至…年底 and a Chinese year', () => {
    expect(read('二、主要目标\n至2026年底，新建5G基站2000个；改造老旧小区120个。\n今年力争新增市场主体1万户以上。')).toEqual([
      '新建5G基站|2000个|2026',
      '改造老旧小区|120个|2026',
      '新增市场主体|1万户以上|2024',
    ]);
    expect(read('二、主要目标\n到二〇三〇年，森林覆盖率达到65%；湿地保护率达到60%。')).toEqual(['森林覆盖率|65%|2030', '湿地保护率|60%|2030']);
  });

  it('a member that states its own year keeps it', () => {
    expect(read('二、主要目标\n到2027年，森林覆盖率达到65%；2025年湿地保护率达到60%；草原综合植被盖度达到50%。')).toEqual([
      '森林覆盖率|65%|2027',
      '湿地保护率|60%|2025',
      '草原综合植被盖度|50%|2027',
    ]);
  });

  it('not past the list: the next sentence after 。, the next line, or a list opened without a time clause', () => {
    expect(read('二、主要目标\n到2027年，森林覆盖率达到65%。湿地保护率达到60%；草原综合植被盖度达到50%。')).toEqual([
      '森林覆盖率|65%|2027',
      '湿地保护率|60%|2024',
      '草原综合植被盖度|50%|2024',
    ]);
    expect(read('二、主要目标\n到2027年，森林覆盖率达到65%；\n湿地保护率达到60%。')).toEqual(['森林覆盖率|65%|2027', '湿地保护率|60%|2024']);
    // 到2027年 inside a clause (达到2027年的…) is no time clause of the list.
    expect(read('二、主要目标\n森林覆盖率由2020年的60%提高到2027年的65%；湿地保护率达到60%。')).toEqual(['森林覆盖率|65%|2027', '湿地保护率|60%|2024']);
  });
});
