/**
 * Rules the fifth audit (tests/fixtures/text/a5-*.txt) found missing, each probed with sentences beyond the
 * audit texts, positives next to the cases it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { planEndYear, statedYear } from '../../../lib/extract/years';
import type { Target } from '../../../lib/types';

const rows = (ts: Target[]) => ts.map((t) => `${t.kind}:${t.indicator}|${t.value}${t.valueMax !== null ? `-${t.valueMax}` : ''}${t.unit}${t.qualifier}|${t.direction}|${t.year}`);
const plan = (body: string) => rows(extractTargets({ text: `二、2026年工作安排\n${body}`, year: 2026 }));

describe('截至<year> counts up to a date: it is no year a target is due by', () => {
  it('a count after 截至2025年底 is for the year the sentence looks ahead to', () => {
    expect(plan('截至2025年底，全县新能源汽车保有量达到4万辆，今年新增充电桩1200个以上。')).toEqual(['other:新增充电桩|1200个以上|level|2026']);
    expect(plan('截止到2025年末，全市累计建成口袋公园60个，今年力争新建口袋公园30个以上。')).toEqual(['other:新建口袋公园|30个以上|level|2026']);
  });

  it('到<year> still dates a target, and a 截至 of a year ahead is still that year', () => {
    const s = '截至2025年底建成3000个，到2027年建成5000个';
    expect(statedYear(s, 0, s.length, 2026)).toBe(2027);
    const t = '截至2027年底，累计建成5G基站1万个';
    expect(statedYear(t, 0, t.length, 2026)).toBe(2027);
    expect(plan('到2028年，全市新增充电桩1.2万个以上。')).toEqual(['other:新增充电桩|1.2万个以上|level|2028']);
  });
});

describe('a count whose name is only its action takes the object just counted (…累计达到3000个，今年新建1500个以上)', () => {
  it('from the clause before, or the list member before, in the same unit', () => {
    expect(plan('截至2025年底，全县5G基站累计达到3000个，今年新建1500个以上。')).toEqual(['other:新建5G基站|1500个以上|level|2026']);
    expect(plan('新建市区燃气干管40公里、改造70公里。')).toEqual(['other:新建市区燃气干管|40公里|level|2026', 'other:改造市区燃气干管|70公里|level|2026']);
    expect(plan('目前，全县千兆光网覆盖家庭8万户，年内新增4万户。')).toEqual(['other:新增千兆光网覆盖家庭|4万户|level|2026']);
    expect(plan('老旧小区改造今年完成120个，明年再改造100个以上。')).toEqual(['other:老旧小区改造|120个|level|2026', 'other:改造老旧小区|100个以上|level|2026']);
  });

  it('not from a figure in another unit, nor from money (完成 of an investment is not more projects)', () => {
    expect(plan('实施重点项目120个，完成投资300亿元以上，新建50亿元以上。')).toEqual(['other:实施重点项目|120个|level|2026', 'other:重点项目投资|300亿元以上|level|2026']);
    expect(plan('5G基站覆盖率达到95%，今年新建1500个以上。')).toEqual(['other:5G基站覆盖率|95%|increase|2026']);
  });
});

describe('a level reached by a date after a count of work is the total of what the work adds to', () => {
  it('新建…800个，到年底达到2000个 → 数据中心标准机架 2000个 (not 到年底, not 2000 new racks)', () => {
    expect(plan('新建数据中心标准机架800个，到年底达到2000个。')).toEqual([
      'other:新建数据中心标准机架|800个|level|2026',
      'other:数据中心标准机架|2000个|increase|2026',
    ]);
    expect(plan('今年新增充电桩3000个，到2028年突破1.5万个。')).toEqual(['other:新增充电桩|3000个|level|2026', 'other:充电桩|1.5万个|increase|2028']);
  });

  it('a hedge before the verb is a firmer figure of the same count, and a level with its own name keeps it', () => {
    expect(plan('新增城镇就业5万人以上，力争达到6万人。')).toEqual(['other:新增城镇就业|5万人以上|level|2026', 'other:新增城镇就业|6万人|increase|2026']);
    expect(plan('新建5G基站1000个，年底前全市5G基站总数达到9000个。')).toEqual(['other:新建5G基站|1000个|level|2026', 'other:5G基站总数|9000个|increase|2026']);
  });
});

describe('a 、 list of counts of work mixing count-first and name-first members', () => {
  it('新建3个污水处理厂、垃圾中转站5个: each member ends at its 、, the second named by its noun as after 新建5G基站1000个、', () => {
    expect(plan('新建3个污水处理厂、垃圾中转站5个，改造城镇污水管网60公里。')).toEqual([
      'other:新建污水处理厂|3个|level|2026',
      'other:垃圾中转站|5个|level|2026',
      'other:改造城镇污水管网|60公里|level|2026',
    ]);
    expect(plan('新建2所幼儿园、中小学3所。')).toEqual(['other:新建幼儿园|2所|level|2026', 'other:中小学|3所|level|2026']);
    expect(plan('培育5家龙头企业、专精特新企业20家以上。')).toEqual(['other:培育龙头企业|5家|level|2026', 'other:专精特新企业|20家以上|level|2026']);
  });

  it('a member with a count of its own is no part of the next name; a member with no count after it ends nothing', () => {
    expect(plan('力争3家企业上市、挂牌企业达到10家。')).toEqual(['other:挂牌企业|10家|increase|2026']);
    expect(plan('新建3个污水处理厂、配套管网。')).toEqual([]);
    expect(plan('5G基站、充电桩分别达到3000个、5000个。')).toEqual(['other:5G基站|3000个|increase|2026', 'other:充电桩|5000个|increase|2026']);
  });
});

describe('a label and a colon name the value after them on the line (地区生产总值：增长6%左右)', () => {
  const goals = (body: string) => rows(extractTargets({ text: `某市2026年经济社会发展目标篇\n一、2026年主要预期目标\n${body}`, year: 2026 }));

  it('with or without a verb, each label line its own item though it ends without a stop', () => {
    expect(goals('地区生产总值：增长6%左右，力争更高\n规模以上工业增加值：增长6%—6.5%\n城镇新增就业：4.2万人以上\n粮食总产量：不低于85万吨')).toEqual([
      'main:地区生产总值|6%左右|increase|2026',
      'main:规模以上工业增加值|6-6.5%|increase|2026',
      'main:城镇新增就业|4.2万人以上|level|2026',
      'main:粮食总产量|85万吨以上|level|2026',
    ]);
    expect(plan('1.研发经费投入强度：达到2.8%；\n2.PM2.5平均浓度：控制在30微克/立方米以内。')).toEqual([
      'other:研发经费投入强度|2.8%|increase|2026',
      'other:PM2.5平均浓度|30微克/立方米以内|level|2026',
    ]);
  });

  it('not a speaker, a byline field, a list intro, a label closing its line, nor a colon inside prose', () => {
    expect(plan('答：增长6%左右。')).toEqual([]);
    expect(plan('市统计局局长张明：增长6%左右。')).toEqual([]);
    expect(plan('主要预期目标：增长6%左右。')).toEqual([]);
    expect(plan('地区生产总值：\n增长6%左右。')).toEqual([]);
    expect(plan('全市上下要坚持一个原则：增长6%左右。')).toEqual([]);
  });
});

describe('a 解读 of a field plan: its horizon, its restatements and the names it cites', () => {
  const interp = (body: string) => rows(extractTargets({ text: `《某市“十五五”养老服务体系建设规划》政策解读\n二、主要目标\n${body}`, year: 2026 }));

  it('a field plan for a five-year period, and a 解读 of one, end in its last year', () => {
    expect(planEndYear('《某市“十五五”养老服务体系建设规划》政策解读')).toBe(2030);
    expect(planEndYear('某市“十五五”数字经济发展规划')).toBe(2030);
    expect(planEndYear('今年是实施“十四五”规划的关键之年')).toBeNull();
    expect(planEndYear('一图读懂《某市“十四五”交通运输规划》')).toBeNull();
  });

  it('比<base year>提高12个百分点 after the level restates it; a growth after an amount does not', () => {
    expect(interp('《规划》提出，全市护理型床位占比达到70%以上，比2025年提高12个百分点；每千名老年人拥有养老床位数达到40张。')).toEqual([
      'other:护理型床位占比|70%以上|increase|2030',
      'other:每千名老年人拥有养老床位数|40张|increase|2030',
    ]);
    expect(plan('到2030年，研发经费投入强度达到3%，较2025年提高0.5个百分点。')).toEqual(['other:研发经费投入强度|3%|increase|2030']);
    expect(plan('到2030年，数字经济核心产业增加值达到800亿元，比2025年增长60%。')).toEqual([
      'other:数字经济核心产业增加值|800亿元|increase|2030',
      'other:数字经济核心产业增加值|60%|increase|2030',
    ]);
  });

  it('a target said again with a shorter name and without its bound is kept once; work and its stock are two', () => {
    expect(interp('到2030年，养老机构护理型床位占比达到70%以上。与“十四五”相比，《规划》把护理型床位占比的目标从60%提高到70%。')).toEqual([
      'other:养老机构护理型床位占比|70%以上|increase|2030',
    ]);
    expect(plan('今年新建5G基站1000个；到年底，全市5G基站达到1000个以上。')).toEqual(['other:新建5G基站|1000个|level|2026', 'other:5G基站|1000个以上|increase|2026']);
  });

  it('a cited document’s name and 的目标 are no part of the name', () => {
    expect(plan('《实施方案》明确，全市二手车交易量增长45%以上。')).toEqual(['other:二手车交易量|45%以上|increase|2026']);
    expect(plan('力争把城镇调查失业率的目标控制在5.5%以内。')).toEqual(['other:城镇调查失业率|5.5%以内|level|2026']);
  });
});

describe('a result and the year’s target in one sentence (完成…，今年目标…)', () => {
  const news = (body: string) => rows(extractTargets({ text: `数读某市2026年政府工作报告\n${body}`, year: 2026 }));

  it('the target clause names no indicator and takes the one the result was given for', () => {
    expect(news('一般公共预算收入完成128.3亿元、增长4.1%，今年目标增长4.5%。')).toEqual(['other:一般公共预算收入|4.5%|increase|2026']);
    expect(news('全年城镇新增就业3.6万人，完成年度目标的120%，今年目标为3.5万人以上。')).toEqual(['other:城镇新增就业|3.5万人以上|level|2026']);
    expect(news('城镇调查失业率为5.1%，今年目标控制在5.5%以内。')).toEqual(['other:城镇调查失业率|5.5%以内|level|2026']);
    expect(news('2025年，全市地区生产总值完成1865亿元，增长5.7%，2026年的预期目标是增长6%左右。')).toEqual(['main:地区生产总值|6%左右|increase|2026']);
  });

  it('a result measured against its target is no target, nor is a clause that only compares', () => {
    expect(news('全年城镇新增就业3.6万人，完成年度目标的120%。')).toEqual([]);
    expect(news('规模以上工业增加值增长6.8%，高于年初预期目标0.3个百分点。')).toEqual([]);
    expect(news('一般公共预算收入完成128.3亿元，增长4.1%，完成预算的102%。')).toEqual([]);
  });

  it('为 before a value is no part of the name (城镇调查失业率为5.1%), but a word ending in 为 keeps it', () => {
    expect(plan('今年城镇调查失业率为5.5%左右。')).toEqual(['other:城镇调查失业率|5.5%左右|level|2026']);
    expect(plan('力争全市违法行为查处率达到100%，作为1项重点指标。')).toEqual(['other:违法行为查处率|100%|increase|2026']);
  });
});

describe('a goal in words for a row named by its rate of change', () => {
  const table = (rowsText: string) =>
    rows(extractTargets({ text: `某县2026年主要预期目标一览表\n序号\t指标\t单位\t2025年完成\t2026年目标\t属性\n${rowsText}`, year: 2026 }));

  it('降幅 is a fall and 增速 a growth, as their figures are', () => {
    expect(table('1\t单位地区生产总值能耗降幅\t%\t3.3\t完成市下达任务\t约束性\n2\t居民收入增速\t%\t6.1\t与经济增速同步\t预期性\n3\t森林覆盖率\t%\t62\t保持稳定\t约束性\n')).toEqual([
      'goal:单位地区生产总值能耗降幅完成市下达任务|null|decrease|2026',
      'goal:居民收入增速与经济增速同步|null|increase|2026',
      'goal:森林覆盖率保持稳定|null|level|2026',
    ]);
  });
});
