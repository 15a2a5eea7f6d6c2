import { describe, expect, it } from 'vitest';
import { detectReport } from '../../../lib/detect/report';
import { pageInputFromHtml, pageInputFromText } from '../helpers/page-input';

/** Cases from the recognition audit: pages that look like a report but are someone else's, or many. */

describe('a work report is the government’s', () => {
  // Every report read to a congress has the same frame: 各位代表, 请予审议, the date line, 工作回顾 and
  // 工作安排 sections. What makes it a 政府工作报告 is who speaks.
  const frame = (speaker: string, dateLine = '') =>
    `${dateLine}各位代表：\n现在，我代表${speaker}向大会报告工作，请予审议。\n一、2023年工作回顾\n过去一年，全年收入比上年增长21%。\n` +
    '二、2024年工作安排\n2024年的主要目标是：收入增长10%以上，力争突破42万元。';

  it('a village committee’s report to the villagers’ representatives is not one', () => {
    const page = pageInputFromText(
      frame('村民委员会', '大塘村村民委员会2023年度工作报告\n——2024年1月20日在大塘村村民代表会议上\n'),
      '大塘村村民委员会2023年度工作报告_村务公开_石湾镇人民政府',
      'http://www.hengdong.gov.cn/zwgk/cwgk/202401/t1.html',
    );
    const r = detectReport(page);
    expect(r).toMatchObject({ isReport: false, kind: 'other' });
    expect(r.score).toBeLessThan(0.5);
  });

  it('a court’s report to the people’s congress (same date line) is not one', () => {
    const page = pageInputFromText(
      frame('衡阳市中级人民法院', '衡阳市中级人民法院工作报告\n——2023年1月14日在衡阳市第十六届人民代表大会第二次会议上\n'),
      '衡阳市中级人民法院工作报告_衡阳市中级人民法院',
    );
    const r = detectReport(page);
    expect(r).toMatchObject({ isReport: false, kind: 'other', region: null });
    expect(r.reasons).toContain('speaker:not the government');
  });

  it('a court’s or procuratorate’s report that mentions the government’s report is still theirs', () => {
    // Such reports say they carried out the 政府工作报告's tasks; a mention is not the speaker.
    const mention = '\n一年来，我们认真落实市委决策部署和市政府工作报告提出的优化营商环境任务，服务保障政府工作报告确定的重点项目建设。';
    const court = pageInputFromText(
      frame('衡阳市中级人民法院', '衡阳市中级人民法院工作报告\n——2023年1月14日在衡阳市第十六届人民代表大会第二次会议上\n') + mention,
      '衡阳市中级人民法院工作报告_衡阳市中级人民法院',
    );
    const r = detectReport(court);
    expect(r.isReport).toBe(false);
    expect(r.reasons).toContain('speaker:not the government');
    // The opening alone names the speaker, with no title to say so.
    const procuratorate = pageInputFromText(frame('县人民检察院', '——2024年1月9日在衡南县第十八届人民代表大会第四次会议上\n') + mention, '工作报告');
    expect(detectReport(procuratorate).isReport).toBe(false);
    // The government's own report mentions itself too: still one.
    const own = pageInputFromText(frame('市人民政府', '——2024年1月9日在衡阳市第十六届人民代表大会第三次会议上\n') + mention, '政府工作报告');
    expect(detectReport(own)).toMatchObject({ isReport: true, kind: 'work-report' });
  });

  it('the standing committee’s report (受…委托) and a company’s 职代会 report are not one', () => {
    const standing =
      '衡阳市人民代表大会常务委员会工作报告\n——2023年1月15日在衡阳市第十六届人民代表大会第二次会议上\n各位代表：\n' +
      '现在，我受衡阳市人民代表大会常务委员会委托，向大会报告工作，请予审议。\n一、2022年工作回顾\n过去一年，常委会共举行会议9次。\n二、2023年工作安排\n全年安排听取和审议专项工作报告12项。';
    expect(detectReport(pageInputFromText(standing)).isReport).toBe(false);
    const staff = frame('公司', '湘江重工集团2023年工作报告\n——在公司第三届职工代表大会第二次会议上\n');
    expect(detectReport(pageInputFromText(staff, '湘江重工集团2023年工作报告')).isReport).toBe(false);
  });

  it('says so only when the speaker decided it', () => {
    // 过去一年 starting a line (Taiwan's 施政報告) is no frame: the page was never close.
    const r = detectReport(pageInputFromText('主席、各位委員：\n過去一年，全球經濟成長放緩，我國經濟仍維持穩健成長。', '行政院施政方針及施政報告 - 行政院'));
    expect(r.isReport).toBe(false);
    expect(r.reasons).not.toContain('speaker:not the government');
  });

  it('the plan report read for the government (受市人民政府委托) still is: it sets the year’s targets', () => {
    const plan = [
      '关于衡阳市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告',
      '——2023年1月14日在衡阳市第十六届人民代表大会第二次会议上',
      '衡阳市发展和改革委员会主任　李明',
      '各位代表：',
      '受市人民政府委托，现将衡阳市2022年国民经济和社会发展计划执行情况与2023年计划草案提请大会审议，并请市政协委员和其他列席人员提出意见。',
      '一、2022年国民经济和社会发展计划执行情况',
      '2022年，全市地区生产总值增长4.6%，规模以上工业增加值增长7.1%。',
      '二、2023年经济社会发展的总体要求和主要目标',
      '2023年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长6%。',
    ].join('\n');
    const r = detectReport(pageInputFromText(plan));
    expect(r).toMatchObject({ isReport: true, kind: 'work-report', region: '衡阳市', year: 2023 });
    expect(r.reasons).toContain('text:受人民政府委托');
  });

  it('a township government’s report, and a report that only names itself, still are', () => {
    expect(detectReport(pageInputFromText(frame('镇人民政府')))).toMatchObject({ isReport: true, kind: 'work-report' });
    // No opening (the page starts at the sections), but the title says whose report it is.
    const body = '一、2023年工作回顾\n过去一年，全县地区生产总值增长5%。\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。';
    expect(detectReport({ text: body, title: '衡山县2024年政府工作报告', url: '', headings: [] })).toMatchObject({ isReport: true, kind: 'work-report' });
  });
});

