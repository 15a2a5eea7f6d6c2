import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { convertedSites, rememberedScript, rememberSite, rememberSites, scriptVariants, traditionalVariant } from '../../lib/settings';

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

describe('sites kept converted', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a site only while the option is on', async () => {
    await rememberSite('www.hengyang.gov.cn', 'traditional');
    expect(await convertedSites.getValue()).toEqual({});
    await rememberSites.setValue(true);
    await rememberSite('www.hengyang.gov.cn', 'traditional');
    expect(await rememberedScript('www.hengyang.gov.cn')).toBe('traditional');
  });

  it('forgets a site the reader toggled back while the option was off: turned on again, it is not converted', async () => {
    await rememberSites.setValue(true);
    await rememberSite('www.hengyang.gov.cn', 'traditional');
    await rememberSites.setValue(false);
    expect(await rememberedScript('www.hengyang.gov.cn')).toBeNull();
    // The reader converts the site and brings it back to its own script while nothing is remembered.
    await rememberSite('www.hengyang.gov.cn', 'traditional');
    await rememberSite('www.hengyang.gov.cn', null);
    await rememberSites.setValue(true);
    expect(await rememberedScript('www.hengyang.gov.cn')).toBeNull();
    expect(await convertedSites.getValue()).toEqual({});
  });
});
