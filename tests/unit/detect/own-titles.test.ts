import { describe, expect, it } from 'vitest';
import { detectReport } from '../../../lib/detect/report';
import { pageInputFromText } from '../helpers/page-input';

/**
 * Pages that say what they are in their own title or headline, in forms other than 政府工作报告 / 规划 /
 * 目标篇: a place's 目标任务 list, a government body's 工作要点 and a plan's 中期评估. Only the page's own
 * title or headline counts, and only when a place or a government body owns it.
 */

const body = '一、主要经济指标\n①地区生产总值增长6%以上；\n②规模以上工业增加值增长8%。';

describe('<地名><年>目标任务 is a goals page', () => {
  it('in the title or the headline, the place its region', () => {
    expect(detectReport({ text: body, title: '青川市2025年目标任务_青川市人民政府', url: '', headings: [] })).toMatchObject({
      isReport: true,
      kind: 'goals',
      region: '青川市',
      year: 2025,
    });
    expect(detectReport(pageInputFromText(`青川市2025年经济社会发展主要目标任务\n${body}`))).toMatchObject({ isReport: true, kind: 'goals', region: '青川市', year: 2025 });
    expect(detectReport(pageInputFromText(`2025年衡南县目标任务\n${body}`))).toMatchObject({ isReport: true, kind: 'goals', region: '衡南县' });
  });

  it('not a section heading of a page, a headline without a place, news about a list, nor a company’s', () => {
    expect(detectReport(pageInputFromText(`青川新闻网\n二、2025年目标任务\n${body}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`2025年目标任务\n${body}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川市2025年目标任务出炉\n${body}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川城投集团2025年目标任务\n${body}`)).isReport).toBe(false);
  });
});

describe('a place’s 目标任务 published as a 分解表, 清单 or 分解方案 is a goals page', () => {
  it('in the headline, with 经济社会发展主要… before it', () => {
    expect(detectReport(pageInputFromText(`桐川县2026年经济社会发展主要目标任务分解表\n${body}`))).toMatchObject({ isReport: true, kind: 'goals', region: '桐川县', year: 2026 });
    expect(detectReport(pageInputFromText(`青川市2025年目标任务清单\n${body}`))).toMatchObject({ isReport: true, kind: 'goals', region: '青川市', year: 2025 });
    expect(detectReport(pageInputFromText(`青川市2025年主要目标任务分解方案\n${body}`))).toMatchObject({ isReport: true, kind: 'goals', region: '青川市', year: 2025 });
  });

  it('not a table of how the list was met, nor a company’s', () => {
    expect(detectReport(pageInputFromText(`青川市2025年目标任务完成情况表\n${body}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川城投集团2025年目标任务分解表\n${body}`)).isReport).toBe(false);
  });
});

describe('a place’s list of the year’s 民生实事 is a goals page', () => {
  const items = '2026年十件民生实事项目\n1.新建、改扩建公办幼儿园12所，新增公办学前教育学位3600个。\n2.改造城镇老旧小区120个、惠及居民2.1万户。';

  it('as a list or as the government’s notice that issues it, the place its region', () => {
    for (const title of ['溪岚市2026年民生实事', '2026年溪岚市十件民生实事项目', '溪岚市人民政府关于印发2026年十件民生实事项目的通知']) {
      expect(detectReport(pageInputFromText(`${title}\n${items}`))).toMatchObject({ isReport: true, kind: 'goals', region: '溪岚市', year: 2026 });
    }
  });

  it('not news about the list, a list without a place, nor a company’s', () => {
    for (const title of ['溪岚市2026年十件民生实事出炉', '我市2026年民生实事进展顺利', '2026年十件民生实事', '溪岚城投集团2026年民生实事']) {
      expect(detectReport(pageInputFromText(`${title}\n${items}`)).isReport).toBe(false);
    }
  });
});

describe('a government body’s 工作要点 is a plan', () => {
  const points = '一、推进学前教育普及普惠\n学前教育毛入园率达到92%以上，新建、改扩建公办幼儿园50所。';

  it('a department’s, a government’s and its office’s', () => {
    expect(detectReport(pageInputFromText(`青川省教育厅2025年工作要点\n${points}`))).toMatchObject({ isReport: true, kind: 'plan', region: '青川省', year: 2025 });
    expect(detectReport({ text: points, title: '衡阳市人民政府2024年工作要点', url: '', headings: [] })).toMatchObject({ isReport: true, kind: 'plan', region: '衡阳市', year: 2024 });
    expect(detectReport(pageInputFromText(`衡南县发展和改革局2025年度工作要点\n${points}`))).toMatchObject({ isReport: true, kind: 'plan', region: '衡南县' });
    expect(detectReport({ text: points, title: '青川县2025年政府工作要点', url: '', headings: [] })).toMatchObject({ isReport: true, kind: 'plan', region: '青川县', year: 2025 });
  });

  it('not a school’s, a company’s, a column’s, nor a 工作计划', () => {
    expect(detectReport(pageInputFromText(`青川市第一中学2025年工作要点\n${points}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川城投集团有限公司2025年工作要点\n${points}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`2025年工作要点\n${points}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川市人民医院2025年工作要点\n${points}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川市妇联2025年工作要点\n${points}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川市第一中学2025年工作计划\n${points}`)).isReport).toBe(false);
  });
});

