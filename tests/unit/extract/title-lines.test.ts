import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { detectReportYear, titleYear } from '../../../lib/extract/years';
import { foldText } from '../../../lib/text/normalize';

const fold = (text: string) => foldText(text).folded;
const brief = (text: string) => extractTargets({ text }).map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}|${t.year}|${t.section}`);

describe('report title lines versus prose naming 建议 / 规划 / 计划 (P1)', () => {
  it('reads title shapes', () => {
    expect(
      [
        '2022年邵阳市政府工作报告',
        '衡南县2022年政府工作报告',
        '2025年益阳市政府工作报告（全文）',
        '衡阳市2025年国民经济和社会发展计划（草案）',
        '青溪县2023年政府工作报告_青溪县人民政府门户网站',
        '政府工作报告解读④丨实干2022年：不懈怠，我的衡阳我的奋斗（下）',
        '关于邵阳市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告',
        '《2025年政府工作报告》名词解释',
        '2025年政府工作报告名词解释',
        '《邵阳市2025年政府工作报告》政策解读',
        '《2025年政府工作报告》要点速览_邵阳市人民政府',
      ].map((l) => titleYear(fold(l))),
    ).toEqual([2022, 2022, 2025, 2025, 2023, 2022, 2025, 2025, 2025, 2025, 2025]);
  });

  it('rejects sentences that name the same words', () => {
    expect(
      [
        '2024年，我们认真办理人大代表建议325件、政协提案410件，办复率100%。',
        '2024年是极不平凡的一年，也是“十四五”规划实施的关键一年。',
        '2025年是“十四五”规划收官之年',
        '今年计划改造老旧小区120个，2024年完成156个',
        '2024年全市办理人大代表建议325件',
        '全市编制2024年度重点项目计划。',
        '《2025年政府工作报告》提出今年地区生产总值增长6%左右',
      ].map((l) => titleYear(fold(l))),
    ).toEqual([null, null, null, null, null, null, null]);
  });

  it('keeps the report year of a work report whose review names 建议 in a dated sentence', () => {
    const text = `2025年益阳市政府工作报告
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2024年工作回顾
过去一年，全市地区生产总值增长5.2%，城镇新增就业3.8万人以上。
2024年，我们认真办理人大代表建议325件、政协提案410件，办复率100%。
全市粮食播种面积稳定在500万亩以上，新增高标准农田25万亩以上，城镇调查失业率控制在5.5%以内。
二、2025年工作安排
2024年是极不平凡的一年，也是“十四五”规划实施的关键一年。
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%以上。`;
    expect(detectReportYear(fold(text))).toBe(2025);
    // The achievements stay in the review; the 2025 list keeps its year and its path.
    expect(brief(text)).toEqual(['地区生产总值5.5%以上|2025|2025年益阳市政府工作报告 › 2025年工作安排']);
  });

  it('keeps a 解读 page title a title: its year does not make the page a plan section', () => {
    const text = `《邵阳市2025年政府工作报告》政策解读
问：2024年全市经济发展取得了哪些成绩？
答：2024年，全市地区生产总值达到2850亿元，增长5.3%；规模工业增加值增长8.1%。
问：今年在民生方面有哪些安排？
答：今年将新建改扩建公办幼儿园20所，新增学位1.2万个以上。`;
    const headings = [{ text: '《邵阳市2025年政府工作报告》政策解读', level: 1, start: 0 }];
    expect(extractTargets({ text, headings, year: 2025 }).map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}|${t.year}`)).toEqual(['新建改扩建公办幼儿园20所|2025', '新增学位1.2万个以上|2025']);
  });
});
