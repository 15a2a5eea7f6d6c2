/**
 * How a clause's values are read: which figures are values, which verb and name they have, and the units
 * and multipliers they carry. Each case pins indicator, value, valueMax, unit, qualifier and direction.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';

/** A plan section around the sentences, so they are read as this year's work. */
const plan = (body: string): string => `二、2022年工作安排\n${body}`;
type Full = [indicator: string, value: number | null, valueMax: number | null, unit: string, qualifier: string, direction: string];
const read = (body: string): Full[] =>
  extractTargets({ text: plan(body), year: 2022 }).map((t) => [t.indicator, t.value, t.valueMax, t.unit, t.qualifier, t.direction]);

describe('a verb that reaches its value in a year (增加到2025年的5000亿元)', () => {
  it('keeps the verb and the name; the year and the starting figure are neither value nor name', () => {
    expect(read('地区生产总值由2020年的3509亿元增加到2025年的5000亿元以上。')).toEqual<Full[]>([
      ['地区生产总值', 5000, null, '亿元', '以上', 'increase'],
    ]);
    expect(read('常住人口城镇化率从2023年的58%提高到2024年的59.5%。')).toEqual<Full[]>([
      ['常住人口城镇化率', 59.5, null, '%', '', 'increase'],
    ]);
    expect(read('城镇化率提高到2025年底的65%以上。')).toEqual<Full[]>([['城镇化率', 65, null, '%', '以上', 'increase']]);
  });

  it('never makes the starting figure a target of its own, even with a qualifier', () => {
    expect(read('地区生产总值由2020年的3500亿元左右增加到5000亿元以上。')).toEqual<Full[]>([
      ['地区生产总值', 5000, null, '亿元', '以上', 'increase'],
    ]);
    expect(read('常住人口城镇化率从58%左右提高到60%以上。')).toEqual<Full[]>([['常住人口城镇化率', 60, null, '%', '以上', 'increase']]);
  });

  it('reads a year after a verb with no value after it as no target', () => {
    expect(read('规划期限延长到2025年。')).toEqual([]);
    expect(read('各项指标达到2025年的要求。')).toEqual([]);
  });
});

describe('和/及 join values and members as 、 does', () => {
  it('splits 城乡 … 分别 x%和y% into urban and rural targets, as with 、', () => {
    const expected: Full[] = [
      ['城镇居民人均可支配收入', 6, null, '%', '', 'increase'],
      ['农村居民人均可支配收入', 7.5, null, '%', '', 'increase'],
    ];
    expect(read('城乡居民人均可支配收入分别增长6%和7.5%。')).toEqual(expected);
    expect(read('城乡居民人均可支配收入分别增长6%、7.5%。')).toEqual(expected);
  });

  it('reads 和/及 between the listed members too, and shares the last qualifier', () => {
    expect(read('城镇和农村居民人均可支配收入分别增长6%及7.5%以上。')).toEqual<Full[]>([
      ['城镇居民人均可支配收入', 6, null, '%', '以上', 'increase'],
      ['农村居民人均可支配收入', 7.5, null, '%', '以上', 'increase'],
    ]);
    expect(read('公办幼儿园和普惠性幼儿园在园幼儿比例分别达50%和85%以上。')).toEqual<Full[]>([
      ['公办幼儿园在园幼儿比例', 50, null, '%', '以上', 'increase'],
      ['普惠性幼儿园在园幼儿比例', 85, null, '%', '以上', 'increase'],
    ]);
  });

  it('ends a value before 和 that joins the next item, which names its own indicator', () => {
    expect(read('地区生产总值增长6%和规模工业增加值增长8%以上。')).toEqual<Full[]>([
      ['地区生产总值', 6, null, '%', '', 'increase'],
      ['规模工业增加值', 8, null, '%', '以上', 'increase'],
    ]);
  });

  it('keeps 和 inside a name, and a list without 分别 under its one name', () => {
    expect(read('新增学位和园位3.3万个以上。')).toEqual<Full[]>([['新增学位和园位', 3.3, null, '万个', '以上', 'level']]);
    expect(read('城乡居民人均可支配收入增长6%和7.5%以上。')).toEqual<Full[]>([
      ['城乡居民人均可支配收入', 6, null, '%', '以上', 'increase'],
      ['城乡居民人均可支配收入', 7.5, null, '%', '以上', 'increase'],
    ]);
  });

  it('makes no target of market moves joined by 和 in a news text', () => {
    expect(extractTargets({ text: '周二沪深两市震荡上行，其中中国建筑、海螺水泥分别上涨4.2%和3.6%。' })).toEqual([]);
  });
});

