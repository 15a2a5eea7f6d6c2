/**
 * Exact targets of the five seed pages. Every expected row was read off the seed text by hand; see the
 * quoted sentences in the comments.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';
import { rows, seed, span, type Row } from './helpers';

const t000 = extractTargets({ text: seed('000') });
const t001 = extractTargets({ text: seed('001') });
const text002 = seed('002');
const t002 = extractTargets({ text: text002 });
const text003 = seed('003');
const t003 = extractTargets({ text: text003 });
const text004 = seed('004');
const t004 = extractTargets({ text: text004 });

function checkOffsets(text: string, ts: Target[]): void {
  for (const t of ts) {
    expect(text.slice(t.start, t.end)).toBe(t.sentence);
    expect(t.sentence.trim()).toBe(t.sentence);
  }
}

describe('seed 000 (衡阳 2022 解读, 路径5–8)', () => {
  it('finds the seven quantified targets', () => {
    expect(rows(t000)).toEqual<Row[]>([
      // 确保全市粮食总产稳定在310万吨以上
      ['粮食总产', 310, null, '万吨', '以上'],
      // 实现农产品加工业总产值增长8%以上
      ['农产品加工业总产值', 8, null, '%', '以上'],
      // 新改建农村公路620公里左右
      ['新改建农村公路', 620, null, '公里', '左右'],
      // 确保新增城镇就业5.8万人，城镇调查失业率控制在5.5%以内
      ['新增城镇就业', 5.8, null, '万人', ''],
      ['城镇调查失业率', 5.5, null, '%', '以内'],
      // 力争公办幼儿园、普惠性幼儿园在园幼儿比例分别达50%、85%以上
      ['公办幼儿园在园幼儿比例', 50, null, '%', '以上'],
      ['普惠性幼儿园在园幼儿比例', 85, null, '%', '以上'],
    ]);
  });

  it('sets kind, year, hedge, direction and section', () => {
    expect(t000.every((t) => t.kind === 'other' && t.year === 2022)).toBe(true);
    expect(t000.map((t) => t.hedge)).toEqual(['确保', '', '', '确保', '确保', '力争', '力争']);
    expect(t000.map((t) => t.direction)).toEqual(['level', 'increase', 'level', 'level', 'level', 'increase', 'increase']);
    expect(t000[0]!.section).toMatch(/路径6 › 深入实施乡村振兴战略$/);
    expect(t000[3]!.section).toMatch(/路径8 › /);
    expect(t000[0]!.indicatorKey).toBe('粮食总产');
    expect(t000[3]!.indicatorKey).toBe('城镇新增就业');
  });

  it('leaves out numbers that are not targets', () => {
    const all = t000.map((t) => t.sentence).join('');
    // 形成两个以上园区经济发力点 (a count inside a noun phrase), 1-2个特色农业产业, 5A级, 十件“文化实事”.
    expect(all).not.toContain('两个以上园区');
    expect(all).not.toContain('1-2个');
    expect(all).not.toContain('5A级');
  });

  it('maps every sentence back to the original text', () => checkOffsets(seed('000'), t000));
});

describe('seed 001 (衡阳目标篇, 关键词/措施)', () => {
  const quant = t001.filter((t) => t.kind !== 'goal');
  const goals = t001.filter((t) => t.kind === 'goal');

  it('finds the seven quantified targets', () => {
    expect(rows(quant)).toEqual<Row[]>([
      // 分层级创建美丽乡村示范村100个以上
      ['美丽乡村示范村', 100, null, '个', '以上'],
      // 培育新型职业农民5000名以上
      ['新型职业农民', 5000, null, '名', '以上'],
      // 力争地表水考核断面水质年均值100%达标
      ['地表水考核断面水质年均值', 100, null, '%', ''],
      // 确保新增城镇就业5.7万人，城镇登记失业率控制在4%以内
      ['新增城镇就业', 5.7, null, '万人', ''],
      ['城镇登记失业率', 4, null, '%', '以内'],
      // 全市公办幼儿园、普惠性幼儿园在园幼儿比例分别达50%、80%以上
      ['公办幼儿园在园幼儿比例', 50, null, '%', '以上'],
      ['普惠性幼儿园在园幼儿比例', 80, null, '%', '以上'],
    ]);
  });

  it('builds the section path from 关键词 and 措施 headings', () => {
    expect(quant.map((t) => t.section)).toEqual([
      '关键词 1 城乡面貌 › 措施二',
      '关键词 1 城乡面貌 › 措施三',
      '关键词 2 三大攻坚战 › 措施二',
      '关键词 4 改善民生 › 措施一',
      '关键词 4 改善民生 › 措施一',
      '关键词 4 改善民生 › 措施二',
      '关键词 4 改善民生 › 措施二',
    ]);
  });

  it('finds the four 目标： goal statements', () => {
    expect(goals.map((g) => [g.indicator, g.section, g.sentence.slice(0, 3)])).toEqual([
      ['稳步推进城乡面貌向更高层次跃升', '关键词 1 城乡面貌', '目标:'],
      ['坚定不移打好打赢“三大攻坚战”', '关键词 2 三大攻坚战', '目标:'],
      ['驰而不息加强精神文明建设', '关键词 3 一号工程', '目标:'],
      ['坚持在发展中保障和改善民生', '关键词 4 改善民生', '目标:'],
    ]);
    for (const g of goals) {
      expect(g).toMatchObject({ value: null, valueMax: null, unit: '', qualifier: '', hedge: '目标' });
    }
  });

  it('takes the year from the text (确保2020年…) and ignores idioms and counts', () => {
    expect(t001.every((t) => t.year === 2020)).toBe(true);
    const all = t001.map((t) => t.sentence).join('');
    // 不漏一户、不落一人 is an idiom; 55人以上大班额 a class size, not a target.
    expect(all).not.toContain('不漏一户');
    expect(all).not.toContain('55人以上大班额');
  });

  it('maps every sentence back to the original text', () => checkOffsets(seed('001'), t001));
});

describe('seed 002 (traditional, pinyin residue, 十四五 建议)', () => {
  it('has no numeric targets: its only number is the 十三五 review (预计2020年…突破3500亿元)', () => {
    expect(t002.filter((t) => t.kind !== 'goal')).toEqual([]);
  });

  it('reads the seven 主要目標 bullets as 2025 goals', () => {
    const main = t002.filter((t) => t.year === 2025);
    // Named as the page writes them, without the residue: 經(jīng)濟發(fā)展 → 經濟發展.
    expect(main.map((g) => g.indicator)).toEqual([
      '經濟發展質效明顯提升',
      '創新驅動活力明顯增強',
      '改革開放步伐明顯加快',
      '社會文明程度明顯提高',
      '生態文明建設明顯進步',
      '人民生活品質明顯改善',
      '社會治理效能明顯優化',
    ]);
    expect(main.map((g) => g.indicatorKey)).toEqual([
      '经济发展质效明显提升',
      '创新驱动活力明显增强',
      '改革开放步伐明显加快',
      '社会文明程度明显提高',
      '生态文明建设明显进步',
      '人民生活品质明显改善',
      '社会治理效能明显优化',
    ]);
    expect(main[0]!.sentence).toBe('——經(jīng)濟發(fā)展質效明顯提升。');
    // The heading as the mirror writes it, without its pinyin residue (時期發(fā)展指導).
    expect(main.every((g) => g.kind === 'goal' && g.section === '“十四五”時期發展指導方針和主要… › 主要目標')).toBe(true);
  });

  it('reads the sentences under 二〇三五年遠景目標 as 2035 goals', () => {
    const vision = t002.filter((t) => t.year === 2035);
    expect(vision).toHaveLength(6);
    expect(vision.every((g) => g.kind === 'goal' && g.section === '扎實推進“一體兩翼”發展戰略 › 二〇三五年遠景目標')).toBe(true);
    expect(vision[0]!.sentence.startsWith('到二〇三五年,基本建成')).toBe(true);
    expect(vision[0]!.indicator.startsWith('基本建成區域性樞紐經濟中心')).toBe(true);
    expect(vision[0]!.indicatorKey.startsWith('基本建成区域性枢纽经济中心')).toBe(true);
    expect(vision[1]!.indicator).toBe('經濟高質量邁上新的大臺階');
    expect(vision[1]!.indicatorKey).toBe('经济高质量迈上新的大台阶');
  });

  it('maps sentences with pinyin residue back to the original text', () => checkOffsets(text002, t002));
});

/** The targets of one report of the 003 listing page (its section path starts with the title). */
function report(ts: Target[], title: string): Target[] {
  return ts.filter((t) => t.section.startsWith(title));
}

