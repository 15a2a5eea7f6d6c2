import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../../lib/analyze';
import { extractTargets } from '../../../lib/extract';
import { parsePageGlossary } from '../../../lib/glossary/page';

const entries = `1.“四个中心”：指国家科技创新中心、先进制造业中心、商贸物流中心、文化创意中心。
2.“两区两轴”：指高新区、经开区两个园区和湘江发展轴、浏阳河发展轴。到2025年，两区规模工业总产值突破5000亿元以上。
3.“一件事一次办”：指将企业和群众眼中的“一件事”涉及的多个事项集成办理，办理时限压缩60%以上。`;
const terms = (text: string) => parsePageGlossary(text).map((e) => e.term);

describe('a standalone 名词解释 page titled without book-title marks (P13)', () => {
  it('reads the heading with an unbracketed report name, with or without a year', () => {
    for (const h of ['2025年政府工作报告名词解释', '政府工作报告名词解释', '长沙市2025年政府工作报告相关名词解释', '长沙市“十四五”规划名词解释', '《2025年政府工作报告》名词解释', '2025年政府工作報告名詞解釋']) {
      expect([h, terms(`${h}\n${entries}`)]).toEqual([h, ['四个中心', '两区两轴', '一件事一次办']]);
    }
  });

  it('still wants a 名词解释 heading: prose or a bare report title is not one', () => {
    for (const h of ['2025年政府工作报告', '2025年，政府工作报告名词解释', '关于名词解释的几点说明']) {
      expect([h, terms(`${h}\n${entries}`)]).toEqual([h, []]);
    }
  });

  it('marks none of the page’s own terms 未收录 and mines no target from the definitions', () => {
    for (const h of ['2025年政府工作报告名词解释', '政府工作报告名词解释', '《2025年政府工作报告》名词解释']) {
      const text = `${h}\n${entries}`;
      const a = analyzePage({ text, title: h, url: 'http://www.changsha.gov.cn/zwgk/1.html', headings: [] }, { matchers: [] });
      expect([h, a.terms.filter((t) => t.source === 'unknown').map((t) => t.text)]).toEqual([h, []]);
      expect([h, a.pageGlossary.map((e) => e.term)]).toEqual([h, ['四个中心', '两区两轴', '一件事一次办']]);
      // The titled heading puts the whole page in notes mode, as a 名词解释 heading inside a report does.
      expect([h, extractTargets({ text }).length]).toEqual([h, 0]);
    }
  });
});
