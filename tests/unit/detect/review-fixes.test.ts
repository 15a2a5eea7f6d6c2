import { describe, expect, it } from 'vitest';
import { detectReport } from '../../../lib/detect/report';
import { pageInputFromText } from '../helpers/page-input';

/** Cases from the core review: non-reports flagged as reports, plan years, district titles. */

const OPENING = '各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n';

describe('a speech inside a story is not a work report', () => {
  const novel =
    '第十二章 两会\n腊月二十八，县里的人代会开幕了。会场里坐满了人。\n县长李建国走上主席台，清了清嗓子。\n' +
    OPENING +
    '台下响起了稀稀拉拉的掌声。王二柱坐在最后一排，心里盘算着过去一年的收成：玉米增长了两成，猪却死了三头。他想，今年的目标是再养十头猪，力争收入增长30%以上。\n' +
    '李建国念到“三清三建”的时候，王二柱打了个哈欠。\n“二柱，你又三心二意了！”村支书瞪了他一眼。';

  it('a chapter with the opening set out unquoted (titled as a chapter)', () => {
    const r = detectReport(pageInputFromText(novel, '第十二章 两会_乡村往事_起点中文网', 'https://www.qidian.com/chapter/123'));
    expect(r.isReport).toBe(false);
    expect(r.score).toBeLessThan(0.4);
    expect(r.reasons).toContain('narrative:第N章');
  });

  it('the same without a title or chapter heading: dialogue and he/she narration', () => {
    const body = novel.replace('第十二章 两会\n', '') + '\n“真的？”秀兰问，“你可别哄我。”\n他没有回答，她也没再问。';
    const r = detectReport({ text: body, title: '', url: '', headings: [] });
    expect(r.isReport).toBe(false);
  });

  it('a report keeps its verdict when it has its own frame, even with quoted speech and chapters', () => {
    const report =
      '衡山县2023年政府工作报告\n——2023年1月10日在衡山县第十八届人民代表大会第三次会议上\n' +
      OPENING +
      '一、2022年工作回顾\n过去一年，全县地区生产总值增长7.5%。群众说：“路修好了，日子有奔头了。”\n' +
      '二、2023年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长8%以上。';
    for (const input of [pageInputFromText(report), { text: report, title: '', url: '', headings: [] }]) {
      const r = detectReport(input);
      expect(r).toMatchObject({ isReport: true, kind: 'work-report', region: '衡山县', year: 2023 });
      expect(r.reasons.some((x) => x.startsWith('narrative:'))).toBe(false);
    }
  });

  it('a report without its own frame is not taken for a story for quoting whole sentences or saying 他们', () => {
    const report =
      '衡南县人民政府县长许达作政府工作报告\n' +
      OPENING +
      '一、过去一年的工作\n我们始终坚持“发展是第一要务，人才是第一资源。”，坚持“抓发展，促民生。”\n' +
      '关心困难群众，让他们过上好日子，听他们说心里话，帮他们解难题。\n' +
      '二、主要任务\n今年经济社会发展的主要目标是：地区生产总值增长8%以上。';
    const r = detectReport({ text: report, title: '', url: '', headings: [] });
    expect(r).toMatchObject({ isReport: true, kind: 'work-report' });
    expect(r.reasons.filter((x) => x.startsWith('narrative:'))).toEqual([]);
  });

  it('an opening-only page without narrative keeps the old verdict', () => {
    const r = detectReport({ text: OPENING + '过去一年，全县经济平稳运行。今年经济社会发展的主要预期目标是：地区生产总值增长8%以上。', title: '', url: '', headings: [] });
    expect(r).toMatchObject({ isReport: true, kind: 'work-report' });
  });
});

