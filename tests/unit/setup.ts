import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { useOpenccPack } from '../../lib/convert/opencc';
import { OPENCC_PACK } from './helpers/opencc-pack';

// What the background fetches from the extension package on the first toggle (written by
// scripts/generate.mjs), handed over directly.
useOpenccPack(JSON.parse(readFileSync(OPENCC_PACK, 'utf8')));
