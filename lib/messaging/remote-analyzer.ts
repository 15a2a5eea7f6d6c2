import type { PageAnalysis } from '../analyze';
import type { PageGlossaryEntry, PageInput, Target, TermSpan } from '../types';
import type { TermsFirstAnalysis } from './protocol';

/** The three background calls the content script's analysis makes (lib/messaging/protocol.ts). */
export interface AnalysisChannel {
  analyzePage(data: { input: PageInput; force: boolean; deferTargets?: boolean }): Promise<TermsFirstAnalysis>;
  pageTargets(data: { token: string }): Promise<Target[] | null>;
  matchText(data: { text: string; pageGlossary: PageGlossaryEntry[] }): Promise<TermSpan[]>;
}

export interface RemoteAnalyzer {
  analyze(input: PageInput, force: boolean): Promise<PageAnalysis>;
  matchText(text: string, pageGlossary: PageGlossaryEntry[]): Promise<TermSpan[]>;
  /**
   * Resolves once `analysis.targets` holds the page's targets. Never rejects: if the background cannot
   * give them, they stay empty (the highlights do not depend on them).
   */
  targetsOf(analysis: PageAnalysis): Promise<void>;
}

/**
 * The content script's analyzer: the background's analysis, terms first. Highlights are painted from
 * the first reply; the targets — for the popup, saving and the library — are fetched afterwards, when
 * something needs them, by which time the background has usually extracted them already.
 */
export function remoteAnalyzer(channel: AnalysisChannel): RemoteAnalyzer {
  const inputs = new WeakMap<PageAnalysis, { input: PageInput; force: boolean }>();
  const pending = new WeakMap<PageAnalysis, Promise<void>>();
  return {
    async analyze(input, force) {
      const analysis = await channel.analyzePage({ input, force, deferTargets: true });
      if (analysis.targetsToken) inputs.set(analysis, { input, force });
      return analysis;
    },
    matchText: (text, pageGlossary) => channel.matchText({ text, pageGlossary }),
    targetsOf(analysis) {
      const token = (analysis as TermsFirstAnalysis).targetsToken;
      const request = inputs.get(analysis);
      if (!token || !request) return Promise.resolve();
      let done = pending.get(analysis);
      if (!done) {
        // A service worker that restarted in between no longer holds them: the whole analysis again,
        // targets inline (the terms it also returns are not used).
        const again = () => channel.analyzePage({ ...request, deferTargets: false }).then((a) => a.targets);
        done = channel
          .pageTargets({ token })
          .then((targets) => targets ?? again(), again)
          .then(
            (targets) => {
              analysis.targets = targets;
            },
            () => {},
          )
          .finally(() => {
            delete (analysis as TermsFirstAnalysis).targetsToken;
            inputs.delete(analysis);
          });
        pending.set(analysis, done);
      }
      return done;
    },
  };
}
