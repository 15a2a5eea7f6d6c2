import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { MAX_SENTENCE, sentenceWindow } from '../../../lib/extract/targets';
import { indicatorKey } from '../../../lib/extract/indicator';
import type { Target } from '../../../lib/types';
import { rows, type Row } from './helpers';

/** A plan section around the sentences, so they are read as this year's work. */
const plan = (body: string): string => `二、2022年工作安排\n${body}`;
const strip = (ts: Target[]) => ts.map(({ sentence: _s, start: _a, end: _b, ...rest }) => rest);

describe('lists and shared qualifiers', () => {
  it('splits 城、乡 … 分别 into urban and rural targets, each with the shared 以上', () => {
    const ts = extractTargets({ text: plan('城、乡居民人均可支配收入分别增长8.5%、10.5%以上。') });
    expect(rows(ts)).toEqual<Row[]>([
      ['城镇居民人均可支配收入', 8.5, null, '%', '以上'],
      ['农村居民人均可支配收入', 10.5, null, '%', '以上'],
    ]);
    expect(ts.every((t) => t.direction === 'increase')).toBe(true);
  });

  it('splits 城乡 … 分别 the same way, and 左右 is shared like 以上', () => {
    const ts = extractTargets({ text: plan('城乡居民人均可支配收入分别增长7%、8.5%左右。') });
    expect(rows(ts)).toEqual<Row[]>([
      ['城镇居民人均可支配收入', 7, null, '%', '左右'],
      ['农村居民人均可支配收入', 8.5, null, '%', '左右'],
    ]);
  });

  it('distributes the shared tail of listed subjects', () => {
    const ts = extractTargets({ text: plan('力争公办幼儿园、普惠性幼儿园在园幼儿比例分别达50%、85%以上。') });
    expect(ts.map((t) => t.indicator)).toEqual(['公办幼儿园在园幼儿比例', '普惠性幼儿园在园幼儿比例']);
    expect(ts.map((t) => t.hedge)).toEqual(['力争', '力争']);
  });

  it('reads 其中 sub-targets as targets of their own', () => {
    const ts = extractTargets({ text: plan('规模工业增加值增长9%以上，其中制造业增加值增长20%以上。') });
    expect(rows(ts)).toEqual<Row[]>([
      ['规模工业增加值', 9, null, '%', '以上'],
      ['制造业增加值', 20, null, '%', '以上'],
    ]);
  });

  it('separates 、-joined items that each name their indicator', () => {
    const ts = extractTargets({ text: plan('确保粮食播种面积138万亩以上、粮食总产量62万吨以上。') });
    expect(rows(ts)).toEqual<Row[]>([
      ['粮食播种面积', 138, null, '万亩', '以上'],
      ['粮食总产量', 62, null, '万吨', '以上'],
    ]);
  });

  it('gives a second verb after 、 the indicator just named', () => {
    const ts = extractTargets({ text: '今后五年经济社会发展的主要目标是：地区生产总值年均增长7.5%、突破3400亿元。' });
    expect(ts.map((t) => [t.indicator, t.value, t.unit, t.direction, t.kind])).toEqual([
      ['地区生产总值', 7.5, '%', 'increase', 'other'],
      ['地区生产总值', 3400, '亿元', 'increase', 'other'],
    ]);
  });

  it('gives a clause or member with no name that opens with a verb, a base or a hedge the indicator just named', () => {
    const read = (body: string) =>
      extractTargets({ text: plan(body) }).map((t) => [t.indicator, t.value, t.unit, t.qualifier, t.direction, t.hedge]);
    expect(read('研发经费投入强度提高0.3个百分点，达到2.6%。')).toEqual([
      ['研发经费投入强度', 0.3, '个百分点', '', 'increase', ''],
      ['研发经费投入强度', 2.6, '%', '', 'increase', ''],
    ]);
    // A hedge without a verb keeps the verb of the value before it.
    expect(read('地区生产总值增长6%以上、力争7%。')).toEqual([
      ['地区生产总值', 6, '%', '以上', 'increase', ''],
      ['地区生产总值', 7, '%', '', 'increase', '力争'],
    ]);
    // 较上年 compares the indicator just named, as "新增城镇就业较上年增长2%" would.
    expect(read('新增城镇就业6万人以上，较上年增长2%。')).toEqual([
      ['新增城镇就业', 6, '万人', '以上', 'level', ''],
      ['新增城镇就业', 2, '%', '', 'increase', ''],
    ]);
    // So does a base at the year's end (比上年末, 较去年底), as a plan compares stocks and rates.
    expect(read('常住人口达到120万人，比上年末增长1.5%。')).toEqual([
      ['常住人口', 120, '万人', '', 'increase', ''],
      ['常住人口', 1.5, '%', '', 'increase', ''],
    ]);
    // A difference in the value's own measure (a rate's points, the same unit) only restates it: one target.
    expect(read('常住人口城镇化率达到60%，比上年末提高1.2个百分点。')).toEqual([['常住人口城镇化率', 60, '%', '', 'increase', '']]);
    expect(read('新增城镇就业6万人以上，较去年底增长2%。').map((r) => r[0])).toEqual(['新增城镇就业', '新增城镇就业']);
  });

  it('does not carry an indicator past a clause without values, into a value glued to its own subject, or across an intro', () => {
    const read = (body: string) => extractTargets({ text: plan(body) }).map((t) => `${t.indicator}${t.value}${t.unit}`);
    expect(read('研发经费投入强度提高0.3个百分点，全社会创新活力增强，达到2.6%。')).toEqual(['研发经费投入强度0.3个百分点']);
    expect(read('园区规模工业增加值增长9.5%以上，力争2家以上产业园区进入全省50强。')).toEqual(['园区规模工业增加值9.5%']);
    expect(read('研发经费投入强度提高0.3个百分点。达到2.6%。')).toEqual(['研发经费投入强度0.3个百分点']);
  });

  it('reads a main list without 目标 in each item, across sentences, up to 围绕上述目标', () => {
    const text = plan(
      '主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长6%。城镇新增就业1.2万人，城镇调查失业率控制在5.5%以内。粮食产量稳定在60万吨。生态环境质量持续改善。围绕上述目标，重点抓好以下工作：新建学校3所。',
    );
    const ts = extractTargets({ text, year: 2022 });
    expect(ts.map((t) => [t.kind, t.indicatorKey, t.value, t.unit, t.qualifier, t.direction, t.hedge])).toEqual([
      ['main', '地区生产总值', 6.5, '%', '左右', 'increase', '预期'],
      ['main', '地方一般公共预算收入', 6, '%', '', 'increase', '预期'],
      ['main', '城镇新增就业', 1.2, '万人', '', 'level', '预期'],
      ['main', '城镇调查失业率', 5.5, '%', '以内', 'level', '预期'],
      ['main', '粮食产量', 60, '万吨', '', 'level', '预期'],
      // After the list: a count of work the plan sets, no list item.
      ['other', '新建学校', 3, '所', '', 'level', ''],
    ]);
  });

  it('reads ranges as value and valueMax', () => {
    const ts = extractTargets({ text: plan('主要预期目标是：地区生产总值增长5%-5.5%，固定资产投资增长5.5%至6%。') });
    expect(rows(ts)).toEqual<Row[]>([
      ['地区生产总值', 5, 5.5, '%', ''],
      ['固定资产投资', 5.5, 6, '%', ''],
    ]);
  });
});