describe('a column index page is not the kind it lists', () => {
  const list = [
    '首页 > 政务公开 > 政策解读',
    '政策解读',
    '《衡山市促进民营经济发展若干措施》政策解读  2023-03-01',
    '图解：2023年衡山市政府工作报告  2023-01-15',
    '一图读懂《衡山市“十四五”规划纲要》  2021-05-10',
    '《关于加强耕地保护的通知》解读  2022-11-20',
    '关于2022年度政府信息公开工作报告的解读  2023-01-30',
    '共 5 条  1 2 下一页',
  ].join('\n');
  const url = 'http://www.hengshan.gov.cn/zwgk/zcjd/';

  it('政策解读_…人民政府: dated link lines with paging, no body', () => {
    for (const input of [pageInputFromText(list, '政策解读_衡山市人民政府', url), { text: list, title: '政策解读_衡山市人民政府', url, headings: [] }]) {
      const r = detectReport(input);
      expect(r.isReport).toBe(false);
      expect(r.kind).toBe('other');
      expect(r.reasons).toContain('index:5 dated entries');
    }
  });

  it('dates on their own lines (<li><h3>…</h3><span>date</span>) and a long list without paging', () => {
    const titles = ['政府工作报告解读', '图解政府工作报告', '“十四五”规划解读', '一图读懂民生实事', '政策问答：稳岗补贴', '数说2022', '热词解读', '政府工作报告划重点'];
    const split = titles.map((t, i) => `${t}\n2023-0${(i % 9) + 1}-1${i}`).join('\n');
    const r = detectReport({ text: `政策解读\n${split}`, title: '政策解读_衡山市人民政府', url, headings: [{ text: '政策解读', level: 1, start: 0 }] });
    expect(r.isReport).toBe(false);
  });

  it('an interpretation with a body keeps its verdict, even with a dated related list and paging', () => {
    const article = [
      '首页 > 政务公开 > 政策解读',
      '一图读懂2023年衡山市政府工作报告',
      '发布时间：2023-01-12  来源：市发改委',
      '报告回顾了过去一年的工作。全市地区生产总值增长7.5%左右，城镇登记失业率控制在4.5%以内，圆满完成了年初确定的主要目标任务。',
      '报告提出，今年全市地区生产总值增长8%以上，城镇调查失业率控制在5.5%以内，居民人均可支配收入增长与经济增长基本同步。',
      '相关阅读',
      '《衡山市促进民营经济发展若干措施》政策解读  2023-03-01',
      '一图读懂《衡山市“十四五”规划纲要》  2021-05-10',
      '《关于加强耕地保护的通知》解读  2022-11-20',
      '共 3 条',
    ].join('\n');
    const r = detectReport(pageInputFromText(article, '一图读懂2023年衡山市政府工作报告_衡山市人民政府', url + '202301/t1.html'));
    expect(r).toMatchObject({ isReport: true, kind: 'interpretation', region: '衡山市', year: 2023 });
  });

  it('an image-only 图解 page with a short related list (no paging) keeps its verdict', () => {
    const page = '首页 > 政务公开 > 政策解读\n一图读懂2023年衡山市政府工作报告\n发布时间：2023-01-12\n相关阅读\n政策解读一  2023-03-01\n政策解读二  2022-11-20\n政策解读三  2022-10-01';
    const r = detectReport(pageInputFromText(page, '一图读懂2023年衡山市政府工作报告_衡山市人民政府', url + '202301/t1.html'));
    expect(r).toMatchObject({ isReport: true, kind: 'interpretation' });
  });
});

