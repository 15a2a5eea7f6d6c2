/**
 * Indicator names in the page's own script. Each name is built from the folded (simplified) text and
 * shown with the page's characters at the same offsets; its key stays simplified, so a traditional
 * page's 地區生產總值 and a simplified page's 地区生产总值 are one indicator in the library.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import { indicatorKey } from '../../../lib/extract/indicator';
import { foldChars } from '../../../lib/text/normalize';
import { seed } from './helpers';

const plan = (body: string): string => `二、2022年工作安排\n${body}`;
/** name|key|value for each target. */
const read = (body: string) => extractTargets({ text: plan(body), year: 2022 }).map((t) => `${t.indicator}|${t.indicatorKey}|${t.value}`);

describe('names composed of parts from different places map each part back', () => {
  it('a bare measure with the subject of the list member, the clause or the sentence before it', () => {
    expect(read('穩定糧食播面465萬畝以上、產量196萬噸以上。')).toEqual(['糧食播面|粮食播面|465', '糧食產量|粮食产量|196']);
    expect(read('實施省市重點項目310個以上，完成投資600億元以上。')).toEqual([
      '實施省市重點項目|实施省市重点项目|310',
      '省市重點項目投資|省市重点项目投资|600',
    ]);
    expect(read('推動電子信息產業集聚發展，力爭產值突破30億元。')).toEqual(['電子信息產業產值|电子信息产业产值|30']);
    expect(read('中藥材種植面積穩定在50萬畝以上、總產值突破80億元。')).toEqual(['中藥材種植面積|中药材种植面积|50', '中藥材總產值|中药材总产值|80']);
  });

  it('a per-unit base named once for the members that share it, not for a total', () => {
    expect(read('單位地區生產總值能源消耗和二氧化碳排放分別降低3%、4%。')).toEqual([
      '單位地區生產總值能源消耗|单位地区生产总值能源消耗|3',
      '單位地區生產總值二氧化碳排放|单位地区生产总值二氧化碳排放|4',
    ]);
    expect(read('单位GDP能耗、用水量分别下降3%、5%。')).toEqual(['单位GDP能耗|单位GDP能耗|3', '单位GDP用水量|单位GDP用水量|5']);
    expect(read('单位地区生产总值能耗、主要污染物排放总量分别下降3%、2%。')).toEqual([
      '单位地区生产总值能耗|单位地区生产总值能耗|3',
      '主要污染物排放总量|主要污染物排放总量|2',
    ]);
  });

  it('a tier word with the stem of the name before it', () => {
    expect(read('力爭新增“小巨人”企業國家級3家以上、省級20家以上。')).toEqual([
      '新增“小巨人”企業國家級|新增小巨人企业国家级|3',
      '新增“小巨人”企業省級|新增小巨人企业省级|20',
    ]);
  });

  it('shared tails, members that each reach one value, and a name carried past a doubling', () => {
    expect(read('公辦幼兒園、普惠性幼兒園在園幼兒比例分別達50%、85%以上。')).toEqual([
      '公辦幼兒園在園幼兒比例|公办幼儿园在园幼儿比例|50',
      '普惠性幼兒園在園幼兒比例|普惠性幼儿园在园幼儿比例|85',
    ]);
    expect(read('畝均生產總值、畝均稅收均增長15%以上。')).toEqual(['畝均生產總值|亩均生产总值|15', '畝均稅收|亩均税收|15']);
    expect(read('地區生產總值比2020年翻一番，達到6000億元以上。')).toEqual(['地區生產總值|地区生产总值|6000']);
    expect(read('研發經費投入強度提高0.3個百分點，達到2.6%。')).toEqual(['研發經費投入強度|研发经费投入强度|0.3', '研發經費投入強度|研发经费投入强度|2.6']);
  });
});