describe('a target from a starting figure (由…提高到, 从…增加到) is named without the starting figure', () => {
  const read = (body: string, year = 2022) => rows(extractTargets({ text: plan(body), year }));

  it('drops 由/从, the year or words saying when, and the figure with its unit', () => {
    expect(read('全市地区生产总值由2021年的3500亿元增加到4300亿元以上。')).toEqual<Row[]>([['地区生产总值', 4300, null, '亿元', '以上']]);
    expect(read('城镇居民人均可支配收入从2021年底的5.2万元提高到5.6万元。')).toEqual<Row[]>([['城镇居民人均可支配收入', 5.6, null, '万元', '']]);
    expect(read('常住人口城镇化率由目前的58.3%提高到60%左右。')).toEqual<Row[]>([['常住人口城镇化率', 60, null, '%', '左右']]);
    expect(read('研发经费投入强度由1.9%提升到2.1%。')).toEqual<Row[]>([['研发经费投入强度', 2.1, null, '%', '']]);
    // Before: "地区生产总值由2021年的3500亿元", a name no other page's target shares.
  });

  it('leaves names that merely contain 由 or 从 alone', () => {
    expect(read('从业人员达到12万人以上。')).toEqual<Row[]>([['从业人员', 12, null, '万人', '以上']]);
    // A place (从化区) or a grade (3A级) with a figure in the name: the name stays, and so does the target.
    expect(read('从化区新建5G基站1000个以上。')).toEqual<Row[]>([['从化区新建5G基站', 1000, null, '个', '以上']]);
    expect(read('从化区5G基站达到1000个。')).toEqual<Row[]>([['从化区5G基站', 1000, null, '个', '']]);
    expect(read('由政府主导的3A级景区达到12家。')).toEqual<Row[]>([['由政府主导的3A级景区', 12, null, '家', '']]);
    expect(read('自由贸易试验区进出口额增长10%。')).toEqual<Row[]>([['自由贸易试验区进出口额', 10, null, '%', '']]);
  });
});

