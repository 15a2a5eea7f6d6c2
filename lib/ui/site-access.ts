import { ALL_SITES } from '../background/all-sites';
import { serialRefresh } from './serial-refresh';

/** The content scripts' own match (wxt.config.ts): Chrome counts it as a host permission the reader can withhold. */
export const GOV_SITES = ['*://*.gov.cn/*'];

export interface SiteAccess {
  /** The optional permission for every site (the options page's grant). */
  allSites: boolean;
  /** *.gov.cn, unless the reader withheld it in the browser's site access (chrome://extensions → "On click"). */
  govSites: boolean;
}

interface PermissionEvent {
  addListener(listener: () => void): void;
  removeListener(listener: () => void): void;
}

/** What this needs of browser.permissions (a fake in the unit tests). */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}

/**
 * Calls `onChange` with the extension's site access now, and again whenever it changes — from this page,
 * another options page, or the browser's own extension settings, which tell no page but through these
 * events — until `signal` aborts. Reads run one at a time (serialRefresh): two changes in quick
 * succession (granted, then revoked) cannot leave the first answer on screen.
 * The returned function reads again on demand (after this page's own request, whose event may lag).
 */
export function watchSiteAccess(permissions: PermissionsApi, onChange: (access: SiteAccess) => void, signal: AbortSignal): () => Promise<void> {
  const refresh = serialRefresh(
    async (): Promise<SiteAccess> => {
      // The content scripts' match is a host the scripts may run on, not one the extension asked for:
      // Chrome's contains() says false for it even while granted; getAll() lists it.
      const [allSites, granted] = await Promise.all([permissions.contains({ origins: ALL_SITES }), permissions.getAll()]);
      const origins = granted.origins ?? [];
      return { allSites, govSites: allSites || GOV_SITES.every((o) => origins.includes(o)) };
    },
    onChange,
    // An extension page whose context is going away: nothing to show it to.
    { signal, onError: () => {} },
  );
  const changed = () => void refresh();
  permissions.onAdded.addListener(changed);
  permissions.onRemoved.addListener(changed);
  signal.addEventListener(
    'abort',
    () => {
      permissions.onAdded.removeListener(changed);
      permissions.onRemoved.removeListener(changed);
    },
    { once: true },
  );
  void refresh();
  return refresh;
}
