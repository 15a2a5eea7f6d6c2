import { describe, expect, it } from 'vitest';
import {
  parseChineseAt,
  parseNumberAt,
  parseQuantity,
  parseYearAt,
  scanQuantities,
} from '../../../lib/extract/numbers';

const q = (text: string) => {
  const r = parseQuantity(text);
  return r && { value: r.value, valueMax: r.valueMax, unit: r.unit, qualifier: r.qualifier };
};

describe('numbers: digits', () => {
  it('reads ASCII integers and decimals', () => {
    expect(parseNumberAt('8.5%', 0)?.value).toBe(8.5);
    expect(parseNumberAt('1656.9亿元', 0)?.value).toBe(1656.9);
    expect(parseNumberAt('325万吨', 0)?.value).toBe(325);
  });

  it('reads full-width digits and the full-width point', () => {
    expect(parseNumberAt('８．５', 0)?.value).toBe(8.5);
    expect(q('８．５％以上')).toEqual({ value: 8.5, valueMax: null, unit: '%', qualifier: '以上' });
    expect(q('增长１２％')).toEqual({ value: 12, valueMax: null, unit: '%', qualifier: '' });
  });

  it('reads traditional units and qualifiers', () => {
    expect(q('30億元以上')).toEqual({ value: 30, valueMax: null, unit: '亿元', qualifier: '以上' });
    expect(q('5.8萬人')).toEqual({ value: 5.8, valueMax: null, unit: '万人', qualifier: '' });
    expect(q('62萬噸以上')).toEqual({ value: 62, valueMax: null, unit: '万吨', qualifier: '以上' });
  });

  it('does not read a trailing point as a decimal', () => {
    expect(parseNumberAt('3.', 0)).toMatchObject({ value: 3, end: 1 });
  });
});

describe('numbers: Chinese numerals', () => {
  it('reads positional numerals', () => {
    expect(parseChineseAt('十', 0)?.value).toBe(10);
    expect(parseChineseAt('十二', 0)?.value).toBe(12);
    expect(parseChineseAt('二十', 0)?.value).toBe(20);
    expect(parseChineseAt('一百零五', 0)?.value).toBe(105);
    expect(parseChineseAt('两千', 0)?.value).toBe(2000);
    expect(parseChineseAt('三万五千', 0)?.value).toBe(35000);
  });

  it('keeps a final 万/亿 for the unit instead of multiplying', () => {
    expect(q('一千一百万人')).toEqual({ value: 1100, valueMax: null, unit: '万人', qualifier: '' });
    expect(q('一千一百万')).toEqual({ value: 1100, valueMax: null, unit: '万', qualifier: '' });
    expect(q('三亿元左右')).toEqual({ value: 3, valueMax: null, unit: '亿元', qualifier: '左右' });
  });

  it('reads 百分之 and 点 decimals', () => {
    expect(q('百分之五点五')).toEqual({ value: 5.5, valueMax: null, unit: '%', qualifier: '' });
    expect(q('百分之十二以内')).toEqual({ value: 12, valueMax: null, unit: '%', qualifier: '以内' });
    expect(q('百分之3.5')).toEqual({ value: 3.5, valueMax: null, unit: '%', qualifier: '' });
  });

  it('reads 千分之 as per mille, like ‰', () => {
    expect(q('千分之五以内')).toEqual({ value: 5, valueMax: null, unit: '‰', qualifier: '以内' });
    expect(q('千分之四点五')).toEqual({ value: 4.5, valueMax: null, unit: '‰', qualifier: '' });
    expect(q('千分之3.2')).toEqual({ value: 3.2, valueMax: null, unit: '‰', qualifier: '' });
    expect(q('千分之五至千分之六')).toEqual({ value: 5, valueMax: 6, unit: '‰', qualifier: '' });
    expect(q('4‰以内')).toEqual({ value: 4, valueMax: null, unit: '‰', qualifier: '以内' });
    // 千 alone is still a thousand, and 千分 without 之 no fraction.
    expect(q('三千人')).toEqual({ value: 3000, valueMax: null, unit: '人', qualifier: '' });
    expect(q('千分之')).toBeNull();
  });

  it('reads digit-string years only as years', () => {
    expect(parseYearAt('二〇二五年', 0)).toEqual({ year: 2025, end: 5 });
    expect(parseYearAt('二〇三五年远景目标', 0)?.year).toBe(2035);
    expect(parseYearAt('2022年', 0)).toEqual({ year: 2022, end: 5 });
    // Not a year: 二〇二五 without 年, or an out-of-range number.
    expect(parseYearAt('二〇二五', 0)).toBeNull();
    expect(parseYearAt('12年', 0)).toBeNull();
  });

  it('rejects slogans and enumerations that only look numeric', () => {
    expect(parseChineseAt('十四五', 0)).toBeNull();
    expect(parseChineseAt('一二三产业', 0)).toBeNull();
    // A Chinese numeral without a unit is a word (一批, 六稳, 三高四新), not a quantity.
    expect(parseQuantity('一体化')).toBeNull();
    expect(parseQuantity('六稳')).toBeNull();
    expect(scanQuantities('“三高四新”战略')).toEqual([]);
  });
});

