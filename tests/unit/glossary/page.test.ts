import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ENTRIES, pageEntryFor, pageTermSpans, parsePageGlossary } from '../../../lib/glossary/page';
import { foldText } from '../../../lib/text/normalize';
import { fixture, htmlToText, seed } from './fixtures';

describe('parsePageGlossary on seed 004 (traditional, "1."(P1): format)', () => {
  const text = seed('004');
  const entries = parsePageGlossary(text);

  it('finds all 35 entries with their exact terms and markers', () => {
    expect(entries.map((e) => e.term)).toEqual([
      '三高四新', '三強一化', '四區一花園', '一主一特雙總部', '三無', '六大強農', '校聯體', '三三五', '醫共體',
      '三集中', '5G+工業互聯網', '三類500強', '三到位三一體', '四水治理', '三最兩重', '雪亮工程', '家校共育',
      '一門四忠烈', '一崗雙責', '六穩', '六保', '雙控', '五全一常態', '兩所一庭一隊', '減量控大', '田長製', '雙碳',
      '破零倍增', '五好', '三化', '證照分離', '三公', '三保', '醫聯體', '雙減',
    ]);
    expect(entries.map((e) => e.marker)).toEqual(Array.from({ length: 35 }, (_, i) => `${i + 1}.`));
  });

  it('keys are folded: simplified, over-conversions undone', () => {
    expect(entries.map((e) => e.key).slice(0, 4)).toEqual(['三高四新', '三强一化', '四区一花园', '一主一特双总部']);
    expect(entries[25]!.key).toBe('田长制');
    expect(entries[10]!.key).toBe('5G+工业互联网');
  });

  it('keys on what the body quotes and keeps the full label', () => {
    const pick = (term: string) => {
      const e = entries.find((x) => x.term === term)!;
      return { label: e.label, key: e.key, keys: e.keys };
    };
    expect(pick('三無')).toEqual({ label: '信訪"三無"', key: '三无', keys: ['三无'] });
    expect(pick('雙控')).toEqual({ label: '能耗"雙控"', key: '双控', keys: ['双控'] });
    expect(pick('五好')).toEqual({ label: '"五好"園區', key: '五好', keys: ['五好'] });
    expect(pick('三三五')).toEqual({ label: '"三三五"工程', key: '三三五', keys: ['三三五'] });
    expect(pick('三化')).toEqual({ label: '政務服務"三化""四減"', key: '三化', keys: ['三化', '四减'] });
    expect(pick('證照分離')).toEqual({ label: '"證照分離""多證合一"改革', key: '证照分离', keys: ['证照分离', '多证合一'] });
    expect(pick('三公')).toEqual({ label: '"三公"經費', key: '三公', keys: ['三公'] });
  });

  it('takes the definition after the page reference and colon, spaces around them included', () => {
    expect(entries[1]!.definition).toBe('強創新、強開放、強集聚、中心化。');
    expect(entries[24]!.definition).toBe('減少事故的數量,控製特大交通事故的發生');
    expect(entries[12]!.definition).toBe('"三到位",群眾溝通到位合力調度到位政策支撐到位;"三一體":城鄉一體化廠網一體化建管一體化');
    expect(entries[26]!.definition).toBe('碳達峰、碳中和');
  });

  it('gives offsets of the whole entry line and stops before the page footer', () => {
    expect(text.slice(entries[0]!.start, entries[0]!.start + 13)).toBe('1."三高四新"(P1):');
    expect(text.slice(entries[26]!.start, entries[26]!.end)).toBe('27."雙碳"(P9):碳達峰、碳中和');
    const last = entries[34]!;
    expect(text.slice(last.start, last.end)).toBe('35."雙減"(P14):有效減輕義務教育階段學生過重作業負擔和校外培訓負擔。');
    expect(text.slice(last.end).trimStart().startsWith('掃一掃在手機打開當前頁')).toBe(true);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.start).toBeGreaterThan(entries[i - 1]!.end);
  });

  it('finds the page terms in the body, outside the appendix, without quotes or [n] markers', () => {
    const spans = pageTermSpans(foldText(text), entries);
    const counts: Record<string, number> = {};
    for (const s of spans) counts[s.text] = (counts[s.text] ?? 0) + 1;
    expect(counts).toEqual({
      三高四新: 2, 三強一化: 2, 四區一花園: 4, 一主一特雙總部: 2, 三無: 2, 六大強農: 2, 校聯體: 2, 三三五: 2,
      醫共體: 3, 三集中: 1, '5G+工業互聯網': 2, 三類500強: 1, 三到位三一體: 1, 四水治理: 1, 三最兩重: 1,
      雪亮工程: 2, 家校共育: 1, 一門四忠烈: 1, 一崗雙責: 2, 六穩: 1, 六保: 1, 雙控: 1, 五全一常態: 1,
      兩所一庭一隊: 1, 減量控大: 1, 田長製: 1, 破零倍增: 1, 五好: 1, 三化: 1, 四減: 1, 證照分離: 1, 多證合一: 1,
      三公: 1, 三保: 1, 醫聯體: 1, 雙減: 1,
    });
    const appendix = entries[0]!.start;
    for (const s of spans) {
      expect(s.start).toBeLessThan(appendix);
      expect(s).toMatchObject({ source: 'page', entry: null });
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    const first = spans[0]!;
    expect(first.text).toBe('三高四新');
    expect(text.slice(first.start - 1, first.end + 4)).toBe('"三高四新"[1]');
    const tian = spans.find((s) => s.text === '田長製')!;
    expect(text.slice(tian.end, tian.end + 5)).toBe('"[26]');
  });

  it('maps a page span back to its entry, second keys included', () => {
    expect(pageEntryFor(entries, '四減')?.marker).toBe('30.');
    expect(pageEntryFor(entries, '六穩')?.definition).toBe('穩就業、穩金融、穩外貿、穩外資、穩投資、穩預期。');
    expect(pageEntryFor(entries, '不存在')).toBeUndefined();
  });
});

