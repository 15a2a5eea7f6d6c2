import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { buildOutline, detectHeadings } from '../../../lib/extract/sections';
import { planEndYear } from '../../../lib/extract/years';
import { foldText } from '../../../lib/text/normalize';

const fold = (text: string) => foldText(text).folded;
const years = (text: string, year?: number) => extractTargets({ text, year }).map((t) => `${t.indicator}${t.value}${t.unit}|${t.year}`);

describe('target years of five-year plan documents (P6)', () => {
  it('reads the end year of the plan a title names', () => {
    expect(
      [
        '娄底市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
        '中共株洲市委关于制定株洲市国民经济和社会发展第十五个五年规划的建议',
        '衡阳市“十三五”规划纲要',
        '邵阳市国民经济和社会发展第十四个五年规划纲要（草案）',
        '国民经济和社会发展第十个五年计划纲要',
      ].map((t) => planEndYear(fold(t))),
    ).toEqual([2025, 2030, 2020, 2025, 2005]);
  });

  it('does not read a plan named in passing as a horizon', () => {
    expect(
      [
        '十三、为实现“十四五”规划和二〇三五年远景目标而奋斗',
        '今年是实施“十四五”规划的关键之年',
        '“十四五”规划实施情况',
        '2025年益阳市政府工作报告',
      ].map((t) => planEndYear(fold(t))),
    ).toEqual([null, null, null, null]);
  });

  it('dates a plan title by the plan, a heading that is only the vision by 2035', () => {
    const text = `娄底市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
第一篇 开启全面建设社会主义现代化新征程
3.二〇三五年远景目标。到二〇三五年，基本建成现代化经济体系。`;
    const states = buildOutline(detectHeadings(fold(text)), [{ start: 0, text: text.split('\n')[0]!, level: 1 }], 2021);
    expect(states.slice(1).map((s) => [s.path.at(-1), s.horizon])).toEqual([
      ['娄底市国民经济和社会发展第十四个…', 2025],
      ['第一篇 开启全面建设社会主义现代…', 2025],
      ['二〇三五年远景目标', 2035],
    ]);
  });

  it('dates the targets of a 纲要 without a year of their own to the plan end, not to 2035 or the adoption year', () => {
    const text = `娄底市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
（2021年2月5日娄底市第六届人民代表大会第六次会议批准）
第三章 坚持创新驱动发展
全市高新技术企业数量达到600家以上，到2024年研发经费投入强度达到2.5%以上。`;
    expect(years(text, 2021)).toEqual(['高新技术企业数量600家|2025', '研发经费投入强度2.5%|2024']);
  });

  it('dates the targets of a 十五五 建议 to 2030 (title named by the plan number only)', () => {
    const text = `中共株洲市委关于制定株洲市国民经济和社会发展第十五个五年规划的建议
（2025年11月28日中国共产党株洲市第十四届委员会第十次全体会议通过）
三、加快建设现代化产业体系
4.做强先进制造业。推动轨道交通装备产业集群产值突破2000亿元以上。`;
    expect(years(text, 2025)).toEqual(['轨道交通装备产业集群产值2000亿元|2030']);
  });
});

describe('a comparison base is never the target year', () => {
  it('dates a target measured against the report year by its horizon, not by the base', () => {
    expect(years('今后五年的主要目标是：地区生产总值在2022年基础上增长50%以上，单位地区生产总值能耗比2022年下降13%。', 2022)).toEqual([
      '地区生产总值50%|2026',
      '单位地区生产总值能耗13%|2026',
    ]);
    expect(years('二、2022年工作安排\n今后五年，地区生产总值比2022年翻一番，达到6000亿元以上。', 2022)).toEqual(['地区生产总值6000亿元|2026']);
    // Without a report year, a base is no year either: the plan end the title names dates it.
    expect(years('衡阳市“十四五”规划纲要\n第三章 主要目标\n地区生产总值比2020年翻一番，达到6000亿元以上。')).toEqual(['地区生产总值6000亿元|2025']);
  });

  it('still reads the year a target names: 到2026年 before a base, a start that reaches on (从2023年起)', () => {
    expect(years('二、2022年工作安排\n到2026年，地区生产总值比2022年增长50%以上。', 2022)).toEqual(['地区生产总值50%|2026']);
    expect(years('二、2022年工作安排\n从2023年起，每年新增城镇就业5万人以上。', 2022)).toEqual(['每年新增城镇就业5万人|2023']);
    expect(years('二、2022年工作安排\n2023年，全市新增城镇就业5万人以上。', 2022)).toEqual(['新增城镇就业5万人|2023']);
  });
});
