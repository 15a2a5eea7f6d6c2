import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../lib/extract';
import type { Target } from '../../../lib/types';

const show = (ts: Target[]) => ts.map((t) => `${t.kind} ${t.indicator}${t.value}${t.unit}${t.qualifier}`);
const report = (body: string) => `衡山市2023年政府工作报告
各位代表：
现在，我代表市人民政府，向大会报告政府工作，请予审议。
一、2022年工作回顾
过去一年，全市地区生产总值增长7.5%。
二、2023年工作安排
${body}`;

describe('a main-target list with one item per line (item 5)', () => {
  const list = `今年全市经济社会发展的主要预期目标是：
地区生产总值增长8%左右；
一般公共预算收入增长6%；
新增城镇就业3万人；
城镇调查失业率控制在5.5%以内；
粮食产量稳定在50万吨。
围绕上述目标，重点抓好以下工作。
全年新开工项目100个。`;
  // 全年新开工项目100个 is a target of the plan (a count of work), but not the list's: it is after its end.
  const expected = ['main 地区生产总值8%左右', 'main 一般公共预算收入6%', 'main 新增城镇就业3万人', 'main 城镇调查失业率5.5%以内', 'main 粮食产量50万吨', 'other 新开工项目100个'];

  it('keeps every line in the list, up to its last item', () => {
    expect(show(extractTargets({ text: report(list) }))).toEqual(expected);
  });

  it('with CRLF line ends and empty lines between the items (paragraph per item)', () => {
    expect(show(extractTargets({ text: report(list.replace(/\n/g, '\r\n')) }))).toEqual(expected);
    expect(show(extractTargets({ text: report(list.replace(/\n/g, '\n\n')) }))).toEqual(expected);
  });

  it('with numbered items, traditional', () => {
    const trad = `今年主要預期目標是：
1.地區生產總值增長8%左右；
2.新增城鎮就業3萬人；
3.城鎮調查失業率控制在5.5%以內。
圍繞上述目標，重點抓好以下工作。`;
    expect(show(extractTargets({ text: report(trad) }))).toEqual(['main 地區生產總值8%左右', 'main 新增城鎮就業3万人', 'main 城鎮調查失業率5.5%以内']);
  });

  it('ends the list at its last item: the next paragraph is on its own', () => {
    const text = report('今年主要预期目标是：\n地区生产总值增长8%左右，新增城镇就业3万人。\n全年新开工项目100个。');
    expect(show(extractTargets({ text }))).toEqual(['main 地区生产总值8%左右', 'main 新增城镇就业3万人', 'other 新开工项目100个']);
  });

  it('a one-line list is unchanged', () => {
    expect(show(extractTargets({ text: report(list.replace(/\n(?=[^围全])/g, '')) }))).toEqual(expected);
  });
});

describe('hard-wrapped sentences (item 6)', () => {
  it('reads a sentence broken mid-word as one', () => {
    const ts = extractTargets({
      text: report('今年主要预期目标是：地区生产总值增长8%以上，城镇调查失\n业率控制在5.5%以内，居民人均可支配收入增\n长7%左右。\n'),
    });
    expect(show(ts)).toEqual(['main 地区生产总值8%以上', 'main 城镇调查失业率5.5%以内', 'main 居民人均可支配收入7%左右']);
    // The sentence is still the page's own text, line breaks included.
    expect(ts[1]!.sentence).toContain('失\n业率');
  });

  it('reads a value wrapped onto the next line (CRLF too), traditional', () => {
    for (const nl of ['\n', '\r\n']) {
      const ts = extractTargets({ text: report(`地區生產總值增長${nl}8%以上，城鎮調查失業率控制在${nl}5.5%以內。${nl}`) });
      expect(show(ts)).toEqual(['other 地區生產總值8%以上', 'other 城鎮調查失業率5.5%以内']);
    }
  });

  it('keeps real line ends: headings, list items, short lines, punctuation', () => {
    const text = report(`（一）扩大有效投资
全年新开工项目100个以上，完成投资500亿元以上
1.新增城镇就业3万人以上
地区生产总值增长8%以上。`);
    expect(show(extractTargets({ text }))).toEqual([
      'other 新开工项目100个以上',
      'other 新开工项目投资500亿元以上',
      'other 新增城镇就业3万人以上',
      'other 地区生产总值8%以上',
    ]);
    // A review paragraph wrapped onto a line of its own stays in the review.
    const review = `衡山市2023年政府工作报告\n一、2022年工作回顾\n过去一年，全市经济稳中有进，地区生产总值增长7.5%左右，城\n镇登记失业率控制在4.5%以内。\n二、2023年工作安排\n地区生产总值增长8%以上。`;
    expect(show(extractTargets({ text: review }))).toEqual(['other 地区生产总值8%以上']);
  });
});

describe('targets in 微克/立方米, 岁 and 年 (item 8)', () => {
  it('reads them in a main-target list, simplified and traditional', () => {
    const body =
      '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，细颗粒物（PM2.5）平均浓度控制在35微克/立方米以内，人均预期寿命达到79岁，劳动年龄人口平均受教育年限提高到11.3年，城镇新增就业3万人以上。';
    const expected = [
      'main 地区生产总值6%左右',
      'main 细颗粒物(PM2.5)平均浓度35微克/立方米以内',
      'main 人均预期寿命79岁',
      'main 劳动年龄人口平均受教育年限11.3年',
      'main 城镇新增就业3万人以上',
    ];
    expect(show(extractTargets({ text: report(body) }))).toEqual(expected);
    const trad = '今年經濟社會發展的主要預期目標是：地區生產總值增長6%左右，細顆粒物（PM2.5）平均濃度控制在35微克/立方米以內，人均預期壽命達到79歲，勞動年齡人口平均受教育年限提高到11.3年，城鎮新增就業3萬人以上。';
    // Names as the page writes them; unit and qualifier are the library's (simplified) vocabulary.
    expect(show(extractTargets({ text: report(trad) }))).toEqual([
      'main 地區生產總值6%左右',
      'main 細顆粒物(PM2.5)平均濃度35微克/立方米以内',
      'main 人均預期壽命79岁',
      'main 勞動年齡人口平均受教育年限11.3年',
      'main 城鎮新增就業3万人以上',
    ]);
  });

  it('does not read spans of years or age groups as targets', () => {
    const text = report('主要预期目标是：今后5年，地区生产总值年均增长7%以上，每千人口拥有3岁以下婴幼儿托位数达到4.5个。');
    expect(show(extractTargets({ text }))).toEqual(['main 地区生产总值7%以上', 'main 每千人口拥有3岁以下婴幼儿托位数4.5个']);
  });
});
