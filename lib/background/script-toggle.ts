import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { convertEntryView } from '../convert/entry-view';
import { converterFor, loadOpencc, OPENCC_PACK_PATH, setOpenccLoader, variantConverter } from '../convert/opencc';
import { convertPage, type ConvertResult } from '../convert/page';
import type { EntryView, Script, ScriptToggleState } from '../messaging/protocol';
import { sendToTab } from '../messaging/tabs';
import { parseConvertRequest, parseScript } from '../messaging/validate';
import { mirrorRepair, rememberSite, rememberedScript, scriptVariants } from '../settings';
import { foldChars } from '../text/normalize';

/**
 * The background's half of the script toggle. The OpenCC dictionaries are fetched from the extension
 * package on the first toggle (or the first tooltip on a traditional page) and their tries built then
 * (converterFor caches them): neither the content script nor the worker's start carries them.
 */

setOpenccLoader(async () => {
  const response = await fetch(browser.runtime.getURL(OPENCC_PACK_PATH as never));
  if (!response.ok) throw new Error(`OpenCC dictionaries: ${response.status} ${response.statusText}`);
  return response.json();
});

export async function convertForPage(data: unknown): Promise<ConvertResult> {
  const request = parseConvertRequest(data);
  const [variants, repair] = await Promise.all([scriptVariants(), mirrorRepair.getValue(), loadOpencc()]);
  return convertPage(request, { variants, repair });
}

/** Glossary text in the page's script: the glossary is simplified, the page may be traditional. */
export async function entriesInScript(entries: Record<string, EntryView>, script: Script): Promise<Record<string, EntryView>> {
  if (script !== 'traditional') return withSimplifiedSurfaces(entries);
  try {
    await loadOpencc();
  } catch {
    // A tooltip in simplified beats no tooltip: the toggle itself reports the failure.
    return entries;
  }
  const variants = await scriptVariants();
  const convert = converterFor('traditional', variants);
  // The page may write another variant's forms (a Taiwan page's 碳達峰 where a Hong Kong reader's
  // glossary reads 碳達峯): the surfaces carry them too, after the reader's, so the tooltip's headword
  // (lib/dom/session entryHeadword) keeps the page's words and replaces only what no variant writes
  // (全麵, 河長製). From the reader's forms through the variants' small tables (a few ms to build); Taiwan
  // phrasing (twp) writes Taiwan's characters.
  const own = variants.traditional === 'twp' ? 'tw' : variants.traditional;
  const others = (['t', 'tw', 'hk'] as const).filter((v) => v !== own).map((v) => variantConverter(own, v));
  const out: Record<string, EntryView> = {};
  for (const [id, view] of Object.entries(entries)) {
    const converted = convertEntryView(view, convert);
    out[id] = { ...converted, surfaces: [...new Set([...converted.surfaces, ...others.flatMap((c) => converted.surfaces.map(c))])] };
  }
  return out;
}

/**
 * On a simplified page the entry's surfaces carry their simplified forms too. The bundled glossary is
 * simplified already, but the reader's own entries may be written in traditional (one added from a
 * traditional page's 未收录 tooltip): without them, the headword (lib/glossary/headword) took the page's
 * 两网工程 for damage and showed the entry's 兩網工程. A simplified page is never over-converted.
 */
function withSimplifiedSurfaces(entries: Record<string, EntryView>): Record<string, EntryView> {
  const out: Record<string, EntryView> = {};
  for (const [id, view] of Object.entries(entries)) {
    const folded = view.surfaces.map(foldChars);
    out[id] = folded.every((f, i) => f === view.surfaces[i]) ? view : { ...view, surfaces: [...new Set([...view.surfaces, ...folded])] };
  }
  return out;
}

/** The hostname of the page a content script message came from ('' when there is none). */
export function senderHost(sender: { url?: string; tab?: { url?: string } }): string {
  try {
    const url = new URL(sender.url ?? sender.tab?.url ?? '');
    return /^https?:$/.test(url.protocol) ? url.hostname : '';
  } catch {
    return '';
  }
}

/** Per-site memory: read and written here, from the sender's own URL, never a name a page sends. */
export function siteScriptFor(sender: { url?: string; tab?: { url?: string } }): Promise<Script | null> {
  return rememberedScript(senderHost(sender));
}

export async function rememberSiteFor(sender: { url?: string; tab?: { url?: string } }, script: unknown): Promise<void> {
  await rememberSite(senderHost(sender), script === null ? null : parseScript(script));
}

export interface ToggleResult {
  ok: boolean;
  state?: ScriptToggleState;
  error?: string;
}

/**
 * Toggles the tab's page; injects the content script first where none runs (the popup, the shortcut
 * and the context menu all grant activeTab). The content script's handler never throws, so a failed
 * first send means no receiver, not a toggle that half happened.
 */
export async function toggleScriptTab(tabId: number, contentScript: ScriptPublicPath): Promise<ToggleResult> {
  try {
    return { ok: true, state: await sendToTab(tabId, 'toggleScript') };
  } catch {
    // No receiver yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [contentScript] });
    return { ok: true, state: await sendToTab(tabId, 'toggleScript') };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
