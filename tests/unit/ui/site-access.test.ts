import { describe, expect, it } from 'vitest';
import { GOV_SITES, watchSiteAccess, type PermissionsApi, type SiteAccess } from '../../../lib/ui/site-access';
import { ALL_SITES } from '../../../lib/background/all-sites';

/** browser.permissions as Chrome behaves: granted origins, and the events it fires when they change. */
function fakePermissions(origins: string[]) {
  const granted = new Set(origins);
  const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };
  const api: PermissionsApi = {
    // Chrome answers contains() for the hosts the extension asked for; the content scripts' match is listed by getAll() only.
    contains: async ({ origins: asked }) => asked.every((o) => granted.has(o) && !GOV_SITES.includes(o)),
    getAll: async () => ({ origins: [...granted] }),
    onAdded: { addListener: (l) => listeners.added.add(l), removeListener: (l) => listeners.added.delete(l) },
    onRemoved: { addListener: (l) => listeners.removed.add(l), removeListener: (l) => listeners.removed.delete(l) },
  };
  return {
    api,
    listeners,
    grant(o: string[]) {
      o.forEach((x) => granted.add(x));
      listeners.added.forEach((l) => l());
    },
    revoke(o: string[]) {
      o.forEach((x) => granted.delete(x));
      listeners.removed.forEach((l) => l());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('watchSiteAccess', () => {
  it('reads the access now and follows grants and revocations made elsewhere', async () => {
    const perms = fakePermissions(GOV_SITES);
    const seen: SiteAccess[] = [];
    const controller = new AbortController();
    watchSiteAccess(perms.api, (a) => seen.push(a), controller.signal);
    await settle();
    expect(seen.at(-1)).toEqual({ allSites: false, govSites: true });
    perms.grant(ALL_SITES);
    await settle();
    expect(seen.at(-1)).toEqual({ allSites: true, govSites: true });
    perms.revoke(ALL_SITES);
    await settle();
    expect(seen.at(-1)).toEqual({ allSites: false, govSites: true });
    // The browser's site access set to "on click": the content scripts' hosts are withheld.
    perms.revoke(GOV_SITES);
    await settle();
    expect(seen.at(-1)).toEqual({ allSites: false, govSites: false });
    controller.abort();
  });

  it('ends with the last change when changes come in a burst', async () => {
    const perms = fakePermissions(GOV_SITES);
    const seen: SiteAccess[] = [];
    watchSiteAccess(perms.api, (a) => seen.push(a), new AbortController().signal);
    perms.grant(ALL_SITES);
    perms.revoke(ALL_SITES);
    perms.grant(ALL_SITES);
    perms.revoke(ALL_SITES);
    await settle();
    await settle();
    expect(seen.at(-1)).toEqual({ allSites: false, govSites: true });
  });

  it('stops listening when its signal aborts', async () => {
    const perms = fakePermissions(GOV_SITES);
    const seen: SiteAccess[] = [];
    const controller = new AbortController();
    watchSiteAccess(perms.api, (a) => seen.push(a), controller.signal);
    await settle();
    controller.abort();
    expect(perms.listeners.added.size + perms.listeners.removed.size).toBe(0);
    perms.grant(ALL_SITES);
    await settle();
    expect(seen).toHaveLength(1);
  });
});
