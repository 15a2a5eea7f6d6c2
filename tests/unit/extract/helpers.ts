import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../../../lib/types';

const SEEDS = fileURLToPath(new URL('../../fixtures/seeds', import.meta.url));

export const SEED_FILES = {
  '000': '000_d8a3dfe0b7b7e560.txt',
  '001': '001_0d3b50ca717e674d.txt',
  '002': '002_bc3763cfde610e31.txt',
  '003': '003_50feab6190b6776d.txt',
  '004': '004_020949d135bebf3b.txt',
} as const;

export function seed(id: keyof typeof SEED_FILES): string {
  return readFileSync(join(SEEDS, SEED_FILES[id]), 'utf8');
}

/** The fields the brief asks to pin down per item: indicator, value, valueMax, unit, qualifier. */
export type Row = [indicator: string, value: number | null, valueMax: number | null, unit: string, qualifier: string];

export function rows(ts: Target[]): Row[] {
  return ts.map((t) => [t.indicator, t.value, t.valueMax, t.unit, t.qualifier]);
}

/** Offsets [start, end) of a section of `text`, from its heading to the next heading. */
export function span(text: string, from: string, to: string): [number, number] {
  const s = text.indexOf(from);
  const e = text.indexOf(to, s + 1);
  if (s < 0 || e < 0) throw new Error(`section not found: ${from} … ${to}`);
  return [s, e];
}
