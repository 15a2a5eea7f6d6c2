/**
 * A page's 名词解释 written as a table: the text model gives each row as a line, its cells split by
 * '\t' (名词 | 解释, or 序号 | 名词 | 解释). Its rows are entries as the lines of a 名词解释 section are.
 */
import { describe, expect, it } from 'vitest';
import { pageEntryFor, pageTermSpans, parsePageGlossary } from '../../../lib/glossary/page';
import { foldText } from '../../../lib/text/normalize';

const rows = (r: string[][]) => r.map((c) => c.join('\t')).join('\n');
const read = (text: string) => parsePageGlossary(text).map((e) => [e.term, e.marker, e.definition]);

describe('a glossary table', () => {
  it('under a 名词解释 heading, with or without a 序号 column, whatever its header says', () => {
    const text = `名词解释\n${rows([['序号', '名称', '说明'], ['1', '“四链融合”', '产业链、创新链、资金链、人才链深度融合。'], ['2', '飞地经济', '两个地区打破行政区划，合作建设园区、共享收益的发展模式。']])}\n第五章 保障措施`;
    expect(read(text)).toEqual([
      ['四链融合', '1.', '产业链、创新链、资金链、人才链深度融合。'],
      ['飞地经济', '2.', '两个地区打破行政区划，合作建设园区、共享收益的发展模式。'],
    ]);
    expect(read(`附件：相关名词解释\n${rows([['词语', '含义'], ['两业融合', '先进制造业和现代服务业融合发展。']])}`)).toEqual([['两业融合', null, '先进制造业和现代服务业融合发展。']]);
  });

  it('headed only by its header row (名词 | 释义, 术语 | 解释); the page’s text then quotes the terms with their definition', () => {
    const text = `全市推进“四链融合”，发展飞地经济。\n${rows([['术语', '解释'], ['四链融合', '产业链、创新链、资金链、人才链深度融合。'], ['飞地经济', '跨行政区合作建园、共享收益的发展模式。']])}`;
    const entries = parsePageGlossary(text);
    expect(entries.map((e) => e.term)).toEqual(['四链融合', '飞地经济']);
    const spans = pageTermSpans(foldText(text), entries);
    expect(spans.map((s) => [text.slice(s.start, s.end), pageEntryFor(entries, text.slice(s.start, s.end))?.definition])).toEqual([
      ['四链融合', '产业链、创新链、资金链、人才链深度融合。'],
      ['飞地经济', '跨行政区合作建园、共享收益的发展模式。'],
    ]);
  });

  it('is no glossary without a heading or a glossary’s header: a service guide (名称 | 内容), a 主要指标 table, a news list', () => {
    expect(read(rows([['名称', '内容'], ['办理时限', '5个工作日'], ['收费标准', '不收费']]))).toEqual([]);
    expect(read(rows([['指标', '2020年', '2025年', '属性'], ['森林覆盖率（%）', '65.2', '65.5', '约束性']]))).toEqual([]);
    expect(read(rows([['标题', '发布日期'], ['关于印发2025年重点工作任务的通知', '2025-02-10']]))).toEqual([]);
  });

  it('an entry in one cell beside an empty one reads as a line does', () => {
    expect(read('名词解释\n1.“两业融合”：先进制造业和现代服务业融合发展。\t')).toEqual([['两业融合', '1.', '先进制造业和现代服务业融合发展。']]);
  });

  it('ends with its rows: a sentence after it quoting a term before a comma is prose', () => {
    const text = `${rows([['名词', '解释'], ['“三个一批”', '签约一批、开工一批、投产一批。']])}\n各级各部门要对照“三个一批”要求，逐项抓好落实。`;
    expect(read(text)).toEqual([['三个一批', null, '签约一批、开工一批、投产一批。']]);
  });
});
