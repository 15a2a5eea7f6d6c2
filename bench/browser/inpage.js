// Baselines run inside a copy of the page (no extension on it), injected by bench/browser/run.ts with
// page.addScriptTag. Plain browser JavaScript on purpose: nothing transforms it on the way in.
(() => {
  const now = () => performance.now();
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };

  /** The floor: every text node's data, one TreeWalker pass, nothing skipped, nothing mapped. */
  function walkText() {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
    return parts.join('');
  }

  function timed(fn) {
    const t0 = now();
    const value = fn();
    return { ms: now() - t0, value };
  }

  function whenDone(start) {
    return new Promise((resolve) => start(resolve));
  }

  window.__rlBench = {
    walk(reps) {
      const samples = [];
      let length = 0;
      for (let i = 0; i < reps; i++) {
        const r = timed(walkText);
        length = r.value.length;
        samples.push(r.ms);
      }
      return { first: samples[0], median: median(samples.slice(1).length ? samples.slice(1) : samples), samples, length };
    },

    /** Our core (bundled by the bench) against the RegExp alternation, in this page's V8. */
    core(reps) {
      const C = window.__rlCore;
      const text = walkText();
      const input = { text, title: document.title, url: '', headings: [] };
      // What the content script would run before painting if the core ran in the page: recognition and
      // terms (targets left for later, as the background does), the first time in this page — every
      // report page would pay this, its code not yet optimised by V8 — matcher tables included.
      const firstInPage = timed(() => C.beginAnalysis(input, false).finish([C.bundledMatcher()], false)).ms;
      const matcher = C.bundledMatcher();
      const re = C.alternation(C.surfacesOf(C.bundledIndex()));
      const folded = C.foldText(text);
      const s = { foldText: [], matchTerms: [], regexAlternation: [], analyzePage: [] };
      let spans = 0;
      let regexCount = 0;
      for (let i = 0; i < reps + 2; i++) {
        const a = timed(() => C.foldText(text)).ms;
        const b = timed(() => (spans = C.matchTerms(folded, matcher).length)).ms;
        const c = timed(() => (regexCount = C.regexSpans(folded, re).length)).ms;
        const d = timed(() => C.analyzePage(input, { matchers: [matcher] })).ms;
        if (i >= 2) {
          s.foldText.push(a);
          s.matchTerms.push(b);
          s.regexAlternation.push(c);
          s.analyzePage.push(d);
        }
      }
      const out = {};
      for (const k of Object.keys(s)) out[k] = median(s[k]);
      return { ...out, firstInPage, spans, regexCount, length: text.length };
    },

    /**
     * mark.js on the same terms: `list` highlights the term list as mark.js is normally used (one
     * keyword at a time), `regexp` with one alternation (its fastest way). Each run starts from the
     * unmarked page; unmarking is not timed.
     */
    async markjs(mode, surfaces, reps) {
      const instance = new window.Mark(document.body);
      const samples = [];
      let marks = 0;
      const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(surfaces.map(escape).join('|'), 'g');
      for (let i = 0; i < reps; i++) {
        const t0 = now();
        marks = await whenDone((done) => {
          if (mode === 'regexp') instance.markRegExp(re, { acrossElements: true, done });
          else instance.mark(surfaces, { separateWordSearch: false, diacritics: false, acrossElements: true, done });
        });
        samples.push(now() - t0);
        await whenDone((done) => instance.unmark({ done }));
      }
      return { median: median(samples), samples, marks };
    },
  };
})();