describe('parsePageGlossary on a simplified page (名词注释, ① markers, full-width colons)', () => {
  const text = htmlToText(fixture('pages/mingci-simplified.html'));
  const entries = parsePageGlossary(text);

  it('parses every entry, joining definitions that run over two blocks', () => {
    expect(entries.map(({ term, key, marker, label, definition }) => ({ term, key, marker, label, definition }))).toEqual([
      { term: '六稳', key: '六稳', marker: '①', label: '“六稳”', definition: '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。' },
      {
        term: '六保', key: '六保', marker: '②', label: '“六保”',
        definition: '保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。',
      },
      { term: '放管服', key: '放管服', marker: '③', label: '“放管服”', definition: '简政放权、放管结合、优化服务的简称。' },
      {
        term: '双碳', key: '双碳', marker: '④', label: '“双碳”',
        definition: '碳达峰与碳中和的简称。我国提出二氧化碳排放力争于2030年前达到峰值，努力争取2060年前实现碳中和。',
      },
      { term: '三变', key: '三变', marker: '⑤', label: '农村“三变”改革', definition: '资源变资产、资金变股金、农民变股东。' },
      {
        term: '一园三区', key: '一园三区', marker: '⑥', label: '“一园三区”',
        definition: '本报告指以青溪工业园为主体，建设城东电子信息产业区、城南农产品加工区和临江物流区的园区布局。',
      },
      {
        term: '专精特新', key: '专精特新', marker: '⑦', label: '“专精特新”中小企业',
        definition: '具有专业化、精细化、特色化、新颖化特征的中小企业。',
      },
      {
        term: '三线一单', key: '三线一单', marker: '⑧', label: '“三线一单”',
        definition: '生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。',
      },
      {
        term: '河长制', key: '河长制', marker: '⑨', label: '河长制',
        definition: '由各级党政主要负责同志担任河长，负责组织领导相应河湖的管理和保护工作。',
      },
      { term: '四好农村路', key: '四好农村路', marker: '⑩', label: '“四好农村路”', definition: '把农村公路建好、管好、护好、运营好。' },
    ]);
  });

  it('spans a two-block entry from its marker to the end of its last block', () => {
    const e = entries[3]!;
    expect(text.slice(e.start, e.end)).toBe(
      '④“双碳”：碳达峰与碳中和的简称。我国提出二氧化碳排放力争于2030年前达到峰值，\n努力争取2060年前实现碳中和。',
    );
    expect(text.slice(entries[9]!.end).trimStart().startsWith('【打印本页】')).toBe(true);
  });

  it('finds the terms in the body: quoted, bare, and followed by circled markers', () => {
    const spans = pageTermSpans(foldText(text), entries);
    expect(spans.map((s) => `${s.text}|${text.slice(s.end, s.end + 2)}`)).toEqual([
      '六稳|”①', '六保|”②', '放管服|”③', '专精特新|”⑦', '一园三区|”⑥', '四好农村路|⑩1', '河长制|⑨、', '三变|”⑤',
      '双碳|”④', '三线一单|”⑧',
    ]);
  });
});

