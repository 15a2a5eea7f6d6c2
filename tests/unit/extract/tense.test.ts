import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}${t.value}${t.valueMax !== null ? `-${t.valueMax}` : ''}${t.unit}${t.qualifier}`);

/** A 解读 page: no heading says review or plan, so the sentences decide. */
const interp = (body: string) => extractTargets({ text: `一图读懂2023年衡山市政府工作报告\n${body}` });
/** A work report's plan section. */
const plan = (body: string) =>
  extractTargets({ text: `衡山市2023年政府工作报告\n一、2022年工作回顾\n过去一年，全市地区生产总值增长7.5%。\n二、2023年工作安排\n${body}` });

describe('past cues in a sentence (item 3)', () => {
  const past = [
    '“十三五”期间，全市地区生产总值年均增长7.8%左右。',
    '“十三五”时期，全市地区生产总值年均增长7.8%以上。',
    '「十三五」時期，全市地區生產總值年均增長7.8%以上。',
    '“十二五”以来，全市城镇新增就业5万人以上。',
    '上半年，全市地区生产总值增长7.5%左右。',
    '前三季度，全市地区生产总值增长7.5%左右。',
    '今年1-11月，全市规模工业增加值增长8.2%左右。',
    '1—11月，全市规模工業增加值增長8.2%以上。',
    '全年全市地区生产总值增长7.5%左右，圆满完成年度目标任务。',
    '全市地区生产总值增长7.5%左右，超额完成年初目标。',
    '全市地區生產總值增長7.5%左右，超額完成年初目標。',
  ];
  for (const p of past) it(`rejects "${p}"`, () => expect(show(interp(p))).toEqual([]));

  it('carries a review frame to the next sentences of the paragraph', () => {
    expect(show(interp('报告回顾了过去一年的工作。全市地区生产总值增长7.5%左右，城镇登记失业率控制在4.5%以内。'))).toEqual([]);
    expect(show(interp('一年来，我们攻坚克难。地区生产总值增长7.5%左右，粮食产量稳定在50万吨以上。'))).toEqual([]);
    expect(show(interp('2022年，全市经济稳中有进。地区生产总值增长7.5%左右，城镇登记失业率控制在4.5%以内。'))).toEqual([]);
  });

  it('keeps targets: a frame ends at a sentence that looks ahead, at the paragraph end', () => {
    expect(show(interp('报告回顾了过去一年的工作。报告提出，今年全市地区生产总值增长8%以上，城镇调查失业率控制在5.5%以内。'))).toEqual([
      '地区生产总值8%以上',
      '城镇调查失业率5.5%以内',
    ]);
    expect(show(interp('报告回顾了过去一年的工作。\n全市地区生产总值增长8%以上。'))).toEqual(['地区生产总值8%以上']);
    // Looking back and ahead in one breath opens no frame.
    expect(show(interp('回顾过去，展望未来。全市地区生产总值增长8%以上。'))).toEqual(['地区生产总值8%以上']);
  });

  it('keeps targets that name a period, a part of the year or completion with a modal', () => {
    expect(show(interp('力争上半年全市地区生产总值增长6%以上。'))).toEqual(['地区生产总值6%以上']);
    expect(show(interp('确保圆满完成全年目标任务，全市地区生产总值增长8%以上。'))).toEqual(['地区生产总值8%以上']);
    expect(show(plan('到2025年，单位地区生产总值能耗比“十三五”末下降13.5%以上。'))).toEqual(['单位地区生产总值能耗13.5%以上']);
    expect(show(plan('力争“十四五”期间地区生产总值年均增长7%以上。'))).toEqual(['地区生产总值7%以上']);
  });
});

describe('a past-looking word in a main-target list (item 4)', () => {
  it('reads 比上年 as a comparison base and keeps every item', () => {
    const ts = plan('今年全市经济社会发展的主要预期目标是：地区生产总值增长8%左右，一般公共预算收入增长6%，城镇调查失业率控制在5.5%以内，单位地区生产总值能耗比上年下降3%。');
    expect(show(ts)).toEqual(['地区生产总值8%左右', '一般公共预算收入6%', '城镇调查失业率5.5%以内', '单位地区生产总值能耗3%']);
    expect(ts.every((t) => t.kind === 'main')).toBe(true);
  });

  it('reads 在去年基础上 the same way (traditional too)', () => {
    expect(show(plan('今年主要预期目标是：地区生产总值增长8%左右，一般公共预算收入在去年基础上增长6%，城镇调查失业率控制在5.5%以内。'))).toEqual([
      '地区生产总值8%左右',
      '一般公共预算收入6%',
      '城镇调查失业率5.5%以内',
    ]);
    expect(show(plan('今年主要預期目標是：地區生產總值增長8%左右，一般公共預算收入在去年基礎上增長6%。'))).toEqual(['地區生產總值8%左右', '一般公共預算收入6%']);
  });

  it('drops only the clause that looks back', () => {
    expect(show(plan('今年主要预期目标是：地区生产总值增长8%左右，城镇调查失业率控制在5.5%以内，已纳入省考核的12项指标全面完成。'))).toEqual([
      '地区生产总值8%左右',
      '城镇调查失业率5.5%以内',
    ]);
  });

  it('still rejects a list recalled from last year, and 比上年 where nothing says plan', () => {
    expect(show(interp('去年的主要预期目标是：地区生产总值增长7%左右，城镇调查失业率控制在5.5%以内。'))).toEqual([]);
    expect(show(interp('全市地区生产总值比上年增长7.5%左右。'))).toEqual([]);
  });

  it('reads 比上年 in a plan section as a base', () => {
    expect(show(plan('单位地区生产总值能耗比上年下降3%以上。'))).toEqual(['单位地区生产总值能耗3%以上']);
  });
});

describe('plan sections recall the past on the way to their targets', () => {
  it('keeps a target after a sentence that mentions 过去 as an aim', () => {
    expect(show(plan('（三）巩固拓展脱贫攻坚成果。巩固过去五年脱贫攻坚成果，守住不发生规模性返贫底线。农村居民人均可支配收入增长7%以上。'))).toEqual([
      '农村居民人均可支配收入7%以上',
    ]);
  });
  it('keeps targets measured against an ended five-year period or aimed at part of the year', () => {
    const gangyao = extractTargets({
      text:
        '衡阳市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展基础\n“十三五”时期，全市地区生产总值年均增长7.6%。\n' +
        '第四章 主要目标\n生态环境持续改善。森林覆盖率保持在47%以上，单位地区生产总值能耗比“十三五”时期末下降14%。\n' +
        '在“十三五”时期基础上，新增国家级创新平台20个以上。',
    });
    expect(show(gangyao)).toEqual(['森林覆盖率47%以上', '单位地区生产总值能耗14%', '新增国家级创新平台20个以上']);
    expect(show(plan('（六）加快工业发展。一季度规模工业增加值增长8%。'))).toEqual(['规模工业增加值8%']);
  });
});

describe('an ended five-year period dates what it governs, in a plan chapter too', () => {
  /** A 十四五 纲要 chapter as a page gives it: the title and the chapter as DOM headings. */
  const chapter = (body: string) => {
    const title = '衡山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';
    const ch = '第三章 坚持创新驱动发展，建设创新型城市';
    const text = `${title}\n${ch}\n${body}`;
    return extractTargets({ text, year: 2021, headings: [{ text: title, level: 1, start: 0 }, { text: ch, level: 2, start: title.length + 1 }] });
  };

  it('drops what the period before achieved, keeps what the plan sets after it', () => {
    expect(show(chapter('“十三五”期间，全市高新技术企业由2015年的260家增加到870家。'))).toEqual([]);
    expect(show(chapter('“十三五”时期，全市地区生产总值年均增长7.2%以上。'))).toEqual([]);
    expect(show(chapter('“十三五”期间全市高新技术企业增加到870家，到2025年突破1500家。'))).toEqual(['高新技术企业1500家']);
    // The running period looks ahead again.
    expect(show(chapter('“十三五”时期全市森林覆盖率稳定在59%以上，“十四五”时期要保持在60%以上。'))).toEqual(['森林覆盖率60%以上']);
  });

  it('leaves a period that is a base or still running alone', () => {
    expect(show(chapter('到2025年，单位地区生产总值能耗比“十三五”时期末下降14%。'))).toEqual(['单位地区生产总值能耗14%']);
    expect(show(chapter('较“十三五”时期，研发投入强度提高到2.5%。'))).toEqual(['研发投入强度2.5%']);
    expect(show(chapter('在“十三五”时期基础上，新增国家级创新平台20个以上。'))).toEqual(['新增国家级创新平台20个以上']);
    expect(show(chapter('力争“十四五”期间地区生产总值年均增长7%以上。'))).toEqual(['地区生产总值7%以上']);
  });
});

describe('a review frame behind a speaker label or a source lead-in (Q&A, news)', () => {
  /** An untitled text of 2025: no heading says review or plan. */
  const news = (body: string) => extractTargets({ text: body, year: 2025 });
  const tail = '全年新增市场主体5.1万户以上，城镇新增就业4.3万人。';

  it('reads the frame after 答：/记者：/局长： and 据统计，/数据显示，', () => {
    for (const lead of ['答：', '记者：', '市统计局局长：', '据统计，', '据市统计局初步核算，', '数据显示，', '答：据统计，']) {
      expect(show(news(`${lead}2024年，全市地区生产总值达到2850亿元，增长5.3%。${tail}`)), lead).toEqual([]);
      expect(show(news(`${lead}去年，全市地区生产总值增长5.3%。${tail}`)), lead).toEqual([]);
    }
  });

  it('a past year that governs the first sentence of a paragraph frames it without a comma', () => {
    expect(show(news(`2024年全市地区生产总值增长5.3%。${tail}`))).toEqual([]);
    expect(show(news(`截至2024年底，全市市场主体达到52万户。${tail}`))).toEqual([]);
    expect(show(news(`答：2024年全市经济稳中有进。${tail}`))).toEqual([]);
  });

  it('keeps what looks ahead: the year itself, a span into it, a later sentence with 今年, a new paragraph', () => {
    expect(show(news('答：今年，全市地区生产总值增长6%左右。'))).toEqual(['地区生产总值6%左右']);
    expect(show(news(`答：2024年全市经济稳中有进。今年力争新增市场主体5万户以上。`))).toEqual(['新增市场主体5万户以上']);
    expect(show(news(`答：2024年全市经济稳中有进。\n问：今年呢？\n答：新增市场主体5万户以上。`))).toEqual(['新增市场主体5万户以上']);
    // Not the paragraph's first sentence: a year in the middle of a paragraph needs its comma to frame.
    expect(show(news('全市经济稳中有进。2024年全市市场主体增长较快。新增市场主体5万户以上。'))).toEqual(['新增市场主体5万户以上']);
    // The label is not a lead-in when nothing past follows it.
    expect(show(news('据介绍，全市新增市场主体5万户以上。'))).toEqual(['新增市场主体5万户以上']);
  });
});

describe('a plan section still hears a past year, 截至, 以来 and 预计 of the past year', () => {
  /** A 2025 work report's plan section. */
  const plan25 = (body: string) => extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 });

  const past = [
    '2024年，全市粮食总产量达到62万吨以上。',
    '截至2024年底，全市建成5G基站1.2万个以上。',
    '“十四五”以来，全市高新技术企业数量突破1000家。',
    '今年以来，全市新增市场主体2万户以上。',
    '全市经济总量由2020年的3500亿元增加到2024年的4300亿元以上。',
    '预计2024年全市地区生产总值增长5%左右。',
    '到2024年底，全市累计建成5G基站1.2万个以上。',
  ];
  for (const p of past) it(`rejects "${p}"`, () => expect(show(plan25(p))).toEqual([]));

  it('keeps targets measured against a past year, aimed at a later one, or after a past clause and a new year', () => {
    expect(show(plan25('单位地区生产总值能耗比2020年下降13.5%。'))).toEqual(['单位地区生产总值能耗13.5%']);
    expect(show(plan25('与2020年相比，单位地区生产总值能耗下降13.5%以上。'))).toEqual(['单位地区生产总值能耗13.5%以上']);
    expect(show(plan25('一般公共预算收入在2024年基础上增长6%左右。'))).toEqual(['一般公共预算收入6%左右']);
    expect(show(plan25('到2027年，全市高新技术企业数量突破1500家。'))).toEqual(['高新技术企业数量1500家']);
    expect(show(plan25('2024年至2026年，全市新增市场主体5万户以上。'))).toEqual(['新增市场主体5万户以上']);
    expect(show(plan25('2024年全市粮食总产量60万吨，2025年粮食总产量力争达到62万吨以上。'))).toEqual(['粮食总产量62万吨以上']);
    expect(show(plan25('预计全年地区生产总值增长6%左右。'))).toEqual(['地区生产总值6%左右']);
  });

  it('where nothing says plan, 到 a past year is past too and a span into the report year is not', () => {
    const untitled = (body: string) => extractTargets({ text: body, year: 2025 });
    expect(show(untitled('全市5G基站到2024年底达到1.2万个以上。'))).toEqual([]);
    expect(show(untitled('2024年至2026年，全市新增市场主体5万户以上。'))).toEqual(['新增市场主体5万户以上']);
  });

  it('reads a main-target list clause by clause: a base year stays, a past year drops only its clause', () => {
    expect(show(plan25('今年主要预期目标是：地区生产总值增长6%左右，单位地区生产总值能耗比2020年下降13.5%，2024年新增的5G基站1.2万个以上全部开通。'))).toEqual([
      '地区生产总值6%左右',
      '单位地区生产总值能耗13.5%',
    ]);
  });
});

describe('累计 in a plan is a running-total target; tense by clause where a clause looks ahead', () => {
  const plan25 = (body: string) => extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 });

  it('keeps running totals a plan sets', () => {
    expect(show(plan25('——改革开放迈出新步伐。进出口总额年均增长8%，实际利用外资累计达到50亿美元。'))).toEqual(['进出口总额8%', '实际利用外资50亿美元']);
    expect(show(plan25('今后五年，全市累计新增城镇就业30万人以上，人均预期寿命达到79.5岁。'))).toEqual(['累计新增城镇就业30万人以上', '人均预期寿命79.5岁']);
  });

  it('rejects a running total said to be done, and any 累计 where nothing says plan', () => {
    expect(show(plan25('全市5G基站已累计建成1万个以上。'))).toEqual([]);
    expect(show(plan25('全市5G基站累计建成了1万个以上。'))).toEqual([]);
    expect(show(plan25('全市累计完成投资500亿元以上。'))).toEqual([]);
    expect(show(extractTargets({ text: '全市累计新增城镇就业30万人以上。', year: 2025 }))).toEqual([]);
  });

  it('in a plan, a clause that looks ahead is not made past by another clause of its sentence', () => {
    expect(show(plan25('去年全市城镇新增就业5.5万人，今年力争城镇新增就业6万人以上。'))).toEqual(['城镇新增就业6万人以上']);
    expect(show(plan25('去年全市城镇新增就业5.5万人，城镇新增就业6万人以上。'))).toEqual([]);
  });
});

describe('achievement cues (先后, 获评, 荣获, 连续三年实现, 提前完成) in a plan too; 首次 and 预计 only where nothing says plan', () => {
  const plan25 = (body: string) => extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 });
  const untitled = (body: string) => extractTargets({ text: `一图读懂2025年衡山市政府工作报告\n${body}`, year: 2025 });

  const achieved = [
    '全市先后建成5G基站1000个以上。',
    '全市先后获评国家级示范区3个以上。',
    '荣获全国文明城市称号，新增市场主体5000户以上。',
    // 主要 is no modal.
    '全市主要景区先后获评国家级示范景区10个以上。',
    '全市主要指标圆满完成，地区生产总值增长7.5%左右。',
    // A record kept and a goal met early (third audit).
    '全县连续三年实现城镇新增就业5000人以上。',
    '提前一年完成城镇新增就业5000人以上的目标。',
  ];
  for (const p of achieved) {
    it(`rejects "${p}" in a plan section and where nothing says plan`, () => {
      expect(show(plan25(p))).toEqual([]);
      expect(show(untitled(p))).toEqual([]);
    });
  }

  it('keeps them after a modal, and a clause that looks ahead after one', () => {
    expect(show(plan25('力争获评国家级示范区2个以上。'))).toEqual(['国家级示范区2个以上']);
    expect(show(untitled('力争获评国家级示范区2个以上。'))).toEqual(['国家级示范区2个以上']);
    expect(show(plan25('将先后建成5G基站1000个以上。'))).toEqual(['建成5G基站1000个以上']);
    expect(show(plan25('确保连续三年实现城镇新增就业5000人以上。'))).toEqual(['城镇新增就业5000人以上']);
    expect(show(plan25('全市荣获全国文明城市称号，今年力争新增5G基站5000个以上。'))).toEqual(['新增5G基站5000个以上']);
  });

  it('drops only the clause of a main-target list that names an achievement', () => {
    expect(show(plan25('今年主要预期目标是：地区生产总值增长6%左右，先后建成5G基站1000个。'))).toEqual(['地区生产总值6%左右']);
  });

  it('keeps 首次 in a plan (a first is a target there), and after a hedge or a modal where nothing says plan', () => {
    expect(show(plan25('全市地区生产总值首次突破3000亿元。'))).toEqual(['地区生产总值3000亿元']);
    expect(show(plan25('力争全市地区生产总值首次突破3000亿元。'))).toEqual(['地区生产总值3000亿元']);
    expect(show(untitled('力争全市地区生产总值首次突破3000亿元。'))).toEqual(['地区生产总值3000亿元']);
    expect(show(untitled('全市地区生产总值将首次突破3000亿元以上。'))).toEqual(['地区生产总值3000亿元以上']);
    expect(show(untitled('全市地区生产总值首次突破3000亿元以上。'))).toEqual([]);
    expect(show(untitled('预计全年地区生产总值增长6%左右。'))).toEqual([]);
  });
});

describe('the time a value speaks of, asides and the present state', () => {
  const year = (ts: Target[]) => ts.map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}@${t.year}`);

  it('a list item with 同比 or a bracketed remark on last year stays a target; the remark’s figure is none', () => {
    const ts = plan('主要预期目标是：地区生产总值同比增长7%以上，规模工业增加值同比增长8%，固定资产投资比上年增长10%以上，地方一般公共预算收入增长6%左右（上年为5.2%）。');
    expect(show(ts)).toEqual(['地区生产总值7%以上', '规模工业增加值8%', '固定资产投资10%以上', '地方一般公共预算收入6%左右']);
    expect(ts.every((t) => t.kind === 'main')).toBe(true);
    expect(show(plan('全市地区生产总值增长6%左右（上年实际增长5.8%），城镇新增就业3万人以上。'))).toEqual(['地区生产总值6%左右', '城镇新增就业3万人以上']);
    // Traditional, full-width brackets: the same.
    expect(show(plan('主要預期目標是：地區生產總值同比增長7%以上（去年實際增長5.5%）。'))).toEqual(['地區生產總值7%以上']);
    // An aside that is itself a part of the target (其中…) keeps its figure.
    expect(show(plan('城镇新增就业5万人以上（其中农村劳动力转移就业2万人以上）。'))).toEqual(['城镇新增就业5万人以上', '农村劳动力转移就业2万人以上']);
    // Outside a plan 同比 still reports: a statistics bulletin.
    expect(show(interp('全市规模工业增加值同比增长8.1%以上。'))).toEqual([]);
  });

  it('last year’s figure and this year’s target in one sentence: the target is governed by 今年', () => {
    expect(year(plan('2022年全市新建5G基站2000个，今年新建5G基站1500个以上。'))).toEqual(['新建5G基站1500个以上@2023']);
    expect(year(plan('2022年全市规模工业增加值增长7.5%，今年力争增长8%以上。'))).toEqual(['规模工业增加值8%以上@2023']);
    // Outside a plan too, once the clause names its own time; not where it does not.
    expect(year(interp('2022年全市地区生产总值增长6.2%，今年预期增长6%左右。'))).toEqual(['地区生产总值6%左右@2023']);
    expect(year(interp('去年全市城镇新增就业5.1万人，今年城镇新增就业4.5万人以上。'))).toEqual(['城镇新增就业4.5万人以上@2023']);
    // The subject named with last year's figure does not carry 去年 into the name.
    expect(year(interp('去年全市地区生产总值增长6.2%，今年预期增长6%左右。'))).toEqual(['地区生产总值6%左右@2023']);
    expect(show(interp('去年全市地区生产总值增长6.2%，高于预期目标0.2个百分点以上。'))).toEqual([]);
    expect(show(interp('2022年全市地区生产总值增长6.2%，城镇新增就业5万人以上。'))).toEqual([]);
  });

  it('last year’s list, recalled in this year’s report, opens no list; its result (实际增长, 执行情况) is none', () => {
    const ts = plan('2022年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，规模工业增加值增长8%以上。从执行情况看，地区生产总值实际增长5.8%。\n今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。');
    expect(year(ts)).toEqual(['地区生产总值6%左右@2023']);
    expect(ts[0]!.kind).toBe('main');
    // A name with 实际 is not a result: 实际利用外资.
    expect(show(plan('实际利用外资增长10%以上。'))).toEqual(['实际利用外资10%以上']);
  });

  it('what there is now (目前, 现有) is no target; the clause after it that sets one is', () => {
    expect(show(plan('目前全市5G基站达到8000个以上，今年新建5G基站1500个以上。'))).toEqual(['新建5G基站1500个以上']);
    expect(show(plan('全市现有高新技术企业500家以上，“专精特新”企业占比达到20%以上。'))).toEqual(['“专精特新”企业占比20%以上']);
    // As a base it is part of the target.
    expect(show(plan('常住人口城镇化率由目前的58.3%提高到60%左右。'))).toEqual(['常住人口城镇化率60%左右']);
    expect(plan('高新技术企业在现有基础上新增50家以上。').map((t) => `${t.value}${t.unit}${t.qualifier}`)).toEqual(['50家以上']);
  });

  it('an average over years (年均增长) is the period’s target under a heading naming the period and the year', () => {
    const text = '娄底市2022年政府工作报告\n二、未来五年总体要求和2022年重点工作\n今后五年的奋斗目标是：基本实现现代化建设迈出坚实步伐。\n经济发展全面提质，力争到2026年，人均地区生产总值超过7万元；全社会研发经费投入年均增长12%以上。\n明年的主要预期目标是：全社会研发经费投入增长12%以上。\n地表水考核断面水质年均值达到100%。';
    expect(year(extractTargets({ text }).filter((t) => t.kind !== 'goal'))).toEqual(['人均地区生产总值7万元@2026', '全社会研发经费投入12%以上@2026', '全社会研发经费投入12%以上@2022', '地表水考核断面水质年均值100%@2022']);
  });

  it('a look back that opens a paragraph lasts over the next lines, until a sentence looks ahead', () => {
    const body = '过去一年，全市上下团结奋进，经济运行稳中向好。\n全市地区生产总值增长6.2%。城镇新增就业5.2万人以上，城镇调查失业率控制在5.5%以内。\n粮食总产量稳定在240万吨以上。\n今年的主要预期目标是：地区生产总值增长6%左右。';
    expect(show(interp(body))).toEqual(['地区生产总值6%左右']);
    // A new section ends it.
    expect(show(extractTargets({ text: `衡山市2023年政府工作报告\n过去一年，经济运行稳中向好。\n城镇新增就业5.2万人以上。\n二、2023年工作安排\n城镇新增就业5万人以上。` }))).toEqual(['城镇新增就业5万人以上']);
    // One opened by a year ends with its line (a news list's next story).
    expect(show(interp('2022年，全市经济稳中有进。\n全市城镇新增就业5万人以上。'))).toEqual(['城镇新增就业5万人以上']);
  });
});

