import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_VARIANTS,
  defaultTraditionalVariant,
  parseSimplifiedVariant,
  parseTraditionalVariant,
  type ScriptVariants,
  type SimplifiedVariant,
  type TraditionalVariant,
} from './convert/variants';
import type { Script } from './text/script';

/** User settings, in browser.storage.local so every context sees the same values. */
export const autoSave = storage.defineItem<boolean>('local:autoSave', { fallback: true });

// Simplified ⇄ traditional toggle (lib/dom/script-toggle).
/** Null until the reader picks one: the default then follows their languages (scriptVariants). */
export const traditionalVariant = storage.defineItem<TraditionalVariant | null>('local:traditionalVariant', { fallback: null });
export const simplifiedVariant = storage.defineItem<SimplifiedVariant>('local:simplifiedVariant', { fallback: DEFAULT_VARIANTS.simplified });
/** Strip pinyin residue left by bad converters when converting a page to simplified. */
export const mirrorRepair = storage.defineItem<boolean>('local:mirrorRepair', { fallback: true });
/** Keep a site in the script the user toggled it to, on every visit. */
export const rememberSites = storage.defineItem<boolean>('local:rememberSites', { fallback: false });
/** Hostname → the script the user keeps that site in. */
export const convertedSites = storage.defineItem<Record<string, Script>>('local:convertedSites', { fallback: {} });

/**
 * The languages the reader prefers, most wanted first: those the browser asks pages for, then its UI
 * language (Chromium shows a Hong Kong reader its zh-TW UI; navigator.languages still says zh-HK).
 */
export function readerLanguages(): string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[] } }).navigator;
  return [...(nav?.languages ?? []), browser.i18n.getUILanguage()];
}

export async function scriptVariants(languages: readonly string[] = readerLanguages()): Promise<ScriptVariants> {
  const [traditional, simplified] = await Promise.all([traditionalVariant.getValue(), simplifiedVariant.getValue()]);
  // Stored values come from older versions or hand edits too; unknown ones fall back.
  return {
    traditional: traditional === null ? defaultTraditionalVariant(languages) : parseTraditionalVariant(traditional),
    simplified: parseSimplifiedVariant(simplified),
  };
}

/** The script a site is kept in, when the user asked to remember sites; null otherwise. */
export async function rememberedScript(hostname: string): Promise<Script | null> {
  if (!hostname || !(await rememberSites.getValue())) return null;
  return (await convertedSites.getValue())[hostname] ?? null;
}

/**
 * Records (or, with null, forgets) the script a site is kept in. Recorded only while remembering is on;
 * forgotten whatever the option: a site the reader brought back to its own script while it was off must
 * not be converted again once it is back on.
 */
export async function rememberSite(hostname: string, script: Script | null): Promise<void> {
  if (!hostname || (script && !(await rememberSites.getValue()))) return;
  const sites = { ...(await convertedSites.getValue()) };
  if (script) sites[hostname] = script;
  else if (hostname in sites) delete sites[hostname];
  else return;
  await convertedSites.setValue(sites);
}