describe('numbers: units, ranges, qualifiers', () => {
  it('keeps 万/亿 multipliers in the unit', () => {
    expect(q('4.7万人')).toMatchObject({ value: 4.7, unit: '万人' });
    expect(q('30亿元')).toMatchObject({ value: 30, unit: '亿元' });
    expect(q('158万吨以上')).toMatchObject({ value: 158, unit: '万吨', qualifier: '以上' });
    expect(q('325亿斤')).toMatchObject({ value: 325, unit: '亿斤' });
    expect(q('120万千瓦')).toMatchObject({ value: 120, unit: '万千瓦' });
    expect(q('341万立方米')).toMatchObject({ value: 341, unit: '万立方米' });
    expect(q('7800万人次以上')).toMatchObject({ value: 7800, unit: '万人次', qualifier: '以上' });
    expect(q('0.5个百分点')).toMatchObject({ value: 0.5, unit: '个百分点' });
  });

  it('reads ranges written with -, —, 至', () => {
    expect(q('5%-5.5%')).toEqual({ value: 5, valueMax: 5.5, unit: '%', qualifier: '' });
    expect(q('5-5.5%')).toEqual({ value: 5, valueMax: 5.5, unit: '%', qualifier: '' });
    expect(q('5%—6%')).toEqual({ value: 5, valueMax: 6, unit: '%', qualifier: '' });
    expect(q('5.5%至6%左右')).toEqual({ value: 5.5, valueMax: 6, unit: '%', qualifier: '左右' });
    expect(q('1-2个')).toEqual({ value: 1, valueMax: 2, unit: '个', qualifier: '' });
  });

  it('does not read spans of months or years as value ranges', () => {
    expect(q('1至4月')).toMatchObject({ value: 1, valueMax: null, unit: '' });
    expect(q('2021-2025年')).toMatchObject({ value: 2021, valueMax: null });
  });

  it('reports 以下 as the upper bound 以内 (the contract has no 以下)', () => {
    const r = parseQuantity('15.7%以下');
    expect(r).toMatchObject({ value: 15.7, qualifier: '以内', qualifierText: '以下' });
  });

  it('skips labels glued to letters, ordinals and footnote numbers', () => {
    expect(scanQuantities('5G基站1000个').map((x) => x.value)).toEqual([1000]);
    expect(scanQuantities('第三批').length).toBe(0);
    expect(scanQuantities('(P12)').length).toBe(0);
  });

  it('scans several quantities left to right', () => {
    const all = scanQuantities('城、乡居民人均可支配收入分别增长8.5%、10.5%以上');
    expect(all.map((x) => [x.value, x.unit, x.qualifier])).toEqual([
      [8.5, '%', ''],
      [10.5, '%', '以上'],
    ]);
  });
});

