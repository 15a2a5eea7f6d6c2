/**
 * Rules the fourth audit (tests/fixtures/text/a4-*.txt) found missing, each with a case it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { parseQuantity } from '../../../lib/extract/numbers';
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

describe('a plan’s per-capita level without a verb (每千人口医疗卫生机构床位数7.2张)', () => {
  const plan = (body: string) => rows(extractTargets({ text: `某县“十五五”卫生健康事业发展规划\n（2026—2030年）\n二、发展目标\n${body}`, year: 2026 }));

  it('is a target of the plan, and a bare count after 、 shares its base (…医师3.5人、注册护士4.2人)', () => {
    expect(plan('到2030年，全县每千人口医疗卫生机构床位数7.2张，每千人口执业（助理）医师3.5人、注册护士4.2人，每万人拥有高价值发明专利15件，每千名老年人拥有养老床位40张。')).toEqual([
      'other:每千人口医疗卫生机构床位数|7.2张|level|2030',
      'other:每千人口执业(助理)医师|3.5人|level|2030',
      'other:每千人口注册护士|4.2人|level|2030',
      'other:每万人拥有高价值发明专利|15件|level|2030',
      'other:每千名老年人拥有养老床位|40张|level|2030',
    ]);
  });

  it('not per money, not the present, not a rate or work after 、, and not outside a plan', () => {
    expect(plan('到2030年，每万元地区生产总值用水量30立方米。目前，全县每千人口医疗卫生机构床位数6.2张。')).toEqual([]);
    expect(plan('到2030年，每千人口医疗卫生机构床位数7.2张、基本医疗保险参保率95%、新建乡镇卫生院5个。')).toEqual([
      'other:每千人口医疗卫生机构床位数|7.2张|level|2030',
      'other:新建乡镇卫生院|5个|level|2030',
    ]);
    // A level compared with others or last year is one reached.
    expect(plan('全县每千人口执业(助理)医师3.2人，高于全省平均水平；每千人口床位数6.8张，比上年增加0.3张。')).toEqual([]);
    // A news story states the present level: no plan section, no target.
    expect(rows(extractTargets({ text: '记者从县卫健局获悉，全县每千人口医疗卫生机构床位数7.2张，每千人口执业（助理）医师3.5人。', year: 2026 }))).toEqual([]);
  });
});

describe('a count before what it counts (新增10个县（市、区）通过…督导评估)', () => {
  const plan = (body: string) => rows(extractTargets({ text: `二、2025年工作安排\n${body}`, year: 2025 }));

  it('counts the units that reach a standard, named by what they reach, or the work itself', () => {
    expect(plan('新增10个县（市、区）通过国家义务教育优质均衡发展督导评估。力争3个乡镇创成国家卫生乡镇。新建3个污水处理厂，新增5家国家级专精特新企业。')).toEqual([
      'other:通过国家义务教育优质均衡发展督导评估的县(市、区)|10个|increase|2025',
      'other:创成国家卫生乡镇的乡镇|3个|level|2025',
      'other:新建污水处理厂|3个|level|2025',
      'other:新增国家级专精特新企业|5家|level|2025',
    ]);
    const [t] = extractTargets({ text: '二、2025年工作安排\n力争3个乡镇创成国家卫生乡镇。', year: 2025 });
    expect(t!.hedge).toBe('力争');
    // Seed 003 (常德): …强化上市培育辅导，力争60家企业进入省重点上市后备企业资源库，…
    expect(plan('强化上市培育辅导，力争60家企业进入省重点上市后备企业资源库，加快企业辅导报备。')).toEqual([
      'other:进入省重点上市后备企业资源库的企业|60家|level|2025',
    ]);
  });

  it('counts homes, lengths and areas of work too, after any action a plan counts by (seed 003: 完成200个行政村电网改造升级)', () => {
    expect(plan('改造3000户农村危房，新建30公里城市绿道，建设10万亩高标准农田，培训5000名高素质农民，完成200个行政村电网改造升级，新增1.2万个普惠托位。')).toEqual([
      'other:改造农村危房|3000户|level|2025',
      'other:新建城市绿道|30公里|level|2025',
      'other:建设高标准农田|10万亩|level|2025',
      'other:培训高素质农民|5000名|level|2025',
      'other:完成行政村电网改造升级|200个|level|2025',
      'other:新增普惠托位|1.2万个|level|2025',
    ]);
    // Actions run together are the name's (seed 003: 培育建设50个特色小镇); a hedge before them is not.
    expect(plan('培育建设50个特色小镇，力争新建3个省级物流园区。')).toEqual(['other:培育建设特色小镇|50个|level|2025', 'other:新建省级物流园区|3个|level|2025']);
    // Money is no count of work: 新增10亿元专项资金 (and 安排 is no action a plan counts by).
    expect(plan('新增10亿元专项资金，安排3个批次。')).toEqual([]);
  });

  it('a list of counted members after one action: each is the action’s', () => {
    expect(plan('新建3个污水处理厂、5个垃圾中转站，改造20个老旧小区、1200户农村危房。新增2个乡镇通过国家卫生乡镇评审、3个村通过省级美丽乡村验收。')).toEqual([
      'other:新建污水处理厂|3个|level|2025',
      'other:新建垃圾中转站|5个|level|2025',
      'other:改造老旧小区|20个|level|2025',
      'other:改造农村危房|1200户|level|2025',
      'other:通过国家卫生乡镇评审的乡镇|2个|increase|2025',
      'other:通过省级美丽乡村验收的村|3个|increase|2025',
    ]);
    // Seed 003: a hedge before the list sets each member (推动550家企业深度“上云”、270家企业深度“上平台”).
    expect(plan('支持企业“上云用数赋智”，推动550家企业深度“上云”、270家企业深度“上平台”。')).toEqual([
      'other:企业深度“上云”|550家|level|2025',
      'other:企业深度“上平台”|270家|level|2025',
    ]);
    // A member after 、 that is no count of things (…、2个百分点) is not the action's.
    expect(plan('新建3个污水处理厂、2个百分点。')).toEqual(['other:新建污水处理厂|3个|level|2025']);
  });

  it('the standard may be one to create (支持2个县创建国家级示范县)', () => {
    expect(plan('支持2个县创建国家乡村振兴示范县，争取3个乡镇争创全国千强镇。')).toEqual([
      'other:创建国家乡村振兴示范县的县|2个|level|2025',
      'other:争创全国千强镇的乡镇|3个|level|2025',
    ]);
  });

  it('not a past count, one already there, a rate, a noun with figures, a phrase, nor a count in a news story', () => {
    expect(plan('围绕建成3个示范区的目标，完善配套政策。')).toEqual([]);
    expect(plan('2024年，全市新增2个县通过国家义务教育优质均衡发展督导评估。已有5个县通过督导评估。新增2个百分点。新建3个5G基站。')).toEqual([]);
    expect(rows(extractTargets({ text: '二、2025年工作回顾\n新增10个县（市、区）通过国家义务教育优质均衡发展督导评估。', year: 2026 }))).toEqual([]);
    expect(rows(extractTargets({ text: '记者从市教育局获悉，全市新增10个县（市、区）通过国家义务教育优质均衡发展督导评估。', year: 2025 }))).toEqual([]);
  });
});

describe('a count of work where no heading says plan and the sentence names no time (a 解读’s answer)', () => {
  const answer = (text: string) => rows(extractTargets({ text, year: 2026 }));

  it('is a target when a modal of the sentence says it is ahead (将, 计划, 拟)', () => {
    expect(answer('答：我们将继续办好民生实事，计划新增普惠托位2000个，改造城镇老旧小区85个。')).toEqual([
      'other:新增普惠托位|2000个|level|2026',
      'other:改造城镇老旧小区|85个|level|2026',
    ]);
  });

  it('not without one, not what a project brings once done, not a past year', () => {
    expect(answer('答：全市新增普惠托位2000个，改造城镇老旧小区85个。')).toEqual([]);
    expect(answer('答：该项目建成后将新增就业岗位2000个，计划总投资50亿元。')).toEqual([]);
    expect(answer('答：2025年，我们计划新增普惠托位2000个，实际完成2300个。')).toEqual([]);
  });
});

describe('a rate per so many people (孕产妇死亡率控制在9/10万以下)', () => {
  it('is one value whose unit is its base', () => {
    expect(rows(extractTargets({ text: '二、2026年重点任务\n孕产妇死亡率控制在9/10万以下，婴儿死亡率控制在4.5‰以内。', year: 2026 }))).toEqual([
      'other:孕产妇死亡率|9/10万以内|level|2026',
      'other:婴儿死亡率|4.5‰以内|level|2026',
    ]);
    expect(parseQuantity('1.5/万')).toMatchObject({ value: 1.5, unit: '/万' });
  });

  it('not a fraction, nor a figure over an amount or a length', () => {
    expect(parseQuantity('2/3')).toMatchObject({ value: 2, unit: '' });
    expect(parseQuantity('1/10万元')).toMatchObject({ value: 1, unit: '' });
    expect(parseQuantity('100/千米')).toMatchObject({ value: 100, unit: '' });
  });
});

describe('a 民生实事 page (recognised as a goals page by its title)', () => {
  it('gives its items as the year’s targets of kind other: they are work to do, not the 主要预期目标', async () => {
    const { analyzePage } = await import('../../../lib/analyze');
    const { textPageInput } = await import('../../../lib/cli/input');
    const text =
      '溪岚市人民政府关于印发2026年十件民生实事项目的通知\n各区县人民政府，市政府各部门：\n现将2026年十件民生实事项目印发给你们，请认真组织实施。\n2026年十件民生实事项目\n1.新建、改扩建公办幼儿园12所，新增公办学前教育学位3600个。\n2.改造城镇老旧小区120个、惠及居民2.1万户。\n溪岚市人民政府\n2026年1月30日';
    const r = analyzePage(textPageInput(text), { matchers: [] });
    expect([r.report.isReport, r.report.kind, r.report.region, r.report.year]).toEqual([true, 'goals', '溪岚市', 2026]);
    expect(rows(r.targets)).toEqual([
      'other:新建、改扩建公办幼儿园|12所|level|2026',
      'other:新增公办学前教育学位|3600个|level|2026',
      'other:改造城镇老旧小区|120个|level|2026',
    ]);
  });
});

describe('a sentence opened by the present alone (截至目前，…)', () => {
  const plan = (body: string) => rows(extractTargets({ text: `二、2026年工作安排\n${body}`, year: 2026 }));

  it('states what there is in every clause after it, in a plan section too', () => {
    expect(plan('截至目前，新建社区食堂8个。截至目前，全市5G基站达到8000个。到目前为止，累计建成口袋公园45个。')).toEqual([]);
  });

  it('unless what follows looks ahead or names a deadline', () => {
    expect(plan('目前，全市正在推进城市更新，年底前建成3个口袋公园。目前，全市5G基站达到8000个，今年新建5G基站1500个以上。')).toEqual([
      'other:建成口袋公园|3个|level|2026',
      'other:新建5G基站|1500个以上|level|2026',
    ]);
  });
});