describe('parsePageGlossary formats', () => {
  const body = '正文：落实“三高四新”战略，推进“六稳”工作。\n';

  it('reads [n] markers with “…”，指 and a heading in traditional script', () => {
    const text = `${body}相關名詞解釋\n[1] “三高四新”，指打造三個高地、擔當四新使命。\n[2]“六穩”，即穩就業、穩金融等六個方面。`;
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => [e.marker, e.term, e.key, e.definition])).toEqual([
      ['[1]', '三高四新', '三高四新', '打造三個高地、擔當四新使命。'],
      ['[2]', '六穩', '六稳', '穩就業、穩金融等六個方面。'],
    ]);
  });

  it('reads unnumbered “term：definition” lines and bare labels', () => {
    const text = `${body}附件：名词解释\n三高四新：打造“三个高地”、践行“四新”使命。\n“六稳”是指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。`;
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => [e.marker, e.term, e.definition])).toEqual([
      [null, '三高四新', '打造“三个高地”、践行“四新”使命。'],
      [null, '六稳', '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。'],
    ]);
  });

  it('reads (n) and 一、 markers, 「」 quotes and full-width digits', () => {
    const a = parsePageGlossary(`${body}《政府工作报告》名词解释\n（１）「三高四新」：打造三个高地。\n（２）『六稳』（Ｐ３）：稳就业等。`);
    expect(a.map((e) => [e.marker, e.term, e.definition])).toEqual([
      ['（１）', '三高四新', '打造三个高地。'],
      ['（２）', '六稳', '稳就业等。'],
    ]);
    const b = parsePageGlossary(`${body}名词解释\n一、“三高四新”：打造三个高地。\n二、“六稳”：稳就业等。`);
    expect(b.map((e) => [e.marker, e.term])).toEqual([
      ['一、', '三高四新'],
      ['二、', '六稳'],
    ]);
  });

  it('keeps sub-items of another marker family inside the definition', () => {
    const text = `${body}名词解释\n①“三高四新”：\n(1)三个高地：国家重要先进制造业高地等；\n(2)四新使命：闯出新路子等。\n②“六稳”：稳就业等。`;
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => [e.term, e.definition])).toEqual([
      ['三高四新', '(1)三个高地：国家重要先进制造业高地等；(2)四新使命：闯出新路子等。'],
      ['六稳', '稳就业等。'],
    ]);
  });

  it('keeps a paragraph that sits between two entries, and stops at the first one after the last entry', () => {
    const text = `${body}名词解释\n1.“六稳”：稳就业、稳金融。\n另有“六保”与之配套。\n2.“双减”：减轻学生负担。\n以上解释仅供参考。`;
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => [e.term, e.definition])).toEqual([
      ['六稳', '稳就业、稳金融。另有“六保”与之配套。'],
      ['双减', '减轻学生负担。'],
    ]);
  });

  it('returns nothing without a glossary heading, or when a heading has no entries', () => {
    expect(parsePageGlossary('“三高四新”：打造三个高地。')).toEqual([]);
    expect(parsePageGlossary('目录\n名词解释\n第一章 总则\n第二章 附则\n第三章 其他\n第四章 说明')).toEqual([]);
    expect(parsePageGlossary(fixture('text/novel-chapter.txt'))).toEqual([]);
    expect(parsePageGlossary(seed('003'))).toEqual([]);
  });

  it('does not take an ordinary sentence with a colon as an unquoted entry', () => {
    const text = `${body}名词解释\n“六稳”：稳就业等。\n根据省委省政府的统一部署和全县实际情况：我们将继续推进。`;
    expect(parsePageGlossary(text).map((e) => e.term)).toEqual(['六稳']);
  });
});

describe('pageTermSpans', () => {
  it('ignores one-character keys and returns nothing for no entries', () => {
    const text = '奋力“闯”出新路。\n名词解释\n①“闯”：敢闯敢试。';
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => e.key)).toEqual(['闯']);
    expect(pageTermSpans(foldText(text), entries)).toEqual([]);
    expect(pageTermSpans(foldText(text), [])).toEqual([]);
  });
});

describe('a page glossary stays within what matchText carries back', () => {
  // The content script sends the page glossary back with every batch of text the page adds later;
  // the background refused a longer one (parsePageGlossary in lib/messaging/validate.ts), so nothing
  // the page added after the first pass was ever highlighted.
  it('a definition that runs on over 20,000 characters is cut, and the validator accepts it', async () => {
    const { parsePageGlossary: validate } = await import('../../../lib/messaging/validate');
    const line = '这是一段很长的解释文字，用于说明该术语的来龙去脉和具体内容，并无句末标点的换行段落';
    const text = ['2023年政府工作报告', '名词解释', `1.“强省会”：${Array.from({ length: 1000 }, () => line).join('\n')}`].join('\n');
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => [e.term, e.definition])).toEqual([['强省会', line.repeat(1000).slice(0, 19_999) + '…']]);
    expect(validate(entries).map((e) => e.definition)).toEqual(entries.map((e) => e.definition));
  });

  it('keeps the first 50,000 entries of a longer glossary (a huge section of 30,000 is read whole)', async () => {
    const { parsePageGlossary: validate } = await import('../../../lib/messaging/validate');
    const text = ['名词解释', ...Array.from({ length: MAX_PAGE_ENTRIES + 5 }, (_, i) => `“词条${i}”：释义。`)].join('\n');
    const entries = parsePageGlossary(text);
    expect([MAX_PAGE_ENTRIES, entries.length, entries[0]!.term, entries.at(-1)!.term]).toEqual([50_000, 50_000, '词条0', '词条49999']);
    expect(validate(entries)).toHaveLength(50_000);
  });
});