describe('a bare measure (产值, 产量, 投资) takes the subject the sentence has just named', () => {
  const read = (body: string) => extractTargets({ text: plan(body), year: 2022 }).map((t) => `${t.indicator}|${t.indicatorKey}|${t.value}${t.unit}`);

  it('from the list member before it, the projects of the clause before, or the industry the sentence is about', () => {
    // Shapes from seeds 003 and 004 and a test of the line-wrap reader; before, the names were 产量, 投资, 产值.
    expect(read('稳定粮食播面465万亩以上、产量196万吨以上。')).toEqual(['粮食播面|粮食播面|465万亩', '粮食产量|粮食产量|196万吨']);
    expect(read('实施省市重点项目310个以上，完成投资600亿元以上。')).toEqual(['实施省市重点项目|实施省市重点项目|310个', '省市重点项目投资|省市重点项目投资|600亿元']);
    expect(read('全年新开工项目100个以上，完成投资500亿元以上。')).toEqual(['新开工项目|新开工项目|100个', '新开工项目投资|新开工项目投资|500亿元']);
    // The projects as the list member before (seed 003: 实施市级重点建设项目280个、投资500亿元).
    expect(read('实施市级重点建设项目280个以上、投资500亿元以上。')).toEqual(['实施市级重点建设项目|实施市级重点建设项目|280个', '市级重点建设项目投资|市级重点建设项目投资|500亿元']);
    expect(read('推动电子信息产业集聚发展，力争产值突破30亿元。')).toEqual(['电子信息产业产值|电子信息产业产值|30亿元']);
    expect(read('推動電子信息產業集聚發展，力爭產值突破30億元。')).toEqual(['電子信息產業產值|电子信息产业产值|30亿元']);
    expect(read('中药材种植面积稳定在50万亩以上、总产值突破80亿元。')).toEqual(['中药材种植面积|中药材种植面积|50万亩', '中药材总产值|中药材总产值|80亿元']);
  });

  it('takes the industry without the verbs before it (加快发展, 培育壮大, 做大做强)', () => {
    // Before, the first verb opened the match and the rest went into the name: 发展文化旅游产业营业收入.
    expect(read('加快发展文化旅游产业，力争营业收入突破80亿元。')).toEqual(['文化旅游产业营业收入|文化旅游产业营业收入|80亿元']);
    expect(read('培育壮大战略性新兴产业，产值增长12%。')).toEqual(['战略性新兴产业产值|战略性新兴产业产值|12%']);
    expect(read('做大做强数字产业，力争产值突破300亿元。')).toEqual(['数字产业产值|数字产业产值|300亿元']);
  });

  it('stays bare when nothing names its subject, and never takes a chain, park or fund for an industry', () => {
    expect(read('力争产值突破30亿元。')).toEqual(['产值|产值|30亿元']);
    expect(read('完善电子信息产业链条，力争产值突破30亿元。')).toEqual(['产值|产值|30亿元']);
    expect(read('建设电子信息产业园，力争产值突破30亿元。')).toEqual(['产值|产值|30亿元']);
    // 产业化 is a way of working (农业产业化经营, 数字产业化), no industry: before, 农业产业营业收入 and 数字产业产值.
    expect(read('推进农业产业化经营，力争营业收入达到300亿元。')).toEqual(['营业收入|营业收入|300亿元']);
    expect(read('推动数字产业化和产业数字化，力争产值增长15%。')).toEqual(['产值|产值|15%']);
    // Investment goes to projects, not to an industry or a list member that is no measure of its own.
    expect(read('推动文旅产业发展，完成投资20亿元以上。')).toEqual(['投资|投资|20亿元']);
    expect(read('新建学校12所以上、投资5亿元以上。')).toEqual(['新建学校|新建学校|12所', '投资|投资|5亿元']);
    // A measure with its own subject is left as it is.
    expect(read('推动电子信息产业集聚发展，力争园区产值突破30亿元。')).toEqual(['园区产值|园区产值|30亿元']);
  });
});

describe('a doubling said in words (翻一番, 实现翻番, 实现倍增) names the value after it', () => {
  const read = (body: string, year = 2022) => rows(extractTargets({ text: plan(body), year }));

  it('keeps the explicit value, unit and qualifier after 翻一番 with the indicator before it', () => {
    const ts = extractTargets({ text: plan('地区生产总值比2020年翻一番，达到6000亿元以上。'), year: 2022 });
    expect(strip(ts)).toEqual([
      {
        kind: 'other', indicator: '地区生产总值', indicatorKey: '地区生产总值', value: 6000, valueMax: null, unit: '亿元',
        qualifier: '以上', direction: 'increase', hedge: '', year: 2022, section: '2022年工作安排',
      },
    ]);
    expect(ts[0]!.sentence).toBe('地区生产总值比2020年翻一番，达到6000亿元以上。');
  });

  it('reads the shapes of it: 、 instead of a comma, 翻两番, 实现翻番, 实现倍增, no verb before the value', () => {
    expect(read('地区生产总值较2020年翻一番、达到6000亿元以上。')).toEqual<Row[]>([['地区生产总值', 6000, null, '亿元', '以上']]);
    expect(read('地区生产总值比2020年翻一番达到6000亿元以上。')).toEqual<Row[]>([['地区生产总值', 6000, null, '亿元', '以上']]);
    expect(read('力争全市工业总产值在2020年基础上翻两番，突破1万亿元。')).toEqual<Row[]>([['工业总产值', 1, null, '万亿元', '']]);
    expect(read('数字经济规模实现翻番，突破3000亿元。')).toEqual<Row[]>([['数字经济规模', 3000, null, '亿元', '']]);
    expect(read('全社会研发经费投入较2020年实现倍增，超过100亿元。')).toEqual<Row[]>([['全社会研发经费投入', 100, null, '亿元', '']]);
    expect(read('地区生产总值比2020年翻一番以上，年均增长7.2%。')).toEqual<Row[]>([['地区生产总值', 7.2, null, '%', '']]);
  });

  it('gives 分别 after it the members of the indicator, and the list its kind and horizon', () => {
    expect(read('城乡居民人均可支配收入比2020年翻一番，分别达到6万元、3万元以上。')).toEqual<Row[]>([
      ['城镇居民人均可支配收入', 6, null, '万元', '以上'],
      ['农村居民人均可支配收入', 3, null, '万元', '以上'],
    ]);
    const ts = extractTargets({ text: '今后五年的主要目标是：地区生产总值比2020年翻一番，达到6000亿元以上，城镇调查失业率控制在5.5%以内。', year: 2022 });
    expect(ts.map((t) => [t.kind, t.indicator, t.value, t.unit, t.qualifier, t.hedge, t.year])).toEqual([
      ['other', '地区生产总值', 6000, '亿元', '以上', '目标', 2026],
      ['other', '城镇调查失业率', 5.5, '%', '以内', '目标', 2026],
    ]);
  });

  it('keeps the base out of the name however it is written (与…相比, 同…相比, 年底/年末), and reads 一倍 as a value', () => {
    expect(read('地区生产总值与2020年相比翻一番，达到6000亿元以上。')).toEqual<Row[]>([['地区生产总值', 6000, null, '亿元', '以上']]);
    expect(read('地区生产总值同2020年相比增长50%以上，与上年相比增长6%。')).toEqual<Row[]>([
      ['地区生产总值', 50, null, '%', '以上'],
      ['地区生产总值', 6, null, '%', ''],
    ]);
    expect(read('单位地区生产总值能耗较2020年底下降14%，二氧化碳排放量比2020年末下降18%。')).toEqual<Row[]>([
      ['单位地区生产总值能耗', 14, null, '%', ''],
      ['二氧化碳排放量', 18, null, '%', ''],
    ]);
    expect(read('地区生产总值比2020年增长一倍，达到6000亿元以上。')).toEqual<Row[]>([['地区生产总值', 6000, null, '亿元', '以上']]);
    expect(read('全社会研发经费投入比2020年增长一倍以上。')).toEqual<Row[]>([['全社会研发经费投入', 1, null, '倍', '以上']]);
    // As 1倍 was already.
    expect(read('全社会研发经费投入比2020年增长1倍以上。')).toEqual<Row[]>([['全社会研发经费投入', 1, null, '倍', '以上']]);
    // A written-out 一 with another measure word is still idiom.
    expect(read('确保不漏一户、不落一人。')).toEqual([]);
  });

  it('does not keep a doubling that was achieved: in a review, with 已/了, or under a past year', () => {
    expect(extractTargets({ text: '一、过去五年工作回顾\n地区生产总值比2015年翻一番，达到6000亿元以上。', year: 2021 })).toEqual([]);
    expect(read('地区生产总值比2015年已翻一番，达到6000亿元以上。')).toEqual([]);
    expect(read('地区生产总值比2015年翻了一番，达到6000亿元以上。')).toEqual([]);
    expect(read('地区生产总值比2015年实现了翻番，达到6000亿元以上。')).toEqual([]);
    expect(read('2020年，地区生产总值比2015年翻一番，达到6000亿元以上。')).toEqual([]);
    expect(extractTargets({ text: '2020年，地区生产总值比2015年翻一番，达到6000亿元以上。', year: 2022 })).toEqual([]);
  });

  it('invents no value for a doubling alone, and 倍增 as a programme name names nothing', () => {
    expect(read('地区生产总值比2020年翻一番。')).toEqual([]);
    expect(read('深入实施企业上市破零倍增，力争达到10家以上。')).toEqual([]);
    expect(read('实施市场主体倍增工程，达到10万户以上。')).toEqual([]);
  });
});

