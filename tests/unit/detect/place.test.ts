import { describe, expect, it } from 'vitest';
import { extractRegion, extractYear } from '../../../lib/detect/report';

describe('extractRegion', () => {
  const cases: [string, string | null, string | null][] = [
    // [text, region as written, regionKey]
    ['衡南縣2022年政府工作報告', '衡南縣', '衡南县'],
    ['2022年邵阳市政府工作报告', '邵阳市', '邵阳市'],
    ['2022年3月23日在衡南縣\n\n第十八屆人民代表大會第二次會議上', '衡南縣', '衡南县'],
    ['中國共產(chǎn)黨衡陽市第十一屆委員會第十次全體會議', '衡陽市', '衡阳市'],
    ['内蒙古自治区2023年政府工作报告', '内蒙古自治区', '内蒙古自治区'],
    ['黔东南苗族侗族自治州2022年政府工作报告', '黔东南苗族侗族自治州', '黔东南苗族侗族自治州'],
    ['——2023年1月12日在锡林郭勒盟第四届人民代表大会第三次会议上', '锡林郭勒盟', '锡林郭勒盟'],
    ['——2024年1月8日在阿拉善左旗第十八届人民代表大会第四次会议上', '阿拉善左旗', '阿拉善左旗'],
    ['湖南省怀化市鹤城区人民政府', '鹤城区', '鹤城区'],
    ['我代表湖南省衡阳市衡南县人民政府', '衡南县', '衡南县'],
    ['香港特别行政区政府工作报告', '香港特别行政区', '香港特别行政区'],
    // Names that begin with or contain characters that are also function words.
    ['在和平区第十七届人民代表大会第三次会议上', '和平区', '和平区'],
    ['向阳区2021年政府工作报告', '向阳区', '向阳区'],
    ['焦作市政府工作报告', '焦作市', '焦作市'],
    ['日照市2022年政府工作报告', '日照市', '日照市'],
    ['于都县人民政府', '于都县', '于都县'],
    ['沛县2022年政府工作报告', '沛县', '沛县'],
    ['杭州市余杭区人民政府', '余杭区', '余杭区'],
    ['二〇二二年一月六日在衡阳市第十六届人民代表大会第一次会议上', '衡阳市', '衡阳市'],
    // Not names.
    ['现在，我代表市人民政府，向大会作政府工作报告', null, null],
    ['各县市区人民政府、市直各单位', null, null],
    ['全市各级人民政府要认真落实', null, null],
    ['省人民政府办公厅', null, null],
    ['市长在政府工作报告中提出', null, null],
    ['', null, null],
  ];
  for (const [text, region, key] of cases) {
    it(JSON.stringify(text), () => {
      const r = extractRegion(text);
      expect(r ? [r.region, r.regionKey] : [null, null]).toEqual([region, key]);
    });
  }

  it('prefers the report title over an issuer mentioned earlier', () => {
    expect(extractRegion('湖南省人民政府办公厅转发\n衡南县2022年政府工作报告')?.regionKey).toBe('衡南县');
  });
});

describe('extractYear', () => {
  const cases: [string, number | null][] = [
    ['衡南縣2022年政府工作報告', 2022],
    ['2022年邵阳市政府工作报告', 2022],
    // December sessions deliver the next year's report.
    ['——2021年12月30日在邵阳市第十七届人民代表大会第一次会议上', 2022],
    ['二〇二二年一月六日在衡阳市第十六届人民代表大会第一次会议上', 2022],
    ['2023年3月5日在第十四届全国人民代表大会第一次会议上', 2023],
    ['一、2021年工作回顾', 2022],
    ['二、2022年工作安排', 2022],
    ['就制定"十四五"规划和二〇三五年远景目标提出以下建议。预计2020年全市地区生产总值突破3500亿元', 2020],
    ['到2025年，全市……；到二〇三五年，基本实现现代化。2021年是开局之年。', 2021],
    ['２０２２年政府工作报告', 2022],
    ['衡州市国土空间总体规划(2021-2035年)', null],
    ['没有年份', null],
    ['公元1066年', null],
  ];
  for (const [text, year] of cases) {
    it(JSON.stringify(text), () => expect(extractYear(text)).toBe(year));
  }
});
