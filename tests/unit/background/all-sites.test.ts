import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ALL_SITES, ensureAllSitesScript } from '../../../lib/background/all-sites';

type Registered = { id: string; js?: string[]; matches?: string[]; excludeMatches?: string[]; runAt?: string };

/** The browser's registry of dynamic content scripts, and whether the all-sites permission is granted. */
function fakeRegistry(granted: boolean, initial: Registered[]) {
  let scripts = initial.slice();
  const calls: string[] = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async (p: { origins?: string[] }) => granted && p.origins?.join() === ALL_SITES.join()) as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation((async (f?: { ids?: string[] }) =>
    scripts.filter((s) => !f?.ids || f.ids.includes(s.id))) as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async (list: Registered[]) => {
    for (const s of list) {
      if (scripts.some((x) => x.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      calls.push(`register ${s.js?.join()}`);
    }
    scripts.push(...list);
  }) as never);
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation((async (f?: { ids?: string[] }) => {
    calls.push(`unregister ${f?.ids?.join()}`);
    scripts = scripts.filter((s) => !f?.ids?.includes(s.id));
  }) as never);
  return { calls, scripts: () => scripts };
}

const ID = 'report-lens-all-sites';
const current: Registered = { id: ID, js: ['content-script.js'], matches: ALL_SITES, excludeMatches: ['*://*.gov.cn/*'], runAt: 'document_idle' };

describe('ensureAllSitesScript', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('registers the content script for every site but *.gov.cn (the manifest has those) once the permission is granted', async () => {
    const r = fakeRegistry(true, []);
    await ensureAllSitesScript();
    expect(r.calls).toEqual(['register content-script.js']);
    expect(r.scripts()).toEqual([current]);
    await ensureAllSitesScript();
    expect(r.calls).toEqual(['register content-script.js']);
  });

  it('unregisters it when the permission goes, and registers nothing without it', async () => {
    const r = fakeRegistry(false, [current]);
    await ensureAllSitesScript();
    expect(r.calls).toEqual([`unregister ${ID}`]);
    await ensureAllSitesScript();
    expect(r.calls).toEqual([`unregister ${ID}`]);
    expect(r.scripts()).toEqual([]);
  });

  it('replaces a registration kept from a build whose content script had another file name', async () => {
    const r = fakeRegistry(true, [{ ...current, js: ['content-scripts/content.js'] }]);
    await ensureAllSitesScript();
    expect(r.calls).toEqual([`unregister ${ID}`, 'register content-script.js']);
    expect(r.scripts()).toEqual([current]);
  });

  it('drops such a registration when the permission is gone too', async () => {
    const r = fakeRegistry(false, [{ ...current, js: ['content-scripts/content.js'] }]);
    await ensureAllSitesScript();
    expect(r.calls).toEqual([`unregister ${ID}`]);
    expect(r.scripts()).toEqual([]);
  });
});
