import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { domHeadings } from '../helpers/dom-headings';

const values = (text: string) =>
  [extractTargets({ text }), extractTargets({ text, headings: domHeadings(text) })].map((ts) => ts.map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}|${t.year}`));

const OPENING = '各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n';
const REVIEW_BODY = `（一）经济运行稳中向好。固定资产投资增长4%以上，一般公共预算收入完成120亿元左右。
（二）民生保障持续加强。城镇新增就业3.8万人以上，城镇调查失业率控制在5.5%以内。`;
const PLAN = `二、2025年工作总体要求和主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%以上。`;

describe('a review section whose heading says neither 回顾 nor a past year (P2)', () => {
  for (const heading of ['一、攻坚克难、砥砺前行，经济社会发展取得新成效', '一、砥砺奋进、勇毅前行', '一、凝心聚力、真抓实干']) {
    it(`reads "${heading}" before the plan part of a work report as a review`, () => {
      const text = `2025年益阳市政府工作报告\n${OPENING}${heading}\n${REVIEW_BODY}\n${PLAN}`;
      for (const v of values(text)) expect(v).toEqual(['地区生产总值5.5%以上|2025']);
    });
  }

  it('reads an achievement heading before a plan heading as a review without a report title', () => {
    const text = `${OPENING}一、经济社会发展取得新成效\n${REVIEW_BODY}\n${PLAN}`;
    expect(values(text)[0]).toEqual(['地区生产总值5.5%以上|2025']);
  });

  it('keeps the plan part and what follows it: achievement words there are aims', () => {
    const text = `2025年益阳市政府工作报告\n${OPENING}一、2024年工作回顾\n过去一年，地区生产总值增长5.2%。
${PLAN}
三、推动科技创新取得新突破
力争研发经费投入增长15%以上。
（一）推动乡村振兴取得新进展。新增高标准农田25万亩以上。
四、切实加强政府自身建设
确保政务服务事项网上可办率达到95%以上。`;
    for (const v of values(text)) {
      expect(v).toEqual(['地区生产总值5.5%以上|2025', '研发经费投入15%以上|2025', '新增高标准农田25万亩以上|2025', '政务服务事项网上可办率95%以上|2025']);
    }
  });

  it('does not read the topic sections of an article about a work report as its review', () => {
    const text = `一图读懂2025年益阳市政府工作报告
稳增长：项目为王
今年全市实施重点项目500个以上。
惠民生：办好实事
今年城镇新增就业3.8万人以上。
2025年重点工作
地区生产总值增长5.5%以上。`;
    expect(values(text)[1]).toEqual(['实施重点项目500个以上|2025', '城镇新增就业3.8万人以上|2025', '地区生产总值5.5%以上|2025']);
    // Its achievement headings are still reviews.
    expect(values(text.replace('稳增长：项目为王', '稳增长：经济运行取得新成效'))[1]).toEqual(['城镇新增就业3.8万人以上|2025', '地区生产总值5.5%以上|2025']);
  });

  it('does not read the early chapters of a plan document as reviews', () => {
    const text = `衡山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
第一章 推动高质量发展取得新成效
力争到2025年，规模以上工业企业达到1500家以上。
第二章 “十四五”时期主要目标
到2025年，地区生产总值年均增长7%以上。`;
    expect(values(text)[0]).toEqual(['规模以上工业企业1500家以上|2025', '地区生产总值7%以上|2025']);
  });
});
