import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageAnalysis } from '../analyze';
import type { EntryViewData } from '../glossary/view';
import type { ConvertRequest, ConvertResult } from '../convert/page';
import type { AddEntryRequest } from '../glossary/user';
import type { PageGlossaryEntry, PageInput, ReportInfo, Target, TermSource, TermSpan } from '../types';
import type { PackedTerms } from './term-wire';

/**
 * The one message protocol of the extension. Every message any context sends is listed here.
 * Data crossing a context boundary is validated by the receiver (lib/messaging/validate.ts).
 */

export type Script = 'simplified' | 'traditional';

/** A target plus the text around its sentence, so the sentence can be found again later. */
export interface ReportedTarget extends Target {
  prefix: string;
  suffix: string;
}

/** What the content script found on a page; sent to the background, shown by the popup. */
export interface PageReport {
  url: string;
  title: string;
  report: ReportInfo;
  /** Dominant script of the page text. */
  script: Script;
  termCount: number;
  /** Distinct terms in first-seen order, with how they were defined. */
  terms: { text: string; source: TermSource; entry: string | null; count: number }[];
  targets: ReportedTarget[];
  /** Whether the content script ran because the user asked (popup, menu, shortcut). */
  requested: boolean;
  /**
   * When the page was read (ms since the epoch): a page the reader removed from the library after that
   * is not saved back by this report (lib/db/removals).
   */
  readAt: number;
}

/** What the popup shows for a tab (the content script's live state). */
export interface PageState extends PageReport {
  annotated: boolean;
  pageId: number | null;
  saved: boolean;
  /** Why the page could not be saved (a full disk, a blocked database). */
  error?: string;
  /** The reader removed the page from the library after this tab read it: it is not saved back by itself. */
  removed?: boolean;
  /**
   * From the content script only: `targets` is left empty because the background holds them under this
   * token (lib/background/analyze); the background fills them in (tabState) before any page shows it.
   */
  targetsToken?: string;
}

/** A glossary entry as the tooltip shows it, already in the page's script. */
export type EntryView = EntryViewData;

/** The page's simplified ⇄ traditional toggle, as the popup shows it. */
export interface ScriptToggleState {
  /** The page's own dominant script; null until the page has been read. */
  original: Script | null;
  /** The script the page shows now. */
  current: Script | null;
  converted: boolean;
  /** Duration of the last toggle in the page, from the request to the last string written (ms). */
  ms: number | null;
  error?: string;
}

export interface SaveResult {
  pageId: number | null;
  saved: boolean;
  error?: string;
  /** Not saved: the reader removed the page from the library after it was read. */
  removed?: boolean;
}

/**
 * The answer to a page's report. `targetsGone`: the report named its targets by token, and this
 * worker no longer holds them (it restarted, or dropped them for newer ones): nothing was saved, and
 * the content script sends the report again with the targets in it.
 */
export type ReportResult = SaveResult & { targetsGone?: true };

/**
 * A page's analysis as the content script receives it. With `deferTargets` the background answers as
 * soon as the terms are matched — `targets` is then `[]` and `targetsToken` fetches them (pageTargets).
 */
export type TermsFirstAnalysis = PageAnalysis & { targetsToken?: string };

/** {@link TermsFirstAnalysis} as the message carries it: the terms packed (lib/messaging/term-wire). */
export type WireAnalysis = Omit<TermsFirstAnalysis, 'terms'> & { terms: PackedTerms };