describe('a name starts after who says it and when', () => {
  it('drops a reporting lead-in (报告提出, 会议要求, 文件明确, 市政府表示, 要求) and the time words after it', () => {
    expect(read('报告提出今年地区生产总值增长6%左右。')).toEqual<Full[]>([['地区生产总值', 6, null, '%', '左右', 'increase']]);
    expect(read('报告中明确提出今年地区生产总值增长6%左右。')).toEqual<Full[]>([['地区生产总值', 6, null, '%', '左右', 'increase']]);
    expect(read('会议要求全年规模工业增加值增长8%以上。')).toEqual<Full[]>([['规模工业增加值', 8, null, '%', '以上', 'increase']]);
    expect(read('文件明确今年城镇化率达到65%以上。')).toEqual<Full[]>([['城镇化率', 65, null, '%', '以上', 'increase']]);
    expect(read('市政府表示今年新增城镇就业4万人以上。')).toEqual<Full[]>([['新增城镇就业', 4, null, '万人', '以上', 'level']]);
    expect(read('要求地区生产总值增长6%以上。')).toEqual<Full[]>([['地区生产总值', 6, null, '%', '以上', 'increase']]);
  });

  it('drops time words that open the name (届时, 当前, 今后五年)', () => {
    expect(read('届时全市5G基站达到8000个以上。')).toEqual<Full[]>([['5G基站', 8000, null, '个', '以上', 'increase']]);
    // 目前 says what there is now: no target at all (lib/extract/tense.ts, PRESENT).
    expect(read('目前全市5G基站达到8000个以上。')).toEqual<Full[]>([]);
    expect(read('当前全市森林覆盖率稳定在60%以上。')).toEqual<Full[]>([['森林覆盖率', 60, null, '%', '以上', 'level']]);
    expect(read('今后五年地区生产总值年均增长7%左右。')).toEqual<Full[]>([['地区生产总值', 7, null, '%', '左右', 'increase']]);
  });

  it('keeps the same words where they belong to the name', () => {
    expect(read('每万人口提出专利申请量达到20件以上。')).toEqual<Full[]>([['每万人口提出专利申请量', 20, null, '件', '以上', 'increase']]);
    expect(read('明确产权的农户占比达到90%以上。')).toEqual<Full[]>([['明确产权的农户占比', 90, null, '%', '以上', 'increase']]);
    expect(read('显示面板产量达到1000万个以上。')).toEqual<Full[]>([['显示面板产量', 1000, null, '万个', '以上', 'increase']]);
    expect(read('计划生育服务覆盖率达到95%以上。')).toEqual<Full[]>([['计划生育服务覆盖率', 95, null, '%', '以上', 'increase']]);
    expect(read('农村居民今年人均可支配收入增长8%以上。')).toEqual<Full[]>([['农村居民今年人均可支配收入', 8, null, '%', '以上', 'increase']]);
  });

  it('makes no target of a report of what was said without a bound or a hedge', () => {
    expect(extractTargets({ text: '报告指出，去年全市地区生产总值增长6.2%。' })).toEqual([]);
  });
});

describe('targets in units and multipliers reports use (例, 千亿, 成, 吨标准煤 …)', () => {
  it('keeps the target with its unit', () => {
    expect(read('新生儿疾病筛查2万例以上。')).toEqual<Full[]>([['新生儿疾病筛查', 2, null, '万例', '以上', 'level']]);
    expect(read('力争规模工业总产值突破1千亿元。')).toEqual<Full[]>([['规模工业总产值', 1, null, '千亿元', '', 'increase']]);
    expect(read('森林覆盖率稳定在六成以上。')).toEqual<Full[]>([['森林覆盖率', 6, null, '成', '以上', 'level']]);
    expect(read('空气质量优良天数达到300天以上。')).toEqual<Full[]>([['空气质量优良天数', 300, null, '天', '以上', 'increase']]);
    expect(read('研发人员全时当量达到5000人年。')).toEqual<Full[]>([['研发人员全时当量', 5000, null, '人年', '', 'increase']]);
    expect(read('单位地区生产总值能耗由2020年的0.5吨标准煤降低到2025年的0.4吨标准煤。')).toEqual<Full[]>([
      ['单位地区生产总值能耗', 0.4, null, '吨标准煤', '', 'decrease'],
    ]);
  });

  it('reads no target in 成 words or a value glued to the next word', () => {
    expect(read('坚持标准一成不变。')).toEqual([]);
    expect(read('新增3成员单位。')).toEqual([]);
    expect(read('建成区绿化覆盖率达到40%以上。')).toEqual<Full[]>([['建成区绿化覆盖率', 40, null, '%', '以上', 'increase']]);
    expect(extractTargets({ text: '玉米比前年多收了两成，可猪却死了三头。' })).toEqual([]);
  });
});