describe('a plan’s 中期评估 is a plan page', () => {
  const review = '一、主要指标完成情况\n全市地区生产总值年均增长6.3%。\n二、下一步工作建议\n确保到2025年常住人口城镇化率达到65%。';

  it('titled after the plan it reviews', () => {
    expect(detectReport(pageInputFromText(`青川市国民经济和社会发展第十四个五年规划纲要实施中期评估报告\n（2023年8月）\n${review}`))).toMatchObject({
      isReport: true,
      kind: 'plan',
      region: '青川市',
      year: 2023,
    });
    expect(detectReport({ text: review, title: '衡阳市“十四五”规划纲要中期评估', url: '', headings: [] })).toMatchObject({ isReport: true, kind: 'plan', region: '衡阳市' });
  });

  it('dated by the date line under its title, not by the plan it reviews (十四五 → 2021)', () => {
    const title = '青川市国民经济和社会发展第十四个五年规划纲要实施中期评估报告_青川市发展和改革委员会';
    expect(detectReport({ text: `（2023年8月）\n${review}`, title, url: '', headings: [] })).toMatchObject({ isReport: true, kind: 'plan', year: 2023 });
    expect(detectReport({ text: `2023年8月15日\n${review}`, title, url: '', headings: [] })).toMatchObject({ year: 2023 });
    // A date inside a sentence is no date line: the plan's own year stands.
    expect(detectReport({ text: `本报告于2023年8月形成。\n${review}`, title, url: '', headings: [] })).toMatchObject({ year: 2021 });
  });

  it('but not an assessment of anything else', () => {
    expect(detectReport(pageInputFromText(`青川市2023年度营商环境评估报告\n${review}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`青川市第一中学办学水平评估报告\n${review}`)).isReport).toBe(false);
  });
});

describe('an interpretation of the year’s targets says so by its topic', () => {
  const qa = '问：今年全省经济增长预期目标是如何确定的？\n答：今年全省地区生产总值增长目标定为5.5%左右，主要考虑了三个方面。';

  it('解读 or 答记者问 about the 主要预期目标 / 目标任务 is a report interpretation', () => {
    expect(detectReport(pageInputFromText(`权威解读｜省发展改革委主任就2025年主要预期目标答记者问\n${qa}`))).toMatchObject({ isReport: true, kind: 'interpretation', year: 2025 });
    expect(detectReport({ text: qa, title: '一图读懂青川市2025年目标任务', url: '', headings: [] })).toMatchObject({ isReport: true, kind: 'interpretation' });
  });

  it('but not 解读 of anything else, nor a target topic without 解读', () => {
    expect(detectReport(pageInputFromText(`权威解读｜新赛季球队目标是什么\n${qa}`)).isReport).toBe(false);
    expect(detectReport(pageInputFromText(`省发展改革委主任谈2025年主要预期目标\n${qa}`)).isReport).toBe(false);
  });
});

describe('a mirror’s title with pinyin residue reads as the body does', () => {
  const body = '二、2025年工作安排\n今年全縣經濟社會發展的主要預期目標是：地區生產總值增長6.5%左右。';

  it('政府工作報(bào)告 in the title or the headline is the report’s title, the place its region', () => {
    const byTitle = detectReport({ text: body, title: '衡東縣2025年政府工作報(bào)告_衡東縣人民政府', url: '', headings: [] });
    expect(byTitle).toMatchObject({ isReport: true, kind: 'work-report', region: '衡東縣', regionKey: '衡东县', year: 2025 });
    expect(byTitle.reasons).toContain('title:政府工作报告');
    const byHeadline = detectReport(pageInputFromText(`衡東縣2025年政府工作報(bào)告\n${body}`));
    expect(byHeadline).toMatchObject({ isReport: true, kind: 'work-report', region: '衡東縣', year: 2025 });
    expect(byHeadline.reasons).toContain('heading:政府工作报告');
  });

  it('a residue-free title still maps its region to the page’s characters', () => {
    expect(detectReport({ text: body, title: '衡東縣2025年政府工作報告', url: '', headings: [] })).toMatchObject({ region: '衡東縣', regionKey: '衡东县' });
  });
});

describe('a news byline dates an interpretation that states no year', () => {
  const body = '报告提出，今年全市经济社会发展主要预期目标为：地区生产总值增长6%左右。\n报告显示，2024年全市地区生产总值增长5.6%。';

  it('来源：<source>　<date>', () => {
    const page = (byline: string) => detectReport({ text: `${byline}\n${body}`, title: '图解：青川市政府工作报告', url: '', headings: [] });
    expect(page('来源：青川日报　2025-01-16')).toMatchObject({ isReport: true, kind: 'interpretation', year: 2025 });
    expect(page('来源：新华社 2025年3月5日')).toMatchObject({ year: 2025 });
    // A source without a date leaves the year to the text (its one year, 2024).
    expect(page('来源：青川日报')).toMatchObject({ year: 2024 });
  });
});