describe('numbers: units of environment and social targets (item 8)', () => {
  it('reads concentrations in 微克/立方米', () => {
    expect(q('35微克/立方米以内')).toEqual({ value: 35, valueMax: null, unit: '微克/立方米', qualifier: '以内' });
    expect(q('35微克／立方米以內')).toEqual({ value: 35, valueMax: null, unit: '微克/立方米', qualifier: '以内' });
  });

  it('reads 岁 and 年 where the value closes its clause', () => {
    expect(q('79岁。')).toEqual({ value: 79, valueMax: null, unit: '岁', qualifier: '' });
    expect(q('11.3年，')).toEqual({ value: 11.3, valueMax: null, unit: '年', qualifier: '' });
    expect(q('79.5歲以上')).toEqual({ value: 79.5, valueMax: null, unit: '岁', qualifier: '以上' });
  });

  it('leaves years, age groups and spans of time as labels', () => {
    expect(q('2022年，')?.unit).toBe('');
    expect(q('0-3岁婴幼儿')).toMatchObject({ value: 0, valueMax: null, unit: '' });
    expect(q('3岁以下婴幼儿托位')?.unit).toBe('');
    expect(q('5年时间')?.unit).toBe('');
    expect(q('2021-2025年')).toMatchObject({ valueMax: null, unit: '' });
  });
});

describe('numbers: measure words and multipliers of health, energy and workload targets', () => {
  it('reads 例, 篇, 班, 羽, 人年, 天, 小时, 个工作日 and 吨标准煤', () => {
    expect(q('2万例以上')).toEqual({ value: 2, valueMax: null, unit: '万例', qualifier: '以上' });
    expect(q('100篇以上')).toEqual({ value: 100, valueMax: null, unit: '篇', qualifier: '以上' });
    expect(q('200班')).toEqual({ value: 200, valueMax: null, unit: '班', qualifier: '' });
    expect(q('1000万羽')).toEqual({ value: 1000, valueMax: null, unit: '万羽', qualifier: '' });
    expect(q('5000人年')).toEqual({ value: 5000, valueMax: null, unit: '人年', qualifier: '' });
    expect(q('300天以上')).toEqual({ value: 300, valueMax: null, unit: '天', qualifier: '以上' });
    expect(q('48小时以内')).toEqual({ value: 48, valueMax: null, unit: '小时', qualifier: '以内' });
    expect(q('2个工作日以内')).toEqual({ value: 2, valueMax: null, unit: '个工作日', qualifier: '以内' });
    expect(q('0.4吨标准煤/万元')).toEqual({ value: 0.4, valueMax: null, unit: '吨标准煤/万元', qualifier: '' });
    expect(q('50万吨标准煤')).toEqual({ value: 50, valueMax: null, unit: '万吨标准煤', qualifier: '' });
  });

  it('reads 成 (tenths) as written, and 千亿 as a multiplier kept in the unit like 千万', () => {
    expect(q('六成以上')).toEqual({ value: 6, valueMax: null, unit: '成', qualifier: '以上' });
    expect(q('6-7成')).toEqual({ value: 6, valueMax: 7, unit: '成', qualifier: '' });
    expect(q('1千亿元')).toEqual({ value: 1, valueMax: null, unit: '千亿元', qualifier: '' });
    expect(q('1.2千亿元以上')).toEqual({ value: 1.2, valueMax: null, unit: '千亿元', qualifier: '以上' });
    expect(q('5千瓦')).toEqual({ value: 5, valueMax: null, unit: '千瓦', qualifier: '' });
  });

  it('reads no quantity in words that only hold 成', () => {
    expect(scanQuantities('建成区绿化覆盖率')).toEqual([]);
    expect(scanQuantities('完成、形成、建成')).toEqual([]);
  });
});