describe('压缩至, 压减到, 缩短 end the name and say decrease', () => {
  it('reads the time a procedure is cut to', () => {
    expect(read('企业开办时间压缩至2个工作日以内。')).toEqual<Full[]>([['企业开办时间', 2, null, '个工作日', '以内', 'decrease']]);
    expect(read('工程建设项目审批时间压减到80个工作日以内。')).toEqual<Full[]>([['工程建设项目审批时间', 80, null, '个工作日', '以内', 'decrease']]);
    expect(read('平均通勤时间缩短10%以上。')).toEqual<Full[]>([['平均通勤时间', 10, null, '%', '以上', 'decrease']]);
  });

  it('keeps a cut that was made (a review) out', () => {
    expect(extractTargets({ text: '一、2021年工作回顾\n企业开办时间压缩至2个工作日以内。\n二、2022年工作安排\n' })).toEqual([]);
  });
});

describe('a listed bare measure takes the subject of the member before it (粮食播种面积、产量)', () => {
  it('names 产量 after 粮食播种面积 粮食产量, with 分别, without it, and with 和', () => {
    const expected: Full[] = [
      ['粮食播种面积', 138, null, '万亩', '以上', 'level'],
      ['粮食产量', 62, null, '万吨', '以上', 'level'],
    ];
    expect(read('粮食播种面积、产量分别稳定在138万亩、62万吨以上。')).toEqual(expected);
    expect(read('粮食播种面积、产量稳定在138万亩、62万吨以上。')).toEqual(expected);
    expect(read('粮食播种面积和产量分别稳定在138万亩和62万吨以上。')).toEqual(expected);
    expect(read('中药材种植面积、总产值分别达到50万亩、80亿元以上。')).toEqual<Full[]>([
      ['中药材种植面积', 50, null, '万亩', '以上', 'increase'],
      ['中药材总产值', 80, null, '亿元', '以上', 'increase'],
    ]);
  });

  it('shows the composed name in the page’s script', () => {
    const ts = extractTargets({ text: plan('糧食播種面積、產量分別穩定在138萬畝、62萬噸以上。'), year: 2022 });
    expect(ts.map((t) => [t.indicator, t.indicatorKey])).toEqual([
      ['糧食播種面積', '粮食播种面积'],
      ['糧食產量', '粮食产量'],
    ]);
  });

  it('leaves members that name their own subject, and a bare measure after a name that is no measure', () => {
    expect(read('公办幼儿园、普惠性幼儿园在园幼儿比例分别达50%、85%以上。').map((r) => r[0])).toEqual(['公办幼儿园在园幼儿比例', '普惠性幼儿园在园幼儿比例']);
    expect(read('地区生产总值、投资分别增长6%、8%以上。').map((r) => r[0])).toEqual(['地区生产总值', '投资']);
  });
});

describe('tiers listed after one name (企业国家级3家、省级20家以上)', () => {
  it('reads each tier as a target under the stem, sharing the last qualifier', () => {
    expect(read('培育专精特新“小巨人”企业国家级3家、省级20家以上。')).toEqual<Full[]>([
      ['专精特新“小巨人”企业国家级', 3, null, '家', '以上', 'level'],
      ['专精特新“小巨人”企业省级', 20, null, '家', '以上', 'level'],
    ]);
    expect(read('力争新增“小巨人”企业国家级3家以上、省级20家左右。')).toEqual<Full[]>([
      ['新增“小巨人”企业国家级', 3, null, '家', '以上', 'level'],
      ['新增“小巨人”企业省级', 20, null, '家', '左右', 'level'],
    ]);
  });

  it('reads tiers without any bound or hedge as a plan’s count of work, and does not share a bound between names of their own', () => {
    expect(read('培育专精特新“小巨人”企业国家级3家、省级20家。')).toEqual<Full[]>([
      ['专精特新“小巨人”企业国家级', 3, null, '家', '', 'level'],
      ['专精特新“小巨人”企业省级', 20, null, '家', '', 'level'],
    ]);
    expect(read('专精特新“小巨人”企业国家级3家、省级20家。')).toEqual([]);
    expect(read('新增国家级示范区2个、省级示范区5个以上。')).toEqual<Full[]>([
      ['新增国家级示范区', 2, null, '个', '', 'level'],
      ['省级示范区', 5, null, '个', '以上', 'level'],
    ]);
  });
});

describe('values with a unit the clause writes in Latin or as a ratio (third audit)', () => {
  it('reads computing power in EFLOPS, and still not 5G or 3D as values', () => {
    expect(read('力争全市算力规模达到300EFLOPS以上。')).toEqual<Full[]>([['算力规模', 300, null, 'EFLOPS', '以上', 'increase']]);
    expect(read('新建5G基站2000个。')).toEqual<Full[]>([['新建5G基站', 2000, null, '个', '', 'level']]);
  });

  it('reads a ratio to one with its colon, in either width, as one value', () => {
    expect(read('城乡居民收入比缩小到1.8:1以内。')).toEqual<Full[]>([['城乡居民收入比', 1.8, null, ':1', '以内', 'decrease']]);
    expect(read('城乡居民人均可支配收入比缩小至2.1：1。')).toEqual<Full[]>([['城乡居民人均可支配收入比', 2.1, null, ':1', '', 'decrease']]);
  });
});