describe('forward-looking vs past', () => {
  it('ignores a whole review section and reads the plan after it', () => {
    const text = [
      '一、2021年工作回顾',
      '过去一年，地区生产总值增长8.3%，城镇调查失业率控制在5.5%以内，粮食产量稳定在60万吨以上。',
      '二、2022年工作安排',
      '今年，确保粮食产量稳定在60万吨以上。',
    ].join('\n');
    const ts = extractTargets({ text });
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({ indicator: '粮食产量', value: 60, qualifier: '以上', hedge: '确保', year: 2022, section: '2022年工作安排' });
  });

  it('drops sentences with past cues even without a review heading', () => {
    for (const s of [
      '全年完成了投资120亿元以上。',
      '进出口总额达1656.9亿元，同比增长2.2%。',
      '地区生产总值比上年增长8%以上。',
      '2021年，全市新增就业5万人以上。',
      '预计全年增长8%左右。',
    ]) {
      expect(extractTargets({ text: s, year: 2022 })).toEqual([]);
    }
  });

  it('in an untitled text, needs a qualifier or a hedge, not just a verb', () => {
    expect(extractTargets({ text: '长沙A股上市公司总数增至79家，继续领跑中部城市。', year: 2022 })).toEqual([]);
    expect(extractTargets({ text: '力争高新技术企业突破550家。', year: 2022 })).toHaveLength(1);
  });

  it('uses 到2025年 and 十四五期间 for the target year', () => {
    const ts = extractTargets({ text: plan('到2025年，力争城镇化率达到60%以上。“十四五”期间，确保森林覆盖率稳定在65%以上。'), year: 2022 });
    expect(ts.map((t) => [t.indicator, t.year])).toEqual([
      ['城镇化率', 2025],
      ['森林覆盖率', 2025],
    ]);
  });

  it('does not read a list intro inside a review ("实现了…主要预期目标。")', () => {
    const text = '一、过去五年工作回顾\n较好实现了市五届人大一次会议确定的主要预期目标。地区生产总值达到1860亿元，年均增长7.4%。';
    expect(extractTargets({ text, year: 2022 })).toEqual([]);
  });
});