describe('seed 003 (four 2022 city reports on one listing page)', () => {
  const shaoyang = report(t003, '2022年邵阳市政府工作报告');
  const loudi = report(t003, '2022年娄底市政府工作报告');
  const changde = report(t003, '2022年常德市政府工作报告');
  const huaihua = report(t003, '2022年怀化市政府工作报告');

  it('邵阳: 主要预期目标是：… (9 items across three sentences, up to 围绕上述目标)', () => {
    const main = shaoyang.filter((t) => t.kind === 'main');
    expect(rows(main)).toEqual<Row[]>([
      ['地区生产总值', 8, null, '%', ''],
      ['规模工业增加值', 8.5, null, '%', ''],
      ['固定资产投资', 10, null, '%', ''],
      ['地方一般公共预算收入', 8, null, '%', ''],
      ['全体居民人均可支配收入', 9, null, '%', ''],
      ['居民消费价格涨幅', 3, null, '%', '以内'],
      ['城镇新增就业', 4.7, null, '万人', ''],
      ['城镇调查失业率', 5.5, null, '%', '以内'],
      ['粮食产量', 325, null, '万吨', '以上'],
    ]);
    expect(main.every((t) => t.year === 2022 && t.hedge === '预期' && t.section.endsWith('2022年主要工作'))).toBe(true);
  });

  it('娄底: 明年的主要预期目标是：… (10 items, 城乡…分别 split, shared 以上)', () => {
    const main = loudi.filter((t) => t.kind === 'main');
    expect(rows(main)).toEqual<Row[]>([
      ['地区生产总值', 7.5, null, '%', '以上'],
      ['规模工业增加值', 8.2, null, '%', ''],
      ['固定资产投资', 8.5, null, '%', ''],
      ['地方一般公共预算收入', 7, null, '%', ''],
      ['居民消费价格涨幅', 3, null, '%', '左右'],
      ['城镇新增就业', 3.4, null, '万人', ''],
      ['城镇调查失业率', 5.5, null, '%', '以内'],
      ['城镇居民人均可支配收入', 8, null, '%', '以上'],
      ['农村居民人均可支配收入', 9.5, null, '%', '以上'],
      ['粮食产量', 158, null, '万吨', '以上'],
    ]);
    expect(main.every((t) => t.year === 2022)).toBe(true);
  });

  it('常德: 经济社会发展的主要预期目标是：… (8 items)', () => {
    const main = changde.filter((t) => t.kind === 'main');
    expect(rows(main)).toEqual<Row[]>([
      ['地区生产总值', 7, null, '%', '以上'],
      ['地方一般公共预算收入', 6.5, null, '%', '以上'],
      ['规模工业增加值', 7.5, null, '%', '以上'],
      ['固定资产投资', 8, null, '%', '以上'],
      ['社会消费品零售总额', 8.5, null, '%', '以上'],
      ['城镇调查失业率', 5.5, null, '%', '以内'],
      ['居民人均可支配收入', 7, null, '%', '以上'],
      ['全社会研发经费投入', 12, null, '%', '以上'],
    ]);
  });

  it('怀化: 主要预期目标是：… (12 items, ；-separated, 其中 sub-items, 以下)', () => {
    const main = huaihua.filter((t) => t.kind === 'main');
    expect(rows(main)).toEqual<Row[]>([
      ['GDP', 8, null, '%', '以上'],
      ['地方一般公共预算收入', 8, null, '%', '以上'],
      // 其中非税占比控制在30%以下: 以下 is reported as the upper bound 以内
      ['非税占比', 30, null, '%', '以内'],
      ['规模工业增加值', 9, null, '%', '以上'],
      ['制造业增加值', 20, null, '%', '以上'],
      ['固定资产投资', 11, null, '%', '以上'],
      ['产业投资', 20, null, '%', '以上'],
      ['社会消费品零售总额', 10.5, null, '%', '以上'],
      ['进出口总额', 30, null, '%', '以上'],
      ['城镇居民人均可支配收入', 8.5, null, '%', '以上'],
      ['农村居民人均可支配收入', 10.5, null, '%', '以上'],
      ['社会物流总费用占GDP比率', 15.7, null, '%', '以内'],
    ]);
    expect(main[0]!.indicatorKey).toBe('地区生产总值');
    expect(main[11]!.direction).toBe('decrease');
    expect(main[2]!.direction).toBe('level');
  });

  it('five-year lists are kind other with the term year (今后五年 → 2026)', () => {
    const sy5 = shaoyang.filter((t) => t.year === 2026 && t.hedge === '目标');
    expect(rows(sy5)).toEqual<Row[]>([
      // 地区生产总值年均增长7.5%、突破3400亿元 …
      ['地区生产总值', 7.5, null, '%', ''],
      ['地区生产总值', 3400, null, '亿元', ''],
      ['地方一般公共预算收入', 7.5, null, '%', ''],
      ['地方一般公共预算收入', 160, null, '亿元', ''],
      ['规模工业增加值', 8, null, '%', ''],
    ]);
    expect(sy5.every((t) => t.kind === 'other')).toBe(true);
    // 今后五年目标任务: …新增制造业百亿企业2家、50亿企业5家、上市企业5家、税收过亿元企业10家 (the plan's counts of
    // work, no bound needed), and 新增2家省级高新区 and 培育建设50个特色小镇, the same counts with the figure before
    // the noun (audit 4);
    // not 建设技工贸收入突破1500亿元园区2个, whose 园区 is no name.
    expect(rows(shaoyang.filter((t) => t.year === 2026 && t.hedge === ''))).toEqual<Row[]>([
      ['新增制造业百亿企业', 2, null, '家', ''],
      ['50亿企业', 5, null, '家', ''],
      ['上市企业', 5, null, '家', ''],
      ['税收过亿元企业', 10, null, '家', ''],
      ['新增省级高新区', 2, null, '家', ''],
      ['培育建设特色小镇', 50, null, '个', ''],
    ]);
    const cd5 = changde.filter((t) => t.sentence.startsWith('经济社会发展的主要目标是'));
    expect(rows(cd5)).toEqual<Row[]>([
      ['人均地区生产总值', 10, null, '万元', '以上'],
      ['制造业增加值占地区生产总值比重', 32, null, '%', '以上'],
      ['产业投资占固定资产投资比重', 63, null, '%', '以上'],
      ['城镇化率', 65, null, '%', '以上'],
    ]);
    expect(cd5.every((t) => t.kind === 'other' && t.year === 2026)).toBe(true);
    // 娄底 says it outright: 力争到2026年，人均地区生产总值超过7万元
    const ld = loudi.find((t) => t.indicator === '人均地区生产总值');
    expect(ld).toMatchObject({ value: 7, unit: '万元', year: 2026, hedge: '力争', direction: 'increase' });
  });

  it('finds the 奋斗目标 / 主要目标 goal statements', () => {
    const goals = t003.filter((t) => t.kind === 'goal');
    expect(goals.map((g) => [g.indicator, g.year])).toEqual([
      ['全面落实“三高四新”战略定位和使命任务取得明显成效', 2026],
      ['高质量跨越式发展迈出更大步伐', 2026],
    ]);
  });

  it('extracts nothing from the review sections', () => {
    const reviews = [
      span(text003, '一、过去五年工作回顾', '二、今后五年目标任务'),
      span(text003, '一、过去五年和2021年工作回顾', '二、未来五年总体要求'),
      span(text003, '一、本届政府及2021年工作回顾', '二、今后五年政府工作的总体要求'),
      span(text003, '一、2021年主要工作和五年发展成就', '二、今后五年总体要求和主要目标'),
    ];
    for (const [s, e] of reviews) expect(t003.filter((t) => t.start < e && t.end > s)).toEqual([]);
    // The review of 娄底 even says "较好实现了…确定的主要预期目标。地区生产总值达到1860亿元…".
    expect(t003.some((t) => t.sentence.includes('1860亿元'))).toBe(false);
  });

  it('extracts nothing from the news items between the reports', () => {
    const reportLines = text003.split('\n').filter((l) => l.length > 10000);
    expect(reportLines).toHaveLength(4);
    for (const t of t003) expect(reportLines.some((l) => l.includes(t.sentence))).toBe(true);
  });

  it('plan-section targets carry the heading path and the report year', () => {
    const t = huaihua.find((x) => x.indicator === '港口吞吐能力');
    expect(t).toMatchObject({
      kind: 'other',
      value: 200,
      unit: '万吨',
      qualifier: '以上',
      year: 2022,
      section: '2022年怀化市政府工作报告 › 2022年重点工作 › 聚焦怀化国际陆港建设',
    });
    // 亩均生产总值、亩均税收均增长15%以上: one value for each member
    expect(huaihua.filter((x) => x.sentence.includes('亩均税收均增长')).map((x) => x.indicator)).toEqual([
      '园区技工贸收入',
      '亩均生产总值',
      '亩均税收',
      '园区规模工业增加值',
    ]);
  });

  it('maps every sentence back to the original text', () => checkOffsets(text003, t003));
});

