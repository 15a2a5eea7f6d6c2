// Prepares the data the extension and the CLI load: the character fold table, the compiled glossary
// and the OpenCC dictionary pack. Runs on `npm install`, before builds, tests and the CLI, so no page
// parses or compiles anything at load time. Output goes to lib/generated/ and assets/public/opencc/
// (both git-ignored).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes only what changed, and then through a temporary file and a rename: a build, a test run and
 * `npm run analyze` all regenerate these files, and a reader must never see one half written.
 */
function writeGenerated(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    // Never left behind: the OpenCC pack's folder ships in the extension.
    rmSync(tmp, { force: true });
  }
}
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import STPhrases from 'opencc-js/dict/STPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'lib/generated');
mkdirSync(out, { recursive: true });

/**
 * Character-level traditional→simplified table, as a flat string of pairs "繁简繁简…".
 * Built from OpenCC's own dictionaries (TSCharacters, plus the Taiwan/Hong Kong variant reversals so
 * 裡/綫-style regional variants fold too). Only the first candidate of each entry is kept and only
 * single-code-unit pairs, so folding never changes the text length and offsets stay 1:1.
 */
function buildFoldTable() {
  const map = new Map();
  const add = (dict, chain) => {
    for (const item of dict.split('|')) {
      const [from, to] = item.split(' ');
      if (!from || !to || from.length !== 1) continue;
      let target = to;
      if (chain) target = map.get(target) ?? target;
      if (target.length !== 1 || target === from) continue;
      if (!map.has(from)) map.set(from, target);
    }
  };
  add(TSCharacters, false);
  // Variant reversals map regional forms to OpenCC standard traditional; chain them through TS.
  add(TWVariantsRev, true);
  add(HKVariantsRev, true);
  // Resolve chains: a target that is itself folded (standard traditional → simplified).
  let pairs = '';
  for (const [from, to] of map) {
    let t = to;
    for (let i = 0; i < 3 && map.has(t); i++) t = map.get(t);
    if (t !== from) pairs += from + t;
  }
  return pairs;
}

const fold = buildFoldTable();
writeGenerated(join(out, 'fold-table.json'), JSON.stringify({ pairs: fold }));

/**
 * The over-conversions of mirror sites whose converters write every 面 as 麵 and every 制 as 製 (seed 004:
 * 全麵, 糧食播種麵積, 體製, 責任製): 面 and 制 are traditional characters too, and 麵/製 are right only in
 * the words OpenCC's own simplified → traditional phrases give them (麪粉 and its regional form 麵粉,
 * 製造). For each, the phrases (simplified, traditional) that write the character so; lib/text/
 * over-conversion.ts keeps a page's 麵/製 only where one of them covers it.
 */
function buildOverConversion() {
  const variants = new Map();
  for (const dict of [TWVariants, HKVariants]) {
    for (const item of dict.split('|')) {
      const [from, to] = item.split(' ');
      if (from?.length === 1 && to?.length === 1) variants.set(from, [...(variants.get(from) ?? []), to]);
    }
  }
  const chars = { 面: ['麪'], 制: ['製'] };
  const result = {};
  for (const [simplified, forms] of Object.entries(chars)) {
    const written = [...new Set(forms.flatMap((t) => [t, ...(variants.get(t) ?? [])]))];
    const phrases = [];
    for (const item of STPhrases.split('|')) {
      const [from, to] = item.split(' ');
      if (!from || !to || from.length !== to.length) continue;
      for (let i = 0; i < from.length; i++) {
        if (from[i] === simplified && forms.includes(to[i])) {
          phrases.push(`${from} ${to}`);
          break;
        }
      }
    }
    if (!phrases.length) throw new Error(`generate: no OpenCC phrase writes ${simplified} as ${forms.join('/')}`);
    result[simplified] = { written, phrases: phrases.sort() };
  }
  return result;
}

writeGenerated(join(out, 'over-conversion.json'), JSON.stringify(buildOverConversion()));

/**
 * OpenCC's full locale preset (what opencc-js's Converter is built from) as one JSON file the
 * background fetches on the first script toggle, instead of 1.2 MB of string literals in background.js
 * that every service-worker start had to parse. Each dictionary is stored once and referred to by its
 * index: the preset uses the same dictionaries in many chains.
 */
async function writeOpenccPack() {
  const preset = await import('opencc-js/preset');
  const dicts = [];
  const index = new Map();
  const encode = (v) => {
    if (typeof v === 'string') {
      if (!index.has(v)) index.set(v, dicts.push(v) - 1);
      return index.get(v);
    }
    if (Array.isArray(v)) return v.map(encode);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    throw new Error(`opencc pack: unexpected ${typeof v} in the preset`);
  };
  const pack = { version: 1, preset: encode({ from: preset.from, to: preset.to, configs: preset.configs }), dicts };
  const dir = join(root, 'assets/public/opencc');
  mkdirSync(dir, { recursive: true });
  writeGenerated(join(dir, 'dictionaries.json'), JSON.stringify(pack));
  return dicts.length;
}
const openccDicts = await writeOpenccPack();

// The glossary compiler lives with the glossary code; it is plain JS so this script needs no TS loader.
// Only a missing compiler is tolerated (early checkouts); a compiler that fails to load must fail loudly.
const compiler = await import('../lib/glossary/compile.mjs').catch((err) => {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('compile.mjs')) return null;
  throw err;
});
let glossaryNote = '';
if (compiler) {
  const dir = join(root, 'glossary');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const entries = files.flatMap((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (!Array.isArray(data?.entries)) throw new Error(`generate: glossary/${f} has no "entries" array`);
    return data.entries;
  });
  const errors = compiler.checkGlossary(entries, fold);
  if (errors.length) {
    throw new Error(`generate: glossary has ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  }
  const { index, full } = compiler.compileGlossary(entries, fold);
  writeGenerated(join(out, 'glossary-index.json'), JSON.stringify(index));
  writeGenerated(join(out, 'glossary-entries.json'), JSON.stringify(full));
  glossaryNote = `, glossary ${full.length} entries from ${files.length} file(s)`;
}
console.error(`generate: fold table ${fold.length / 2} pairs${glossaryNote}, OpenCC pack ${openccDicts} dictionaries`);