describe('goal statements', () => {
  it('reads "目标：" lines and "奋斗目标是：" intros', () => {
    const ts = extractTargets({ text: '关键词 1 城乡面貌\n目标：稳步推进城乡面貌向更高层次跃升\n今后五年的奋斗目标是：基本实现现代化建设迈出坚实步伐。', year: 2022 });
    expect(ts.map((t) => [t.kind, t.indicator, t.year, t.value])).toEqual([
      ['goal', '稳步推进城乡面貌向更高层次跃升', 2022, null],
      ['goal', '基本实现现代化建设迈出坚实步伐', 2026, null],
    ]);
  });

  it('reads traditional 遠景目標 headings', () => {
    const ts = extractTargets({ text: '3.二〇三五年遠景目標。到二〇三五年，基本建成現代化經濟體系。人民生活更加美好。', year: 2020 });
    expect(ts.map((t) => [t.indicator, t.indicatorKey, t.year])).toEqual([
      ['基本建成現代化經濟體系', '基本建成现代化经济体系', 2035],
      ['人民生活更加美好', '人民生活更加美好', 2035],
    ]);
  });

  it('reads the paragraph after a goal heading alone on its line (a page’s <h3>) when it is a vision or introduces bullets', () => {
    const lines = [
      '衡山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      '第一节 二〇三五年远景目标',
      '展望二〇三五年，全市综合实力大幅跃升，基本实现新型工业化。人民生活更加美好。',
      '第二节 “十四五”时期经济社会发展主要目标',
      '锚定二〇三五年远景目标，今后五年全市经济社会发展要努力实现以下主要目标。',
      '——经济发展取得新成效。地区生产总值年均增长6%左右。',
      '——民生福祉达到新水平。',
    ];
    const text = lines.join('\n');
    const headings = [0, 1, 3].map((i) => ({ text: lines[i]!, level: i ? 2 : 1, start: lines.slice(0, i).join('\n').length + (i ? 1 : 0) }));
    for (const ts of [extractTargets({ text, year: 2021, headings }), extractTargets({ text, year: 2021 })]) {
      expect(ts.map((t) => [t.kind, t.indicator, t.year])).toEqual([
        ['goal', '全市综合实力大幅跃升', 2035],
        ['goal', '人民生活更加美好', 2035],
        ['goal', '经济发展取得新成效', 2025],
        ['other', '地区生产总值', 2025],
        ['goal', '民生福祉达到新水平', 2025],
      ]);
    }
  });

  it('reads no goal from the opening of a year’s 主要目标 section', () => {
    const text = '衡山市2024年政府工作报告\n二、2024年经济社会发展的主要目标\n今年是实施“十四五”规划的关键之年。\n今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。';
    expect(extractTargets({ text }).map((t) => [t.kind, t.indicator])).toEqual([['main', '地区生产总值']]);
  });
});

describe('scripts and noise give the same result', () => {
  const simplified = plan('2022年全县经济社会发展的主要预期目标地区生产总值增长8.5%以上，进出口总额增长15%左右。\n确保粮食播种面积138万亩以上、粮食总产量62万吨以上。');
  const traditional = plan('2022年全縣經濟社會發展的主要預期目標地區生產總值增長8.5%以上，進出口總額增長15%左右。\n確保糧食播種麵積138萬畝以上、糧食總產量62萬噸以上。');
  const messy = plan('2022年全縣經濟社會發展的主要預期目標地區生產(chǎn)總值增長８．５％以上，進出口總額增長１５％左右。\n確保糧食播種麵積138萬畝以上、关键词2糧食總產量62萬噸以上。');

  /** Everything but the shown name, which each page writes in its own script. */
  const unnamed = (ts: Target[]) => strip(ts).map(({ indicator: _i, ...rest }) => rest);
  // 播種麵積: the mirror over-converted 面; the name says 面積 as the page meant (OpenCC's phrases, of which
  // lib/text/over-conversion keeps the few that take 麵/製, tell it from 麵粉). The sentence is the page's.
  const TRADITIONAL_NAMES = ['地區生產總值', '進出口總額', '糧食播種面積', '糧食總產量'];

  it('traditional and simplified give the same targets, each named in its own script', () => {
    const a = extractTargets({ text: simplified });
    const b = extractTargets({ text: traditional });
    expect(a).toHaveLength(4);
    expect(unnamed(b)).toEqual(unnamed(a));
    expect(a.map((t) => t.indicator)).toEqual(['地区生产总值', '进出口总额', '粮食播种面积', '粮食总产量']);
    expect(b.map((t) => t.indicator)).toEqual(TRADITIONAL_NAMES);
    expect(b.map((t) => t.indicatorKey)).toEqual(['地区生产总值', '进出口总额', '粮食播种面积', '粮食总产量']);
  });

  it('full-width digits, pinyin residue and spam tokens do not change the result', () => {
    const a = extractTargets({ text: simplified });
    const b = extractTargets({ text: messy });
    expect(unnamed(b)).toEqual(unnamed(a));
    // 生產(chǎn)總值: the residue the fold dropped stays out of the name.
    expect(b.map((t) => t.indicator)).toEqual(TRADITIONAL_NAMES);
    for (const t of b) expect(messy.slice(t.start, t.end)).toBe(t.sentence);
    expect(b[0]!.sentence).toContain('生產(chǎn)總值增長８．５％以上');
  });

  it('over-converted mirror text folds too (全麵, 控製)', () => {
    const ts = extractTargets({ text: plan('全麵推進，將占比控製在5%以內。') });
    expect(ts.map((t) => [t.indicator, t.value, t.qualifier, t.direction])).toEqual([['占比', 5, '以内', 'level']]);
  });
});

describe('headings and years from the input', () => {
  it('uses DOM headings for the section path and the review/plan split', () => {
    const text = '2021年工作回顾\n粮食产量稳定在60万吨以上。\n2022年工作安排\n粮食产量稳定在62万吨以上。';
    const headings = [
      { text: '2021年工作回顾', level: 2, start: 0 },
      { text: '2022年工作安排', level: 2, start: text.indexOf('2022年工作安排') },
    ];
    const ts = extractTargets({ text, headings, year: 2022 });
    expect(ts.map((t) => [t.value, t.section])).toEqual([[62, '2022年工作安排']]);
  });

  it('takes input.year over the text, and the title line over neither', () => {
    expect(extractTargets({ text: '力争粮食产量稳定在60万吨以上。', year: 2023 })[0]!.year).toBe(2023);
    // In a 2023 report a "2022年工作安排" heading is last year's: nothing under it is a target.
    expect(extractTargets({ text: plan('力争粮食产量稳定在60万吨以上。'), year: 2023 })).toEqual([]);
    expect(extractTargets({ text: plan('力争粮食产量稳定在60万吨以上。'), year: 2022 })[0]!.year).toBe(2022);
    expect(extractTargets({ text: '衡南县2022年政府工作报告\n力争粮食产量稳定在60万吨以上。', year: null })[0]!.year).toBe(2022);
  });
});