describe('the new time rules leave targets alone where the words only look like them', () => {
  const year = (ts: Target[]) => ts.map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}@${t.year}`);

  it('现有 and 目前 only opening a clause: 实现有效投资, 项目前期, 确保现有耕地 are targets', () => {
    expect(show(plan('力争实现有效投资增长10%以上。'))).toEqual(['有效投资10%以上']);
    expect(show(plan('全市重点项目前期工作经费安排3亿元以上。'))).toEqual(['重点项目前期工作经费安排3亿元以上']);
    expect(show(plan('确保现有耕地保有量不低于500万亩。'))).toEqual(['现有耕地保有量500万亩以上']);
  });

  it('a past year in another clause before the list’s intro does not make the list last year’s', () => {
    expect(show(plan('统筹考虑2022年经济运行态势和发展条件，主要预期目标是：地区生产总值增长6%左右，规模工业增加值增长8%以上。'))).toEqual([
      '地区生产总值6%左右',
      '规模工业增加值8%以上',
    ]);
  });

  it('实际增长 is real growth, a target’s own measure', () => {
    expect(show(plan('主要预期目标是：地区生产总值增长6%左右，城乡居民人均可支配收入实际增长6%左右。'))).toEqual(['地区生产总值6%左右', '城乡居民人均可支配收入实际6%左右']);
  });

  it('未来 in a name (未来社区) is no time; a bracketed year dates its clause', () => {
    expect(show(plan('2022年全市建成未来社区10个以上。'))).toEqual([]);
    expect(show(interp('全市地区生产总值（2022年）达到5000亿元以上。'))).toEqual([]);
  });

  it('an average over years takes a period only where one is named', () => {
    expect(year(plan('全社会研发经费投入年均增长12%以上。'))).toEqual(['全社会研发经费投入12%以上@2023']);
    expect(year(plan('今后三年，全市地区生产总值年均增长6%以上。'))).toEqual(['地区生产总值6%以上@2025']);
  });

  it('a look back ends at a paragraph that opens with the report’s year or 新的一年', () => {
    expect(show(interp('过去一年，全市经济稳中向好，地区生产总值增长6.2%。\n2023年，全市地区生产总值增长6%左右，城镇新增就业5万人以上。'))).toEqual([
      '地区生产总值6%左右',
      '城镇新增就业5万人以上',
    ]);
    expect(show(interp('过去一年，全市经济稳中向好。\n新的一年，全市地区生产总值增长6%左右。'))).toEqual(['地区生产总值6%左右']);
  });

  it('及以上 is a bound, 及时 no join', () => {
    const ts = plan('力争新增规上企业100家及以上，高新技术企业50家以上。');
    expect(ts.map((t) => `${t.indicator}${t.value}${t.unit}${t.qualifier}`)).toEqual(['新增规上企业100家以上', '高新技术企业50家以上']);
    // Before: split at the 及 of 及时 into 传染病疫情 and 时报告率和处置率.
    expect(show(plan('传染病疫情及时报告率和处置率分别达到98%、95%以上。'))[0]).toBe('传染病疫情及时报告率98%以上');
  });

  it('a name of only punctuation is no target (its key would be empty)', () => {
    expect(plan('【】达到100个以上。')).toEqual([]);
  });
});
