import type { PageAnalysis } from '../analyze';
import type { PageGlossaryEntry, PageInput, Target, TermSpan } from '../types';
import type { TermsFirstAnalysis, WireAnalysis } from './protocol';
import { sendInParts } from './send-in-parts';
import { unpackTerms, type PackedTerms } from './term-wire';

/** The background calls the content script's analysis makes (lib/messaging/protocol.ts). */
export interface AnalysisChannel {
  pageText(data: { id: string; part: string; at: number }): Promise<void>;
  analyzePage(data: { input: PageInput; force: boolean; deferTargets?: boolean; textId?: string }): Promise<WireAnalysis>;
  pageTargets(data: { token: string }): Promise<Target[] | null>;
  matchText(data: { text: string; pageGlossary: PageGlossaryEntry[]; textId?: string }): Promise<PackedTerms>;
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
  /**
   * The token under which the background holds this analysis's targets, while the page has not fetched
   * them (nor begun to): a report can name it instead of carrying them. Null otherwise.
   */
  heldToken(analysis: PageAnalysis): string | null;
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
    const wire = await sendInParts(channel.pageText, input.text, (rest, textId) =>
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
      unpackTerms(await sendInParts(channel.pageText, text, (rest, textId) => channel.matchText({ text: rest, pageGlossary, ...(textId ? { textId } : {}) })), text),
    heldToken: (analysis) => (inputs.has(analysis) ? ((analysis as TermsFirstAnalysis).targetsToken ?? null) : null),
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
