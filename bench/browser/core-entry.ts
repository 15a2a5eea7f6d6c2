// The core as the bench injects it into a page copy (esbuild → IIFE global __rlCore), to time our
// matcher and the RegExp baseline in Chromium's V8 on the same text.
export { analyzePage, beginAnalysis } from '../../lib/analyze';
export { bundledIndex, bundledMatcher } from '../../lib/glossary/bundled';
export { matchTerms } from '../../lib/glossary/match';
export { foldText } from '../../lib/text/normalize';
export { alternation, regexSpans, surfacesOf } from '../lib/regex';
