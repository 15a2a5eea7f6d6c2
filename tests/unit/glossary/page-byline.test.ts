import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { parsePageGlossary } from '../../../lib/glossary/page';

const terms = (text: string) => parsePageGlossary(text).map((e) => e.term);

describe('a 名词解释 page with a byline under its heading (item 9)', () => {
  const entries = `1.“三清三建”：指清理垃圾、清理溝渠、清理畜禽糞污，建設美麗庭院、建設文明鄉風、建設長效機制。
2.“一主兩翼”：以縣城為主體，以東西兩個片區為兩翼。
3.“五好”園區：指規劃定位好、創新平台好、產業集群好、營商環境好、綜合效益好的園區。
4.“兩廳兩中心”：政務服務大廳、便民服務廳和融媒體中心、文明實踐中心。`;
  const expected = ['三清三建', '一主兩翼', '五好', '兩廳兩中心'];

  for (const byline of [
    '發佈時間：2023-01-16 來源：市政府辦',
    '發佈時間：2023-01-16',
    '发布日期：2023年01月16日　　来源：衡山市人民政府办公室　　浏览次数：1024',
    '【字号：大 中 小】 作者：市发改委',
  ]) {
    it(`skips "${byline}"`, () => {
      expect(terms(`《2023年衡山市政府工作報告》名詞解釋\n${byline}\n${entries}`)).toEqual(expected);
    });
  }

  it('through the whole pipeline, traditional page', () => {
    const text = `《2023年衡山市政府工作報告》名詞解釋\n發佈時間：2023-01-16 來源：市政府辦\n${entries}`;
    const a = analyzePage({ text, title: '《2023年衡山市政府工作報告》名詞解釋_衡山市人民政府', url: 'http://www.hengshan.gov.cn/zwgk/1.html', headings: [] }, { matchers: [] });
    expect(a.pageGlossary.map((e) => e.term)).toEqual(expected);
  });

  it('lets numbered entries win over an unmarked preamble line with a colon', () => {
    expect(terms(`名词解释\n说明：以下名词按在报告中出现的顺序排列\n${entries}`)).toEqual(expected);
  });

  it('still ends the section at a footer after the entries, and keeps unmarked glossaries', () => {
    expect(terms(`名词解释\n${entries}\n来源：市政府办\n5.“三无”：无职业。`)).toEqual(expected);
    expect(terms('名词解释\n三清三建：指清理垃圾。\n一主两翼：以县城为主体。')).toEqual(['三清三建', '一主两翼']);
    // A quoted unmarked first entry is an entry: its family holds, (1)(2) stay in its definition.
    const e = parsePageGlossary('名词解释\n“三清三建”：指以下内容：\n(1)清理垃圾；\n(2)清理沟渠。\n“一主两翼”：以县城为主体。');
    expect(e.map((x) => x.term)).toEqual(['三清三建', '一主两翼']);
    expect(e[0]!.definition).toContain('(2)清理沟渠');
  });
});
