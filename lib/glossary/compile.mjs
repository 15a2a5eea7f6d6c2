// Build-time glossary compiler and schema checks. Plain ESM with JSDoc types because
// scripts/generate.mjs imports it without a TypeScript loader; the types for TS callers live in
// compile.d.mts.

/**
 * @typedef {import('../types').GlossaryEntry} GlossaryEntry
 * @typedef {import('./compile.d.mts').GlossaryIndex} GlossaryIndex
 */

/**
 * Builds a fold function equal to lib/text/normalize.ts `foldChars` from the pairs string
 * "繁简繁简…" of lib/generated/fold-table.json. It must stay byte-for-byte equal to the runtime fold:
 * a surface folded differently here than the page text is folded there can never match.
 * @param {string} [foldPairs]
 * @returns {(s: string) => string}
 */
export function makeFold(foldPairs = '') {
  /** @type {Map<number, number>} */
  const table = new Map();
  for (let i = 0; i + 1 < foldPairs.length; i += 2) table.set(foldPairs.charCodeAt(i), foldPairs.charCodeAt(i + 1));
  /** @param {number} code */
  const foldCode = (code) => {
    if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
    if (code === 0x3000) return 0x20;
    if (code < 0x2e80) return code;
    return table.get(code) ?? code;
  };
  return (s) => {
    let out = '';
    for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
    return out;
  };
}

/**
 * Every surface form of an entry (term first, then aliases), trimmed, without empties.
 * @param {GlossaryEntry} entry
 * @returns {string[]}
 */