describe('seed 004 (衡南 2022, traditional, spam tokens, missing punctuation)', () => {
  it('主要預期目標 without a colon: the seven main targets', () => {
    const main = t004.filter((t) => t.kind === 'main');
    expect(rows(main)).toEqual<Row[]>([
      ['地區生產總值', 8.5, null, '%', '以上'],
      ['規模工業增加值', 9, null, '%', '以上'],
      ['固定資產投資', 10, null, '%', '以上'],
      ['社會消費品零售總額', 9, null, '%', '以上'],
      ['進出口總額', 15, null, '%', '左右'],
      ['地方一般公共預算收入', 6, null, '%', '以上'],
      ['全體居民人均可支配收入', 8.5, null, '%', '以上'],
    ]);
    // The keys the library groups by are simplified, so these group with a simplified page's.
    expect(main.map((t) => t.indicatorKey)).toEqual([
      '地区生产总值', '规模工业增加值', '固定资产投资', '社会消费品零售总额', '进出口总额', '地方一般公共预算收入', '全体居民人均可支配收入',
    ]);
    expect(main.every((t) => t.year === 2022 && t.hedge === '预期' && t.direction === 'increase')).toBe(true);
    expect(main[0]!.section).toBe('衡南縣2022年政府工作報告 › 2022年工作安排');
    expect(main[0]!.sentence.startsWith('2022年全縣經濟社會發展的主要預期目標地區生產總值增長8.5%以上')).toBe(true);
  });

  it('the other 2022 targets of the plan, through spam tokens and missing punctuation', () => {
    const other = t004.filter((t) => t.kind === 'other');
    expect(rows(other)).toEqual<Row[]>([
      // 確保糧食播種麵積138萬畝以上、糧食總產量62萬噸以上居安思危… (no full stop)
      // 播種麵積 is the mirror's over-conversion: the name says 面積, as the page meant (lib/text/over-conversion).
      ['糧食播種面積', 138, null, '万亩', '以上'],
      ['糧食總產量', 62, null, '万吨', '以上'],
      // 確保森林覆蓋率穩定在43.42%以上、森林蓄積量不低於341萬立方米
      ['森林覆蓋率', 43.42, null, '%', '以上'],
      ['森林蓄積量', 341, null, '万立方米', '以上'],
      // 今年，力爭策劃總投資過億元項目35個以上，完成重點項目投資140億元以上積極推動…
      ['策劃總投資過億元項目', 35, null, '个', '以上'],
      ['重點項目投資', 140, null, '亿元', '以上'],
      // 推動電子信息產業集聚發展,力爭產值突破30億元支持建築… (the industry named before + 產值)
      ['電子信息產業產值', 30, null, '亿元', ''],
      // 新增市場主體6200以上推動龍頭企業股改上市1家以上力爭完成外貿進出口總額4億元以上新增"破零倍增"[28]企業1家以上
      ['新增市場主體', 6200, null, '', '以上'],
      ['龍頭企業股改上市', 1, null, '家', '以上'],
      ['外貿進出口總額', 4, null, '亿元', '以上'],
      ['新增"破零倍增"企業', 1, null, '家', '以上'],
      // 力爭新引進開工項目10個以上、建成投產企業10家以上，實現稅收3.5億元以上
      ['新引進開工項目', 10, null, '个', '以上'],
      ['建成投產企業', 10, null, '家', '以上'],
      ['稅收', 3.5, null, '亿元', '以上'],
      // 今年，全縣一般性支出要繼續壓減10%
      ['一般性支出', 10, null, '%', ''],
      // 完成棚戶區改造計劃275、農村危房改造計劃300戶、老舊小區改造計劃2419戶 (counts of work; 275 lost its unit)
      ['農村危房改造計劃', 300, null, '户', ''],
      ['老舊小區改造計劃', 2419, null, '户', ''],
      // 將縣域民辦義務教育在校生規模占比控製在5%以內今年，关键词2將…
      ['縣域民辦義務教育在校生規模占比', 5, null, '%', '以内'],
    ]);
    expect(other.map((t) => t.indicatorKey)).toEqual([
      '粮食播种面积', '粮食总产量', '森林覆盖率', '森林蓄积量', '策划总投资过亿元项目', '重点项目投资', '电子信息产业产值', '新增市场主体',
      '龙头企业股改上市', '进出口总额', '新增破零倍增企业', '新引进开工项目', '建成投产企业', '税收', '一般性支出', '农村危房改造计划', '老旧小区改造计划', '县域民办义务教育在校生规模占比',
    ]);
    expect(other.find((t) => t.indicator === '一般性支出')!.direction).toBe('decrease');
    expect(other.find((t) => t.indicator === '電子信息產業產值')).toMatchObject({ hedge: '力争', direction: 'increase' });
    expect(other.every((t) => t.year === 2022)).toBe(true);
  });

  it('extracts nothing from 一、2021年工作回顧 or the 名詞解釋 notes', () => {
    const [s, e] = span(text004, '一、2021年工作回顧', '二、2022年工作安排');
    expect(t004.filter((t) => t.start < e && t.end > s)).toEqual([]);
    const notes = text004.indexOf('相關名詞解釋');
    expect(t004.filter((t) => t.end > notes)).toEqual([]);
  });

  it('never turns the 关键词2 spam token into a number', () => {
    expect(t004.some((t) => t.value === 2 && t.unit === '')).toBe(false);
    expect(t004.some((t) => t.indicator.includes('关键词'))).toBe(false);
  });

  it('maps every sentence back to the original text', () => checkOffsets(text004, t004));
});