describe('a plan is dated to its adoption, not its horizon', () => {
  const title = '衡山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';
  const plan = [
    title,
    '第一章 发展基础',
    '“十三五”时期，全市地区生产总值年均增长7.8%，城镇居民人均可支配收入年均增长8.5%以上。',
    '第二章 主要目标',
    '到2025年，地区生产总值年均增长7%以上，常住人口城镇化率达到60%。',
    '展望二〇三五年，人均地区生产总值达到中等发达国家水平。',
    '第三章 重点任务',
    '力争到2025年规模以上工业企业达到1500家。',
  ].join('\n');
  const table = [
    title,
    '第二章 主要目标',
    '专栏1 “十四五”时期经济社会发展主要指标',
    '类别\t指标\t2020年\t2025年\t年均增长\t属性',
    '经济发展\t地区生产总值增长（%）\t3.8\t—\t7左右\t预期性',
    '\t常住人口城镇化率（%）\t55\t60\t—\t预期性',
    '民生福祉\t城镇调查失业率（%）\t—\t<5.5\t—\t预期性',
  ].join('\n');

  it('a 十四五 纲要 with 展望二〇三五年 → 2021 (the period’s first year), not 2035', () => {
    const r = detectReport(pageInputFromText(plan, `${title}_衡山市人民政府`, 'http://www.hengshan.gov.cn/zwgk/ghjh/202103/t1.html'));
    expect(r).toMatchObject({ isReport: true, kind: 'plan', region: '衡山市', year: 2021 });
  });

  it('a 2020/2025 indicator table does not make it 2025', () => {
    for (const text of [table, table.replace(/\t/g, '\n')]) {
      expect(detectReport(pageInputFromText(text, title))).toMatchObject({ isReport: true, kind: 'plan', year: 2021 });
    }
  });

  it('a publication date or an adoption dateline wins', () => {
    const published = plan.replace('第一章 发展基础', '发布时间：2021-03-15  来源：市发改委\n第一章 发展基础');
    expect(detectReport(pageInputFromText(published, title)).year).toBe(2021);
    const late = plan.replace('第一章 发展基础', '发布日期：2022-06-01\n第一章 发展基础');
    expect(detectReport(pageInputFromText(late, title)).year).toBe(2022);
  });

  it('a 规划建议 is dated to the year before the period (the plenum)', () => {
    const jy = '中共衡山市委关于制定衡山市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议\n（2020年12月10日中国共产党衡山市第十二届委员会第十一次全体会议通过）\n中国共产党衡山市第十二届委员会第十一次全体会议深入分析了发展形势，就制定“十四五”规划和二〇三五年远景目标提出以下建议。\n到2025年，地区生产总值年均增长7%以上。';
    expect(detectReport(pageInputFromText(jy)).year).toBe(2020);
    expect(detectReport(pageInputFromText(jy.replace(/（2020年12月10日/, '（'))).year).toBe(2020);
  });
});

describe('a district title that names its parent city is a report title', () => {
  const body = '二、2023年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长8%以上，城镇调查失业率控制在5.5%以内。';

  const cases: [string, string][] = [
    ['长沙市天心区2023年政府工作报告', '天心区'],
    ['湖南省衡阳市衡南县2023年政府工作报告', '衡南县'],
    ['定西市安定区2023年政府工作报告', '安定区'],
    ['长沙市天心区人民政府2023年政府工作报告', '天心区'],
  ];
  for (const [title, region] of cases) {
    it(`${title}: title form, and a body with only the 工作安排 section is recognised`, () => {
      const r = detectReport({ text: body, title, url: '', headings: [] });
      expect(r.reasons).toContain('title:政府工作报告');
      expect(r.reasons).not.toContain('title:提及政府工作报告');
      expect(r).toMatchObject({ isReport: true, kind: 'work-report', region, year: 2023 });
    });
  }

  it('headlines that only mention the report stay mentions', () => {
    for (const title of ['聚焦长沙市天心区2023年政府工作报告', '长沙市天心区召开2023年政府工作报告座谈会', '各县市区2023年政府工作报告', '长沙市天心区2023年政府工作报告解读']) {
      const r = detectReport({ text: '', title, url: '', headings: [] });
      expect(r.reasons, title).not.toContain('title:政府工作报告');
      expect(detectReport({ text: body, title, url: '', headings: [] }).kind, title).not.toBe('work-report');
    }
  });
});
