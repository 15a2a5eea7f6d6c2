import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { scriptVariants, traditionalVariant } from '../../lib/settings';

describe('scriptVariants', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a reader who never chose the traditional forms of their languages', async () => {
    expect(await scriptVariants(['zh-HK', 'en'])).toEqual({ traditional: 'hk', simplified: 'cn' });
    expect(await scriptVariants(['zh-TW'])).toEqual({ traditional: 'tw', simplified: 'cn' });
    expect(await scriptVariants(['en-US'])).toEqual({ traditional: 't', simplified: 'cn' });
  });

  it('keeps what the reader chose on the options page, whatever their languages', async () => {
    await traditionalVariant.setValue('t');
    expect(await scriptVariants(['zh-HK'])).toEqual({ traditional: 't', simplified: 'cn' });
    await traditionalVariant.setValue('twp');
    expect(await scriptVariants(['zh-HK'])).toEqual({ traditional: 'twp', simplified: 'cn' });
  });
});
