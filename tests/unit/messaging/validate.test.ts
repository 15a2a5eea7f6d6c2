import { describe, expect, it } from 'vitest';
import { MessageError, parsePageInput, parsePageReport, parseScriptToggleState, parseTargetsToken } from '../../../lib/messaging/validate';

const valid = {
  url: 'https://www.hengyang.gov.cn/zcjd/1.html',
  title: '政府工作报告解读',
  script: 'simplified',
  termCount: 2,
  terms: [{ text: '三高四新', source: 'glossary', entry: 'hunan-san-gao-si-xin', count: 2 }],
  targets: [],
  requested: false,
  readAt: 1_700_000_000_000,
  report: { isReport: true, score: 0.8, kind: 'interpretation', reasons: ['title:解读'], region: '衡阳', regionKey: '衡阳', year: 2022 },
};

describe('parsePageReport', () => {
  it('accepts a well-formed report', () => {
    expect(parsePageReport(valid)).toEqual(valid);
  });

  it.each([
    ['not an object', 'hello', 'page: expected an object'],
    ['a javascript: URL', { ...valid, url: 'javascript:alert(1)' }, 'page.url'],
    ['an unknown kind', { ...valid, report: { ...valid.report, kind: 'novel' } }, 'report.kind'],
    ['a NaN score', { ...valid, report: { ...valid.report, score: Number.NaN } }, 'report.score'],
    ['a bad term source', { ...valid, terms: [{ ...valid.terms[0], source: 'html' }] }, 'page.terms[0].source'],
    ['too many targets', { ...valid, targets: new Array(5001).fill({}) }, 'page.targets'],
  ])('rejects %s with a message naming the field', (_name, input, field) => {
    expect(() => parsePageReport(input)).toThrow(MessageError);
    expect(() => parsePageReport(input)).toThrow(field);
  });
});

describe('parseTargetsToken', () => {
  it('takes a UUID and refuses anything else', () => {
    expect(parseTargetsToken({ token: '0f8fad5b-d9cb-469f-a165-70867728950e' })).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    for (const bad of [null, {}, { token: 5 }, { token: '' }, { token: '<img src=x>' }, { token: 'x'.repeat(65) }]) expect(() => parseTargetsToken(bad)).toThrow();
  });
});

describe('parsePageInput', () => {
  const input = { text: '正文', title: '标题', url: 'https://www.example.gov.cn/a.html', headings: [{ text: '一、总体要求', level: 2, start: 0 }] };

  it('accepts a page as read', () => {
    expect(parsePageInput(input)).toEqual(input);
  });

  // A page holds what it likes: refused, the whole page went unannotated (no highlights, no state).
  it('cuts an over-long title, URL and heading text, and keeps the first 20,000 headings', () => {
    const long = '推进高质量发展，'.repeat(300);
    const parsed = parsePageInput({
      ...input,
      title: `2023年政府工作报告${long}`,
      url: `${input.url}?q=${'a'.repeat(5000)}`,
      headings: [{ text: long, level: 2, start: 3 }, ...Array.from({ length: 20_005 }, (_, i) => ({ text: `第${i}节`, level: 3, start: i }))],
    });
    expect(parsed.title).toBe(`2023年政府工作报告${long}`.slice(0, 2000));
    expect(parsed.url).toBe(`${input.url}?q=${'a'.repeat(5000)}`.slice(0, 4096));
    expect(parsed.headings).toHaveLength(20_000);
    expect(parsed.headings[0]).toEqual({ text: long.slice(0, 2000), level: 2, start: 3 });
    expect(parsed.headings[19_999]).toEqual({ text: '第19998节', level: 3, start: 19_998 });
  });

  it.each([
    ['a title that is not a string', { ...input, title: 5 }, 'input.title: expected a string'],
    ['headings that are not an array', { ...input, headings: {} }, 'input.headings: expected an array'],
    ['a heading without text', { ...input, headings: [{ level: 1, start: 0 }] }, 'input.headings[0].text: expected a string'],
  ])('still refuses %s', (_, bad, message) => {
    expect(() => parsePageInput(bad)).toThrow(message);
  });
});

describe('parseScriptToggleState', () => {
  it('keeps a page’s answer as the popup uses it', () => {
    expect(parseScriptToggleState({ original: 'traditional', current: 'simplified', converted: true, ms: 12.5 })).toEqual({
      original: 'traditional', current: 'simplified', converted: true, ms: 12.5,
    });
    // Before the page's first read: no script known yet.
    expect(parseScriptToggleState({ original: null, current: null, converted: false, ms: null })).toEqual({ original: null, current: null, converted: false, ms: null });
    // converted is true only when it says so.
    expect(parseScriptToggleState({ original: 'simplified', current: 'simplified', converted: 'yes', ms: null }).converted).toBe(false);
  });

  it('cuts a long error instead of refusing the state', () => {
    const state = parseScriptToggleState({ original: 'simplified', current: 'simplified', converted: false, ms: null, error: 'x'.repeat(5000) });
    expect(state.error).toHaveLength(1000);
  });

  it('refuses what is not a state, naming the field', () => {
    expect(() => parseScriptToggleState(null)).toThrow(MessageError);
    expect(() => parseScriptToggleState({ original: 'klingon', current: null, converted: false, ms: null })).toThrow('scriptState.original');
    expect(() => parseScriptToggleState({ original: null, current: 'x', converted: false, ms: null })).toThrow('scriptState.current');
    expect(() => parseScriptToggleState({ original: null, current: null, converted: false, ms: 'fast' })).toThrow('scriptState.ms');
    expect(() => parseScriptToggleState({ original: null, current: null, converted: false, ms: null, error: 42 })).toThrow('scriptState.error');
  });
});
