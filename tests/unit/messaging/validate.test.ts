import { describe, expect, it } from 'vitest';
import { MessageError, parsePageReport, parseTargetsToken } from '../../../lib/messaging/validate';

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