function surfacesOf(entry) {
  const all = [entry.term, ...(Array.isArray(entry.aliases) ? entry.aliases : [])];
  return all.filter((s) => typeof s === 'string').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Compiles glossary entries into the compact index the content script matches with, plus the full
 * entries for the background, options page and CLI.
 *
 * Index layout (kept small: it ships in the content script, which has a 40 KB gzip budget):
 * `ids[k]` is entry k's id; `groups[c]` lists the folded surfaces that start with the UTF-16 unit `c`
 * as flat pairs `[surface, code, surface, code, …]`, longest surface first, so the matcher tries
 * candidates in order and the first hit is the longest (六稳六保 before 六稳). `code` is k for an
 * alias and -(k + 1) for the entry's own term, so the terms the highlight layer shows need no second
 * copy; `terms` keeps only the few terms that are not their own folded surface (a simplified 著 folds
 * to 着, so 显著 is stored as 显着). Definitions are not in the index: a page that is never hovered
 * never pays for them.
 *
 * If two entries claim the same folded surface (checkGlossary reports it), the first entry keeps it.
 * @param {GlossaryEntry[]} entries
 * @param {string} foldPairs
 * @returns {{ index: GlossaryIndex, full: GlossaryEntry[] }}
 */
export function compileGlossary(entries, foldPairs) {
  const fold = makeFold(foldPairs);
  /** @type {string[]} */
  const ids = [];
  /** @type {Record<string, string>} */
  const terms = {};
  /** @type {Map<string, number>} */
  const owner = new Map();
  entries.forEach((entry, k) => {
    ids.push(entry.id);
    for (const surface of surfacesOf(entry)) {
      const key = fold(surface);
      if (!owner.has(key)) owner.set(key, k);
    }
  });
  /** @type {Set<number>} */
  const termInGroups = new Set();
  entries.forEach((entry, k) => {
    const term = entry.term.trim();
    if (fold(term) === term && owner.get(term) === k) termInGroups.add(k);
    else terms[k] = entry.term;
  });
  /** @type {Map<string, Array<[string, number]>>} */
  const byFirst = new Map();
  for (const [key, k] of owner) {
    const c = key[0];
    if (c === undefined) continue;
    let list = byFirst.get(c);
    if (!list) byFirst.set(c, (list = []));
    const isTerm = termInGroups.has(k) && entries[k]?.term.trim() === key;
    list.push([key, isTerm ? -(k + 1) : k]);
  }
  /** @type {Record<string, Array<string | number>>} */
  const groups = {};
  for (const c of [...byFirst.keys()].sort()) {
    const list = byFirst.get(c) ?? [];
    list.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    groups[c] = list.flat();
  }
  return { index: { v: 1, ids, terms, groups }, full: entries };
}

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID = 200;
const ENTRY_KEYS = new Set([
  'id', 'term', 'aliases', 'components', 'definition', 'gloss', 'english', 'scope', 'year', 'related', 'sources',
]);
const SOURCE_KEYS = new Set(['title', 'issuer', 'year', 'url']);
// Quote marks of every style the pages use. A surface that contains one can never match, because the
// matcher deliberately leaves quotes outside the span (pages quote the same term “”, "", 「」 or not at all).
const QUOTE_RE = /["'“”‘’「」『』＂＇《》]/;
const MIN_YEAR = 1900;

/** @param {unknown} v */
const isText = (v) => typeof v === 'string' && v.trim().length > 0;

/** @param {unknown} y */
function yearProblem(y) {
  const max = new Date().getFullYear() + 1;
  if (typeof y !== 'number' || !Number.isInteger(y)) return 'is not an integer';
  if (y < MIN_YEAR || y > max) return `is outside ${MIN_YEAR}–${max}`;
  return null;
}

/**
 * Checks one entry against the GlossaryEntry contract (lib/types.ts).
 * @param {unknown} entry
 * @returns {string[]} error messages, empty when the entry is valid
 */
export function validateEntry(entry) {
  /** @type {string[]} */
  const errors = [];
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return ['entry is not an object'];
  const e = /** @type {Record<string, unknown>} */ (entry);
  const name = typeof e.id === 'string' && e.id ? e.id : typeof e.term === 'string' ? `(${e.term})` : '(no id)';
  const err = (/** @type {string} */ msg) => errors.push(`${name}: ${msg}`);

  for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) err(`unknown field "${key}"`);
  if (typeof e.id !== 'string' || !ID_RE.test(e.id)) err('id must be lowercase ascii words joined by single dashes');
  // The tooltip asks the background for an entry by id, and getEntries refuses a longer one
  // (lib/messaging/validate.ts parseIds): an imported entry with such an id never showed its definition.
  else if (e.id.length > MAX_ID) err(`id is longer than ${MAX_ID} characters`);
  for (const field of ['term', 'definition', 'gloss']) if (!isText(e[field])) err(`${field} must be a non-empty string`);
  if (e.english !== undefined && !isText(e.english)) err('english must be a non-empty string when present');
  for (const field of ['aliases', 'components', 'related']) {
    const v = e[field];
    if (!Array.isArray(v)) err(`${field} must be an array`);
    else if (!v.every(isText)) err(`${field} must contain only non-empty strings`);
  }
  for (const [field, v] of [['term', e.term], ...(Array.isArray(e.aliases) ? e.aliases.map((a) => ['alias', a]) : [])]) {
    if (typeof v !== 'string') continue;
    if (QUOTE_RE.test(v)) err(`${field} "${v}" contains quotation marks; write the bare term`);
    if (v !== v.trim()) err(`${field} "${v}" has surrounding whitespace`);
  }

  const scope = e.scope;
  if (!scope || typeof scope !== 'object') err('scope is missing');
  else {
    const s = /** @type {Record<string, unknown>} */ (scope);
    if (s.level === 'national') {
      if (s.region !== undefined) err('a national scope has no region');
    } else if (s.level === 'province' || s.level === 'city' || s.level === 'county') {
      if (!isText(s.region)) err(`a ${s.level} scope needs a region`);
      if (s.parent !== undefined && !isText(s.parent)) err('scope.parent must be a non-empty string when present');
    } else err(`scope.level "${String(s.level)}" is not national/province/city/county`);
  }

  if (e.year !== undefined) {
    const p = yearProblem(e.year);
    if (p) err(`year ${p}`);
  }

  if (!Array.isArray(e.sources) || e.sources.length === 0) err('at least one source is required');
  else
    e.sources.forEach((src, i) => {
      if (!src || typeof src !== 'object') return err(`sources[${i}] is not an object`);
      const s = /** @type {Record<string, unknown>} */ (src);
      for (const key of Object.keys(s)) if (!SOURCE_KEYS.has(key)) err(`sources[${i}] has unknown field "${key}"`);
      if (!isText(s.title)) err(`sources[${i}].title is missing`);
      if (!isText(s.issuer)) err(`sources[${i}].issuer is missing`);
      const p = yearProblem(s.year);
      if (p) err(`sources[${i}].year ${p}`);
      if (s.url !== undefined && !(typeof s.url === 'string' && /^https?:\/\/\S+$/.test(s.url)))
        err(`sources[${i}].url is not an http(s) URL`);
    });
  return errors;
}

/**
 * Traditional-script gateways that re-serve another site's page (big5.www.gov.cn/gate/big5/…,
 * big5.askci.com): a bundled citation names the page itself. Reposts on content farms cannot be told by
 * their address; README "Add a glossary entry" says what a source url must be.
 */
const MIRROR_GATEWAY = /^https?:\/\/big5\.|\/gate\/big5\//i;

/**
 * Checks a whole glossary: every entry valid, ids unique, no folded surface form claimed by two
 * entries (the matcher could only ever show one of them), related ids present.
 * @param {unknown[]} entries
 * @param {string} [foldPairs] pairs of lib/generated/fold-table.json; without it only full-width folds,
 *   so a traditional alias that collides with a simplified one goes unnoticed
 * @returns {string[]}
 */
export function checkGlossary(entries, foldPairs) {
  const fold = makeFold(foldPairs);
  /** @type {string[]} */
  const errors = [];
  /** @type {Set<string>} */
  const ids = new Set();
  /** @type {Map<string, string>} */
  const claimed = new Map();
  for (const entry of entries) {
    errors.push(...validateEntry(entry));
    if (!entry || typeof entry !== 'object') continue;
    const e = /** @type {GlossaryEntry} */ (entry);
    if (typeof e.id === 'string') {
      if (ids.has(e.id)) errors.push(`${e.id}: duplicate id`);
      ids.add(e.id);
    }
    if (Array.isArray(e.sources))
      e.sources.forEach((src, i) => {
        const url = src && typeof src === 'object' ? /** @type {{ url?: unknown }} */ (src).url : undefined;
        if (typeof url === 'string' && MIRROR_GATEWAY.test(url)) errors.push(`${e.id}: sources[${i}].url is a script-conversion mirror; cite the page itself`);
      });
    if (typeof e.term !== 'string') continue;
    const own = new Set();
    for (const surface of surfacesOf(e)) {
      const key = fold(surface);
      if (own.has(key)) continue;
      own.add(key);
      const other = claimed.get(key);
      if (other !== undefined && other !== e.id) errors.push(`${e.id}: surface "${surface}" is already claimed by ${other}`);
      else claimed.set(key, e.id);
    }
  }
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object') continue;
    const e = /** @type {GlossaryEntry} */ (entry);
    if (!Array.isArray(e.related)) continue;
    for (const r of e.related) {
      if (r === e.id) errors.push(`${e.id}: related lists the entry itself`);
      else if (!ids.has(r)) errors.push(`${e.id}: related id "${r}" does not exist`);
    }
  }
  return errors;
}