export interface ProtocolMap {
  // content → background
  /**
   * Sent at document_start by the wake script (entrypoints/wake.content.ts): a stopped service worker (Chrome stops it after
   * 30 s idle) starts while the page is still loading, not when the content script asks for analysis.
   */
  wake(): void;
  /**
   * Part of a page text too long for one message, ahead of the analyzePage or matchText whose `textId`
   * names it, starting `at` that offset of the text; that message's own text is the last part
   * (lib/messaging/send-in-parts).
   */
  pageText(data: { id: string; part: string; at: number }): void;
  /** Runs the core pipeline on the page text: the content script only walks the DOM and paints. */
  analyzePage(data: { input: PageInput; force: boolean; deferTargets?: boolean; textId?: string }): WireAnalysis;
  /** The targets of an analysis sent with `deferTargets`; null once the background no longer holds them. */
  pageTargets(data: { token: string }): Target[] | null;
  /** Terms in text added to the page later (offsets into `text`). */
  matchText(data: { text: string; pageGlossary: PageGlossaryEntry[]; textId?: string }): PackedTerms;
  /**
   * The page's {@link PageReport} as JSON text, after the parts sent ahead when `textId` names them (a
   * long report: the 1 MB page's 660 targets are 232,000 characters, whose one synchronous send made a
   * 52–59 ms task on the page's main thread; lib/messaging/send-in-parts). With `targetsToken` the
   * report's targets are left out, and the background adds the ones it holds for that analysis
   * (lib/background/analyze: heldReportTargets): the page never receives them nor sends them back.
   */
  reportPage(data: { json: string; textId?: string; targetsToken?: string }): ReportResult;
  getEntries(data: { ids: string[]; script: Script }): Record<string, EntryView>;
  /** The tooltip's "add to my glossary": a page cannot open an extension page itself. */
  openAddEntry(data: AddEntryRequest): void;
  /** A page's strings into the other script (OpenCC lives only in the background). */
  convertTexts(data: ConvertRequest): ConvertResult;
  /** Per-site memory, keyed by the sender's hostname: the script the user keeps this site in. */
  siteScript(): Script | null;
  /** Records (or forgets, with null) the sender's site; nothing unless the option is on. */
  rememberSiteScript(data: { script: Script | null }): void;
  // popup → background
  annotateTab(data: { tabId: number }): { ok: boolean; error?: string };
  /** Popup, shortcut and context menu: convert the tab's page, or restore it. */
  toggleScriptTab(data: { tabId: number }): { ok: boolean; state?: ScriptToggleState; error?: string };
  savePage(data: { tabId: number }): SaveResult;
  removePage(data: { url: string; tabId?: number }): { removed: boolean };
  /** The tab's {@link PageState}, its targets filled in from what this worker holds (popup, tests). */
  tabState(data: { tabId: number }): PageState | null;
  // background → content (sent to a tab)
  /** `withTargets`: the page fetches its targets first, so the state carries them (no token). */
  getPageState(data?: { withTargets?: boolean }): PageState | null;
  // popup → content (sent to a tab)
  setAnnotations(data: { enabled: boolean }): PageState | null;
  /** Scrolls to a target's sentence (its offsets in the page text, as the state gave them) and flashes it. */
  scrollToTarget(data: { start: number; end: number }): boolean;
  getScriptState(): ScriptToggleState;
  // background → content (sent to a tab): run or re-run on request
  annotateRequested(): PageState | null;
  /** The tab's page was saved or removed from the popup: the content script's state follows. */
  /** `removed`: the reader removed the page from the library (the popup); it is not saved again by itself. */
  savedChanged(data: SaveResult & { removed?: boolean }): void;
  toggleScript(): ScriptToggleState;
  // content → extension pages: a popup open for that tab follows it (lib/ui/follow-tab)
  /**
   * The page's state changed by itself: a new read (annotated again, an SPA's new route, text it added),
   * the answer to its report (saved, refused), or its script toggled (by the shortcut, the context menu,
   * the site memory, the popup). No data: the popup asks tabState and getScriptState again, so a notice
   * can make it read, never tell it what to show. The sender's tab names the page.
   */
  pageChanged(): void;
  // library page → extension pages
  /** The library deleted, cleared or imported pages itself (not through the background): an open popup reads its tab again. */
  libraryChanged(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
