/**
 * A plan's count of work without a bound or a hedge (新建5G基站200个) is a target; the same words in a review,
 * of the present, against a base, as a slogan or without a name of their own are not. Each negative case
 * sits next to a positive one, so it shows the rule is on and still leaves the case out.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.indicator}|${t.value}${t.unit}${t.qualifier}|${t.year}`);
const report = (review: string, plan: string) =>
  `衡山市2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n${review}\n二、今年工作安排\n${plan}`;
const plan = (body: string) => show(extractTargets({ text: `二、2024年工作安排\n${body}`, year: 2024 }));

describe('a count of work a plan sets is a target without 以上 or 力争', () => {
  it('reads the counts of 今年工作安排, and names the investment of the projects', () => {
    const text = report('过去一年，全市经济稳中有进。', '新建5G基站200个，新增学位1.8万个，改造老旧小区120个。实施重点项目100个，完成投资500亿元。');
    expect(show(extractTargets({ text }))).toEqual([
      '新建5G基站|200个|2024',
      '新增学位|1.8万个|2024',
      '改造老旧小区|120个|2024',
      '实施重点项目|100个|2024',
      '重点项目投资|500亿元|2024',
    ]);
    expect(extractTargets({ text }).every((t) => t.kind === 'other' && t.hedge === '' && t.qualifier === '')).toBe(true);
  });

  it('reads the items of a 民生实事 list, the members a verb shares and an action that ends the name', () => {
    expect(
      plan('办好十件民生实事：一是新建城区公办学校8所；二是完成农村公路提质改造260公里、安防工程400公里；三是新增乡镇全科医生300名、乡村教师3500名；四是新修和加固堤防护岸42公里。'),
    ).toEqual([
      '新建城区公办学校|8所|2024',
      '农村公路提质改造|260公里|2024',
      '安防工程|400公里|2024',
      '新增乡镇全科医生|300名|2024',
      '乡村教师|3500名|2024',
      '新修和加固堤防护岸|42公里|2024',
    ]);
  });

  it('where no heading says plan, reads one only in a sentence that says it is ahead and to be done', () => {
    const read = (text: string) => show(extractTargets({ text, year: 2024 }));
    expect(read('今年将新建5G基站200个。')).toEqual(['新建5G基站|200个|2024']);
    expect(read('到2025年，全市新建5G基站2000个。')).toEqual(['新建5G基站|2000个|2025']);
    // A news story: the year so far, since a date, or no time at all.
    expect(read('今年全市新建5G基站200个。')).toEqual([]);
    expect(read('今年以来，全市新建5G基站200个。')).toEqual([]);
    expect(read('全市新建5G基站200个。')).toEqual([]);
  });
});

describe('a count of work that is not a target', () => {
  it('in a review section', () => {
    const text = report('过去一年，全市新建5G基站200个，改造老旧小区120个。', '新建5G基站300个。');
    expect(show(extractTargets({ text }))).toEqual(['新建5G基站|300个|2024']);
  });

  it('of the present state, or under a past year, in a plan section', () => {
    expect(plan('目前全市建成5G基站8000个，今年新建5G基站1500个。')).toEqual(['新建5G基站|1500个|2024']);
    expect(plan('全市现有5G基站8000个，今年新建5G基站1500个。')).toEqual(['新建5G基站|1500个|2024']);
    expect(plan('2023年全市新建5G基站2000个，今年新建5G基站1500个。')).toEqual(['新建5G基站|1500个|2024']);
  });

  it('against a base (比上年新增…)', () => {
    expect(plan('全市比上年新增5G基站200个，同比新增学位5000个，新增学位1.8万个。')).toEqual(['新增学位|1.8万个|2024']);
  });

  it('written out in words, as slogans count (五个一批, 三个中心)', () => {
    expect(plan('统筹推进“五个一批”，新建城区学校三所，建设三个中心，新建城区学校8所。')).toEqual(['新建城区学校|8所|2024']);
  });

  it('without a unit of count: a rate, a multiple, a span', () => {
    expect(plan('新建5G基站占比30%，完成投资翻2倍，实施项目3年，新建5G基站200个。')).toEqual(['新建5G基站|200个|2024']);
  });

  it('without a name of its own: a bare action, a fragment, a figure glued before, a list the value does not split', () => {
    expect(plan('大力培育过50亿元、过100亿元企业。')).toEqual([]);
    expect(plan('建设技工贸收入突破1500亿元园区2个。')).toEqual([]);
    expect(plan('改造老旧小区319个3.26万户。')).toEqual([]);
    expect(plan('新增业主委员会、物业管理小区各100个。')).toEqual([]);
    expect(plan('完成投资500亿元，新增学位1.8万个。')).toEqual(['新增学位|1.8万个|2024']);
  });
});

describe('a member that says whom the work reaches is no count of work (audit 4)', () => {
  it('改造…85个、惠及居民1.3万户: the renovation is the target, the households it reaches are not', () => {
    expect(plan('改造城镇老旧小区85个、惠及居民1.3万户；新建保障性住房600套、涉及搬迁群众2100户；新建产业园区3个、带动就业2000人。')).toEqual([
      '改造城镇老旧小区|85个|2024',
      '新建保障性住房|600套|2024',
      '新建产业园区|3个|2024',
    ]);
  });

  it('a noun after 、 is still more of the same work (新建5G基站1000个、充电桩3800个)', () => {
    expect(plan('新建5G基站1000个、充电桩3800个，新增服务网点20个。')).toEqual(['新建5G基站|1000个|2024', '充电桩|3800个|2024', '新增服务网点|20个|2024']);
  });
});

describe('a count whose name stands before its verb (the object first, a time word at most between)', () => {
  it('reads 老旧小区改造今年完成120个 as 老旧小区改造 120个, without the time word or the verb in the name', () => {
    expect(plan('全力推进城市更新，老旧小区改造今年完成120个，农村危房改造年内完成3000户。5G基站年内新建1500个。')).toEqual([
      '老旧小区改造|120个|2024',
      '农村危房改造|3000户|2024',
      '5G基站|1500个|2024',
    ]);
  });

  it('leaves out the same words in a review or of a past year', () => {
    const text = report('老旧小区改造完成85个，5G基站新建900个。', '老旧小区改造去年完成100个，5G基站上半年已新建600个。');
    expect(show(extractTargets({ text }))).toEqual([]);
  });

  it('names a bare verb after what was just counted (…累计达到3000个，今年新建1500个以上: 新建5G基站, audit 5)', () => {
    expect(plan('加快新型基础设施建设，5G基站累计达到3000个，今年新建1500个以上。')).toEqual(['5G基站|3000个|2024', '新建5G基站|1500个以上|2024']);
  });
});
