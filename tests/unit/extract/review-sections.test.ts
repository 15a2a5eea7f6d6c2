import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { classifyHeading } from '../../../lib/extract/sections';
import { domHeadings } from '../helpers/dom-headings';

const both = (text: string) => [extractTargets({ text }), extractTargets({ text, headings: domHeadings(text) })];
const values = (text: string) => both(text).map((ts) => ts.map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}`));

const OPENING = '各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n';

describe('sub-headings of a review section (item 1)', () => {
  const doc = `衡山市2022年政府工作报告\n${OPENING}一、2021年工作回顾
（一）“十四五”实现良好开局。全市地区生产总值增长8.1%，规模工业增加值增长9.2%，城镇登记失业率控制在4.5%以内。
（二）未来产业加快布局。新引进重点项目50个以上。
（三）今年以来重点项目快速推进。完成投资120亿元以上。
二、2022年工作安排
地区生产总值增长8%以上，城镇调查失业率控制在5.5%以内。`;

  it('keeps 十四五 / 未来 / 今年 sub-headings of a review in the review (with and without DOM headings)', () => {
    for (const v of values(doc)) expect(v).toEqual(['地区生产总值8%以上', '城镇调查失业率5.5%以内']);
  });

  it('does the same on a traditional page', () => {
    const trad = `衡山市2022年政府工作報告\n各位代表：\n現在，我代表市人民政府，向大會報告政府工作，請予審議。\n一、2021年工作回顧
（一）「十四五」實現良好開局。全市地區生產總值增長8.1%，城鎮登記失業率控制在4.5%以內。
（二）未來產業加快佈局。新引進重點項目50個以上。
二、2022年工作安排
地區生產總值增長8%以上。`;
    for (const v of values(trad)) expect(v).toEqual(['地區生產總值8%以上']);
  });

  it('still reopens the plan under a review heading that names the year ahead or 今后', () => {
    // A mis-nested outline: the plan headings are a sub-list of the review heading.
    const nested = `衡山市2022年政府工作报告\n${OPENING}第一部分 过去五年工作回顾
一、五年来发展成效显著。地区生产总值年均增长7.8%以上。
二、今后五年的目标任务。到2026年，地区生产总值年均增长6.5%以上。
三、2022年重点工作。地区生产总值增长8%以上。`;
    expect(values(nested)[0]).toEqual(['地区生产总值6.5%以上', '地区生产总值8%以上']);
  });
});

describe('review headings without 工作/回顾 (item 2)', () => {
  const report = (heading: string) =>
    `衡山市2023年政府工作报告\n${OPENING}${heading}\n全市地区生产总值增长7.5%左右，城镇登记失业率控制在4.5%以内，粮食产量稳定在50万吨以上。\n二、2023年工作安排\n地区生产总值增长8%以上。`;

  for (const h of ['一、2022年经济社会发展情况', '一、砥砺奋进的2022年', '一、极不平凡的一年', '一、攻坚克难的一年', '一、2022年', '一、二〇二二年国民經濟和社會發展情況']) {
    it(`reads "${h}" as a review`, () => {
      for (const v of values(report(h))) expect(v).toEqual(['地区生产总值8%以上']);
    });
  }

  it('reads 计划执行情况 as a review, and takes the draft year as the report year', () => {
    const doc = `关于衡山市2022年国民经济和社会发展计划执行情况与2023年计划草案的报告
——2023年1月10日在衡山市第十届人民代表大会第三次会议上
各位代表：
受市人民政府委托，现将2022年国民经济和社会发展计划执行情况与2023年计划草案提请大会审议。
一、2022年国民经济和社会发展计划执行情况
全市地区生产总值增长7.5%，规模工业增加值增长8.1%，固定资产投资增长10%以上，城镇登记失业率控制在4.5%以内。
二、2023年经济社会发展的主要目标
地区生产总值增长8%左右，城镇调查失业率控制在5.5%以内。`;
    for (const ts of both(doc)) {
      expect(ts.map((t) => [t.indicator, t.value, t.qualifier, t.year])).toEqual([
        ['地区生产总值', 8, '左右', 2023],
        ['城镇调查失业率', 5.5, '以内', 2023],
      ]);
    }
  });

  it('reads a plan chapter 发展基础 ("十三五"时期…) as a review', () => {
    const plan = `衡山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
