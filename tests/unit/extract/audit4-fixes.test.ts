/**
 * Rules the fourth audit (tests/fixtures/text/a4-*.txt) found missing, each with a case it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const rows = (ts: Target[]) => ts.map((t) => `${t.kind}:${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.direction}|${t.year}`);

describe('a 目标任务分解表 row named by its rate of change', () => {
  const table = (rowsText: string) =>
    extractTargets({ text: `某县2026年主要目标任务分解表\n序号\t指标名称\t单位\t2025年完成\t2026年目标\t牵头单位\n${rowsText}`, year: 2026 });

  it('增速 is a growth and 降幅 a fall, as the words read in a sentence', () => {
    expect(rows(table('1\t地区生产总值增速\t%\t6.1\t6左右\t县发改局\n2\t单位地区生产总值能耗降幅\t%\t3.2\t3\t县发改局\n'))).toEqual([
      'main:地区生产总值增速|6%左右|increase|2026',
      'main:单位地区生产总值能耗降幅|3%|decrease|2026',
    ]);
  });

  it('a row that names an amount or a rate that is a level stays a level', () => {
    expect(rows(table('1\t一般公共预算收入\t亿元\t21.4\t22.4\t县财政局\n2\t城镇调查失业率\t%\t5.3\t5.5以内\t县人社局\n'))).toEqual([
      'main:一般公共预算收入|22.4亿元|level|2026',
      'main:城镇调查失业率|5.5%以内|level|2026',
    ]);
  });
});
