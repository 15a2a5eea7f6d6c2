import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { entriesInScript } from '../../../lib/background/script-toggle';
import { entryHeadword } from '../../../lib/glossary/headword';
import { entryView } from '../../../lib/glossary/view';
import type { EntryView } from '../../../lib/messaging/protocol';
import { traditionalVariant } from '../../../lib/settings';
import type { GlossaryEntry } from '../../../lib/types';

const entry = {
  id: 'tan-da-feng',
  term: '碳达峰碳中和',
  aliases: ['双碳'],
  definition: '二氧化碳排放力争于2030年前达到峰值',
  gloss: 'carbon peak and neutrality',
  components: [],
  scope: { level: 'national' },
  sources: [],
} as unknown as GlossaryEntry;

async function headwordOn(page: string, variant: 't' | 'tw' | 'hk', e: GlossaryEntry = entry): Promise<string> {
  await traditionalVariant.setValue(variant);
  const views = await entriesInScript({ [e.id]: entryView(e, false) as EntryView }, 'traditional');
  return entryHeadword(page, views[e.id]!.surfaces);
}

describe('the headword of a glossary term on a traditional page, whatever variant the reader converts to', () => {
  beforeEach(() => void vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN'));
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('is the page’s own words when they are a traditional form of the entry (峰 in Taiwan, 峯 in Hong Kong and OpenCC)', async () => {
    expect(await headwordOn('碳達峰碳中和', 'hk')).toBe('碳達峰碳中和');
    expect(await headwordOn('碳達峰碳中和', 't')).toBe('碳達峰碳中和');
    expect(await headwordOn('碳達峯碳中和', 'tw')).toBe('碳達峯碳中和');
  });

  it('is still the entry’s form, in the reader’s variant, when the page over-converted it', async () => {
    const reform = { ...entry, id: 'quan-mian-shen-hua-gai-ge', term: '全面深化改革', aliases: [] } as GlossaryEntry;
    for (const variant of ['t', 'tw', 'hk'] as const) expect(await headwordOn('全麵深化改革', variant, reform)).toBe('全面深化改革');
    const river = { ...entry, id: 'he-zhang-zhi', term: '河长制', aliases: [] } as GlossaryEntry;
    expect(await headwordOn('河長製', 'hk', river)).toBe('河長制');
  });
});

describe('the headword of a term on a simplified page', () => {
  afterEach(() => fakeBrowser.reset());

  it('is the page’s own words for an entry written in traditional (one the reader added from a traditional page)', async () => {
    const mine = { ...entry, id: 'user-liang-wang', term: '兩網工程', aliases: [] } as GlossaryEntry;
    const views = await entriesInScript({ [mine.id]: entryView(mine, true) as EntryView }, 'simplified');
    expect(entryHeadword('两网工程', views[mine.id]!.surfaces)).toBe('两网工程');
    // The entry's own text is the reader's, as they wrote it.
    expect(views[mine.id]!.term).toBe('兩網工程');
  });
});