describe('bad input', () => {
  it('returns [] for empty or blank text and odd input', () => {
    expect(extractTargets({ text: '' })).toEqual([]);
    expect(extractTargets({ text: '   \n\n ' })).toEqual([]);
    expect(extractTargets({} as never)).toEqual([]);
    expect(extractTargets({ text: 'x', headings: [{ text: 'bad', level: 1, start: 99 }] })).toEqual([]);
  });

  it('survives unbalanced brackets and quotes', () => {
    const text = plan('（（（确保“粮食产量稳定在60万吨以上（【【“”“。）））力争(（增长8%以上]]]”');
    const ts = extractTargets({ text });
    expect(ts.length).toBeGreaterThan(0);
    for (const t of ts) expect(text.slice(t.start, t.end)).toBe(t.sentence);
  });

  it('handles pathological repetition in linear time', () => {
    const cases = [
      '主要预期目标是:'.repeat(50000),
      '。一、'.repeat(100000),
      '('.repeat(200000) + '一、' + '（'.repeat(100000),
      '增长'.repeat(200000) + '5%以上',
      '关键词2'.repeat(100000),
      '\n'.repeat(300000),
    ];
    // No clock here (timings belong to `npm run bench`): a regex that backtracked on these would
    // not finish at all, and the runner's test timeout catches that — a generous one, as this takes
    // 1–3 s alone and went past vitest's 5 s default on a machine busy with other test runs.
    for (const text of cases) expect(() => extractTargets({ text })).not.toThrow();
  }, 30_000);

  it('reads 1 MB of number-heavy noise without throwing', () => {
    let x = 7;
    const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = '一二三四五六七八九十百千万亿0123456789.%、，。；：（）()[]【】“”"以上左右以内增长下降控制在确保力争目标主要预期是关键词2\n 年月日个家亩吨元';
    let chunk = '';
    for (let n = 0; n < 10_000; n++) chunk += alphabet[Math.floor(rnd() * alphabet.length)]!;
    // 100 shifted copies of a random 10 KB block: 1 MB without a million-element array.
    let text = '';
    for (let n = 0; n < 100; n++) text += chunk.slice(n) + chunk.slice(0, n);
    const ts = extractTargets({ text });
    for (const t of ts) expect(text.slice(t.start, t.end)).toBe(t.sentence);
  }, 30_000);
});

describe('sentences too long to keep whole (a report without full stops)', () => {
  // 400 clauses joined by commas and no 。 until the end: one sentence of 6,332 characters.
  const filler = Array.from({ length: 400 }, (_, i) => `推进第${i}项重点工作落地见效`).join('，');
  const body = `今年发展主要预期目标是：地区生产总值增长6%左右，${filler}，城镇调查失业率控制在5.5%以内。`;
  const text = `2024年政府工作报告\n${body}\n另外一句。`;
  const bodyStart = text.indexOf(body);
  const unmarked = (t: Target) => t.sentence.replace(/^…/, '').replace(/…$/, '');

  it('keeps a window of MAX_SENTENCE characters around each target, marked … where cut, with its offsets', () => {
    expect(body.length).toBe(6332);
    const ts = extractTargets({ text, headings: [{ text: '2024年政府工作报告', level: 1, start: 0 }] });
    expect(rows(ts)).toEqual<Row[]>([
      ['地区生产总值', 6, null, '%', '左右'],
      ['城镇调查失业率', 5.5, null, '%', '以内'],
    ]);
    const [first, last] = ts as [Target, Target];
    // The first target stands at the sentence's start: the window starts there and is cut at its end.
    expect(first.start).toBe(bodyStart);
    expect(first.end).toBe(bodyStart + MAX_SENTENCE);
    expect(first.sentence).toBe(text.slice(bodyStart, bodyStart + MAX_SENTENCE) + '…');
    expect(first.sentence.startsWith('今年发展主要预期目标是：地区生产总值增长6%左右，')).toBe(true);
    // The last one closes the sentence: the window ends with it and is cut at its start.
    expect(last.end).toBe(bodyStart + body.length);
    expect(last.start).toBe(last.end - MAX_SENTENCE);
    expect(last.sentence).toBe('…' + text.slice(last.start, last.end));
    expect(last.sentence.endsWith('，城镇调查失业率控制在5.5%以内。')).toBe(true);
    for (const t of ts) {
      expect(unmarked(t)).toBe(text.slice(t.start, t.end));
      expect(t.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE + 2);
    }
  });

  it('centres the window on a target in the middle of the sentence', () => {
    const mid = `今年发展主要预期目标是：${filler}，粮食产量稳定在60万吨以上，${filler}。`;
    const ts = extractTargets({ text: plan(mid) });
    expect(rows(ts)).toEqual<Row[]>([['粮食产量', 60, null, '万吨', '以上']]);
    const t = ts[0]!;
    const clause = '粮食产量稳定在60万吨以上';
    const at = plan(mid).indexOf(clause);
    const room = MAX_SENTENCE - clause.length;
    expect([t.start, t.end]).toEqual([at - Math.floor(room / 2), at + clause.length + Math.ceil(room / 2)]);
    expect(t.sentence).toBe('…' + plan(mid).slice(t.start, t.end) + '…');
  });

  it('marks a value 目标 when its own clause or the sentence’s intro says so, not for a goal another clause names', () => {
    const hedgeOf = (body: string) => extractTargets({ text: plan(body), year: 2022 }).map((t) => `${t.indicator}:${t.hedge}`);
    expect(hedgeOf('坚持“强县、活乡、稳村、惠民”目标，以智慧医疗建设为抓手，县域民办义务教育在校生规模占比控制在5%以内。')).toEqual(['县域民办义务教育在校生规模占比:']);
    expect(hedgeOf('民生工作的目标是：县域民办义务教育在校生规模占比控制在5%以内。')).toEqual(['县域民办义务教育在校生规模占比:目标']);
    expect(hedgeOf('以智慧医疗建设为抓手，实现县域民办义务教育在校生规模占比控制在5%以内的目标。')).toEqual(['县域民办义务教育在校生规模占比:目标']);
  });

  it('names a goal by its first clause, cut at 40 characters with …', () => {
    const clause = '基本建成区域性枢纽经济中心先进制造业中心科技创新中心教育医疗中心文旅康养中心和现代化生态宜居城市';
    const ts = extractTargets({ text: `关键词 1 城乡面貌\n目标：${clause}，人民生活更加美好`, year: 2022 });
    expect(ts.map((t) => [t.kind, t.indicator, t.indicatorKey])).toEqual([['goal', `${clause.slice(0, 40)}…`, `${clause.slice(0, 40)}…`]]);
    // A first clause of 40 or fewer stays whole, without the mark.
    expect(extractTargets({ text: `关键词 1 城乡面貌\n目标：${clause.slice(0, 40)}，人民生活更加美好`, year: 2022 })[0]!.indicator).toBe(clause.slice(0, 40));
  });

  it('keeps a long goal statement from its start', () => {
    const goal = `目标：${Array.from({ length: 200 }, () => '稳步推进城乡面貌向更高层次跃升').join('，')}`;
    const ts = extractTargets({ text: `关键词 1 城乡面貌\n${goal}`, year: 2022 });
    expect(ts.map((t) => [t.kind, t.indicator])).toEqual([['goal', '稳步推进城乡面貌向更高层次跃升']]);
    expect(ts[0]!.sentence).toBe(goal.slice(0, MAX_SENTENCE) + '…');
  });

  it('sentenceWindow: short sentences whole, a too-long own span keeps its end, never half a surrogate pair', () => {
    expect(sentenceWindow('abc', 0, 3, 1, 2)).toEqual({ sentence: 'abc', start: 0, end: 3 });
    const long = 'x'.repeat(3000);
    expect(sentenceWindow(long, 0, 3000, 100, 2500)).toEqual({ sentence: '…' + 'x'.repeat(MAX_SENTENCE) + '…', start: 1500, end: 2500 });
    // 𠮷 is a surrogate pair: a cut between its halves moves inside the window.
    const astral = '𠮷'.repeat(1500);
    for (const [a, b] of [[1001, 1001], [1000, 1000]] as const) {
      const w = sentenceWindow(astral, 0, astral.length, a, b);
      expect(w.sentence.replace(/…/g, '')).toMatch(/^(?:𠮷)+$/);
      expect(w.sentence.replace(/…/g, '')).toBe(astral.slice(w.start, w.end));
    }
  });
});

