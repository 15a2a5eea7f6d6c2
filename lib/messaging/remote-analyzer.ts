import type { PageAnalysis } from '../analyze';
import type { PageGlossaryEntry, PageInput, Target, TermSpan } from '../types';
import type { TermsFirstAnalysis, WireAnalysis } from './protocol';
import { unpackTerms, type PackedTerms } from './term-wire';

/** The background calls the content script's analysis makes (lib/messaging/protocol.ts). */
export interface AnalysisChannel {
  pageText(data: { id: string; part: string }): Promise<void>;
  analyzePage(data: { input: PageInput; force: boolean; deferTargets?: boolean; textId?: string }): Promise<WireAnalysis>;
  pageTargets(data: { token: string }): Promise<Target[] | null>;
  matchText(data: { text: string; pageGlossary: PageGlossaryEntry[]; textId?: string }): Promise<PackedTerms>;
}

/**
 * A page text longer than this goes in parts of this size, each message awaited before the next.
 * runtime.sendMessage serialises its message synchronously on the page's main thread, and not in
 * linear time: 77,000 characters took 6 ms and 350,000 took 84 ms in one task on a loaded 2-core
 * machine. Seed 003, the longest real report, is 77,000 and still goes in one message.
 */
export const TEXT_PART = 100_000;

function textId(): string {
  // Not crypto.randomUUID: it exists only in secure contexts, and many government sites are http.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends `text` ahead in parts when it is long, and calls `send` with the last part and the id naming
 * the others. A worker that restarted between the parts has lost them and refuses the call: the
 * whole text goes once more.
 */
async function withTextParts<T>(channel: AnalysisChannel, text: string, send: (rest: string, id?: string) => Promise<T>): Promise<T> {
  if (text.length <= TEXT_PART) return send(text);
  const attempt = async () => {
    const id = textId();
    let at = 0;
    while (text.length - at > TEXT_PART) {
      let end = at + TEXT_PART;
      // Never between the halves of a surrogate pair (a CJK Extension B character in a name): the
      // message is UTF-8 on the way, and a lone half would arrive as U+FFFD.
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
      await channel.pageText({ id, part: text.slice(at, end) });
      at = end;
    }
    return send(text.slice(at), id);
  };
  return attempt().catch(attempt);
}

export interface RemoteAnalyzer {
  analyze(input: PageInput, force: boolean): Promise<PageAnalysis>;
  matchText(text: string, pageGlossary: PageGlossaryEntry[]): Promise<TermSpan[]>;
  /**
   * Resolves to true once `analysis.targets` holds the page's targets. Never rejects: if the background
   * cannot give them (the fetch by token and the whole analysis both fail) it resolves to false, the
   * targets stay empty and {@link targetsUnknown} says so — the highlights do not depend on them, but
   * an empty list must not be saved as the page's targets. A later call asks again.
   */
  targetsOf(analysis: PageAnalysis): Promise<boolean>;
}

/** Analyses whose targets the background failed to give: their empty `targets` means "unknown", not "none". */
const unknown = new WeakSet<PageAnalysis>();

/**
 * Whether the last {@link RemoteAnalyzer.targetsOf} for this analysis failed, so its `targets` are not
 * the page's. buildPageReport (lib/dom/page-report.ts) refuses to report such an analysis: saving it
 * would replace the page's stored targets with none.
 */
export function targetsUnknown(analysis: PageAnalysis): boolean {
  return unknown.has(analysis);
}

/**
 * The content script's analyzer: the background's analysis, terms first. Highlights are painted from
 * the first reply; the targets — for the popup, saving and the library — are fetched afterwards, when
 * something needs them, by which time the background has usually extracted them already.
 */
export function remoteAnalyzer(channel: AnalysisChannel): RemoteAnalyzer {
  // Kept until the targets have arrived, so a failed fetch can be asked again.
  const inputs = new WeakMap<PageAnalysis, { input: PageInput; force: boolean }>();
  const pending = new WeakMap<PageAnalysis, Promise<boolean>>();
  const analyzePage = async (input: PageInput, force: boolean, deferTargets: boolean): Promise<TermsFirstAnalysis> => {
    const wire = await withTextParts(channel, input.text, (rest, textId) =>
      channel.analyzePage({ input: rest === input.text ? input : { ...input, text: rest }, force, deferTargets, ...(textId ? { textId } : {}) }),
    );
    return { ...wire, terms: unpackTerms(wire.terms, input.text) };
  };
  return {
    async analyze(input, force) {
      const analysis = await analyzePage(input, force, true);
      if (analysis.targetsToken) inputs.set(analysis, { input, force });
      return analysis;
    },
    matchText: async (text, pageGlossary) =>
      unpackTerms(await withTextParts(channel, text, (rest, textId) => channel.matchText({ text: rest, pageGlossary, ...(textId ? { textId } : {}) })), text),
    targetsOf(analysis) {
      const request = inputs.get(analysis);
      // Came with its targets, or they arrived already.
      if (!request) return Promise.resolve(!unknown.has(analysis));
      let done = pending.get(analysis);
      if (!done) {
        // A service worker that restarted in between no longer holds them: the whole analysis again,
        // targets inline (the terms it also returns are not used). A token is good for one fetch.
        const again = () => analyzePage(request.input, request.force, false).then((a) => a.targets);
        const token = (analysis as TermsFirstAnalysis).targetsToken;
        delete (analysis as TermsFirstAnalysis).targetsToken;
        const fetched = token ? channel.pageTargets({ token }).then((targets) => targets ?? again(), again) : again();
        const attempt: Promise<boolean> = fetched
          .then(
            (targets) => {
              analysis.targets = targets;
              unknown.delete(analysis);
              inputs.delete(analysis);
              return true;
            },
            () => {
              unknown.add(analysis);
              return false;
            },
          )
          .finally(() => {
            if (pending.get(analysis) === attempt) pending.delete(analysis);
          });
        done = attempt;
        pending.set(analysis, done);
      }
      return done;
    },
  };
}