第一章 发展基础
“十三五”时期，全市地区生产总值年均增长7.8%，城镇居民人均可支配收入年均增长8.5%以上，森林覆盖率达到60%。
第二章 主要目标
到2025年，地区生产总值年均增长7%以上，常住人口城镇化率达到60%。
第三章 重点任务
力争到2025年规模以上工业企业达到1500家。`;
    for (const v of values(plan)) expect(v).toEqual(['地区生产总值7%以上', '常住人口城镇化率60%', '规模以上工业企业1500家']);
  });

  it('classifies headings by what they say, not by their marker', () => {
    expect(classifyHeading('第一章 发展基础', 2021).mode).toBe('review');
    expect(classifyHeading('“十三五”时期发展成就', 2021).mode).toBe('review');
    expect(classifyHeading('一、2022年预算执行情况', 2023).mode).toBe('review');
    expect(classifyHeading('一、2022年的主要工作', 2023).mode).toBe('review');
    // Negative: plan headings keep their plan.
    expect(classifyHeading('二、2023年经济社会发展的主要目标', 2023).mode).toBe('plan');
    expect(classifyHeading('二、奋力开创新的一年', 2023).mode).not.toBe('review');
    expect(classifyHeading('（三）夯实农业发展基础', 2023).mode).not.toBe('review');
    expect(classifyHeading('（二）地区生产总值比2020年翻一番', 2023).mode).not.toBe('review');
    expect(classifyHeading('第二章 “十四五”时期主要目标', 2021).mode).toBe('plan');
    // A heading that names both years is left to its sentences.
    expect(classifyHeading('2022年计划执行情况和2023年计划草案', 2023).mode).toBeNull();
    // A dateline is not a plan heading.
    expect(classifyHeading('——2023年1月10日在衡山市第十届人民代表大会第三次会议上', 2023).mode).toBeNull();
  });
});

describe('a statistical bulletin reports, section after section', () => {
  // Its year (2023) is the report year, so 全年/2023年 do not look back by themselves, and it says
  // 控制在…以内 / 稳定在…以上 / 保持在…以上 of results as a plan does of targets.
  const bulletin = `南岭市2023年国民经济和社会发展统计公报
南岭市统计局
2023年是全面贯彻党的二十大精神的开局之年。
一、综合
全年城镇新增就业4.6万人，城镇调查失业率控制在5.5%以内。
二、农业
粮食总产量210.8万吨，增长1.2%，连续十二年稳定在200万吨以上。
三、财政
一般公共预算支出512.6亿元，增长3.5%，其中民生支出占比保持在75%以上。`;

  it('gives no targets, with and without DOM headings, in either script', () => {
    for (const v of values(bulletin)) expect(v).toEqual([]);
    const trad = bulletin.replace('统计公报', '統計公報').replace('城镇调查失业率控制在', '城鎮調查失業率控制在');
    for (const v of values(trad)) expect(v).toEqual([]);
  });

  it('covers only its own sections: a report the page shows after its link keeps its targets', () => {
    const lines = ['最新发布', '2023年国民经济和社会发展统计公报', '政府工作报告', '一、2023年工作回顾', '过去一年，国内生产总值增长5.2%。', '二、总体要求和政策取向', '今年发展主要预期目标是：国内生产总值增长5%左右。'];
    const text = lines.join('\n');
    const at = (i: number) => lines.slice(0, i).join('\n').length + (i ? 1 : 0);
    const headings = [{ text: lines[2]!, level: 1, start: at(2) }, { text: lines[3]!, level: 2, start: at(3) }, { text: lines[5]!, level: 2, start: at(5) }];
    expect(extractTargets({ text, headings, year: 2024 }).map((t) => `${t.indicator}${t.value}`)).toEqual(['国内生产总值5']);
  });

  it('classifies a bulletin heading as a review, a year or not', () => {
    expect(classifyHeading('南岭市国民经济和社会发展统计公报', 2023).mode).toBe('review');
    expect(classifyHeading('2023年南岭市教育事业发展统计公报', 2023).mode).toBe('review');
  });
});

describe('an attachment after the body (附：/附件1：) is a section of its own', () => {
  const notice = `衡山市人民政府关于2024年十件民生实事的通知