describe('a list of excerpts (search results) is not the pages it quotes', () => {
  const results = `<html><head><title>衡阳 政府工作报告 2023_百度搜索</title></head><body>
    <p>百度为您找到相关结果约1,230,000个</p>
    <h3>2023年衡阳市政府工作报告 - 衡阳市人民政府</h3>
    <p>2023年1月16日 — 各位代表：现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员和其他列席人员提出意见。一、2022年工作回顾 过去一年，全市地区生产总值增长4.6%...</p>
    <p>www.hengyang.gov.cn/xxgk/zfgzbg/ 百度快照</p>
    <h3>衡南县2023年政府工作报告</h3>
    <p>2023年2月3日 — 今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右，规模以上工业增加值增长8%...各位代表，新征程催人奋进...</p>
    <p>www.hengnan.gov.cn/ 百度快照</p>
    <h3>一图读懂2023年衡阳市政府工作报告</h3>
    <p>2023年1月17日 — 图解：报告提出，2023年全市地区生产总值增长6.5%左右，一般公共预算收入增长6%...</p>
    <p>www.hengyang.gov.cn/zwgk/zcjd/ 百度快照</p>
    <h3>2023年衡阳市政府工作报告全文 - 百度文库</h3>
    <p>2023年3月1日 — 衡阳市2023年政府工作报告 ——2023年1月13日在衡阳市第十六届人民代表大会第二次会议上 市长 各位代表：…</p>
    <p>wenku.baidu.com/ 百度快照</p>
    <p>1 2 3 4 5 6 7 8 9 10 下一页 &gt;</p></body></html>`;

  it('a results page whose snippets hold a report’s opening and date line', () => {
    // A site search on a gov.cn host runs the automatic path too.
    for (const url of ['https://www.baidu.com/s?wd=2023', 'https://www.hengyang.gov.cn/search?q=政府工作报告']) {
      const r = detectReport(pageInputFromHtml(results, url));
      expect(r, url).toMatchObject({ isReport: false, kind: 'other', region: null });
      expect(r.reasons, url).toContain('index:4 excerpts');
    }
  });

  it('a report page keeps its verdict with a few excerpts of related pages below it', () => {
    const report = `<html><head><title>衡山县2023年政府工作报告_衡山县人民政府</title></head><body>
      <h1>衡山县2023年政府工作报告</h1>
      <p>——2023年1月6日在衡山县第十八届人民代表大会第二次会议上</p>
      <p>各位代表：</p><p>现在，我代表县人民政府，向大会报告政府工作，请予审议。</p>
      <h2>一、2022年工作回顾</h2><p>过去一年，全县地区生产总值增长4.8%，规模以上工业增加值增长7.5%。</p>
      <h2>二、2023年工作安排</h2><p>今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右。</p>
      <h3>相关阅读</h3>
      <p>衡东县2023年政府工作报告：各位代表：现在，我代表县人民政府，向大会报告政府工作...</p>
      <p>一图读懂2023年衡阳市政府工作报告：报告提出，2023年全市地区生产总值增长6.5%左右...</p>
      </body></html>`;
    const r = detectReport(pageInputFromHtml(report, 'http://www.hengshan.gov.cn/zwgk/zfgzbg/202301/t1.html'));
    expect(r).toMatchObject({ isReport: true, kind: 'work-report', region: '衡山县', year: 2023 });
    expect(r.reasons.some((x) => x.startsWith('multi:'))).toBe(false);
  });
});