describe('城/乡 halves: the characters the rule supplies follow the sentence’s script', () => {
  it('traditional: 城鎮 keeps the page’s 城, 農村 stands for 鄉', () => {
    const expected = ['城鎮居民人均可支配收入|城镇居民人均可支配收入|8.5', '農村居民人均可支配收入|农村居民人均可支配收入|10.5'];
    expect(read('城、鄉居民人均可支配收入分別增長8.5%、10.5%以上。')).toEqual(expected);
    expect(read('城鄉居民人均可支配收入分別增長8.5%、10.5%左右。')).toEqual(expected);
    expect(read('城、農居民人均可支配收入分別增長8.5%、10.5%以上。')).toEqual(expected);
  });

  it('simplified stays simplified', () => {
    const expected = ['城镇居民人均可支配收入|城镇居民人均可支配收入|8.5', '农村居民人均可支配收入|农村居民人均可支配收入|10.5'];
    expect(read('城、乡居民人均可支配收入分别增长8.5%、10.5%以上。')).toEqual(expected);
    expect(read('城乡居民人均可支配收入分别增长8.5%、10.5%左右。')).toEqual(expected);
  });
});

describe('what a name does not take from the page', () => {
  it('pinyin residue, which the fold dropped', () => {
    expect(read('地區生產(chǎn)總值增長8%以上。')).toEqual(['地區生產總值|地区生产总值|8']);
    expect(read('地區生（shēng）產總值增長8%以上。')).toEqual(['地區生產總值|地区生产总值|8']);
  });

  it('residue after a character the mirror mangled, which the fold keeps (崿F is 實 in a broken encoding)', () => {
    const text = '3.二〇三五年遠景目標。緦崿F(xiàn)治理體系和治理能力現(xiàn)代化,初步建成整體智治體系。';
    const ts = extractTargets({ text, year: 2020 });
    expect(ts.map((t) => [t.indicator, t.indicatorKey])).toEqual([['緦崿F治理體系和治理能力現代化', '缌崿F治理体系和治理能力现代化']]);
    // A bracket that is no reading stays in the name (the key drops brackets of any kind).
    expect(read('細顆粒物(PM2.5)平均濃度控制在35微克/立方米以內。')).toEqual(['細顆粒物(PM2.5)平均濃度|细颗粒物PM2.5平均浓度|35']);
  });

  it('full-width letters and digits (width, not script)', () => {
    expect(read('新建５Ｇ基站1000個以上。')).toEqual(['新建5G基站|新建5G基站|1000']);
  });

  it('nothing of a simplified page changes', () => {
    expect(read('确保粮食播种面积138万亩以上、粮食总产量62万吨以上。')).toEqual(['粮食播种面积|粮食播种面积|138', '粮食总产量|粮食总产量|62']);
  });
});

describe('over-conversions of mirror sites', () => {
  it('names with what the page meant where 面/制 have two traditional forms, and keys by the fold', () => {
    // 製造業 is correct traditional and 控製/播種麵積 are a converter's errors: OpenCC's phrases that write
    // 麵/製 (lib/text/over-conversion) tell them apart. The sentence stays the page's; the key is the same
    // as on a simplified page.
    expect(read('製造業增加值增長8%以上。')).toEqual(['製造業增加值|制造业增加值|8']);
    expect(read('確保糧食播種麵積138萬畝以上。')).toEqual(['糧食播種面積|粮食播种面积|138']);
    expect(read('麵粉加工產值增長10%以上。')).toEqual(['麵粉加工產值|面粉加工产值|10']);
  });
});

describe('the traditional seeds', () => {
  it('name every target in the page’s script, and its folded name gives its key', () => {
    for (const id of ['002', '004'] as const) {
      const ts = extractTargets({ text: seed(id) });
      expect(ts.length).toBeGreaterThan(10);
      for (const t of ts) {
        expect(indicatorKey(foldChars(t.indicator))).toBe(t.indicatorKey);
        expect(t.indicator).not.toMatch(/关键词|[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/);
        expect(t.indicatorKey).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
      }
      expect(ts.filter((t) => foldChars(t.indicator) !== t.indicator).length).toBeGreaterThan(10);
    }
  });
});
