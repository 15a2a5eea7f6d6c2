import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The OpenCC dictionary pack scripts/generate.mjs writes into the extension's public files. (Built with
 * node:path: under happy-dom the global URL is the DOM's, which fileURLToPath does not accept.)
 */
export const OPENCC_PACK = join(dirname(fileURLToPath(import.meta.url)), '../../../assets/public/opencc/dictionaries.json');