一、促进就业。城镇新增就业4.5万人以上。
二、改善出行。中心城区公交准点率提高到90%以上。
附：2023年十件民生实事完成情况
1.城镇新增就业4.6万人，城镇调查失业率控制在5.5%以内。
2.中心城区公交准点率提高到88%以上，新建充电桩2600个。`;

  it('reads last year’s results listed in it as a review, whatever heading the body ended in', () => {
    for (const v of values(notice)) expect(v).toEqual(['城镇新增就业4.5万人以上', '中心城区公交准点率90%以上']);
  });

  it('is no section before the body: a page’s download line leaves the report alone', () => {
    const report = `衡山市2024年政府工作报告\n附件：衡山市2024年政府工作报告（全文）\n一、2023年工作回顾\n过去一年，全市地区生产总值增长5.5%。\n二、2024年工作安排\n地区生产总值增长6%以上。`;
    for (const v of [...values(report), ...values(report.replace('（全文）', '（全文）.pdf'))]) expect(v).toEqual(['地区生产总值6%以上']);
  });

  it('names it by its title, not under the body’s last heading', () => {
    const ts = extractTargets({ text: notice.replace('附：2023年十件民生实事完成情况', '附：2024年十件民生实事任务分工') });
    // This year's task list plans every item, its counts of work (新建充电桩2600个) too.
    expect(ts.map((t) => t.section.split(' › ')[0])).toEqual(['促进就业', '改善出行', ...Array(4).fill('2024年十件民生实事任务分工')]);
    expect(ts.slice(2).map((t) => `${t.indicator}${t.value}${t.unit}`)).toEqual(['城镇新增就业4.6万人', '城镇调查失业率5.5%', '中心城区公交准点率88%', '新建充电桩2600个']);
  });
});

describe('section paths from DOM headings (item 7)', () => {
  it('names a section by its title, not by its ordinal', () => {
    const text = `衡山市2023年政府工作报告\n${OPENING}一、2022年工作回顾\n过去一年，全市地区生产总值增长7.5%。\n二、2023年工作安排\n地区生产总值增长8%以上。\n（一）坚持创新驱动\n力争研发经费投入增长15%以上。\n（二）推動綠色發(fā)展\n力争单位地区生产总值能耗下降3%以上。\n`;
    const headings = domHeadings(text);
    expect(headings.map((h) => h.text)).toContain('二、2023年工作安排');
    const ts = extractTargets({ text, headings });
    expect(ts.map((t) => t.section)).toEqual([
      '衡山市2023年政府工作报告 › 2023年工作安排',
      '衡山市2023年政府工作报告 › 2023年工作安排 › 坚持创新驱动',
      // As the heading writes it (traditional in a simplified report), pinyin residue dropped.
      '衡山市2023年政府工作报告 › 2023年工作安排 › 推動綠色發展',
    ]);
  });

  it('gives seed-004.html (DOM headings 一、 二、 …) section paths with titles', async () => {
    const { readFileSync } = await import('node:fs');
    const { htmlPageInput } = await import('../../../lib/cli/input');
    const input = htmlPageInput(readFileSync(new URL('../../fixtures/pages/seed-004.html', import.meta.url), 'utf8'));
    const ts = extractTargets({ text: input.text, headings: input.headings });
    expect(ts.length).toBeGreaterThan(10);
    for (const t of ts) expect(t.section).not.toMatch(/(?:^|› )[一二三四五六七八九十]+(?: ›|$)|[(（][一二三四五六七八九十]+[)）]/);
    expect(ts.some((t) => t.section === '衡南縣2022年政府工作報告 › 2022年工作安排')).toBe(true);
  });
});
