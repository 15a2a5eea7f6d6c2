import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetUiLang } from '../../../lib/i18n';
import { parseReason, reasonLine, reasonPhrases } from '../../../lib/ui/reasons';
import { useLocale } from '../helpers/messages';

// What detectReport gave seed 004 (衡南縣2022年政府工作報告, a traditional mirror), and diagnostics.
const SEED_004 = ['text:我代表人民政府向大会报告', 'title:政府工作报告', 'heading:名词解释', 'text:名词解释条目×34', 'url:gov.cn', 'breadcrumb:政务公开', 'url:zfgzbg'];
const DIAGNOSTICS = [
  'index:12 dated entries',
  'index:6 excerpts',
  'multi:4 reports (衡阳市/长沙市)',
  'multi:2 reports',
  'region:headline+衡南县',
  'truncated:2000000',
  'narrative:第N章',
  'narrative:对话×3',
  'narrative:他/她×12',
  'speaker:not the government',
];
const toTraditional: Record<string, string> = { 我代表人民政府向大会报告: '我代表人民政府向大會報告', 政府工作报告: '政府工作報告', 名词解释: '名詞解釋', 名词解释条目: '名詞解釋條目', 政务公开: '政務公開', 衡阳市: '衡陽市', 长沙市: '長沙市', 衡南县: '衡南縣' };
const inTraditional = (s: string) => toTraditional[s] ?? s;

afterEach(() => {
  vi.restoreAllMocks();
  resetUiLang();
});

describe('the popup’s reasons, as the reader reads them', () => {
  it('zh-TW: where each phrase was found, in words, the phrase in the page’s script', () => {
    useLocale('zh_TW');
    expect(SEED_004.map((r) => reasonLine(r, inTraditional))).toEqual([
      '正文「我代表人民政府向大會報告」',
      '標題「政府工作報告」',
      '小標題「名詞解釋」',
      '正文「名詞解釋條目」 ×34',
      '網址：gov.cn',
      '導覽路徑「政務公開」',
      '網址：/zfgzbg/',
    ]);
    expect(DIAGNOSTICS.map((r) => reasonLine(r, inTraditional))).toEqual([
      '像欄目的文章列表：12 條帶日期的條目',
      '像搜尋結果列表：6 條截斷的摘錄',
      '一個頁面上有 4 份報告：衡陽市、長沙市',
      '一個頁面上有 2 份報告',
      '地區取自標題：衡南縣',
      '頁面過長：只讀取了前 2,000,000 個字元',
      '有章回標題（第N章），像小說',
      '3 處對話，像敘事作品',
      '「他/她」12 次，像敘事作品',
      '像向大會作的報告，但不是政府的：沒有「政府工作報告」，也沒有「我代表…人民政府」',
    ]);
  });

  it('en: no detector codes (text:, heading:, url:) and no English left untranslated', () => {
    useLocale('en');
    expect(SEED_004.map((r) => reasonLine(r))).toEqual([
      'Text “我代表人民政府向大会报告”',
      'Title “政府工作报告”',
      'Heading “名词解释”',
      'Text “名词解释条目” ×34',
      'Address: gov.cn',
      'Breadcrumb “政务公开”',
      'Address: /zfgzbg/',
    ]);
    expect(reasonLine('multi:4 reports (衡阳市/长沙市)')).toBe('4 reports on one page: 衡阳市, 长沙市');
    expect(reasonLine('narrative:他/她×12')).toBe('He/she 12 times: reads like a story');
    expect(reasonLine('heading:提及政府工作报告')).toBe('A heading mentions “政府工作报告”');
    expect(reasonLine('index:6 excerpts')).toBe('Reads like a results list: 6 cut-off excerpts');
    expect(reasonLine('speaker:not the government')).toBe('Read to a congress, but not by the government: no “政府工作报告” and no “我代表…人民政府”');
  });

  it('zh-CN: the mainland’s quotation marks', () => {
    useLocale('zh_CN');
    expect(reasonLine('heading:政府工作报告')).toBe('小标题“政府工作报告”');
    expect(reasonLine('index:12 dated entries')).toBe('像栏目的文章列表：12 条带日期的条目');
    // The detector's 提及 is its own word, not the heading's.
    expect(reasonLine('heading:提及政府工作报告')).toBe('小标题提到“政府工作报告”');
  });

  it('collects the Chinese to convert once, and shows a reason it does not know as it is', () => {
    expect(reasonPhrases([...SEED_004, ...DIAGNOSTICS])).toEqual(['我代表人民政府向大会报告', '政府工作报告', '名词解释', '名词解释条目', '政务公开', '衡阳市', '长沙市', '衡南县']);
    expect(parseReason('something:new')).toEqual({ kind: 'raw', text: 'something:new' });
    expect(reasonLine('something:new')).toBe('something:new');
  });
});