describe('list intros and list marks', () => {
  const read = (text: string) => extractTargets({ text, year: 2025 }).map((t) => [t.kind, t.indicator, t.value, t.unit, t.hedge]);

  it('reads intros a draft words with a verb: 安排如下：, 建议为：, 拟定为', () => {
    const items = [
      ['main', '地区生产总值', 6, '%', '预期'],
      ['main', '城镇新增就业', 4, '万人', '预期'],
    ];
    expect(read('主要预期目标安排如下：地区生产总值增长6%左右；城镇新增就业4万人。')).toEqual(items);
    expect(read('主要预期目标建议为：地区生产总值增长6%左右；城镇新增就业4万人。')).toEqual(items);
    expect(read('今年主要预期目标拟定为地区生产总值增长6%左右，城镇新增就业4万人。')).toEqual(items);
    // Without such a word a bare number (城镇新增就业4万人) is still not a target.
    expect(read('主要预期目标的安排经过反复测算。城镇新增就业4万人。')).toEqual([]);
  });

  it('drops list marks from indicator names and keys', () => {
    const ts = extractTargets({
      text: '主要预期目标是：\n——地区生产总值增长6%左右；\n①规模工业增加值增长7%；\n（一）固定资产投资增长5%；\n(2)城镇新增就业4万人；\n●社会消费品零售总额增长6%。',
      year: 2025,
    });
    expect(ts.map((t) => [t.indicator, t.indicatorKey])).toEqual([
      ['地区生产总值', '地区生产总值'],
      ['规模工业增加值', '规模工业增加值'],
      ['固定资产投资', '固定资产投资'],
      ['城镇新增就业', '城镇新增就业'],
      ['社会消费品零售总额', '社会消费品零售总额'],
    ]);
    expect(indicatorKey('——地区生产总值')).toBe('地区生产总值');
    expect(indicatorKey('①规模以上工业增加值')).toBe('规模工业增加值');
    // A name that starts with a digit keeps it.
    expect(indicatorKey('5G基站')).toBe('5G基站');
  });

  it('drops ASCII and full-width symbols a page left before a name (markdown marks, text that looks like a tag)', () => {
    const ts = extractTargets({
      text: '主要预期目标是：地区生产总值增长6%左右，<img src=x onerror=alert(1)>规上工业增加值增长8%左右，#固定资产投资增长5%，* 城镇新增就业4万人，＞社会消费品零售总额增长6%。',
      year: 2025,
    });
    // Before: >规上工业增加值, #固定资产投资, * 城镇新增就业 (a page's markdown list), ＞社会消费品零售总额.
    expect(ts.map((t) => t.indicator)).toEqual(['地区生产总值', '规上工业增加值', '固定资产投资', '城镇新增就业', '社会消费品零售总额']);
  });
});