describe('a plan cited in 《》 is not the page’s plan', () => {
  const plan = (cited: string) =>
    [
      '"十四五"交通运输发展规划',
      '发布时间：2021-09-10',
      `为加快建设交通强县，根据《${cited}》，结合实际，编制本规划。`,
      '第一章 发展基础',
      '"十三五"期间，公路通车里程达到4800公里。',
      '专栏1 "十四五"交通运输发展主要指标',
      '第二章 发展目标',
      '到2025年，高速公路通车里程达到180公里。',
      '专栏2 重大项目',
    ].join('\n');
  const provincial = '湖南省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';

  it('a county department’s plan citing the provincial 纲要 is the county’s (the site’s issuer)', () => {
    const r = detectReport(pageInputFromText(plan(provincial), '"十四五"交通运输发展规划_衡南县人民政府'));
    expect(r).toMatchObject({ isReport: true, kind: 'plan', region: '衡南县', year: 2021 });
  });

  it('a university’s plan citing it takes no region from it — and, since audit 5, is no government plan at all', () => {
    const r = detectReport(pageInputFromText(plan(provincial).replace('"十四五"交通运输发展规划', '湘南大学"十四五"事业发展规划'), '湘南大学"十四五"事业发展规划-发展规划处'));
    expect(r).toMatchObject({ isReport: false, kind: 'other', region: null });
  });

  it('the plan’s own name, on its own line in 《》, still names the region', () => {
    const own = `《${provincial.replace('湖南省', '衡州市')}》\n第一篇 开启新征程\n第一章 发展基础\n专栏1 主要指标\n第二篇 创新驱动\n专栏2 重大工程`;
    expect(detectReport(pageInputFromText(own))).toMatchObject({ isReport: true, kind: 'plan', region: '衡州市' });
  });
});

describe('a site name after an unspaced dash is not part of the title', () => {
  const body = '二、2023年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长8%以上，城镇调查失业率控制在5.5%以内。';

  it('…-衡山县人民政府, …-新华网, …--时政--人民网, …—网站 read like …_衡山县人民政府', () => {
    for (const site of ['-衡山县人民政府', '-新华网', '--时政--人民网', '—衡山县人民政府', '－衡山县人民政府']) {
      const r = detectReport({ text: body, title: `衡山县2023年政府工作报告${site}`, url: '', headings: [] });
      expect(r.reasons, site).toContain('title:政府工作报告');
      expect(r, site).toMatchObject({ isReport: true, kind: 'work-report', region: '衡山县', year: 2023 });
    }
    const plan = '衡阳市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';
    const r = detectReport({ text: '第一章 发展基础\n到2025年，地区生产总值年均增长7%以上。', title: `${plan}-衡阳市人民政府`, url: '', headings: [] });
    expect(r).toMatchObject({ isReport: true, kind: 'plan', region: '衡阳市', year: 2021 });
  });

  it('a dash between digits or letters stays in the title (2021-2025年)', () => {
    const title = '衡阳市"十四五"(2021-2025年)交通运输发展规划';
    const r = detectReport({ text: '第一章 发展基础\n到2025年，高速公路通车里程达到180公里。', title, url: '', headings: [] });
    expect(r.reasons).toContain('title:规划');
    expect(r).toMatchObject({ isReport: true, kind: 'plan', region: '衡阳市' });
  });
});

describe('a plan is the government’s (audit 5)', () => {
  const body =
    '一、“十四五”时期发展基础\n“十四五”期间，各项事业稳步发展。\n二、“十五五”时期发展目标\n到2030年，综合实力进入全国前50位，年度科研经费突破8亿元，新增国家级一流本科专业建设点10个。\n三、主要任务\n（一）深化改革。';

  it('a university’s, a hospital’s or a company’s own 十五五 plan is not a report', () => {
    for (const title of ['云岚理工大学“十五五”事业发展规划', '青川市人民医院“十五五”发展规划', '青禾乳业集团2026—2030年发展规划']) {
      const r = detectReport(pageInputFromText(`${title}\n${body}`, title));
      expect(r, title).toMatchObject({ isReport: false, kind: 'other' });
    }
  });

  it('a government’s plan for schools, hospitals or a 大学城 is still a plan', () => {
    for (const title of ['青川市“十五五”教育事业发展规划', '青川市“十五五”中小学校布局规划', '青川市大学城片区“十五五”发展规划']) {
      const r = detectReport(pageInputFromText(`${title}\n${body}`, title));
      expect(r, title).toMatchObject({ isReport: true, kind: 'plan' });
    }
  });
});

describe('a place’s list of the year’s 主要预期目标 published as an 一览表 is a goals page (audit 5)', () => {
  const table = '序号\t指标\t单位\t2025年完成\t2026年目标\t属性\n1\t地区生产总值增速\t%\t6.2\t6左右\t预期性\n2\t城镇调查失业率\t%\t5.1\t5.5以内\t预期性';

  it('<place><year>…主要预期目标一览表, 预期目标表 and 主要预期目标 alone', () => {
    for (const title of ['梧溪县2026年经济社会发展主要预期目标一览表', '2026年梧溪县主要预期目标', '梧溪县2026年预期目标表']) {
      const r = detectReport(pageInputFromText(`${title}\n${table}`, title));
      expect(r, title).toMatchObject({ isReport: true, kind: 'goals', region: '梧溪县', year: 2026 });
    }
  });

  it('not a company’s, nor news about the targets', () => {
    for (const title of ['青禾乳业集团2026年主要预期目标一览表', '梧溪县2026年主要预期目标顺利实现']) {
      const r = detectReport(pageInputFromText(`${title}\n${table}`, title));
      expect(r.kind, title).not.toBe('goals');
    }
  });
});
