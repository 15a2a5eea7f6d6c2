import { describe, expect, it } from 'vitest';
import { findUnknownSlogans, hasSloganShape, isNumericSlogan, ORDINARY_WORDS } from '../../../lib/glossary/unknown';
import { foldText } from '../../../lib/text/normalize';

const unknown = (text: string) => findUnknownSlogans(text, foldText(text), []).map((u) => u.text);

describe('未收录 false positives (item 10)', () => {
  it('does not report ordinary words, dates and quantities quoted in a report', () => {
    const text =
      '推动城乡要素“双向”流动，实现互利“双赢”。纪念“九一八”事变。管好“八小时以外”。纪念「一二九」运动。開展“三一五”消費維權活動。堅持「雙贏」。';
    expect(unknown(text)).toEqual([]);
  });

  it('still reports counted slogans around them', () => {
    const text = '推动城乡要素“双向”流动，深化“双减”改革，落实“双控”制度，建设“三三五”平台，坚持“两手抓”，推行“四议两公开”，打造“八小时”服务圈。';
    expect(unknown(text)).toEqual(['双减', '双控', '三三五', '两手抓', '四议两公开']);
    expect(['双碳', '双拥', '双一流', '三清三建', '六稳六保'].filter((s) => !isNumericSlogan(s))).toEqual([]);
  });

  it('reads a month and a day as a date, a programme number as a slogan', () => {
    expect(['九一八', '一二九', '三一五', '五一二'].filter(isNumericSlogan)).toEqual([]);
    expect(['三三五', '五五三', '百千万', '十四五'].filter((s) => !isNumericSlogan(s))).toEqual([]);
  });

  it('reads multi-character measures as quantities', () => {
    expect(['八小时以外', '五分钟', '两个星期', '三公里'].filter(isNumericSlogan)).toEqual([]);
  });

  it('reads a tier count as a quantity, shopping days and the hospital grade as ordinary words', () => {
    const text = '打造“双十一”电商节，新建“三甲”医院1所，实施“三级”联动，建设「雙十二」購物節，推进“三级医院”建设。';
    expect(unknown(text)).toEqual([]);
    expect(['三级', '四级联动', '双十一', '三甲'].filter(isNumericSlogan)).toEqual([]);
    // Programme numbers and counted slogans next to them stay flagged.
    expect(unknown('建设“三三五”平台，推行“三甲”评审，落实“两个三年”行动，开展“六个一”活动。')).toEqual(['三三五', '两个三年', '六个一']);
  });

  it('reads the seasons, directions and numeral place names as ordinary words, in either script', () => {
    // seed 004 (traditional, straight quotes): 今年,將紮實開展"四季"文旅節
    expect(unknown('今年,將紮實開展"四季"文旅節,推動“四川”“九州”合作,打造“四方”共建、“三峽”旅游。')).toEqual([]);
    expect(unknown('开展“四季”文旅节，落实“四个专项”行动，建设“一江三水”。')).toEqual(['四个专项', '一江三水']);
  });

  it('keeps the ordinary-word list a backstop: each entry has the slogan shape', () => {
    expect([...ORDINARY_WORDS].filter((s) => !hasSloganShape(s))).toEqual([]);
  });
});