describe('hedges are words', () => {
  it('does not read 预期 in 人均预期寿命 as the hedge, nor strip it from the name', () => {
    const ts = extractTargets({ text: plan('新增城镇就业6万人以上，人均预期寿命达到79.5岁。') });
    expect(ts.map((t) => [t.indicator, t.value, t.hedge])).toEqual([
      ['新增城镇就业', 6, ''],
      ['人均预期寿命', 79.5, ''],
    ]);
    const hedged = extractTargets({ text: plan('力争全年新增城镇就业6万人，预期寿命达到79.5岁。') });
    expect(hedged.map((t) => [t.indicator, t.hedge])).toEqual([
      ['新增城镇就业', '力争'],
      ['预期寿命', '力争'],
    ]);
  });
});

describe('a hedge between the name and its value is no part of the name', () => {
  it('strips 预期 / 目标 / 增长目标为 (news, 数读 lines), keeping 人均预期寿命 whole', () => {
    const news = (body: string) => extractTargets({ text: body, year: 2024 }).map((t) => [t.indicator, t.indicatorKey, t.value, t.hedge]);
    expect(news('今年全市地区生产总值预期增长6%左右，城镇新增就业目标4.5万人以上。')).toEqual([
      ['地区生产总值', '地区生产总值', 6, '预期'],
      ['城镇新增就业', '城镇新增就业', 4.5, '预期'],
    ]);
    expect(news('今年全市GDP增长目标为5%左右。')).toEqual([['GDP', '地区生产总值', 5, '目标']]);
    expect(news('▶2024年 森林覆盖率目标值为62%以上')).toEqual([['森林覆盖率', '森林覆盖率', 62, '目标']]);
    expect(news('今年全市人均预期寿命达到80岁以上。')).toEqual([['人均预期寿命', '人均预期寿命', 80, '']]);
  });
});

describe('words of time and speech before a name are no part of it', () => {
  it('strips an adverb with its modal (还要, 也要, 先要) and the year’s end (年末, 年底前)', () => {
    const read = (body: string) => extractTargets({ text: plan(body) }).map((t) => t.indicator);
    expect(read('今年还要新增规模以上工业企业150家以上。')).toEqual(['新增规模以上工业企业']);
    expect(read('先要新增规模以上工业企业150家以上，也要确保粮食产量稳定在60万吨以上。')).toEqual(['新增规模以上工业企业', '粮食产量']);
    expect(read('年底前建成5G基站1000个以上，年末金融机构存款余额增长8%以上。')).toEqual(['建成5G基站', '金融机构存款余额']);
  });
});

describe('movement verbs, bounds said by the verb, conditions and forecasts', () => {
  const read = (body: string) =>
    extractTargets({ text: plan(body) }).map((t) => [t.indicator, t.value, t.unit, t.qualifier, t.direction]);

  it('ends the indicator before 缩小到/回落至/上涨 and reads their direction', () => {
    expect(read('城乡居民收入比缩小到1.7以下。')).toEqual([['城乡居民收入比', 1.7, '', '以内', 'decrease']]);
    expect(read('居民消费价格上涨3%左右。')).toEqual([['居民消费价格', 3, '%', '左右', 'increase']]);
  });

  it('reads 低于/高于 as the bound they say', () => {
    expect(read('城镇调查失业率低于5.5%。')).toEqual([['城镇调查失业率', 5.5, '%', '以内', 'level']]);
    expect(read('粮食综合产能高于60万吨。')).toEqual([['粮食综合产能', 60, '万吨', '以上', 'level']]);
  });

  it('rejects a condition, a risk or a forecast', () => {
    expect(read('如果外部环境进一步恶化，地区生产总值增速可能回落至4%左右。')).toEqual([]);
    expect(read('一旦需求收缩，规模工业增加值增长5%左右。')).toEqual([]);
    expect(read('全年基建投资增速有望回升至8%至10%。')).toEqual([]);
    expect(read('全年有望实现6%左右的增长。')).toEqual([]);
    // 尽可能 is effort, not risk.
    expect(read('尽可能使森林覆盖率稳定在65%以上。')).toEqual([['森林覆盖率', 65, '%', '以上', 'level']]);
  });

  it('reads "实现6%左右的增长" for the indicator before it', () => {
    expect(read('全市地区生产总值实现6%左右的增长。')).toEqual([['地区生产总值', 6, '%', '左右', 'increase']]);
    expect(read('一般公共预算收入实现5%的下降。')).toEqual([['一般公共预算收入', 5, '%', '', 'decrease']]);
  });
});

describe('a heading that names the list (third audit)', () => {
  const kinds = (text: string, headings: { text: string; level: number; start: number }[] = []) =>
    extractTargets({ text, headings, year: 2025 }).map((t) => `${t.kind}:${t.indicator}${t.value}${t.unit}`);

  it('opens the list as an intro does, once, up to where an intro’s list would end', () => {
    const text = '【主要预期目标】\n地区生产总值增长6%左右\n城镇新增就业5万人以上\n【重点工作】\n确保粮食产量稳定在30万吨以上';
    expect(kinds(text, [{ text: '【主要预期目标】', level: 3, start: 0 }, { text: '【重点工作】', level: 3, start: text.indexOf('【重点') }])).toEqual([
      'main:地区生产总值6%',
      'main:城镇新增就业5万人',
      'other:粮食产量30万吨',
    ]);
    const report = '二、2025年主要预期目标\n今年主要预期目标是：地区生产总值增长6%左右。围绕上述目标，全年新建5G基站1000个以上。';
    expect(kinds(report)).toEqual(['main:地区生产总值6%', 'other:新建5G基站1000个']);
  });
});
