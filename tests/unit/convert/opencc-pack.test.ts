import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VARIANTS } from '../../../lib/convert/variants';
import { OPENCC_PACK } from '../helpers/opencc-pack';

type OpenccModule = typeof import('../../../lib/convert/opencc');
const pack = JSON.parse(readFileSync(OPENCC_PACK, 'utf8')) as unknown;

/** A fresh copy of the module, without the pack tests/unit/setup.ts installs. */
async function fresh(): Promise<OpenccModule> {
  vi.resetModules();
  return import('../../../lib/convert/opencc');
}

describe('the OpenCC dictionary pack', () => {
  let m: OpenccModule;
  beforeEach(async () => {
    m = await fresh();
  });

  it('refuses to convert before the dictionaries are loaded, and without a loader', async () => {
    expect(() => m.converterFor('traditional', DEFAULT_VARIANTS)).toThrow('OpenCC dictionaries not loaded');
    await expect(m.loadOpencc()).rejects.toThrow('no loader set');
  });

  it('loads once for concurrent callers, then converts as opencc-js does', async () => {
    const loader = vi.fn(async () => pack);
    m.setOpenccLoader(loader);
    await Promise.all([m.loadOpencc(), m.loadOpencc(), m.loadOpencc()]);
    await m.loadOpencc();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(m.converterFor('traditional', DEFAULT_VARIANTS)('高质量发展')).toBe('高質量發展');
    expect(m.converterFor('simplified', DEFAULT_VARIANTS)('責任製 全麵')).toBe('责任制 全面');
    expect(m.converterFor('traditional', { traditional: 'twp', simplified: 'cn' })('软件')).toBe('軟體');
  });

  it('reports a failed fetch and tries again on the next call', async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error('OpenCC dictionaries: 404 Not Found')).mockResolvedValue(pack);
    m.setOpenccLoader(loader);
    await expect(m.loadOpencc()).rejects.toThrow('404 Not Found');
    await m.loadOpencc();
    expect(loader).toHaveBeenCalledTimes(2);
    expect(m.converterFor('traditional', DEFAULT_VARIANTS)('发展')).toBe('發展');
  });

  it('refuses a file that is not a pack, with a clear error, and stays unloaded', async () => {
    for (const bad of [null, {}, { version: 2, preset: {}, dicts: [] }, { version: 1, preset: { from: [7] }, dicts: [] }, { version: 1, preset: {}, dicts: [1] }]) {
      m.setOpenccLoader(async () => bad);
      await expect(m.loadOpencc()).rejects.toThrow(/OpenCC pack/);
    }
    expect(() => m.converterFor('traditional', DEFAULT_VARIANTS)).toThrow('not loaded');
  });
});
